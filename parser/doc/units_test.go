package doc

import (
	"encoding/binary"
	"testing"

	"shenbao/parser/word"
)

// ffdata builds a NilPICFAndBinData holding a checkbox FFData.
func ffdata(iRes, wDef uint16, name string) []byte {
	b := make([]byte, 68)
	binary.LittleEndian.PutUint16(b[4:], 68)
	ff := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 20, 0}
	binary.LittleEndian.PutUint16(ff[4:], 1|iRes<<2)
	b = append(b, ff...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(name)))
	for _, r := range name {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	b = append(b, 0, 0)
	b = binary.LittleEndian.AppendUint16(b, wDef)
	binary.LittleEndian.PutUint32(b, uint32(len(b)))
	return b
}

func TestCheckboxState(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"checked", ffdata(1, 0, "Check1"), 1},
		{"unchecked", ffdata(0, 1, "Check1"), 0},
		{"default used, checked", ffdata(25, 1, "Check1"), 1},
		{"default used, unchecked", ffdata(25, 0, "Check1"), 0},
		{"default past the stream", ffdata(25, 1, "Check1")[:80], -1},
		{"text field", func() []byte { b := ffdata(0, 0, "x"); b[72] = 0; return b }(), -1},
		{"empty", nil, -1},
	}
	for _, tc := range tests {
		if got := checkboxState(tc.data, 0); got != tc.want {
			t.Errorf("%s: checkboxState = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// tdef builds a sprmTDefTable operand for cells with the given right
// edges and TC80 flags.
func tdef(left int16, rights []int16, grf []uint16) []byte {
	var b []byte
	b = append(b, 0, 0, byte(len(rights)))
	b = binary.LittleEndian.AppendUint16(b, uint16(left))
	for _, r := range rights {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	for _, g := range grf {
		tc := make([]byte, 20)
		binary.LittleEndian.PutUint16(tc, g)
		b = append(b, tc...)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)-2+1))
	return b
}

func cellBlocks(s string) []word.Block {
	return []word.Block{{Paragraph: &word.Paragraph{Text: s}}}
}

// TestOldStyleMerges covers fFirstMerged/fMerged and fVertRestart/
// fVertMerge cells, which Word 97 writes and LibreOffice does not.
func TestOldStyleMerges(t *testing.T) {
	row1 := parseTDefTable(tdef(0, []int16{1000, 2000, 3000}, []uint16{0x0001, 0x0002, 0x0060}))
	row2 := parseTDefTable(tdef(0, []int16{1000, 2000, 3000}, []uint16{0, 0, 0x0020}))
	tb := buildTable([]rowEnd{
		{cells: [][]word.Block{cellBlocks("合并"), cellBlocks(""), cellBlocks("竖")}, cols: row1},
		{cells: [][]word.Block{cellBlocks("a"), cellBlocks("b"), cellBlocks("")}, cols: row2},
	}, new(int))
	if tb.NumRows != 2 || tb.NumCols != 3 {
		t.Fatalf("table %dx%d, want 2x3", tb.NumRows, tb.NumCols)
	}
	if c := tb.At(0, 1); c.Text() != "合并" || c.ColSpan != 2 {
		t.Errorf("(0,1) = %q span %d, want 合并 span 2", c.Text(), c.ColSpan)
	}
	if c := tb.At(1, 2); c.Text() != "竖" || c.RowSpan != 2 || c.Row != 0 {
		t.Errorf("(1,2) = %q rowspan %d from row %d, want 竖 rowspan 2 from row 0", c.Text(), c.RowSpan, c.Row)
	}
	if c := tb.At(1, 1); c.Text() != "b" {
		t.Errorf("(1,1) = %q, want b", c.Text())
	}
}

// TestShortRowsPadded: a row with fewer cells than the grid gets Pad cells.
func TestShortRowsPadded(t *testing.T) {
	tb := buildTable([]rowEnd{
		{cells: [][]word.Block{cellBlocks("1"), cellBlocks("2"), cellBlocks("3")},
			cols: parseTDefTable(tdef(0, []int16{1000, 2000, 3000}, nil))},
		{cells: [][]word.Block{cellBlocks("x")}, cols: parseTDefTable(tdef(0, []int16{1000}, nil))},
	}, new(int))
	for c := 1; c < 3; c++ {
		if cell := tb.At(1, c); cell == nil || !cell.Pad || cell.Row != 1 || cell.Col != c {
			t.Errorf("(1,%d) = %+v, want a pad cell", c, cell)
		}
	}
}

func TestSymbolBox(t *testing.T) {
	tests := []struct {
		font          string
		code          uint16
		checked, isCB bool
	}{
		{"Wingdings", 0xF0A8, false, true},
		{"Wingdings", 0x00FE, true, true},
		{"Wingdings 2", 0xF052, true, true},
		{"Wingdings2", 0xF0A3, false, true},
		{"Wingdings 2", 0xF041, false, false},
		{"Symbol", 0xF0D6, false, false},
		{"宋体", 0xF0FE, false, false},
	}
	for _, tc := range tests {
		checked, ok := symbolBox(tc.font, tc.code)
		if checked != tc.checked || ok != tc.isCB {
			t.Errorf("symbolBox(%q, %04X) = %v, %v; want %v, %v", tc.font, tc.code, checked, ok, tc.checked, tc.isCB)
		}
	}
}

// TestSymbolCharacters covers sprmCSymbol characters (Word writes w:sym
// this way; LibreOffice writes typed symbol-font characters instead).
func TestSymbolCharacters(t *testing.T) {
	d := &decoder{fonts: []string{"Wingdings 2", "Wingdings", "Times New Roman"}, doc: &word.Document{}}
	d.visibleChar(chSymbol, 0, chp{spec: true, hasSym: true, symFtc: 0, symChar: 0xF052})
	d.visibleChar(' ', 1, chp{ftc: -1})
	d.visibleChar(chSymbol, 2, chp{spec: true, hasSym: true, symFtc: 1, symChar: 0x00A8})
	d.visibleChar(chSymbol, 3, chp{spec: true, hasSym: true, symFtc: 1, symChar: 0xF04A})
	d.visibleChar(0xF0FE, 4, chp{ftc: 1})
	d.visibleChar(0xF0A3, 5, chp{ftc: 2, ftcOther: []int{2, 0}})
	d.visibleChar(0xF0A3, 6, chp{ftc: 2})
	p, _ := d.para.take()
	if p.Text != "☑ ☐?☑☐\uF0A3" {
		t.Errorf("text %q, want %q", p.Text, "☑ ☐?☑☐\uF0A3")
	}
	want := []word.Checkbox{
		{Checked: true, Form: word.FormSym, Glyph: "F052", Font: "Wingdings 2", Offset: 0},
		{Checked: false, Form: word.FormSym, Glyph: "F0A8", Font: "Wingdings", Offset: 2},
		{Checked: true, Form: word.FormSym, Glyph: "\uF0FE", Font: "Wingdings", Offset: 4},
		{Checked: false, Form: word.FormSym, Glyph: "\uF0A3", Font: "Wingdings 2", Offset: 5},
	}
	if len(p.Checkboxes) != len(want) {
		t.Fatalf("checkboxes %+v, want %+v", p.Checkboxes, want)
	}
	for i := range want {
		if p.Checkboxes[i] != want[i] {
			t.Errorf("checkbox %d = %+v, want %+v", i, p.Checkboxes[i], want[i])
		}
	}
	if len(d.doc.Warnings) != 1 {
		t.Errorf("warnings %q, want one for the unknown symbol", d.doc.Warnings)
	}
}

// TestRTFDetails covers RTF forms LibreOffice does not write: \bin data,
// \ffres25 (use the default state), \uc0 and escaped braces.
func TestRTFDetails(t *testing.T) {
	src := `{\rtf1\ansi\ansicpg936{\fonttbl{\f0 Times;}}` +
		`\pard a{\pict\pngblip\bin4 }{}x}b\par` +
		`\pard {\field{\*\fldinst FORMCHECKBOX {\*\formfield{\fftype1\ffres25\ffdefres1}}}{\fldrslt }}` +
		` {\uc0\u9745}\{x\}\par}`
	d, err := ReadRTF([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("%d blocks, want 2", len(d.Blocks))
	}
	p1, p2 := d.Blocks[0].Paragraph, d.Blocks[1].Paragraph
	if p1.Text != "ab" || len(p1.Images) != 1 || p1.Images[0].ContentType != "image/png" {
		t.Errorf("paragraph 1 = %+v, want ab with one png", p1)
	}
	if p2.Text != "☑ ☑{x}" || len(p2.Checkboxes) != 2 || !p2.Checkboxes[0].Checked ||
		p2.Checkboxes[0].Form != word.FormFormField || p2.Checkboxes[1].Form != word.FormUnicode {
		t.Errorf("paragraph 2 = %+v", p2)
	}
}
