package form

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"shenbao/parser/word"
)

// grid is the document's tables with each origin cell's text computed once.
type grid struct {
	tables []*word.Table
	texts  map[*word.Cell]cellText // of every origin cell of the tables
	// all holds every label variant the spec knows, normalised: a cell
	// matching any one of them is a label, never a value (isLabel), so
	// their order does not matter.
	all []string
	// paras are the body-level paragraphs' texts, for a "窗口名称：…" line
	// written above the table instead of in it.
	paras []string
	// next maps a body-level table to the body-level table right after it
	// (blank paragraphs between): where a table split at a page break
	// continues.
	next map[*word.Table]*word.Table
	// origins holds each table's Origins, asked for by every find.
	origins map[*word.Table][]*word.Cell
}

// cellText is a cell's text and what the labels are matched against.
type cellText struct {
	text string
	norm string // normalised, without the lead
	// head is the normalised first line of a cell of several lines, or
	// the first item of a line with a wide gap in it, for a label with the
	// value after it in the same cell ("分管领导意见\n同意", "所属单位　　…").
	head string
	// lead is how many normalised runes of the text are a marker or a
	// number before its label ("*窗口名称", "1.窗口名称", "（一）部门负责人意见").
	lead int
}

func newGrid(d *word.Document, variants [][]string) *grid {
	g := &grid{next: map[*word.Table]*word.Table{}, origins: map[*word.Table][]*word.Cell{}}
	if d != nil {
		g.tables = d.Tables()
		// Only blank paragraphs (a page break) may stand between the parts
		// of one table; a heading there starts another form.
		var prev *word.Table
		for _, b := range d.Blocks {
			if b.Paragraph != nil && len(g.paras) < maxParas {
				g.paras = append(g.paras, b.Paragraph.Text)
			}
			switch {
			case b.Table != nil:
				if prev != nil {
					g.next[prev] = b.Table
				}
				prev = b.Table
			case b.Paragraph != nil && strings.TrimFunc(b.Paragraph.Text, isSpace) != "":
				prev = nil
			}
		}
	}
	n := 0
	for _, t := range g.tables {
		g.origins[t] = t.Origins()
		n += len(g.origins[t])
	}
	g.texts = make(map[*word.Cell]cellText, n)
	for _, t := range g.tables {
		for _, c := range g.origins[t] {
			ct := cellText{text: c.Text()}
			ct.norm, ct.lead = trimMarker(NormalizeLabel(ct.text))
			if h := headOf(ct.text); h != "" {
				h = NormalizeLabel(h)
				if ct.lead > 0 {
					hr := []rune(h)
					h = string(hr[min(ct.lead, len(hr)):])
				}
				ct.head = h
			}
			g.texts[c] = ct
		}
	}
	seen := map[string]bool{}
	for _, vs := range variants {
		for _, v := range vs {
			if n := NormalizeLabel(v); n != "" && !seen[n] {
				seen[n] = true
				g.all = append(g.all, n)
			}
		}
	}
	return g
}

func sortLongestFirst(vs []string) {
	type label struct {
		s     string
		runes int
	}
	ls := make([]label, len(vs))
	for i, v := range vs {
		ls[i] = label{v, utf8.RuneCountInString(v)}
	}
	slices.SortStableFunc(ls, func(a, b label) int { return cmp.Compare(b.runes, a.runes) })
	for i, l := range ls {
		vs[i] = l.s
	}
}

// hit is a label found in a table cell.
type hit struct {
	table *word.Table
	cell  *word.Cell
	// rest is the cell's raw text after the label, with a separating colon
	// and spaces removed; colon tells whether a colon separated them.
	rest  string
	colon bool
}

// matchLen returns how many normalised runes of norm a variant covers when
// norm is label-like for it (equal, or the variant followed by a colon, a
// bracket, a checkbox or a short remainder), or 0.
func matchLen(norm string, variants []string) int {
	for _, v := range variants {
		if !strings.HasPrefix(norm, v) {
			continue
		}
		rest := norm[len(v):]
		if rest == "" || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "(") ||
			strings.HasPrefix(rest, word.Checked) || strings.HasPrefix(rest, word.Unchecked) ||
			len([]rune(rest)) <= len([]rune(v)) {
			return len([]rune(v))
		}
	}
	return 0
}

// maxParas bounds the body paragraphs searched for a label line.
const maxParas = 400

