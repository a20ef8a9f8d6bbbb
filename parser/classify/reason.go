package classify

import (
	"archive/zip"
	"errors"
	"fmt"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/problem"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/parser/table"
)

// The clerk's words for kinds and verdicts. Everything Chinese the parse
// stage says is here.

// Label is the kind's word in 文件清单: 申报表, 初审表, 照片 …; kinds that
// are not material (ignored, failed, other) are 其他.
func (k Kind) Label() string {
	switch k {
	case Application:
		return "申报表"
	case Review:
		return "初审表"
	case BothForms:
		return "申报表+初审表"
	case OtherWord:
		return "Word文档"
	case NonWordApplication:
		return "申报表（非WORD格式）"
	case Photo:
		return "照片"
	case ScanImage:
		return "扫描件"
	case ScanMetadata:
		return "扫描记录"
	case PDF:
		return "PDF"
	case Ranking:
		return "实绩排序表"
	case JointReturn:
		return "联审反馈"
	}
	return "其他"
}

const (
	reasonHTMLPage      = "网页文件，不是申报材料"
	reasonEncryptedDocx = "文件已加密（设有打开密码），无法读取，请取消密码后重新提交"
	reasonWorks         = "Microsoft Works 格式，无法读取，请另存为WORD格式（.docx）后重新提交"
	reasonOldWord       = "WORD 95 或更早版本，请另存为 .docx 后重发"
	reasonOtherPDF      = "PDF文件，不作为申报材料"
	reasonPDFEncrypted  = "PDF文件已加密（设有打开密码），无法查看，请取消密码后重新提交"
	reasonPDFBroken     = "PDF文件已损坏或不完整，无法打开，请重新提交"
	reasonHEIC          = "HEIC格式照片（手机拍摄），无法读取，请转换为JPG格式后重新提交"
	reasonImageBroken   = "图片文件已损坏或格式不支持，无法打开"
	reasonCalendar      = "日历邀请，不是申报材料"
	reasonMailText      = "邮件附带的文本或签名文件，不是申报材料"
	reasonWordBroken    = "文件已损坏，无法作为WORD文档打开"
	reasonSpreadsheet   = "表格文件，不是申报材料（扫描记录请用 --scans 指定）"
	reasonUnknown       = "无法识别的文件类型，未作为申报材料"
	reasonOtherWord     = "其他WORD文档（不是申报表或初审表），未作为申报材料"
)

// reasonWarnings tells the clerk what was met while reading a usable Word
// file; "" when nothing was.
func reasonWarnings(ws []problem.Problem) string {
	if len(ws) == 0 {
		return ""
	}
	return "读取时发现问题：" + problem.Summary(ws)
}

func reasonPDFPages(n int) string { return fmt.Sprintf("PDF，共%d页", n) }

func reasonSmallPicture(w, h int) string {
	return fmt.Sprintf("图片仅 %d×%d 像素，视为邮件签名或图标", w, h)
}

func reasonMetadataProblems(n int) string { return fmt.Sprintf("%d 行有问题，见问题清单", n) }

// reasonMetadata words why a scan metadata file could not be read.
func reasonMetadata(err error) string {
	why := wordsFor(err, metadataWords, "读取失败，文件可能已损坏")
	var se *scan.Error
	if errors.As(err, &se) && se.File != "" {
		return "扫描记录 " + se.File + "：" + why
	}
	return "扫描记录无法读取：" + why
}

// metadataWords are the clerk's words for a scan metadata reader's errors.
var metadataWords = []errWords{
	{scan.ErrNotTable, "不是文本表格（CSV/TSV）、XLSX或JSON文件"},
	{scan.ErrNoHeader, "找不到表头（需要“窗口名称”“栏目”两列，以及签字、盖章、日期等至少一列）"},
	{scan.ErrTooWide, "XLSX文件无法打开（工作表有单元格超出列数上限，疑似文件损坏）"},
	{scan.ErrXLSX, "XLSX文件无法打开（文件已损坏或不是XLSX格式）"},
	{scan.ErrSheet, "工作表无法读取（文件可能已损坏）"},
	{scan.ErrJSON, "JSON格式无法识别（需要记录数组或{\"records\": [...]}）"},
	{scan.ErrNoRecords, "JSON中没有扫描记录（需要“窗口名称”“栏目”键，以及签字、盖章、日期等至少一项）"},
}

