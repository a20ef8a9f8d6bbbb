package form

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"shenbao/parser/docx"
)

// TestFixtures reads the testdata forms (see testdata/README.md) and checks
// the facts each one is there for.
func TestFixtures(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	type app struct {
		window, unit string
		checked      []string
		form         string // Form of the first checked option
		staff        []Person
		// fields: other field keys → exact value wanted
		fields map[string]string
	}
	tests := []struct {
		file string
		kind Kind
		app  *app
		// rows: role → want opinion, date (YYYY-MM-DD or ""), invalid, images
		rows map[string]rowWant
		// rfields: 初审表 field key → exact value wanted
		rfields map[string]string
	}{
		{file: "app-sdt-inline.docx", kind: KindApplication, app: &app{"市民中心不动产登记窗口", "鞍山市不动产登记中心",
			[]string{"窗口自荐", "领导推荐"}, "sdt", []Person{{"周海燕", "210303198307083623"}, {"吴刚", "210311198802191912"}}, nil}},
		{file: "app-sym.docx", kind: KindApplication, app: &app{"规划许可审批窗口", "鞍山市自然资源局",
			[]string{"领导推荐"}, "sym", []Person{{"邓佳", "210304198402204127"}, {"许文博", "210302199001311732"}}, nil}},
		{file: "app-formfield.docx", kind: KindApplication, app: &app{"工程建设项目审批窗口", "海城市政务服务中心",
			[]string{"窗口自荐"}, "formfield", []Person{{"宋宇", "210381198707072981"}}, nil}},
		{file: "app-lo-cells.docx", kind: KindApplication, app: &app{"企业登记注册窗口", "鞍山市市场监督管理局",
			[]string{"窗口自荐"}, "unicode", []Person{{"王丽娜", "210302198605121249"}, {"刘洋", "210303199208173513"}}, nil}},
		{file: "app-lo.doc", kind: KindApplication, app: &app{"车驾管业务窗口", "鞍山市公安局交通警察支队",
			[]string{"领导推荐"}, "unicode", []Person{{"张志强", "210304198003022139"}}, nil}},
		{file: "v-boxes-after.docx", kind: KindApplication, app: &app{"铁西区医保服务窗口", "铁西区医疗保障分局",
			[]string{"领导推荐"}, "unicode", []Person{{"张三", id1}, {"李四", id2}}, nil}},
		{file: "v-nested-staff.docx", kind: KindApplication, app: &app{"千山区不动产登记窗口", "千山区自然资源分局",
			[]string{"窗口自荐", "群众共荐"}, "sym", []Person{{"王五", id1}, {"赵六", "21030219900101567"}}, nil}},
		{file: "lo-four-columns.docx", kind: KindApplication, app: &app{"立山区不动产登记窗口", "立山区自然资源局",
			[]string{"联名(内部)举荐"}, "typed-tick", []Person{{"刘洋", "210302198503121234"}, {"陈静", "21030219900101567X"}}, nil}},
		{file: "app-title-row.docx", kind: KindApplication, app: &app{"铁东区社保经办窗口", "铁东区人力资源和社会保障局",
			[]string{"联名(内部)举荐"}, "unicode", []Person{{"孙丽", "210302198712055326"}, {"周建国", "21030319790421181X"}},
			map[string]string{"honors": "无。", "deeds": "该窗口坚持以人民为中心，推行综合柜员制。\n全年办理业务三万余件，群众满意率百分之百。\n窗口人员清正廉洁，作风过硬。"}}},
		{file: "app-bracket-ticks.docx", kind: KindApplication, app: &app{"公积金提取窗口", "鞍山市住房公积金管理中心",
			[]string{"联名(内部)举荐"}, "typed-tick", []Person{{"张三", "210302198503121234"}, {"李四", "21030219900101567X"}},
			map[string]string{"honors": "暂无", "deeds": "该窗口推行“一次办好”，压缩办理时限。\n全年办理提取业务两万余笔，零差错、零投诉。\n窗口人员廉洁自律，群众满意。"}}},
		{file: "app-split-table.docx", kind: KindApplication, app: &app{"海城市税务办税窗口", "国家税务总局海城市税务局",
			[]string{"窗口自荐"}, "typed-tick", []Person{{"王芳", "210381198802143621"}},
			map[string]string{"honors": "2023年获评鞍山市巾帼文明岗。", "deeds": "该窗口推行“非接触式”办税，办税时间压缩一半以上，群众满意率百分之百。"}}},
		{file: "app-only-choice.docx", kind: KindApplication, app: &app{"岫岩县医保经办窗口", "岫岩满族自治县医疗保障局",
			[]string{"领导推荐"}, FormWritten, []Person{{"吴昊", "210323198907070319"}, {"郑洁", "210323199303033024"}},
			map[string]string{"deeds": "该窗口推行“帮办代办”，为行动不便群众上门服务，群众满意率百分之百。"}}},
		{file: "app-tick-between.docx", kind: KindApplication, app: &app{"台安县政务服务中心综合窗口", "台安县营商环境建设局",
			[]string{"联名(内部)举荐"}, "typed-tick", []Person{{"赵敏", "210321199102283028"}, {"钱进", "210321198610104515"}},
			map[string]string{"deeds": "该窗口推行“综合窗口”改革，实现一窗通办。\n全年受理业务一万二千余件，好评率百分之百。"}}},
		{file: "app-staff-header.docx", kind: KindApplication, app: &app{"千山区市场监管登记窗口", "千山区市场监督管理局",
			[]string{"群众共荐"}, "unicode", []Person{{"冯雪", "210311199405062127"}, {"褚卫东", "210311198112120614"}},
			map[string]string{"staff": "冯雪\t210311199405062127\n褚卫东\t210311198112120614", "honors": "无"}}},
		{file: "app-vertical-label.docx", kind: KindApplication, app: &app{"立山区公安分局户籍窗口", "鞍山市公安局立山分局",
			[]string{"领导推荐"}, "unicode", []Person{{"何芳", "210304198708082220"}, {"吕强", "210304198201011213"}, {"施燕", "210304199511112540"}},
			map[string]string{"honors": "无。", "deeds": "该窗口推行“户籍业务一窗通办”。\n全年办理户籍业务八千余件，无一投诉。"}}},
		{file: "both-forms.docx", kind: KindApplication, app: &app{"铁西区税务窗口", "国家税务总局鞍山市铁西区税务局",
			[]string{"窗口自荐"}, "unicode", []Person{{"蒋涛", "210303198404041217"}},
			map[string]string{"deeds": ""}}},
		{file: "app-two-lists.docx", kind: KindApplication, app: &app{"鞍钢集团公积金服务窗口", "鞍山市住房公积金管理中心鞍钢分中心",
			[]string{"领导推荐"}, "unicode", []Person{{"韩梅", "210302198906062029"}, {"杨帆", "210303199212121516"}, {"朱琳", "210304199707070722"}},
			map[string]string{"deeds": "该窗口推行“公积金进企业”服务，上门办理业务三千余件。"}}},
		{file: "app-head-lines.docx", kind: KindApplication, app: &app{"鞍山市不动产登记中心抵押登记窗口", "鞍山市自然资源局",
			[]string{"群众共荐"}, "unicode", []Person{{"沈静", "210302198801012220"}}, nil}},
		{file: "app-gap-values.docx", kind: KindApplication, app: &app{"铁东区公证服务窗口", "鞍山市铁东区公证处",
			[]string{"窗口自荐"}, "unicode", []Person{{"陈晨", "210302199004042222"}}, nil}},
		{file: "notice.docx", kind: KindNone},
		{file: "review-seal.docx", kind: KindReview, rows: map[string]rowWant{
			"推荐单位":    {"经集体研究并公示无异议，同意推荐。", "2024-04-08", false, 1},
			"部门负责人意见": {"经审核，该窗口申报材料真实准确，同意推荐。", "2024-04-02", false, 0},
		}},
		{file: "review-spaced.docx", kind: KindReview, rows: map[string]rowWant{
			"行业主管部门意见": {"经审核，同意推荐该窗口参加“清风辽宁政务窗口”评选。", "2024-04-22", false, 0},
		}},
		{file: "v-review-dates.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"同意推荐。", "2024-04-01", false, 0},
			"分管领导意见":     {"同意。", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "", true, 0},
			"派驻纪检监察部门意见": {"", "", false, 0},
			"主要领导意见":     {"同意推荐", "2024-04-02", false, 0},
			"推荐单位":       {"暂缓推荐。", "2024-04-09", false, 0},
		}},
		{file: "review-one-cell.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"经审核，材料属实，同意推荐。", "2024-04-02", false, 0},
			"分管领导意见":     {"同意推荐。", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "2024-04-02", false, 0},
			"派驻纪检监察部门意见": {"同意", "", false, 0},
			"主要领导意见":     {"同意推荐。", "", true, 0},
			"推荐单位":       {"经集体研究，同意推荐。", "2024-04-09", false, 0},
			"行业主管部门意见":   {"", "", false, 0},
		}},
		{file: "review-three-col.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"同意推荐。", "2024-04-01", false, 0},
			"分管领导意见":     {"同意。", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "2024-04-02", false, 0},
			"派驻纪检监察部门意见": {"同意。", "", false, 0},
			"主要领导意见":     {"同意推荐。", "2024-04-03", false, 0},
			"推荐单位":       {"经集体审定，同意推荐。", "2024-04-10", false, 0},
			"行业主管部门意见":   {"", "", false, 0},
		}},
		{file: "review-label-in-cell.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"经审核，该窗口事迹属实，同意推荐。", "2024-04-01", false, 0},
			"分管领导意见":     {"同意推荐。", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "2024-04-02", false, 0},
			"派驻纪检监察部门意见": {"同意推荐。", "2024-04-02", false, 0},
			"主要领导意见":     {"同意推荐。", "", false, 0},
			"推荐单位":       {"经单位集体审定，同意推荐。", "2024-04-08", false, 0},
			"行业主管部门意见":   {"", "", false, 0},
		}},
		{file: "review-blank-label-rows.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"同意推荐。", "2024-04-01", false, 0},
			"分管领导意见":     {"同意。", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "2024-04-02", false, 0},
			"派驻纪检监察部门意见": {"同意。", "", false, 0},
			"主要领导意见":     {"同意推荐。", "2024-04-03", false, 0},
			"推荐单位":       {"同意推荐。", "2024-04-09", false, 0},
			"行业主管部门意见":   {"", "", false, 0},
		}},
		{file: "review-typed-signer.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"同意推荐。", "2024-04-01", false, 0},
			"分管领导意见":     {"", "2024-04-02", false, 0},
			"组织（人事）部门意见": {"同意。", "2024-04-02", false, 0},
			"主要领导意见":     {"同意推荐。", "2024-04-03", false, 0},
		}},
		{file: "review-numbered.docx", kind: KindReview, rows: map[string]rowWant{
			"部门负责人意见":    {"同意推荐。", "2024-04-01", false, 0},
			"派驻纪检监察部门意见": {"同意。", "2024-04-02", false, 0},
			"主要领导意见":     {"同意推荐。", "2024-04-03", false, 0},
			"推荐单位":       {"同意推荐。", "2024-04-09", false, 0},
			"行业主管部门意见":   {"", "", false, 0},
		}, rfields: map[string]string{"window_name": "千山区市场监管登记窗口", "staff_names": "冯雪、褚卫东"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := readWord(t, filepath.Join("testdata", tc.file))
			if got := Detect(d, s.Application, s.Review); got != tc.kind {
				t.Fatalf("Detect = %q, want %q", got, tc.kind)
			}
			if tc.app != nil {
				a := ExtractApplication(d, s.Application)
				if a.Value("window_name") != tc.app.window || a.Value("unit") != tc.app.unit {
					t.Errorf("window/unit = %q/%q", a.Value("window_name"), a.Value("unit"))
				}
				if got := a.Checked(); !reflect.DeepEqual(got, tc.app.checked) {
					t.Errorf("checked = %v, want %v", got, tc.app.checked)
				}
				for _, o := range a.Options {
					if o.Checked && o.Form != tc.app.form {
						t.Errorf("option %s form = %q, want %q", o.Name, o.Form, tc.app.form)
					}
				}
				if !reflect.DeepEqual(a.Staff, tc.app.staff) {
					t.Errorf("staff = %v, want %v", a.Staff, tc.app.staff)
				}
				for k, want := range tc.app.fields {
					if got := a.Value(k); got != want {
						t.Errorf("%s = %q, want %q", k, got, want)
					}
				}
			}
			if tc.rows != nil {
				r := ExtractReview(d, s.Review)
				if len(r.Rows) != 7 {
					t.Fatalf("%d rows", len(r.Rows))
				}
				for k, want := range tc.rfields {
					if got := r.Value(k); got != want {
						t.Errorf("%s = %q, want %q", k, got, want)
					}
				}
				for _, row := range r.Rows {
					want, ok := tc.rows[row.Role]
					if !ok {
						continue
					}
					date := ""
					if !row.Date.IsZero() {
						date = row.Date.Format(time.DateOnly)
					}
					if !row.Found || row.Opinion != want.opinion || date != want.date || row.DateInvalid != want.invalid || len(row.Images) != want.images {
						t.Errorf("%s: opinion %q date %q invalid %v images %d; want %+v", row.Role, row.Opinion, date, row.DateInvalid, len(row.Images), want)
					}
				}
			}
		})
	}
}

