package docx

import (
	"errors"
	"strings"
	"testing"

	"shenbao/parser/word"
)

type boxWant struct {
	checked bool
	form    string
}

type cellWant struct {
	table, r, c      int // table is Table.Index
	text             string
	rowSpan, colSpan int
	pad              bool
}

type imgWant struct {
	contentType   string
	width, height int
	name          string
}

func TestRead(t *testing.T) {
	u, s, f, c := word.FormUnicode, word.FormSym, word.FormFormField, word.FormSDT
	tests := []struct {
		file     string
		text     string // exact Document.Text(); "" to skip
		contains []string
		boxes    []boxWant
		cells    []cellWant
		images   []imgWant
		warnings int
		err      string // substring of the error; "" for success
		notDocx  bool
	}{
		{file: "sdt_checkbox.docx",
			text:  "推荐形式：☑窗口 ☐个人\n以控件状态为准☑\n同意\t☐\nend",
			boxes: []boxWant{{true, c}, {false, c}, {true, c}, {false, c}}},
		{file: "sdt_more.docx",
			text:     "姓名：\n\n已填：张三\n☑是\n空控件☑\nend",
			boxes:    []boxWant{{true, c}, {true, c}},
			warnings: 1},
		{file: "choices.docx",
			text:  "初审意见：☐是 ☑否\n推荐形式：☐窗口自荐 ☑领导推荐\n性别：☐男 ☐女\n请在相应栏内打“√”，或打√\n二〇二四年三月 ●\n姓名：王小明\n单位：\n第二个正文部分",
			boxes: []boxWant{{false, u}, {true, u}, {false, u}, {true, u}, {false, u}, {false, u}}},
		{file: "sym_wingdings.docx",
			text: "☑窗口☐个人\n☑是☐否☑X☑tick\nbullet?end\n☑甲☐乙☑丙\n☑丁☐戊",
			boxes: []boxWant{{true, s}, {false, s}, {true, s}, {false, s}, {true, s}, {true, s},
				{true, s}, {false, s}, {true, s}, {true, s}, {false, s}},
			warnings: 1},
		{file: "formcheckbox.docx",
			text:  "☑ checked, val absent\n☑ default 1\n☐ checked 0 over default 1\n☑ no separate\n☐ neither",
			boxes: []boxWant{{true, f}, {true, f}, {false, f}, {true, f}, {false, f}}},
		{file: "unicode.docx",
			text: "☐甲 ☐乙 ☑丙 ☑丁 ☑戊 ☑己 ☑庚 ☑辛\n推荐形式：☑窗口自荐  ☐个人",
			boxes: []boxWant{{false, u}, {false, u}, {true, u}, {true, u}, {true, u}, {true, u},
				{true, u}, {true, u}, {true, u}, {false, u}}},
		{file: "table_merge.docx",
			text: "A\tB\tC\nD\tE\tF\n\tG\t\nH n1\tn2 \t\t\t\nafter",
			cells: []cellWant{
				{1, 0, 0, "A", 1, 2, false}, {1, 0, 1, "A", 1, 2, false},
				{1, 0, 2, "B", 3, 1, false}, {1, 1, 2, "B", 3, 1, false}, {1, 2, 2, "B", 3, 1, false},
				{1, 1, 0, "D", 1, 1, false}, {1, 2, 0, "", 1, 1, true}, {1, 2, 1, "G", 1, 1, false},
				{1, 2, 3, "", 1, 1, true}, {1, 3, 1, "", 1, 1, true}, {1, 3, 3, "", 1, 1, true},
				{2, 0, 1, "n2", 1, 1, false}},
			images: []imgWant{{"image/png", 3, 2, "工作照片"}}},
		{file: "table_edge.docx",
			text: "a\tc\t\nd\te\t\nf\tg\th\t\ni\tj\tk\nl\tm\t\t",
			cells: []cellWant{
				{1, 0, 1, "a", 1, 2, false}, {1, 0, 3, "", 1, 1, true}, {1, 1, 1, "d", 1, 2, false},
				{1, 2, 0, "f", 2, 1, false}, {1, 3, 0, "f", 2, 1, false}, {1, 3, 3, "k", 1, 1, false},
				{1, 4, 1, "m", 1, 1, false}, {1, 4, 2, "", 1, 1, true}}},
		{file: "tracked.docx", text: "申报单位新处\nkept row"},
		{file: "altcontent.docx",
			text:   "正文\n文本框内容\n图表fallback text\n",
			images: []imgWant{{"image/gif", 2, 1, "环境照片"}}},
		{file: "fields.docx", text: "第1页\n日期：2024-05-01\n满\n见网站沈阳市A\tB\nC-D"},
		{file: "strict.docx",
			text:  "严格模式☑\na\tb\nc\n☑同意",
			boxes: []boxWant{{true, s}, {true, f}},
			cells: []cellWant{{1, 1, 1, "c", 1, 2, false}}},
		{file: "renamed.docx", text: "主文档改名"},
		{file: "renamed_ct.docx", text: "只靠内容类型找到"},
		{file: "split_runs.docx", text: "申报单位"},
		{file: "field_unclosed.docx", text: "前\n\n\n\n\n\n\n\n\nshown", warnings: 1},
		{file: "not_word.docx", err: "content type", notDocx: true},
		{file: "lo_merged.docx",
			text:  "LibreOffice 合并单元格\n横向合并\t纵向合并\n甲\t☐乙 ☑丙\n结束",
			boxes: []boxWant{{false, u}, {true, u}},
			cells: []cellWant{{1, 0, 1, "横向合并", 1, 2, false}, {1, 1, 2, "纵向合并", 2, 1, false}}},
		{file: "application.docx",
			contains: []string{"辽宁省清风窗口（个人）申报表", "窗口名称\t沈阳市和平区政务服务中心不动产登记窗口"},
			boxes:    []boxWant{{true, u}, {false, u}},
			cells: []cellWant{
				{1, 3, 0, "窗口人员", 4, 1, false}, {1, 6, 0, "窗口人员", 4, 1, false},
				{1, 6, 1, "王五", 1, 1, false}, {1, 2, 3, "☑窗口 ☐个人", 1, 3, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			doc, err := ReadFile("testdata/"+tc.file, Limits{})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ReadFile(%s) error = %v, want one containing %q", tc.file, err, tc.err)
				}
				if tc.notDocx != errors.Is(err, ErrNotDocx) {
					t.Errorf("errors.Is(%v, ErrNotDocx) = %v, want %v", err, !tc.notDocx, tc.notDocx)
				}
				if doc != nil {
					t.Error("document returned together with an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadFile(%s): %v", tc.file, err)
			}
			checkInvariants(t, doc)
			got := doc.Text()
			if tc.text != "" && got != tc.text {
				t.Errorf("text:\ngot  %q\nwant %q", got, tc.text)
			}
			for _, want := range tc.contains {
				if !strings.Contains(got, want) {
					t.Errorf("text %q does not contain %q", got, want)
				}
			}
			boxes := allBoxes(doc.Blocks)
			if len(boxes) != len(tc.boxes) {
				t.Errorf("got %d checkboxes %+v, want %d", len(boxes), boxes, len(tc.boxes))
			}
			for i := 0; i < len(boxes) && i < len(tc.boxes); i++ {
				if boxes[i].Checked != tc.boxes[i].checked || boxes[i].Form != tc.boxes[i].form {
					t.Errorf("checkbox %d = %+v, want checked=%v form=%s", i, boxes[i], tc.boxes[i].checked, tc.boxes[i].form)
				}
			}
			tables := doc.Tables()
			for _, cw := range tc.cells {
				if cw.table < 1 || cw.table > len(tables) {
					t.Errorf("no table %d", cw.table)
					continue
				}
				cell := tables[cw.table-1].At(cw.r, cw.c)
				if cell == nil {
					t.Errorf("table %d cell (%d,%d) is nil", cw.table, cw.r, cw.c)
					continue
				}
				if cell.Text() != cw.text || cell.RowSpan != cw.rowSpan || cell.ColSpan != cw.colSpan || cell.Pad != cw.pad {
					t.Errorf("table %d cell (%d,%d) = %q span %dx%d pad %v, want %q span %dx%d pad %v",
						cw.table, cw.r, cw.c, cell.Text(), cell.RowSpan, cell.ColSpan, cell.Pad,
						cw.text, cw.rowSpan, cw.colSpan, cw.pad)
				}
			}
			imgs := allImages(doc.Blocks)
			if len(imgs) != len(tc.images) {
				t.Errorf("got %d images %+v, want %d", len(imgs), imgs, len(tc.images))
			}
			for i := 0; i < len(imgs) && i < len(tc.images); i++ {
				w := tc.images[i]
				if imgs[i].ContentType != w.contentType || imgs[i].Width != w.width || imgs[i].Height != w.height || imgs[i].Name != w.name || imgs[i].Size <= 0 {
					t.Errorf("image %d = %+v, want %+v", i, imgs[i], w)
				}
			}
			if len(doc.Warnings) != tc.warnings {
				t.Errorf("warnings = %q, want %d", doc.Warnings, tc.warnings)
			}
		})
	}
}

func allBoxes(bs []word.Block) []word.Checkbox {
	var out []word.Checkbox
	for _, b := range bs {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Checkboxes...)
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				out = append(out, allBoxes(c.Blocks)...)
			}
		}
	}
	return out
}

func allImages(bs []word.Block) []word.Image {
	var out []word.Image
	for _, b := range bs {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Images...)
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				out = append(out, allImages(c.Blocks)...)
			}
		}
	}
	return out
}

// checkInvariants fails t when the model breaks a promise of package word
// (word.Check) or is not a .docx model.
func checkInvariants(t testing.TB, doc *word.Document) {
	t.Helper()
	if doc.Format != "docx" {
		t.Errorf("format = %q", doc.Format)
	}
	if err := word.Check(doc); err != nil {
		t.Error(err)
	}
}