// errWords pairs a reader's error with the clerk's words for it.
type errWords struct {
	err   error
	words string
}

// wordsFor is the words of the first entry whose error err is (errors.Is),
// else fallback.
func wordsFor(err error, ws []errWords, fallback string) string {
	for _, w := range ws {
		if errors.Is(err, w.err) {
			return w.words
		}
	}
	return fallback
}

// reasonWord turns a Word reader's error into the clerk's words.
func reasonWord(err error) string {
	switch {
	case errors.Is(err, doc.ErrEncrypted):
		return "文件已加密（设有打开密码），无法读取，请取消密码后重新提交"
	case errors.Is(err, doc.ErrOldWord):
		return reasonOldWord
	case errors.Is(err, doc.ErrUnsupported):
		return "WORD文件格式不受支持，请另存为 .docx 后重新提交"
	case errors.Is(err, docx.ErrNotDocx), errors.Is(err, zip.ErrFormat):
		return "WORD文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送"
	}
	return "WORD文件内容有误，无法读取，请用WORD打开检查后另存重新发送"
}

func reasonScanImage(err error) string {
	return "扫描件无法读取：" + sealWords(err)
}

// sealWords is the clerk's wording of why a scan, a page of it or its
// review rows could not be read.
func sealWords(err error) string {
	var e *seal.Error
	if !errors.As(err, &e) {
		return "文件无法读取"
	}
	// A page number comes only with a PDF's pages: "PDF 第 2 页的图像".
	pdfPage, picture := "", "图像"
	if e.Page > 0 {
		pdfPage = fmt.Sprintf("PDF 第 %d 页", e.Page)
		picture = pdfPage + "的图像"
	}
	inner := ""
	if e.Err != nil {
		inner = "：" + e.Err.Error()
	}
	switch e.Kind {
	case seal.NotImage:
		return "不是可识别的扫描图像（支持 JPEG、PNG、TIFF、PDF）"
	case seal.TooManyPages:
		return fmt.Sprintf("文件有 %d 页，超过上限 %d 页", e.N, e.Limit)
	case seal.NoSuchPage:
		return fmt.Sprintf("没有第 %d 页", e.Page)
	case seal.DecodePanic:
		if pdfPage != "" {
			return pdfPage + "读取出错" + inner
		}
		return "图像解码出错" + inner
	case seal.Unreadable:
		return picture + "无法读取" + inner
	case seal.Undecodable:
		return picture + "无法解码" + inner
	case seal.BadSize:
		return fmt.Sprintf("图像尺寸无效（%d×%d）", e.W, e.H)
	case seal.TooManyPixels:
		return fmt.Sprintf("图像 %d×%d 像素，超过上限 %d 万像素，未解码", e.W, e.H, e.Limit/10000)
	case seal.TIFFTruncated:
		return "TIFF 文件不完整"
	case seal.TIFFBadOffset:
		return "TIFF 目录位置超出文件"
	case seal.PDFEncrypted:
		return "PDF 已加密，无法读取"
	case seal.PDFUnreadable:
		return "PDF 无法读取" + inner
	case seal.PDFNoImage:
		return pdfPage + "没有扫描图像（可能是文字版 PDF，请提供扫描件）"
	case seal.PDFStrips:
		return fmt.Sprintf("%s由 %d 个图像条带拼成，暂不能识别，请重新扫描为单张图像", pdfPage, e.N)
	case seal.PDFJPX:
		return picture + "为 JPEG 2000（JPX）格式，无法解码，请改用 JPEG 扫描"
	case seal.PDFJBIG2:
		return picture + "为 JBIG2 格式，无法解码，请改用 TIFF 或 JPEG 扫描"
	case seal.PDFFormat:
		return fmt.Sprintf("%s格式 %s 无法解码", picture, e.Format)
	case seal.NoTable:
		return "扫描件上未能找到初审表的表格线"
	case seal.NoReviewRows:
		return fmt.Sprintf("扫描件上未能确定%d个审核栏的位置（表格行数或行高与初审表不符）", e.N)
	}
	return "文件无法读取"
}