type rowWant struct {
	opinion string
	date    string
	invalid bool
	images  int
}

// FuzzExtract feeds mutated testdata documents through the docx reader and
// every extraction entry point: none may panic, and a document the reader
// accepts always yields records.
func FuzzExtract(f *testing.F) {
	s := loadSpecs(f, "qingfeng-liaoning")
	files, _ := filepath.Glob(filepath.Join("testdata", "*.docx"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := docx.Read(bytes.NewReader(data), int64(len(data)), docx.Limits{MaxTotalBytes: 8 << 20})
		if err != nil {
			if d != nil {
				t.Fatal("document together with an error")
			}
			return
		}
		Detect(d, s.Application, s.Review)
		a := ExtractApplication(d, s.Application)
		if a == nil || a.Fields == nil {
			t.Fatal("nil application")
		}
		r := ExtractReview(d, s.Review)
		if r == nil || len(r.Rows) != len(s.Review.Rows) {
			t.Fatal("review rows do not follow the spec")
		}
		checkExtracted(t, a, r, s.Application, s.Review)
		if a2, r2 := ExtractApplication(d, s.Application), ExtractReview(d, s.Review); !reflect.DeepEqual(a, a2) || !reflect.DeepEqual(r, r2) {
			t.Fatal("two extractions of one document differ")
		}
		// What the pipeline holds between the walk and assembly is the
		// packed form: it must come back as it was.
		if a2, err := UnpackApplication(a.Pack()); err != nil || !reflect.DeepEqual(a, a2) {
			t.Fatalf("packed application comes back changed: %v", err)
		}
		if r2, err := UnpackReview(r.Pack()); err != nil || !reflect.DeepEqual(r, r2) {
			t.Fatalf("packed review comes back changed: %v", err)
		}
	})
}

