package scan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// column is one kind of metadata column.
type column int

const (
	colNone column = iota
	colWindow
	colFile
	colPage
	colField
	colOpinion
	colSigned
	colStamped
	colDate
	colConfidence
	numColumns
)

// headerNames are the header variants a scanning station writes, per column.
// They are matched after foldHeader. This is knowledge of the metadata
// format, not campaign data, so it lives here and not in the profile.
var headerNames = [numColumns][]string{
	colWindow:     {"窗口名称", "窗口", "窗口名", "申报窗口", "window_name", "window", "windowname"},
	colFile:       {"文件", "文件名", "文件名称", "扫描文件", "扫描件", "图片", "file", "filename", "file_name", "image"},
	colPage:       {"页码", "页", "页号", "第几页", "page", "page_no", "pageno"},
	colField:      {"栏目", "字段", "审核栏目", "栏目名称", "意见栏", "审核环节", "field", "row", "section"},
	colOpinion:    {"意见", "审核意见", "意见内容", "opinion", "comment"},
	colSigned:     {"是否签字", "签字", "签名", "是否签名", "已签字", "signed", "signature"},
	colStamped:    {"是否盖章", "盖章", "印章", "公章", "已盖章", "stamped", "stamp", "seal"},
	colDate:       {"日期", "签署日期", "审核日期", "date"},
	colConfidence: {"置信度", "识别置信度", "可信度", "confidence", "score"},
}

// foldHeader lower-cases s and drops spaces, underscores, hyphens, dots,
// colons and the BOM, so "Window_Name", "窗 口 名 称：" and "window-name"
// compare equal.
func foldHeader(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '_', r == '-', r == '.', r == ':', r == '：', r == '\ufeff', r == '*', r == '＊':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// classify returns the column a header cell names, colNone when none.
// A short cell that names a column in two languages ("窗口名称 window",
// "签字(signed)", "盖章/stamped", "置信度(%)") is matched by its parts when
// no part names another column; prose that happens to hold header words
// is not a header.
func classify(cell string) column {
	if c := lookupHeader(foldHeader(cell)); c != colNone {
		return c
	}
	if utf8.RuneCountInString(cell) > maxBilingual {
		return colNone
	}
	parts := strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()（）/／|、[]【】%％", r)
	})
	if len(parts) == 0 || len(parts) > 3 {
		return colNone
	}
	found := colNone
	for _, p := range parts {
		c := lookupHeader(foldHeader(p))
		switch {
		case c == colNone:
		case found == colNone:
			found = c
		case found != c:
			return colNone
		}
	}
	return found
}

// maxBilingual bounds a header cell read by its parts, in characters.
const maxBilingual = 32

func lookupHeader(folded string) column {
	if folded == "" {
		return colNone
	}
	for c, names := range headerNames {
		for _, n := range names {
			if foldHeader(n) == folded {
				return column(c)
			}
		}
	}
	return colNone
}

// layout maps columns to cell indexes in a header row.
type layout struct {
	index [numColumns]int // -1 when absent
	width int             // cells in the header row (trailing blanks dropped)
	known int             // columns recognised
}

// parseHeader reads row as a header. ok is false unless the row has a
// window column, a field column and one more known column.
func parseHeader(row []string) (layout, bool) {
	var l layout
	for i := range l.index {
		l.index[i] = -1
	}
	for i, cell := range row {
		if strings.TrimSpace(cell) != "" {
			l.width = i + 1
		}
		c := classify(cell)
		if c == colNone || l.index[c] >= 0 {
			continue
		}
		l.index[c] = i
		l.known++
	}
	return l, l.index[colWindow] >= 0 && l.index[colField] >= 0 && l.known >= minColumns
}

// minColumns is how many known columns a header row needs: the window, the
// 栏目 and at least one piece of evidence.
const minColumns = 3

// cell returns the trimmed value of column c in row, "" when absent.
func (l *layout) cell(row []string, c column) string {
	i := l.index[c]
	if i < 0 || i >= len(row) {
		return ""
	}
	return cleanCell(row[i])
}

// cleanCell trims a cell, drops a BOM and the control characters a
// UTF-16 or JSON file can carry (NUL among them: text that reaches the
// register, a notice or a path must not hold one), and bounds its length.
func cleanCell(s string) string {
	s = strings.Map(func(r rune) rune { // copies only when it drops one
		if isControl(r) {
			return -1
		}
		return r
	}, strings.TrimPrefix(s, "\ufeff"))
	return boundCell(strings.TrimSpace(s))
}

// isControl reports a C0 control or DEL other than tab and line breaks,
// which a multi-line cell keeps.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// maxCell bounds a cell's length in bytes; longer text is cut (by
// boundCell, at a rune boundary: this bounds input, it is not a clip for
// display).
const maxCell = 4000

func boundCell(s string) string {
	if len(s) <= maxCell {
		return s
	}
	cut := maxCell
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
