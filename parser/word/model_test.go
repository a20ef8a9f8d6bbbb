package word

import (
	"encoding/json"
	"testing"
)

// mergedTable is a 2×3 grid whose first cell spans two columns and whose
// last column is merged down both rows.
func mergedTable() *Table {
	p := func(s string) []Block { return []Block{{Paragraph: &Paragraph{Text: s}}} }
	a := &Cell{Row: 0, Col: 0, RowSpan: 1, ColSpan: 2, Blocks: p("窗口名称")}
	c := &Cell{Row: 0, Col: 2, RowSpan: 2, ColSpan: 1, Blocks: p("右")}
	d := &Cell{Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Blocks: p("甲")}
	e := &Cell{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Blocks: p("乙\n丙")}
	return &Table{Index: 1, NumRows: 2, NumCols: 3, Rows: [][]*Cell{{a, a, c}, {d, e, c}}}
}

func TestTableGrid(t *testing.T) {
	tb := mergedTable()
	if tb.At(0, 1) != tb.At(0, 0) || tb.At(1, 2) != tb.At(0, 2) {
		t.Errorf("merged slots do not point to their origin cell")
	}
	if tb.At(2, 0) != nil || tb.At(0, -1) != nil {
		t.Errorf("out-of-range slots must be nil")
	}
	if got := len(tb.Origins()); got != 4 {
		t.Errorf("%d origin cells, want 4", got)
	}
	d := &Document{Blocks: []Block{{Paragraph: &Paragraph{Text: "附件1"}}, {Table: tb}}}
	if got, want := d.Text(), "附件1\n窗口名称\t右\n甲\t乙 丙"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	data, err := json.Marshal(tb)
	if err != nil {
		t.Fatal(err)
	}
	var back struct{ Cells []Cell }
	if err := json.Unmarshal(data, &back); err != nil || len(back.Cells) != 4 || back.Cells[0].ColSpan != 2 {
		t.Errorf("JSON lists origin cells once with their spans: %s", data)
	}
}

func TestNestedCollections(t *testing.T) {
	inner := mergedTable()
	inner.Index = 2
	inner.Rows[1][0].Blocks = []Block{{Paragraph: &Paragraph{
		Text:       Checked + "窗口自荐",
		Checkboxes: []Checkbox{{Checked: true, Form: FormSDT}},
		Images:     []Image{{Target: "word/media/image1.png"}},
	}}}
	outer := &Cell{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Blocks: []Block{{Table: inner}}}
	d := &Document{Blocks: []Block{{Table: &Table{Index: 1, NumRows: 1, NumCols: 1, Rows: [][]*Cell{{outer}}}}}}
	if got := len(d.Tables()); got != 2 {
		t.Errorf("Tables() found %d, want the outer and the nested one", got)
	}
	if len(outer.Checkboxes()) != 1 || len(outer.Images()) != 1 {
		t.Errorf("checkboxes %v images %v: nested tables must be searched", outer.Checkboxes(), outer.Images())
	}
}
