package word

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"shenbao/parser/problem"
)

// Check reports the first way d breaks the rules every reader's model
// keeps, or nil: each block is a paragraph or a table; paragraph text is
// UTF-8 of at most MaxParagraphBytes without control characters other than
// tab and line break, and each checkbox offset points at its glyph; tables
// are numbered in document order, every grid slot is set and points to a
// cell whose span covers it; every warning has a known code. Fuzz tests of
// the readers hold their results to it.
func Check(d *Document) error {
	if d.Blocks == nil {
		return fmt.Errorf("blocks are nil")
	}
	for i, tb := range d.Tables() {
		if tb.Index != i+1 {
			return fmt.Errorf("table %d has index %d", i+1, tb.Index)
		}
	}
	if err := checkBlocks(d.Blocks, 0); err != nil {
		return err
	}
	for _, w := range d.Warnings {
		if problem.Text(w) == problem.Text(problem.Problem{}) {
			return fmt.Errorf("warning %v has no known code", w)
		}
	}
	return nil
}

func checkBlocks(bs []Block, depth int) error {
	if depth > 256 {
		return fmt.Errorf("tables nested %d deep", depth)
	}
	for _, b := range bs {
		if (b.Paragraph == nil) == (b.Table == nil) {
			return fmt.Errorf("block with neither or both of paragraph and table")
		}
		if b.Paragraph != nil {
			if err := checkParagraph(b.Paragraph); err != nil {
				return err
			}
			continue
		}
		t := b.Table
		if len(t.Rows) != t.NumRows {
			return fmt.Errorf("table %d: %d rows, NumRows %d", t.Index, len(t.Rows), t.NumRows)
		}
		for r, row := range t.Rows {
			if len(row) != t.NumCols {
				return fmt.Errorf("table %d row %d has %d slots, NumCols %d", t.Index, r, len(row), t.NumCols)
			}
			for c, cell := range row {
				if cell == nil {
					return fmt.Errorf("table %d slot (%d,%d) is nil", t.Index, r, c)
				}
				if r < cell.Row || r >= cell.Row+cell.RowSpan || c < cell.Col || c >= cell.Col+cell.ColSpan {
					return fmt.Errorf("table %d slot (%d,%d) points to the cell at (%d,%d) spanning %dx%d",
						t.Index, r, c, cell.Row, cell.Col, cell.RowSpan, cell.ColSpan)
				}
			}
		}
		for _, c := range t.Origins() {
			if err := checkBlocks(c.Blocks, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkParagraph(p *Paragraph) error {
	if !utf8.ValidString(p.Text) {
		return fmt.Errorf("paragraph text %.80q is not UTF-8", p.Text)
	}
	if len(p.Text) > MaxParagraphBytes {
		return fmt.Errorf("paragraph of %d bytes, more than %d", len(p.Text), MaxParagraphBytes)
	}
	if i := strings.IndexFunc(p.Text, func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF
	}); i >= 0 {
		return fmt.Errorf("paragraph text has control character %q at byte %d", p.Text[i:i+1], i)
	}
	runes := []rune(p.Text)
	for _, cb := range p.Checkboxes {
		want := Unchecked
		if cb.Checked {
			want = Checked
		}
		if cb.Offset < 0 || cb.Offset >= len(runes) || string(runes[cb.Offset]) != want {
			return fmt.Errorf("checkbox %+v does not point at %s in %.80q", cb, want, p.Text)
		}
	}
	return nil
}