// checkExtracted holds extracted forms to the spec they were read by: only
// the spec's field keys, a value only where its label was found, trimmed
// clean UTF-8 text, options and rows in profile order, and Missing naming
// exactly the fields not found.
func checkExtracted(t *testing.T, a *Application, r *Review, as ApplicationSpec, rs ReviewSpec) {
	t.Helper()
	clean := func(what, v string) {
		if !utf8.ValidString(v) || strings.TrimSpace(v) != v || strings.ContainsRune(v, 0) {
			t.Fatalf("%s: %q", what, v)
		}
	}
	// The 初审表's Missing names its rows not found as well as its fields.
	var rowsNotFound, rowsMissing, reviewMissing []string
	isRow := map[string]bool{}
	for _, row := range r.Rows {
		isRow[row.Role] = true
		if !row.Found {
			rowsNotFound = append(rowsNotFound, row.Role)
		}
	}
	for _, k := range r.Missing {
		if isRow[k] {
			rowsMissing = append(rowsMissing, k)
		} else {
			reviewMissing = append(reviewMissing, k)
		}
	}
	fields := func(form string, got map[string]Field, specs []FieldSpec, missing []string) {
		keys := map[string]bool{}
		for _, f := range specs {
			keys[f.Key] = true
		}
		var notFound []string
		for k, f := range got {
			if !keys[k] {
				t.Fatalf("%s: field %q not in the spec", form, k)
			}
			clean(form+" "+k, f.Value)
			if !f.Found && (f.Value != "" || f.Location != "") {
				t.Fatalf("%s %s: value %q without its label", form, k, f.Value)
			}
			if !f.Found {
				notFound = append(notFound, k)
			}
		}
		for _, k := range missing {
			if !keys[k] || got[k].Found {
				t.Fatalf("%s: missing %q, but it is found or not in the spec", form, k)
			}
		}
		slices.Sort(notFound)
		m := slices.Sorted(slices.Values(missing))
		if len(got) == len(specs) && !slices.Equal(notFound, m) {
			t.Fatalf("%s: not found %v, missing %v", form, notFound, m)
		}
	}
	fields("申报表", a.Fields, as.Fields, a.Missing)
	fields("初审表", r.Fields, rs.Fields, reviewMissing)
	slices.Sort(rowsNotFound)
	slices.Sort(rowsMissing)
	if !slices.Equal(rowsNotFound, rowsMissing) {
		t.Fatalf("rows not found %v, Missing names %v", rowsNotFound, rowsMissing)
	}
	if len(a.Options) != len(as.Options) {
		t.Fatalf("%d options, spec has %d", len(a.Options), len(as.Options))
	}
	for i, o := range a.Options {
		if o.Name != as.Options[i].Name {
			t.Fatalf("option %d is %q, spec %q", i, o.Name, as.Options[i].Name)
		}
	}
	for _, p := range a.Staff {
		clean("staff name", p.Name)
		clean("staff id", p.ID)
		if p.Name == "" && p.ID == "" {
			t.Fatal("an empty staff entry")
		}
	}
	for i, row := range r.Rows {
		if row.Role != rs.Rows[i].Name {
			t.Fatalf("row %d is %q, spec %q", i, row.Role, rs.Rows[i].Name)
		}
		clean(row.Role+" opinion", row.Opinion)
		if !row.Found && (row.Opinion != "" || len(row.Images) > 0 || !row.Date.IsZero()) {
			t.Fatalf("%s: content without its label: %+v", row.Role, row)
		}
	}
}

