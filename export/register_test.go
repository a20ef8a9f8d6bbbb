package export

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	goldenfile "shenbao/parser/golden"
)

// writeSample writes the sample register into a fresh folder.
func writeSample(t *testing.T, opt RegisterOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "登记表.xlsx")
	if err := WriteRegister(path, sampleResult(), opt); err != nil {
		t.Fatalf("WriteRegister: %v", err)
	}
	return path
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestRegisterGolden(t *testing.T) {
	dump, err := DumpXLSX(writeSample(t, sampleOptions()))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "register.golden", dump)
}

func TestRegisterFullIDGolden(t *testing.T) {
	opt := sampleOptions()
	opt.FullID = true
	dump, err := DumpXLSX(writeSample(t, opt))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "register_fullid.golden", dump)
}

// TestRegisterIDMasking checks where full numbers may appear: nowhere
// without FullID, and with it only in 联审名单 (xl/worksheets/sheet4.xml
// and the shared strings it uses), never in 登记表 or another sheet.
func TestRegisterIDMasking(t *testing.T) {
	res := sampleResult()
	tests := []struct {
		name   string
		fullID bool
	}{
		{"masked", false},
		{"full-id", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := sampleOptions()
			opt.FullID = tc.fullID
			path := writeSample(t, opt)
			raw := unzipAll(t, path)
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				var text strings.Builder
				for _, r := range rows {
					text.WriteString(strings.Join(r, "\t") + "\n")
				}
				for _, s := range res.Submissions {
					for _, p := range s.Staff {
						if len(p.ID) != 18 {
							continue
						}
						want := tc.fullID && sheet == "联审名单"
						if got := strings.Contains(text.String(), p.ID); got != want {
							t.Errorf("%s: full ID of %s shown = %v, want %v", sheet, p.Name, got, want)
						}
					}
				}
			}
			if !tc.fullID {
				for _, s := range res.Submissions {
					for _, p := range s.Staff {
						if len(p.ID) == 18 && strings.Contains(raw, p.ID) {
							t.Errorf("full ID of %s is somewhere in the xlsx", p.Name)
						}
					}
				}
			}
		})
	}
}

// unzipAll returns every part of the zip at path, concatenated.
func unzipAll(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n--- " + f.Name + "\n")
		b.Write(data)
	}
	return b.String()
}

