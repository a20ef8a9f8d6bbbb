package word

import "shenbao/parser/problem"

import (
	"encoding/json"
	"unicode/utf8"
)

// Checkbox glyphs written into Paragraph.Text and Cell.Text in place of every
// checkbox the reader recognises, whatever form it had in the file.
const (
	Checked   = "☑" // U+2611
	Unchecked = "☐" // U+2610
)

// Checkbox forms, recorded in Checkbox.Form.
const (
	FormUnicode   = "unicode"   // a Unicode symbol typed as text: □ ☐ ☑ ☒ ■ √ ✓ ✔
	FormSym       = "sym"       // w:sym (or a glyph in a Wingdings/Wingdings 2 run)
	FormSDT       = "sdt"       // w14:checkbox content control
	FormFormField = "formfield" // legacy FORMCHECKBOX field
)

// Document is a Word document reduced to its body content.
type Document struct {
	Format string  `json:"format"` // "docx", "doc", "wps", "rtf", "html"
	Blocks []Block `json:"blocks"`
	// Warnings are recoverable problems met while reading (a table cut at a
	// limit, an unresolved picture, an unknown checkbox glyph…). A document
	// with warnings is still usable; parser/classify shows them to the clerk.
	Warnings []problem.Problem `json:"warnings,omitempty"`
}

// Block is one body-level element: exactly one of Paragraph and Table is set.
type Block struct {
	Paragraph *Paragraph `json:"paragraph,omitempty"`
	Table     *Table     `json:"table,omitempty"`
}

// Paragraph is the visible text of one paragraph. Tabs are "\t", line and
// page breaks "\n". Each checkbox is replaced by Checked or Unchecked.
type Paragraph struct {
	Text       string     `json:"text"`
	Checkboxes []Checkbox `json:"checkboxes,omitempty"`
	Images     []Image    `json:"images,omitempty"`
}

// Checkbox is one checkbox in a paragraph.
type Checkbox struct {
	Checked bool   `json:"checked"`
	Form    string `json:"form"`            // one of the Form* constants
	Glyph   string `json:"glyph,omitempty"` // the original character, or the sym code "F052"
	Font    string `json:"font,omitempty"`  // the symbol font, for FormSym
	Instr   string `json:"instr,omitempty"` // field instruction, for FormFormField
	// Offset is the rune offset of the checkbox glyph in the paragraph text.
	Offset int `json:"offset"`
}

// Image is a picture anchored in a paragraph (inline or floating).
type Image struct {
	Target      string `json:"target"`                 // the media part, e.g. "word/media/image1.png"
	ContentType string `json:"content_type,omitempty"` // e.g. "image/png"
	Width       int    `json:"width,omitempty"`        // pixels; 0 when unknown
	Height      int    `json:"height,omitempty"`
	Size        int64  `json:"size,omitempty"` // bytes of the media part
	Name        string `json:"name,omitempty"` // docPr name/descr or v:shape alt
}

// Table is a grid. Rows[r] has exactly NumCols entries and none is nil: a
// slot covered by a horizontal (gridSpan) or vertical (vMerge) merge points to
// the same *Cell as the merge's origin, so At(r, c) works for any slot.
// Short rows are padded with empty cells that have Pad set.
type Table struct {
	Index   int       `json:"index"` // 1-based, in document order, nested tables included
	NumRows int       `json:"rows"`
	NumCols int       `json:"cols"`
	Rows    [][]*Cell `json:"-"`
}

// At returns the cell covering grid slot (r, c), or nil when out of range.
func (t *Table) At(r, c int) *Cell {
	if t == nil || r < 0 || r >= len(t.Rows) || c < 0 || c >= len(t.Rows[r]) {
		return nil
	}
	return t.Rows[r][c]
}

// Origins returns each distinct cell once, in row-major order of origin.
func (t *Table) Origins() []*Cell {
	var out []*Cell
	for r, row := range t.Rows {
		for c, cell := range row {
			if cell != nil && cell.Row == r && cell.Col == c {
				out = append(out, cell)
			}
		}
	}
	return out
}

// Cell is one table cell. Row and Col are its origin slot (0-based).
type Cell struct {
	Row     int     `json:"row"`
	Col     int     `json:"col"`
	RowSpan int     `json:"row_span"` // 1 when not merged
	ColSpan int     `json:"col_span"`
	Pad     bool    `json:"pad,omitempty"`
	Blocks  []Block `json:"blocks,omitempty"` // paragraphs and nested tables
}

// Text is the cell's paragraphs joined by "\n" (nested tables included, row by
// row, cells separated by "\t").
func (c *Cell) Text() string { return blocksText(c.Blocks) }

// Images returns every image in the cell, nested tables included.
func (c *Cell) Images() []Image { return blocksImages(c.Blocks) }

// Checkboxes returns every checkbox in the cell, nested tables included.
func (c *Cell) Checkboxes() []Checkbox { return blocksCheckboxes(c.Blocks) }

// MarshalJSON writes the table with its origin cells listed once each, so
// the inspect output shows merges as spans rather than repeated cells.
func (t *Table) MarshalJSON() ([]byte, error) {
	type plain struct {
		Index   int     `json:"index"`
		NumRows int     `json:"rows"`
		NumCols int     `json:"cols"`
		Cells   []*Cell `json:"cells"`
	}
	return json.Marshal(plain{t.Index, t.NumRows, t.NumCols, t.Origins()})
}

// MaxParagraphBytes bounds the UTF-8 text kept of one paragraph (about
// 87,000 Chinese characters), far above anything a real form holds, so that
// a document whose one text node is 50 MB is read in bounded memory. Readers
// cut a longer paragraph there, at a character boundary, and record a
// problem.ParagraphCut.
const MaxParagraphBytes = 256 << 10

// CutText returns the longest prefix of s of at most n bytes that ends at a
// character boundary, and whether anything was cut.
func CutText(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}
