package doc

import (
	"reflect"
	"testing"
)

// paragraphs returns the text of every paragraph, in cells too.
func paragraphs(t *testing.T, name string) []string {
	t.Helper()
	d, err := readFixture(t, name)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range d.Blocks {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Text)
		}
	}
	return out
}

// TestTextBoxes: text boxes and shapes with text, as LibreOffice writes
// them into a .doc, are read after the paragraph that anchors them.
func TestTextBoxes(t *testing.T) {
	got := paragraphs(t, "textbox.doc")
	want := []string{"个人简历（文本框排版）", "正文第二段", "窗口名称：不动产登记中心综合窗口", "所属单位：鞍山市自然资源局",
		"最后一段", "主要事迹：在形状里写的文字"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

// TestRTFWild reads what LibreOffice writes for characters outside the
// BMP, hidden text and lists.
func TestRTFWild(t *testing.T) {
	got := paragraphs(t, "rtf-wild.rtf")
	want := []string{"窗口人员：王𡈼、李𪚥", "可见之后仍可见", "第一条职责", "第二条职责", "最后一段"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

// TestRTFQuirks: hand-written RTF for what Word and other producers write
// and LibreOffice does not.
func TestRTFQuirks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain ends hidden text", `{\rtf1 a\v hidden\plain visible\par}`, []string{"avisible"}},
		{"plain in a later paragraph", `{\rtf1\v x\par\pard\plain y\par}`, []string{"", "y"}},
		{"star skips its own group only", `{\rtf1 a {\*\foo b{\x y}} c\par}`, []string{"a  c"}},
		{"star in the middle of a group is no destination", `{\rtf1 {\b a \*\foo b} c\par}`, []string{"a b c"}},
		{"surrogate pair, negative arguments", `{\rtf1 \u-10172?\u-8644?\par}`, []string{"𡈼"}},
		{"surrogate pair, uc0", `{\rtf1\uc0 \u55401\u56997\par}`, []string{"𪚥"}},
		{"lone surrogate", `{\rtf1 a\u55364?b\par}`, []string{"ab"}},
		{"bytes after the closing brace", "{\\rtf1 a\\par}\r\nb\\par c{d}\x00\x00", []string{"a"}},
		{"list definitions outside the list table", `{\rtf1 {\list{\listlevel{\leveltext\'02\'00.;}{\levelnumbers\'01;}}}{\listoverride\listid1\ls1}body\par}`, []string{"body"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadRTF([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range d.Blocks {
				if b.Paragraph != nil {
					got = append(got, b.Paragraph.Text)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