func TestRegisterStructure(t *testing.T) {
	path := writeSample(t, sampleOptions())
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got, want := f.GetSheetList(), []string{"汇总", "登记表", "问题清单", "联审名单", "文件清单", "待核查清单"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}

	cols := registerColumns(testRoles)
	conclusion, printed := "", ""
	for i, c := range cols {
		if c.header == "审查结论" {
			conclusion = colName(i + 1)
		}
		if !c.offPaper {
			printed = colName(i + 1)
		}
	}
	last := colName(len(cols))
	if printed == last || cols[len(cols)-1].header != "源文件" || cols[len(cols)-2].header != "来源" {
		t.Errorf("来源 and 源文件 are not the last, off-paper columns of 登记表")
	}
	cf, err := f.GetConditionalFormats("登记表")
	if err != nil {
		t.Fatal(err)
	}
	rules := cf[conclusion+"4:"+conclusion+"9"]
	var values []string
	for _, r := range rules {
		values = append(values, r.Type+" "+r.Criteria+" "+r.Value)
	}
	if want := []string{`cell equal to "合规"`, `cell equal to "需补正"`, `cell equal to "待核查"`}; !slices.Equal(values, want) {
		t.Errorf("conditional formats on %s4:%s9 = %q (all: %v), want %q", conclusion, conclusion, values, cf, want)
	}

	panes := []struct {
		sheet          string
		xSplit, ySplit int
		topLeft        string
	}{
		{"登记表", 2, 3, "C4"},
		{"问题清单", 0, 3, "A4"},
		{"联审名单", 0, 3, "A4"},
		{"文件清单", 0, 3, "A4"},
	}
	for _, p := range panes {
		got, err := f.GetPanes(p.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Freeze || got.XSplit != p.xSplit || got.YSplit != p.ySplit || got.TopLeftCell != p.topLeft {
			t.Errorf("%s panes = %+v, want frozen %d×%d at %s", p.sheet, got, p.xSplit, p.ySplit, p.topLeft)
		}
	}

	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	wantNames := map[string]string{
		"登记表 _xlnm._FilterDatabase":  "'登记表'!$A$3:$" + last + "$9",
		"登记表 _xlnm.Print_Titles":     "'登记表'!$3:$3",
		"登记表 _xlnm.Print_Area":       "'登记表'!$A$1:$" + printed + "$9",
		"问题清单 _xlnm._FilterDatabase": "'问题清单'!$A$3:$G$26",
		"问题清单 _xlnm.Print_Titles":    "'问题清单'!$3:$3",
		"联审名单 _xlnm._FilterDatabase": "'联审名单'!$A$3:$G$13",
		"文件清单 _xlnm._FilterDatabase": "'文件清单'!$A$3:$J$9",
		"文件清单 _xlnm.Print_Area":      "'文件清单'!$A$1:$I$9",
	}
	for k, want := range wantNames {
		if names[k] != want {
			t.Errorf("defined name %s = %q, want %q (all: %v)", k, names[k], want, names)
		}
	}

	layout, err := f.GetPageLayout("登记表")
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 8 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("登记表 page layout = %+v, want A3 (8) landscape fit to 1 page wide", layout)
	}
	props, err := f.GetSheetProps("登记表")
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("登记表 fitToPage is not set")
	}
	hf, err := f.GetHeaderFooter("登记表")
	if err != nil {
		t.Fatal(err)
	}
	if hf == nil || hf.OddFooter != "&C&A　第 &P 页 / 共 &N 页" {
		t.Errorf("登记表 footer = %+v, want the sheet name and page numbers", hf)
	}
	merged, err := f.GetMergeCells("登记表")
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for _, m := range merged {
		spans = append(spans, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if want := []string{"A1:" + printed + "1", "A2:" + printed + "2"}; !slices.Equal(spans, want) {
		t.Errorf("登记表 merged cells = %v, want the title and 制表 rows %v", spans, want)
	}
	doc, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if doc.Created != "2024-04-12T01:30:00Z" || doc.Modified != "2024-04-12T01:30:00Z" {
		t.Errorf("doc props created/modified = %s/%s, want the run time", doc.Created, doc.Modified)
	}

	raw := unzipAll(t, path)
	for _, part := range []string{"--- xl/charts/chart1.xml", "--- xl/drawings/drawing1.xml"} {
		if !strings.Contains(raw, part) {
			t.Errorf("the workbook has no %s", strings.TrimPrefix(part, "--- "))
		}
	}
	// Excel wants <col> elements in ascending order.
	sheet2 := raw[strings.Index(raw, "--- xl/worksheets/sheet2.xml"):]
	sheet2 = sheet2[:strings.Index(sheet2[4:], "\n--- ")+4]
	if i := strings.Index(sheet2, `<col min="1" `); i < 0 || i > strings.Index(sheet2, `<col min="2" `) {
		t.Errorf("登记表 columns are not in ascending order")
	}
}

func TestRegisterDeterministic(t *testing.T) {
	a, err := DumpXLSX(writeSample(t, sampleOptions()))
	if err != nil {
		t.Fatal(err)
	}
	b, err := DumpXLSX(writeSample(t, sampleOptions()))
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("two writes of the same result differ")
	}
}

func TestWriteRegisterAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.xlsx")
	if err := os.WriteFile(path, []byte("old register"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteRegister(path, sampleResult(), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "register.xlsx" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("folder holds %q, want only register.xlsx", names)
	}
	if _, err := DumpXLSX(path); err != nil {
		t.Fatalf("replaced register does not open: %v", err)
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string // part of the error; "" for none
	}{
		{"ok", filepath.Join(dir, "a.xlsx"), ""},
		{"missing folder", filepath.Join(dir, "nope", "a.xlsx"), "不存在"},
		{"is a folder", dir, "是一个文件夹"},
		{"empty", "", "输出路径为空"},
		{"read-only folder", filepath.Join(readOnly, "a.xlsx"), "无法在文件夹"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "read-only folder" && os.Geteuid() == 0 {
				t.Skip("root can write into a read-only folder")
			}
			err := CheckWritable(tc.path)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("CheckWritable(%q) = %v, want nil", tc.path, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("CheckWritable(%q) = %v, want an error with %q", tc.path, err, tc.want)
			}
		})
	}
}

func TestWriteRegisterUnwritable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "register.xlsx")
	err := WriteRegister(path, sampleResult(), sampleOptions())
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("WriteRegister into a missing folder = %v, want a 不存在 error", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("WriteRegister left %d entries behind", len(entries))
	}
	if err := WriteRegister(dir, sampleResult(), sampleOptions()); err == nil {
		t.Fatal("WriteRegister onto a folder succeeded")
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("WriteRegister onto a folder left %d entries behind", len(entries))
	}
}
