// Package problem is the one shape of recoverable trouble met while reading
// input (a Word document's or a table's warnings, an email's problems): the file is still used, but something in it was skipped, cut at a
// limit or read approximately. Readers record a Problem (a stable Code,
// where in the file, an English detail for logs and `shenbao inspect`);
// Text gives the clerk's Chinese for it, in this one place, and the
// pipeline shows it in 文件清单 (处理结果) and, where it can change a
// finding, on the window.
//
// Trouble that makes a file unusable is not a Problem but an error, English
// and wrapped with %w, which parser/classify and parser/intake turn into the
// item's reason.
package problem

import (
	"fmt"
	"strings"
)

// Code names a kind of recoverable problem. The values are stable.
type Code string

// Codes of Word documents (word.Document.Warnings).
const (
	TextCut        Code = "text-cut"        // text past a size limit or past the document's own index was not read
	ParagraphCut   Code = "paragraph-cut"   // a paragraph or cell longer than word.MaxParagraphBytes was cut there
	TableCut       Code = "table-cut"       // rows, columns or cells past a limit were not read
	UnknownSymbol  Code = "unknown-symbol"  // a symbol glyph that is no known checkbox, written as "?"
	PictureUnread  Code = "picture-unread"  // a picture could not be found or measured
	EmbeddedUnread Code = "embedded-unread" // content imported from another format (altChunk) was not read
	FieldUnread    Code = "field-unread"    // a field too deep or too long, read as its plain text
	More           Code = "more"            // the list was capped; further problems are not listed
)

// Codes of tables (table.Book.Warnings) besides TableCut.
const (
	RowSkipped         Code = "row-skipped"         // a text row that does not parse was skipped; Where is the line
	SheetUnread        Code = "sheet-unread"        // a worksheet that cannot be read, or only in part; Where is its name
	StringsBroken      Code = "strings-broken"      // the shared-string table is incomplete or an index is invalid: some cells may be empty
	WorkbookIncomplete Code = "workbook-incomplete" // the workbook's global records end early
)

// Codes of emails (mail.Message.Problems). Where names the attachment or
// data stream concerned; Detail holds the raw value quoted (a Date header,
// a charset name).
const (
	DateMissing     Code = "date-missing"     // no Date header
	DateUnreadable  Code = "date-unreadable"  // a Date header no known layout reads; Detail is the header
	StreamUnread    Code = "stream-unread"    // a .msg data stream of impossible size was skipped; Where is the stream
	EmbeddedMail    Code = "embedded-mail"    // an attachment is an embedded Outlook message, not read; Where is its name
	TooDeep         Code = "too-deep"         // MIME parts nested past the depth limit were not read
	BoundaryGuessed Code = "boundary-guessed" // a multipart without a boundary parameter was split at a guessed one
	BoundaryMissing Code = "boundary-missing" // a multipart without a boundary could not be split
	PartEncoding    Code = "part-encoding"    // an attachment's transfer encoding is broken; Where is its name
	BodyEncoding    Code = "body-encoding"    // the body's transfer encoding is broken
	CharsetUnknown  Code = "charset-unknown"  // the body's charset is unknown, read as GB18030; Detail is the charset
	PartsDropped    Code = "parts-dropped"    // parts past the limit (Limit) were not read; Count says how many
	Truncated       Code = "truncated"        // a multipart lacks its closing boundary (cut in transit?)
	Base64Broken    Code = "base64-broken"    // malformed base64 in a part
	HeaderMalformed Code = "header-malformed" // a header line that breaks the syntax, read as far as possible
	PartSkipped     Code = "part-skipped"     // a child part that could not be read was skipped
	EncodingUnknown Code = "encoding-unknown" // a Content-Transfer-Encoding no reader knows
	BoundaryInData  Code = "boundary-in-data" // a part's content holds its own boundary; read as plain content
	CharsetBroken   Code = "charset-broken"   // a charset declaration or conversion error
)

// Problem is one recoverable problem.
type Problem struct {
	Code   Code   `json:"code"`
	Where  string `json:"where,omitempty"`  // the part, table or attachment it is about; "" for the whole file
	Detail string `json:"detail,omitempty"` // English: the limit, name or value that makes it specific
	Limit  int    `json:"limit,omitempty"`  // the bound that was reached, when the clerk is told it
	Count  int    `json:"count,omitempty"`  // how many things were left out, when the clerk is told it
}