// gapIndex returns the byte span of the first wide gap in s: a run of two
// or more spaces, tabs and U+3000, or a lone tab. It is the gap that
// separates items written side by side on one line ("窗口名称：…　　所属单位：…");
// ok is false when s has none.
func gapIndex(s string) (start, end int, ok bool) {
	for i := 0; i < len(s); {
		n := gapRunes(s[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		j, runes := i, 0
		for ; j < len(s); runes++ {
			n := gapRunes(s[j:])
			if n == 0 {
				break
			}
			j += n
		}
		if runes >= 2 || s[i] == '\t' {
			return i, j, true
		}
		i = j
	}
	return 0, 0, false
}

// gapRunes returns the byte length of the space, tab or U+3000 s starts
// with, or 0.
func gapRunes(s string) int {
	switch {
	case strings.HasPrefix(s, " "), strings.HasPrefix(s, "\t"):
		return 1
	case strings.HasPrefix(s, "\u3000"):
		return len("\u3000")
	}
	return 0
}

// segments splits a paragraph at its wide gaps (gapIndex) into the items
// written side by side on it.
func segments(s string) []string {
	var out []string
	for {
		start, end, ok := gapIndex(s)
		if !ok {
			return append(out, s)
		}
		out = append(out, s[:start])
		s = s[end:]
	}
}

// findLine returns the value of the first body paragraph item that is one
// of variants followed by a colon and a value, for forms whose head fields
// are written as lines above the table. ok is false when there is none.
func (g *grid) findLine(variants []string) (value, bool) {
	norms := normVariants(variants)
	for i, p := range g.paras {
		for _, seg := range segments(p) {
			norm, k := trimMarker(NormalizeLabel(seg))
			for _, v := range norms {
				rest, ok := strings.CutPrefix(norm, v)
				if !ok || !strings.HasPrefix(rest, ":") {
					continue
				}
				text, colon := restAfter(seg, k+len([]rune(v)))
				if colon && text != "" {
					return value{text: text, loc: fmt.Sprintf("正文第%d段", i+1)}, true
				}
			}
		}
	}
	return value{}, false
}

// trimMarker splits off the marker or number markerLen finds at the start
// of the normalised text n: the label after it, and the marker's length in
// runes.
func trimMarker(n string) (string, int) {
	if r, _ := utf8.DecodeRuneInString(n); !strings.ContainsRune(markerRunes+"("+numberRunes, r) {
		return n, 0 // markerLen is 0: no marker or number starts n
	}
	rs := []rune(n)
	k := markerLen(rs)
	return string(rs[k:]), k
}

// The runes markerLen reads: required-field markers and item numbers.
const (
	markerRunes = "*★☆※"
	numberRunes = "0123456789一二三四五六七八九十"
)

// markerLen returns how many runes at the start of the normalised text n
// are a required-field marker (*, ★, ※) or an item number (1. 1、 1)
// 一、 (一) (1)) standing before a label, provided something follows.
func markerLen(n []rune) int {
	k := 0
	for k < len(n) && strings.ContainsRune(markerRunes, n[k]) {
		k++
	}
	isNum := func(r rune) bool { return strings.ContainsRune(numberRunes, r) }
	j := k
	if j < len(n) && n[j] == '(' {
		j++
		d := j
		for j < len(n) && j-d < 3 && isNum(n[j]) {
			j++
		}
		if j > d && j < len(n) && n[j] == ')' {
			k = j + 1
		}
	} else {
		d := j
		for j < len(n) && j-d < 3 && isNum(n[j]) {
			j++
		}
		if j > d && j < len(n) && strings.ContainsRune("、.)", n[j]) {
			k = j + 1
		}
	}
	if k >= len(n) {
		return 0
	}
	return k
}

// headOf returns the first line of s when more text follows it, else the
// first item of that line when a wide gap (two spaces or more, a tab)
// separates it from more text; "" otherwise.
func headOf(s string) string {
	line, rest, _ := strings.Cut(strings.TrimLeftFunc(s, isSpace), "\n")
	if strings.TrimFunc(rest, isSpace) != "" {
		return line
	}
	if start, end, ok := gapIndex(line); ok && strings.TrimFunc(line[end:], isSpace) != "" {
		return line[:start]
	}
	return ""
}

// headMatch returns the normalised length of the variant that a cell's
// first line is, alone or followed by a bracketed remark ("分管领导意见",
// "组织（人事）部门意见（盖章）"), or 0. The opinion then fills the lines
// below it in the same cell.
func headMatch(head string, variants []string) int {
	if head == "" {
		return 0
	}
	for _, v := range variants {
		if rest, ok := strings.CutPrefix(head, v); ok && (rest == "" || isPrompt(rest)) {
			return len([]rune(v))
		}
	}
	return 0
}

// isLabel reports whether c is a label cell of any variant the spec knows.
func (g *grid) isLabel(c *word.Cell) bool {
	return matchLen(g.texts[c].norm, g.all) > 0
}

// normVariants normalises label variants, drops empty ones and puts the
// longest first so a longer label wins over its own prefix.
func normVariants(variants []string) []string {
	norms := make([]string, 0, len(variants))
	for _, v := range variants {
		if n := NormalizeLabel(v); n != "" {
			norms = append(norms, n)
		}
	}
	sortLongestFirst(norms)
	return norms
}

// find returns the first cell, in reading order, that is a label for one of
// variants; nil when none is.
func (g *grid) find(variants []string) *hit {
	norms := normVariants(variants)
	for _, t := range g.tables {
		for _, c := range g.cells(t) {
			n, head := matchLen(g.texts[c].norm, norms), false
			if n == 0 {
				n, head = headMatch(g.texts[c].head, norms), true
			}
			if n == 0 {
				continue
			}
			h := &hit{table: t, cell: c}
			h.rest, h.colon = restAfter(g.texts[c].text, g.texts[c].lead+n)
			// A line break or wide gap after the label separates the
			// value as a colon would.
			h.colon = h.colon || head
			return h
		}
	}
	return nil
}

// cells returns the origin cells of t, from the grid's own list where it
// has one.
func (g *grid) cells(t *word.Table) []*word.Cell {
	if cs, ok := g.origins[t]; ok {
		return cs
	}
	return t.Origins()
}

// restAfter returns the raw text of s after its first n label runes
// (counted as NormalizeLabel counts them), without a leading colon.
func restAfter(s string, n int) (string, bool) {
	rs := []rune(s)
	_, from := labelRunes(rs)
	if n > len(from) {
		return "", false
	}
	i := len(rs)
	if n < len(from) {
		i = from[n]
	}
	rest := strings.TrimSpace(string(rs[i:]))
	colon := false
	if r, ok := strings.CutPrefix(rest, "："); ok {
		rest, colon = strings.TrimSpace(r), true
	} else if r, ok := strings.CutPrefix(rest, ":"); ok {
		rest, colon = strings.TrimSpace(r), true
	}
	return rest, colon
}

// value is what a label points at.
type value struct {
	text  string
	cells []*word.Cell
	loc   string
	// table is the table the cells are in.
	table *word.Table
}

// valueOf finds the value of a label hit: the cells to its right in every
// row the label spans (stopping at another label), else the cell below,
// else the rest of the label's own cell.
func (g *grid) valueOf(h *hit) value {
	v := value{table: h.table}
	if h.rest != "" && !isPrompt(h.rest) && h.colon {
		return g.own(h)
	}
	c := h.cell
	var lines []string
	seen := map[*word.Cell]bool{c: true}
	// Spans come from the file: bound them by the grid actually built.
	lastRow := min(c.Row+max(c.RowSpan, 1), len(h.table.Rows))
	// Rows whose label column was left blank rather than merged (the date
	// line under an opinion, a second person) belong to the label above.
	for lastRow < len(h.table.Rows) {
		x := h.table.At(lastRow, c.Col)
		if x == nil || x.Row != lastRow || x.Col != c.Col || x.ColSpan != c.ColSpan ||
			strings.TrimFunc(g.texts[x].text, isSpace) != "" || g.rowHasLabel(h.table, lastRow) || !g.rowHasText(h.table, lastRow) {
			break
		}
		lastRow += max(x.RowSpan, 1)
	}
	lastRow = min(lastRow, len(h.table.Rows))
	for r := c.Row; r < lastRow; r++ {
		var parts []string
		for col := c.Col + max(c.ColSpan, 1); col < len(h.table.Rows[r]); col++ {
			x := h.table.At(r, col)
			if x == nil || seen[x] {
				continue
			}
			seen[x] = true
			if g.isLabel(x) {
				break
			}
			if x.Pad {
				continue
			}
			v.cells = append(v.cells, x)
			parts = append(parts, strings.TrimSpace(g.texts[x].text))
		}
		if len(parts) > 0 {
			lines = append(lines, strings.Join(parts, "\t"))
		}
	}
	if len(v.cells) > 0 {
		v.text = strings.TrimSpace(strings.Join(lines, "\n"))
		v.loc = location(h.table, v.cells[0])
		if v.text == "" && h.rest != "" && !isPrompt(h.rest) {
			return g.own(h)
		}
		return v
	}
	if h.rest != "" && !isPrompt(h.rest) {
		return g.own(h)
	}
	if below := h.table.At(c.Row+max(c.RowSpan, 1), c.Col); below != nil && !below.Pad && !g.isLabel(below) {
		v.cells = []*word.Cell{below}
		v.loc = location(h.table, below)
		lines := []string{strings.TrimSpace(g.texts[below].text)}
		// Text typed into several rows under a full-width label ("主要事迹"
		// over three rows of text) continues while the rows below are
		// shaped like the first and hold no label.
		for r := below.Row + max(below.RowSpan, 1); r < len(h.table.Rows); {
			x := h.table.At(r, c.Col)
			if x == nil || x.Pad || x.Row != r || x.Col != below.Col || x.ColSpan != below.ColSpan || g.rowHasLabel(h.table, r) {
				break
			}
			v.cells = append(v.cells, x)
			if t := strings.TrimSpace(g.texts[x].text); t != "" {
				lines = append(lines, t)
			}
			r += max(x.RowSpan, 1)
		}
		v.text = strings.TrimSpace(strings.Join(lines, "\n"))
		return v
	}
	if c.Row+max(c.RowSpan, 1) >= len(h.table.Rows) {
		if cont, ok := g.continued(h.table); ok {
			return cont
		}
	}
	v.text = h.rest
	v.loc = location(h.table, c)
	return v
}

// continued is the first row of the table after t, when t's last row is a
// label whose value Word or the office moved to the next table (a table
// split at a page break). ok is false when that row holds a label or
// nothing.
func (g *grid) continued(t *word.Table) (value, bool) {
	nt := g.next[t]
	if nt == nil || len(nt.Rows) == 0 {
		return value{}, false
	}
	v := value{table: nt}
	var parts []string
	for _, x := range g.cells(nt) {
		if x.Row != 0 {
			break
		}
		if g.isLabel(x) {
			return value{}, false
		}
		if x.Pad {
			continue
		}
		v.cells = append(v.cells, x)
		parts = append(parts, strings.TrimSpace(g.texts[x].text))
	}
	v.text = strings.TrimSpace(strings.Join(parts, "\t"))
	if v.text == "" || isTitle(v.text) {
		return value{}, false
	}
	v.loc = location(nt, v.cells[0])
	return v, true
}

// rowsBelow is every row under the label's row, all columns, up to the
// next row holding a label: a list laid out under a head row ("窗口人员姓名
// | 身份证号码" over one row per person).
func (g *grid) rowsBelow(h *hit) value {
	v := value{table: h.table}
	var lines []string
	for r := h.cell.Row + max(h.cell.RowSpan, 1); r < len(h.table.Rows) && !g.rowHasLabel(h.table, r); r++ {
		var parts []string
		for col, x := range h.table.Rows[r] {
			if x == nil || x.Pad || x.Row != r || x.Col != col {
				continue
			}
			v.cells = append(v.cells, x)
			parts = append(parts, strings.TrimSpace(g.texts[x].text))
		}
		if line := strings.TrimSpace(strings.Join(parts, "\t")); line != "" {
			lines = append(lines, line)
		}
	}
	v.text = strings.Join(lines, "\n")
	if len(v.cells) > 0 {
		v.loc = location(h.table, v.cells[0])
	}
	return v
}

// isTitle reports a short line without sentence punctuation, such as the
// next form's title row ("鞍山市…初审表"), which no continued value is.
func isTitle(s string) bool {
	return len([]rune(s)) <= 40 && !strings.ContainsAny(s, "。，；,;")
}

// rowHasText reports whether any cell of row r of t holds text.
func (g *grid) rowHasText(t *word.Table, r int) bool {
	for _, x := range t.Rows[r] {
		if x != nil && strings.TrimFunc(g.texts[x].text, isSpace) != "" {
			return true
		}
	}
	return false
}

// rowHasLabel reports whether any cell of row r of t is a label.
func (g *grid) rowHasLabel(t *word.Table, r int) bool {
	for _, x := range t.Rows[r] {
		if x != nil && g.isLabel(x) {
			return true
		}
	}
	return false
}

// own is the value written in the label's own cell.
func (g *grid) own(h *hit) value {
	return value{text: h.rest, cells: []*word.Cell{h.cell}, loc: location(h.table, h.cell), table: h.table}
}

// isPrompt reports text that is only a bracketed remark, e.g. "（200字左右）".
func isPrompt(s string) bool {
	n := NormalizeLabel(s)
	return strings.HasPrefix(n, "(") && strings.HasSuffix(n, ")") && strings.Count(n, "(") == 1
}

// location names a cell for the clerk: "表1 第2行第3列" (1-based).
func location(t *word.Table, c *word.Cell) string {
	return fmt.Sprintf("表%d 第%d行第%d列", t.Index, c.Row+1, c.Col+1)
}
