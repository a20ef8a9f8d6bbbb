package word

import (
	"strings"
	"testing"

	"shenbao/parser/problem"
)

// TestCheck: a well-formed model passes, and each broken rule is caught.
func TestCheck(t *testing.T) {
	para := func(s string, cbs ...Checkbox) Block { return Block{Paragraph: &Paragraph{Text: s, Checkboxes: cbs}} }
	cell := &Cell{RowSpan: 1, ColSpan: 2, Blocks: []Block{para("甲")}}
	table := func(rows [][]*Cell) Block {
		return Block{Table: &Table{Index: 1, NumRows: len(rows), NumCols: 2, Rows: rows}}
	}
	tests := []struct {
		name string
		doc  *Document
		bad  string // part of the error; "" when the model is well-formed
	}{
		{"well-formed", &Document{Blocks: []Block{para("是否：☑是 ☐否", Checkbox{Checked: true, Offset: 3}, Checkbox{Offset: 6}),
			table([][]*Cell{{cell, cell}})}, Warnings: []problem.Problem{{Code: problem.TextCut}}}, ""},
		{"nil blocks", &Document{}, "nil"},
		{"empty block", &Document{Blocks: []Block{{}}}, "neither or both"},
		{"not UTF-8", &Document{Blocks: []Block{para("a\xff")}}, "UTF-8"},
		{"control character", &Document{Blocks: []Block{para("a\x00b")}}, "control"},
		{"too long", &Document{Blocks: []Block{para(strings.Repeat("a", MaxParagraphBytes+1))}}, "bytes"},
		{"checkbox off its glyph", &Document{Blocks: []Block{para("☑是", Checkbox{Offset: 0})}}, "checkbox"},
		{"checkbox past the text", &Document{Blocks: []Block{para("是", Checkbox{Offset: 5})}}, "checkbox"},
		{"short row", &Document{Blocks: []Block{table([][]*Cell{{cell}})}}, "slots"},
		{"nil slot", &Document{Blocks: []Block{table([][]*Cell{{cell, nil}})}}, "nil"},
		{"slot outside its cell", &Document{Blocks: []Block{table([][]*Cell{{cell, cell}, {cell, cell}})}}, "points to"},
		{"unknown warning", &Document{Blocks: []Block{}, Warnings: []problem.Problem{{Code: "x"}}}, "code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.doc)
			switch {
			case tc.bad == "" && err != nil:
				t.Errorf("Check = %v, want nil", err)
			case tc.bad != "" && (err == nil || !strings.Contains(err.Error(), tc.bad)):
				t.Errorf("Check = %v, want an error about %q", err, tc.bad)
			}
		})
	}
}
