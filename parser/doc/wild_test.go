package doc

import (
	"reflect"
	"strings"
	"testing"

	"shenbao/parser/word"
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

// TestTextBoxes: the text of text boxes and shapes is read after the
// paragraph that anchors them (in the same cell), in .doc as LibreOffice
// writes the textbox story and in RTF as LibreOffice and Word write shapes
// (\shptxt, WordArt gtextUNICODE, Word 6/95 \do drawing objects), without
// the copy Word writes for older readers (\shprslt).
func TestTextBoxes(t *testing.T) {
	resume := []string{"个人简历（文本框排版）", "正文第二段", "窗口名称：不动产登记中心综合窗口", "所属单位：鞍山市自然资源局",
		"最后一段", "主要事迹：在形状里写的文字"}
	inCell := []string{"申报表（文本框版）", "窗口名称\t 市民中心综合受理窗口", "所属单位\t市行政审批局", "推荐意见：",
		"联系人：王五", "是否同意：☑是 ☐否", "表尾"}
	wordArt := []string{"填报单位：市政务服务中心", "先进窗口申报表", "填报日期：2024年4月1日"}
	tests := []struct {
		file   string
		want   []string
		images int
	}{
		{"textbox.doc", resume, 0},
		{"textbox.rtf", resume, 0},
		{"textbox-cell.doc", inCell, 0},
		{"textbox-cell.rtf", inCell, 0},
		{"wordart.doc", wordArt, 0},
		{"wordart.rtf", wordArt, 0},
		{"word-textbox.rtf", []string{"个人简历", "基本情况：（见右）", "姓名：李四", "推荐形式：☑窗口自荐☐领导推荐",
			"所属单位\t 市行政审批局", "组合之后", "组合框内：联系电话 0412-1234567", "旧版之后", "备注：旧版绘图文本框",
			"照片：", "完"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d, err := readFixture(t, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Split(d.Text(), "\n"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("text\n got %q\nwant %q", got, tc.want)
			}
			if images := len((&word.Cell{Blocks: d.Blocks}).Images()); images != tc.images {
				t.Errorf("%d images, want %d", images, tc.images)
			}
		})
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
		{"text box in a header is not read", `{\rtf1 {\header {\shp{\*\shpinst{\shptxt head\par}}}}body\par}`, []string{"body"}},
		{"text box left open at the end", `{\rtf1 a{\shp{\*\shpinst{\shptxt b\par c`, []string{"a", "b", "c"}},
		{"table in a text box", `{\rtf1 x{\shp{\*\shpinst{\shptxt \trowd\cellx1000\cellx2000\intbl p\cell q\cell\row}}}y\par}`, []string{"xy", "p", "q"}},
		{"hidden text box", `{\rtf1 a{\v{\shp{\*\shpinst{\shptxt b\par}}}}c\par}`, []string{"ac"}},
		{"WordArt text", `{\rtf1 {\shp{\*\shpinst{\sp{\sn wzName}{\sv name}}{\sp{\sn gtextUNICODE}{\sv \u30003?\u25253?\u34920?}}}}\par}`, []string{"", "申报表"}},
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
