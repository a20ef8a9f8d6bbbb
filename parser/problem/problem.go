// Package problem is the one shape of recoverable trouble met while reading
// input: the file is still used, but something in it was skipped, cut at a
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

import "strings"

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

// Problem is one recoverable problem.
type Problem struct {
	Code   Code   `json:"code"`
	Where  string `json:"where,omitempty"`  // the part, table or attachment it is about; "" for the whole file
	Detail string `json:"detail,omitempty"` // English: the limit, name or value that makes it specific
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
	}
	return "读取时遇到问题"
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