// FuzzText feeds arbitrary strings to the text parsers.
func FuzzText(f *testing.F) {
	for _, s := range []string{"张三 210302198503121234、李四 21030219900101567X", "二〇二四年四月二十一日",
		"2024.4.2", "X年X月X日", "姓名：张三 身份证号：2103 0219 8503 1212 34", "（200字左右）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range ParseStaff(s) {
			if p.Name == "" && p.ID == "" {
				t.Fatalf("empty person from %q", s)
			}
		}
		tm, ok, present := ParseDate(s)
		if ok && (!present || tm.IsZero()) {
			t.Fatalf("ParseDate(%q) = %v %v %v", s, tm, ok, present)
		}
		_ = NormalizeName(s)
		if n := NormalizeLabel(s); strings.ContainsAny(n, " \n\t\u3000") {
			t.Fatalf("NormalizeLabel(%q) kept space: %q", s, n)
		}
		findDate(s)
	})
}

func BenchmarkExtractApplication(b *testing.B) {
	s := loadSpecs(b, "qingfeng-liaoning")
	d := readWord(b, filepath.Join("testdata", "app-lo-cells.docx"))
	for b.Loop() {
		if Detect(d, s.Application, s.Review) != KindApplication {
			b.Fatal("not detected")
		}
		ExtractApplication(d, s.Application)
	}
}

func BenchmarkExtractReview(b *testing.B) {
	s := loadSpecs(b, "qingfeng-liaoning")
	d := readWord(b, filepath.Join("testdata", "review-seal.docx"))
	for b.Loop() {
		ExtractReview(d, s.Review)
	}
}