// reasonTable turns a table reader's error into the clerk's words.
func reasonTable(err error) string {
	if errors.Is(err, table.ErrWord) {
		return "表格无法读取：" + reasonWord(err)
	}
	return "表格无法读取：" + wordsFor(err, tableWords, "文件内容有误，无法读取，请用 Excel 或 WPS 打开检查后另存重新发送")
}

// tableWords are the clerk's words for a table reader's errors, the first
// that matches winning.
var tableWords = []errWords{
	{table.ErrNotTable, "不是表格文件"},
	{table.ErrEncrypted, "文件已加密（设置了打开密码），请取消密码后重新发送"},
	{table.ErrOldExcel, "这是 Excel 5.0/95 或更早的格式，不受支持，请另存为 .xlsx 或 Excel 97-2003 .xls 后重新发送"},
	{table.ErrNoWorkbook, "复合文档中没有 Excel 工作簿"},
	{table.ErrNoSheets, "工作簿中没有工作表"},
	{table.ErrNoTables, "WORD文件中没有表格"},
	{table.ErrTooWide, "工作表有单元格超出列数上限，疑似文件损坏"},
	{table.ErrEncoding, "文本编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx"},
	{table.ErrWord, ""},
	{table.ErrCFBDamaged, "Office 97-2003 格式的文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送"},
	{table.ErrDamaged, "文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送"},
}

// withWarnings adds to a verdict's reason what was met reading the file.
func withWarnings(reason string, ws []problem.Problem) string {
	if w := reasonWarnings(ws); w != "" {
		if reason == "" {
			return w
		}
		return reason + "；" + w
	}
	return reason
}

// reasonScanPages sums up what the seal analysis saw.
func reasonScanPages(pages []seal.Page) string {
	seals, lost := 0, 0
	for _, p := range pages {
		seals += len(p.Seals)
		if !p.RowsFound() {
			lost++
		}
	}
	s := fmt.Sprintf("扫描件，共%d页，识别出%d枚印章", len(pages), seals)
	if lost > 0 {
		s += fmt.Sprintf("；%d页未能识别审核栏", lost)
	}
	return s
}

// scanProblemWords is the clerk's wording of a problem in a scan metadata
// file, pointing at its row: “扫描记录 x.csv 第9行：…”.
func scanProblemWords(p scan.Problem) string {
	where := "扫描记录 " + p.File
	if p.Sheet != "" {
		where += " 工作表“" + p.Sheet + "”"
	}
	unit := "行"
	if p.Records {
		unit = "条"
	}
	if p.Row > 0 {
		where += fmt.Sprintf(" 第%d%s", p.Row, unit)
	}
	var what string
	switch p.Code {
	case scan.TooManyRecords:
		what = fmt.Sprintf("记录超过%d条，其余已忽略", p.N)
	case scan.NotRecord:
		what = "不是记录对象，已跳过"
	case scan.ColumnCount:
		what = fmt.Sprintf("列数为%d，表头为%d列，已跳过", p.N, p.M)
	case scan.NoWindow:
		what = "窗口名称为空，已跳过"
	case scan.NoField:
		what = "栏目为空，已跳过"
	case scan.BadPage:
		what = "页码“" + p.Value + "”无法识别"
	case scan.BadSigned:
		what = "签字“" + p.Value + "”无法识别为是/否，按未知处理"
	case scan.BadStamped:
		what = "盖章“" + p.Value + "”无法识别为是/否，按未知处理"
	case scan.BadConfidence:
		what = "置信度“" + p.Value + "”无法识别（应为0–1或0–100）"
	case scan.BadDate:
		what = "日期“" + p.Value + "”无法识别"
	case scan.Unparsable:
		what = "无法解析（" + p.Detail + "），已跳过"
	case scan.MoreProblems:
		what = fmt.Sprintf("另有%d个问题未列出", p.N)
	default:
		what = "无法读取"
	}
	return where + "：" + what
}