// String is the English form for logs and test messages.
func (p Problem) String() string {
	s := string(p.Code)
	if p.Where != "" {
		s += " (" + p.Where + ")"
	}
	if p.Detail != "" {
		s += ": " + p.Detail
	}
	return s
}

// LosesContent reports whether part of what the file says may be missing
// from what was read, so that a form's findings cannot be trusted alone.
func (p Problem) LosesContent() bool {
	switch p.Code {
	case TextCut, ParagraphCut, TableCut, EmbeddedUnread, UnknownSymbol:
		return true
	}
	return false
}

// Details lists the English details of ps, for tests and logs.
func Details(ps []Problem) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Detail)
	}
	return out
}

// Text is the clerk's Chinese for a problem.
func Text(p Problem) string {
	switch p.Code {
	case TextCut:
		return "文档过长，后面的内容未读取"
	case ParagraphCut:
		return "有一段文字过长（超过约8万字），超出部分未读取"
	case TableCut:
		return "表格过大（行、列或单元格过多），超出部分未读取"
	case UnknownSymbol:
		return "有无法识别的勾选符号，已按“?”处理"
	case PictureUnread:
		return "文档中有图片无法读取（签名、印章图片可能未识别）"
	case EmbeddedUnread:
		return "文档中嵌入的其他格式内容未读取"
	case FieldUnread:
		return "有域代码未能完整读取，已按显示的文字处理"
	case More:
		return "另有问题未逐一列出"
	case RowSkipped:
		return "表格中有行无法解析，已跳过"
	case SheetUnread:
		return "工作表“" + p.Where + "”无法完整读取，部分内容未读取"
	case StringsBroken:
		return "表格的文字表不完整，部分单元格可能显示为空"
	case WorkbookIncomplete:
		return "工作簿结构不完整，部分内容可能未读取"
	case DateMissing:
		return "邮件没有发送日期（Date）"
	case DateUnreadable:
		return "发送日期无法识别：“" + p.Detail + "”"
	case StreamUnread:
		return ".msg 文件中的数据块“" + p.Where + "”大小异常，未读取"
	case EmbeddedMail:
		return "附件“" + p.Where + "”是嵌入的 Outlook 邮件，未读取其内容"
	case TooDeep:
		return "邮件结构嵌套过深，深层内容未读取"
	case BoundaryGuessed:
		return "邮件分段结构没有声明分隔符（boundary），已按推测的分隔符读取"
	case BoundaryMissing:
		return "邮件分段结构没有声明分隔符（boundary），这部分内容未能读取"
	case PartEncoding:
		return "附件“" + p.Where + "”的传输编码有误，内容可能不完整"
	case BodyEncoding:
		return "正文的传输编码有误，部分文字可能缺失"
	case CharsetUnknown:
		return "正文字符集“" + p.Detail + "”无法识别，按 GB18030 读取"
	case PartsDropped:
		return fmt.Sprintf("附件过多，只读取了前 %d 个，其余 %d 个未读取", p.Limit, p.Count)
	case Truncated:
		return "邮件缺少结束分隔线（可能被截断），已尽量读取"
	case Base64Broken:
		return "附件的 Base64 编码有误，内容可能不完整"
	case HeaderMalformed:
		return "邮件头格式不规范，已尽量读取"
	case PartSkipped:
		return "邮件中有一部分无法读取，已跳过"
	case EncodingUnknown:
		return "邮件使用了无法识别的传输编码"
	case BoundaryInData:
		return "邮件中有一部分结构异常，已按普通内容读取"
	case CharsetBroken:
		return "邮件字符集转换有误，部分文字可能显示不正确"
	}
	return "读取时遇到问题"
}

// Texts are the clerk's Chinese of ps, one per problem, in order.
func Texts(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, Text(p))
	}
	return out
}

// Summary is the clerk's one-line account of ps: each distinct Text once,
// in order, joined by "；". "" when there are none.
func Summary(ps []Problem) string {
	var texts []string
	seen := map[string]bool{}
	for _, p := range ps {
		if t := Text(p); !seen[t] {
			seen[t] = true
			texts = append(texts, t)
		}
	}
	return strings.Join(texts, "；")
}
