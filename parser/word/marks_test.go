package word

import (
	"reflect"
	"testing"
)

func TestMarkChoices(t *testing.T) {
	tick := func(off int) Checkbox { return Checkbox{Checked: true, Form: FormUnicode, Glyph: "√", Offset: off} }
	tests := []struct {
		name, text string
		boxes      []Checkbox
		want       string
		wantBoxes  []bool
	}{
		{"circle pair", "〇是 ●否", nil, "☐是 ☑否", []bool{false, true}},
		{"hollow and fisheye", "◯窗口自荐 ◉领导推荐", nil, "☐窗口自荐 ☑领导推荐", []bool{false, true}},
		{"two hollow options", "○男 ○女", nil, "☐男 ☐女", []bool{false, false}},
		{"one hollow bullet", "○ 注意事项", nil, "○ 注意事项", nil},
		{"filled bullets only", "●第一条 ●第二条", nil, "●第一条 ●第二条", nil},
		{"numeral zero", "二〇二四年 ●是 ○否", nil, "二〇二四年 ☑是 ☐否", []bool{true, false}},
		{"quoted tick", "在相应栏内打“☑”", []Checkbox{tick(7)}, "在相应栏内打“√”", nil},
		{"tick after 打", "请打☑", []Checkbox{tick(2)}, "请打√", nil},
		{"typed tick kept", "☑窗口自荐", []Checkbox{tick(0)}, "☑窗口自荐", []bool{true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Paragraph{Text: tc.text, Checkboxes: tc.boxes}
			d := &Document{Blocks: []Block{{Paragraph: p}}}
			d.MarkChoices()
			var got []bool
			for i, cb := range p.Checkboxes {
				got = append(got, cb.Checked)
				if r := []rune(p.Text)[cb.Offset]; (r == '☑') != cb.Checked || r != '☑' && r != '☐' {
					t.Errorf("checkbox %d at %d is %q", i, cb.Offset, r)
				}
			}
			if p.Text != tc.want || !reflect.DeepEqual(got, tc.wantBoxes) {
				t.Errorf("got %q %v, want %q %v", p.Text, got, tc.want, tc.wantBoxes)
			}
		})
	}
}
