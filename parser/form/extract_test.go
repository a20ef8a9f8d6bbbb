package form

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"shenbao/parser/word"
)

// para makes a paragraph, recording a checkbox of form boxForm for every
// ☑/☐ glyph in text ("" records none, as for typed glyphs the reader left).
func para(text, boxForm string) word.Block {
	p := &word.Paragraph{Text: text}
	if boxForm != "" {
		for i, r := range []rune(text) {
			if string(r) == word.Checked || string(r) == word.Unchecked {
				p.Checkboxes = append(p.Checkboxes, word.Checkbox{Checked: string(r) == word.Checked, Form: boxForm, Offset: i})
			}
		}
	}
	return word.Block{Paragraph: p}
}

// table builds a grid from a layout: "<" repeats the cell to the left (a
// horizontal merge), "^" the cell above (a vertical merge); "\n" in a text
// starts a new paragraph.
func table(index int, boxForm string, layout ...[]string) *word.Table {
	t := &word.Table{Index: index, NumRows: len(layout), NumCols: len(layout[0])}
	for r, row := range layout {
		cells := make([]*word.Cell, len(row))
		for c, s := range row {
			switch s {
			case "<":
				cells[c] = cells[c-1]
				cells[c].ColSpan++
			case "^":
				cells[c] = t.Rows[r-1][c]
				if cells[c].Col == c {
					cells[c].RowSpan++
				}
			default:
				cell := &word.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1}
				for _, line := range strings.Split(s, "\n") {
					cell.Blocks = append(cell.Blocks, para(line, boxForm))
				}
				cells[c] = cell
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

func document(blocks ...any) *word.Document {
	d := &word.Document{Format: "docx"}
	for _, b := range blocks {
		switch v := b.(type) {
		case string:
			d.Blocks = append(d.Blocks, para(v, ""))
		case *word.Table:
			d.Blocks = append(d.Blocks, word.Block{Table: v})
		}
	}
	return d
}

var testApp = ApplicationSpec{
	Detect:    []string{"窗口名称", "所属单位", "推荐形式", "窗口人员姓名及身份证号码", "主要事迹"},
	DetectMin: 3,
	Fields: []FieldSpec{
		{Key: "window_name", Name: "窗口名称", Labels: []string{"窗口名称"}},
		{Key: "unit", Name: "所属单位（部门）", Labels: []string{"所属单位（部门）", "所属单位"}},
		{Key: "recommend", Name: "推荐形式", Labels: []string{"推荐形式"}},
		{Key: "staff", Name: "窗口人员姓名及身份证号码", Labels: []string{"窗口人员姓名及身份证号码", "窗口人员"}},
		{Key: "honors", Name: "曾受表彰奖励情况", Labels: []string{"曾受表彰奖励情况"}},
		{Key: "deeds", Name: "主要事迹（200字左右）", Labels: []string{"主要事迹（200字左右）", "主要事迹"}},
	},
	Options: []OptionSpec{
		{Name: "窗口自荐", Variants: []string{"窗口自荐"}},
		{Name: "联名(内部)举荐", Variants: []string{"联名（内部）举荐", "联名举荐"}},
		{Name: "领导推荐", Variants: []string{"领导推荐"}},
		{Name: "群众共荐", Variants: []string{"群众共荐"}},
	},
}

var testReview = ReviewSpec{
	Detect:    []string{"窗口名称", "窗口人员姓名", "部门负责人意见", "分管领导意见", "推荐单位"},
	DetectMin: 3,
	Fields: []FieldSpec{
		{Key: "window_name", Name: "窗口名称", Labels: []string{"窗口名称"}},
		{Key: "staff_names", Name: "窗口人员姓名", Labels: []string{"窗口人员姓名"}},
	},
	Rows: []RowSpec{
		{Name: "部门负责人意见", Labels: []string{"部门负责人意见"}},
		{Name: "分管领导意见", Labels: []string{"分管领导意见"}},
		{Name: "推荐单位", Labels: []string{"推荐单位意见", "推荐单位"}},
	},
	Placeholders: []string{"（简要写明审核情况，出具审核意见）", "（签字）", "（盖章）", "签字：", "盖章"},
}

const id1, id2 = "210302198503121234", "21030219900101567X"

func TestExtractApplicationLayouts(t *testing.T) {
	tests := []struct {
		name    string
		doc     *word.Document
		fields  map[string]string
		checked []string
		forms   []string // Form of the checked options
		staff   []Person
		missing []string
	}{
		{
			name: "plain two columns, sdt boxes",
			doc: document("申报表", table(1, word.FormSDT,
				[]string{"窗口名称", "企业登记注册窗口"},
				[]string{"所属单位（部门）", "鞍山市市场监督管理局"},
				[]string{"推荐形式", "☑窗口自荐  ☐联名（内部）举荐  ☐领导推荐  ☐群众共荐"},
				[]string{"窗口人员姓名及身份证号码", "张三 " + id1},
				[]string{"曾受表彰奖励情况", "无"},
				[]string{"主要事迹\n（200字左右）", "事迹正文"},
			)),
			fields:  map[string]string{"window_name": "企业登记注册窗口", "unit": "鞍山市市场监督管理局", "honors": "无", "deeds": "事迹正文"},
			checked: []string{"窗口自荐"}, forms: []string{word.FormSDT},
			staff: []Person{{"张三", id1}},
		},
		{
			name: "label and value in one cell, spaced labels, merged value",
			doc: document(table(1, word.FormSym,
				[]string{"窗 口 名 称：市民中心不动产登记窗口", "<", "<"},
				[]string{"所属单位(部门)：鞍山市不动产登记中心", "<", "<"},
				[]string{"推荐形式", "☐窗口自荐 ☑联名（内部）举荐", "☑领导推荐 ☐群众共荐"},
				[]string{"窗口人员姓名及身份证号码：张三 " + id1 + "、李四 " + id2, "<", "<"},
				[]string{"曾受表彰奖励情况", "", "<"},
				[]string{"主要事迹（200字左右）", "<", "<"},
				[]string{"事迹写在下面一行", "<", "<"},
			)),
			fields:  map[string]string{"window_name": "市民中心不动产登记窗口", "unit": "鞍山市不动产登记中心", "honors": "", "deeds": "事迹写在下面一行", "recommend": "☐窗口自荐 ☑联名（内部）举荐\t☑领导推荐 ☐群众共荐"},
			checked: []string{"联名(内部)举荐", "领导推荐"}, forms: []string{word.FormSym, word.FormSym},
			staff: []Person{{"张三", id1}, {"李四", id2}},
		},
		{
			name: "label spanning rows over a name/ID sub-table",
			doc: document(table(1, word.FormFormField,
				[]string{"窗口名称", "综合受理窗口", "<"},
				[]string{"推荐形式", "窗口自荐☑ 联名举荐☐ 领导推荐☐ 群众共荐☐", "<"},
				[]string{"窗口人员姓名及身份证号码", "姓名", "身份证号码"},
				[]string{"^", "冯雪", id1},
				[]string{"^", "曹阳", id2},
				[]string{"主要事迹", "正文", "<"},
			)),
			fields:  map[string]string{"window_name": "综合受理窗口", "staff": "姓名\t身份证号码\n冯雪\t" + id1 + "\n曹阳\t" + id2},
			checked: []string{"窗口自荐"}, forms: []string{word.FormFormField},
			staff:   []Person{{"冯雪", id1}, {"曹阳", id2}},
			missing: []string{"unit", "honors"},
		},
		{
			name: "typed ticks, no boxes recorded",
			doc: document(table(1, "",
				[]string{"窗口名称", "户籍业务窗口"},
				[]string{"推荐形式", "☑窗口自荐    联名（内部）举荐    领导推荐    群众共荐"},
				[]string{"窗口人员", id1 + " 卢静"},
			)),
			fields:  map[string]string{"window_name": "户籍业务窗口"},
			checked: []string{"窗口自荐"}, forms: []string{word.FormUnicode},
			staff:   []Person{{"卢静", id1}},
			missing: []string{"unit", "honors", "deeds"},
		},
		{
			name: "tick typed beside an empty box",
			doc: document(table(1, word.FormUnicode,
				[]string{"窗口名称", "出入境证件办理窗口"},
				[]string{"推荐形式", "☑☐窗口自荐 ☐联名（内部）举荐 ☐领导推荐 ☐群众共荐"},
			)),
			fields:  map[string]string{"window_name": "出入境证件办理窗口"},
			checked: []string{"窗口自荐"}, forms: []string{word.FormUnicode},
			staff:   []Person{},
			missing: []string{"unit", "staff", "honors", "deeds"},
		},
		{
			name: "nothing ticked",
			doc: document(table(1, word.FormUnicode,
				[]string{"窗口名称", "社保医保综合窗口"},
				[]string{"推荐形式", "☐窗口自荐 ☐联名（内部）举荐 ☐领导推荐 ☐群众共荐"},
			)),
			fields:  map[string]string{"window_name": "社保医保综合窗口"},
			staff:   []Person{},
			missing: []string{"unit", "staff", "honors", "deeds"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := ExtractApplication(tc.doc, testApp)
			for k, want := range tc.fields {
				if got := a.Value(k); got != want {
					t.Errorf("field %s = %q, want %q", k, got, want)
				}
			}
			var forms []string
			for _, o := range a.Options {
				if o.Checked {
					forms = append(forms, o.Form)
				}
			}
			if got := a.Checked(); !reflect.DeepEqual(got, tc.checked) || !reflect.DeepEqual(forms, tc.forms) {
				t.Errorf("checked = %v %v, want %v %v", got, forms, tc.checked, tc.forms)
			}
			if !reflect.DeepEqual(a.Staff, tc.staff) {
				t.Errorf("staff = %v, want %v", a.Staff, tc.staff)
			}
			if !reflect.DeepEqual(a.Missing, tc.missing) {
				t.Errorf("missing = %v, want %v", a.Missing, tc.missing)
			}
		})
	}
}

func TestExtractApplicationLocation(t *testing.T) {
	d := document(table(2, "",
		[]string{"窗口名称", "甲窗口", "所属单位", "乙单位"},
	))
	a := ExtractApplication(d, testApp)
	if f := a.Fields["window_name"]; f.Value != "甲窗口" || f.Location != "表2 第1行第2列" || !f.Found {
		t.Errorf("window_name = %+v", f)
	}
	if f := a.Fields["unit"]; f.Value != "乙单位" || f.Location != "表2 第1行第4列" {
		t.Errorf("unit = %+v", f)
	}
}

func TestExtractReview(t *testing.T) {
	d := document("初审表", table(1, "",
		[]string{"窗口名称", "企业登记注册窗口", "<"},
		[]string{"窗口人员\n姓名", "王丽娜、刘洋", "<"},
		[]string{"部门负责人意见", "（简要写明审核情况，出具审核意见）\n经审核，同意推荐。\n签字：\n2024年4月2日", "<"},
		[]string{"分管领导意见", "\n\n（签字）\n    年   月   日", "<"},
		[]string{"推荐单位", "不同意推荐。\n（盖章）", "2024.4.31"},
	))
	d.Blocks[1].Table.Rows[4][1].Blocks[0].Paragraph.Images = []word.Image{{Target: "word/media/seal.png", ContentType: "image/png", Width: 120, Height: 120}}
	r := ExtractReview(d, testReview)
	if r.Value("window_name") != "企业登记注册窗口" || r.Value("staff_names") != "王丽娜、刘洋" {
		t.Errorf("fields = %+v", r.Fields)
	}
	want := []ReviewRow{
		{Role: "部门负责人意见", Found: true, Location: "表1 第3行第2列", Opinion: "经审核，同意推荐。",
			Raw:  "（简要写明审核情况，出具审核意见）\n经审核，同意推荐。\n签字：\n2024年4月2日",
			Date: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC), DateText: "2024年4月2日"},
		{Role: "分管领导意见", Found: true, Location: "表1 第4行第2列", Opinion: "",
			Raw: "（签字）\n    年   月   日"},
		{Role: "推荐单位", Found: true, Location: "表1 第5行第2列", Opinion: "不同意推荐。",
			Raw:      "不同意推荐。\n（盖章）\t2024.4.31",
			Images:   []ImageRef{{Target: "word/media/seal.png", ContentType: "image/png", Width: 120, Height: 120}},
			DateText: "2024.4.31", DateInvalid: true},
	}
	if !reflect.DeepEqual(r.Rows, want) {
		t.Errorf("rows:\n got %+v\nwant %+v", r.Rows, want)
	}
	if r.Missing != nil {
		t.Errorf("missing = %v", r.Missing)
	}
}

func TestDetect(t *testing.T) {
	app := table(1, "",
		[]string{"窗口名称", "甲"}, []string{"所属单位", "乙"}, []string{"推荐形式", "☐窗口自荐"},
		[]string{"窗口人员姓名及身份证号码", "张三"})
	rev := table(1, "",
		[]string{"窗口名称", "甲"}, []string{"窗口人员姓名", "张三"}, []string{"部门负责人意见", "同意"},
		[]string{"分管领导意见", "同意"})
	notice := document("关于开展评选的通知",
		"各窗口填写申报表（附件1）：窗口名称、所属单位、推荐形式、窗口人员姓名及身份证号码、主要事迹；",
		"初审表（附件2）由部门负责人意见、分管领导意见、推荐单位逐级签字盖章。")
	tests := []struct {
		name string
		doc  *word.Document
		want Kind
	}{
		{"application", document(app), KindApplication},
		{"review", document(rev), KindReview},
		{"notice in prose", notice, KindNone},
		{"too few labels", document(table(1, "", []string{"窗口名称", "甲"})), KindNone},
		{"empty", &word.Document{}, KindNone},
		{"nil", nil, KindNone},
	}
	for _, tc := range tests {
		if got := Detect(tc.doc, testApp, testReview); got != tc.want {
			t.Errorf("%s: Detect = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestOptionsInLabelCell(t *testing.T) {
	d := document(table(1, word.FormUnicode,
		[]string{"窗口名称", "甲窗口"},
		[]string{"推荐形式 ☐窗口自荐 ☑领导推荐", "<"},
	))
	a := ExtractApplication(d, testApp)
	if got := a.Checked(); !reflect.DeepEqual(got, []string{"领导推荐"}) {
		t.Errorf("checked = %v", got)
	}
}

func TestOptionsInSeparateCells(t *testing.T) {
	d := document(table(1, word.FormSDT,
		[]string{"窗口名称", "甲窗口", "<", "<", "<"},
		[]string{"推荐形式", "☐", "窗口自荐", "☑", "群众共荐"},
	))
	a := ExtractApplication(d, testApp)
	if got := a.Checked(); !reflect.DeepEqual(got, []string{"群众共荐"}) || a.Options[3].Form != word.FormSDT {
		t.Errorf("checked = %v, options %+v", got, a.Options)
	}
}
