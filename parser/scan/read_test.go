package scan

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// summary renders a record compactly for exact comparison.
func summary(r Record) string {
	d := ""
	if !r.Date.IsZero() {
		d = r.Date.Format("2006-01-02")
	}
	return fmt.Sprintf("%d|%s|%s|%s|%s|%s|%s|%s|%g|%d|%s", r.Row, r.Window, r.Field, r.Opinion,
		r.Signed, r.Stamped, d, r.DateText, r.Confidence, r.Page, r.File)
}

func TestRead(t *testing.T) {
	tests := []struct {
		file  string
		recs  []string
		probs []string
	}{
		{"utf8bom.csv", []string{
			"2|市政务服务中心不动产登记窗口|部门负责人意见|同意推荐|是||2024-03-28|2024年3月28日|0.97|1|scan/不动产_p1.jpg",
			"3|市政务服务中心不动产登记窗口|组织（人事）部门意见|同意|否|是|2024-03-29|2024-03-29|0.96|1|scan/不动产_p1.jpg",
			"4|市政务服务中心不动产登记窗口|推荐单位|同意推荐||是|2024-04-08|2024/4/8|0.62|2|scan/不动产_p2.jpg",
		}, nil},
		{"gbk.csv", []string{
			"2|铁东区税务局办税服务厅|分管领导意见|同意|是|否|2024-03-30|2024.3.30|0.9|1|铁东_p1.jpg",
			"3|铁东区税务局办税服务厅|派驻纪检监察部门意见|同意，无违纪|否|是|2024-04-01|2024年4月1日|-1|1|铁东_p1.jpg",
		}, nil},
		{"english.tsv", []string{
			"3|立山区医保服务窗口|主要领导意见|同意|是|否|2024-04-02|2024-04-02|0.88|1|ls.png",
			"4|立山区医保服务窗口|行业主管部门意见||否|是|2024-04-18|2024-04-18|1|2|ls.png",
		}, nil},
		{"semicolon.csv", []string{
			"2|千山区市场监管窗口|部门负责人意见|同意|是||2024-03-27|2024年3月27日|0.99|0|",
			"3|千山区市场监管窗口|推荐单位|同意推荐|否|是|2024-04-09|2024年4月9日|0.81|0|",
		}, nil},
		{"bilingual.csv", []string{
			"2|铁西区公积金窗口|分管领导意见||是|否|||-1|0|",
		}, nil},
		{"utf16.txt", []string{
			"2|立山区医保服务窗口|推荐单位|||是|||-1|0|",
		}, nil},
		{"badrows.csv", []string{
			"2|高新区人社窗口|部门负责人意见|同意|是||2024-03-28|2024年3月28日|0.95|1|a.jpg",
			"4|高新区人社窗口|主要领导意见|同意||||2024年2月30日|0.9|1|a.jpg",
			"6|高新区人社窗口|推荐单位|同意||是|2024-04-09|2024年4月9日|-1|2|a.jpg",
			"8|高新区人社窗口|行业主管部门意见|同意||是|2024-04-18|2024年4月18日|0.9|2|a.jpg",
		}, []string{
			"3|badrows.csv|ColumnCount||5/9",
			"4|badrows.csv|BadSigned|可能|0/0",
			"4|badrows.csv|BadDate|2024年2月30日|0/0",
			"5|badrows.csv|NoWindow||0/0",
			"6|badrows.csv|BadConfidence|150|0/0",
			"9|badrows.csv|ColumnCount||10/9",
		}},
		{"records.json", []string{
			"1|立山区医保服务窗口|推荐单位|||是|2024-04-09|2024年4月9日|0.93|2|",
			"2|立山区医保服务窗口|部门负责人意见|同意|是|否|||0.99|0|",
		}, nil},
		{"wrapped.json", []string{
			"1|立山区医保服务窗口|推荐单位|||是|2024-04-09|2024年4月9日|0.93|2|",
			"2|立山区医保服务窗口|部门负责人意见|同意|是|否|||0.99|0|",
		}, []string{
			"3|wrapped.json (records)|NotRecord||0/0",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			name := "扫描/" + tc.file
			recs, probs, err := Read(name, data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var got []string
			for _, r := range recs {
				if r.Source != name {
					t.Errorf("Source = %q, want %q", r.Source, name)
				}
				got = append(got, summary(r))
			}
			compare(t, "records", got, tc.recs)
			got = nil
			for _, p := range probs {
				got = append(got, describe(p))
			}
			compare(t, "problems", got, tc.probs)
			if !IsMetadata(name, data) {
				t.Errorf("IsMetadata = false")
			}
		})
	}
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadUnusable(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"noheader.csv", mustRead(t, "noheader.csv"), ErrNoHeader},
		{"broken.json", mustRead(t, "broken.json"), ErrJSON},
		{"binary.csv", []byte("\x00\x01\x02窗口名称,栏目"), ErrNotTable},
		{"fake.xlsx", []byte("PK\x03\x04 xl/workbook.xml garbage"), ErrXLSX},
		{"empty.csv", nil, ErrNoHeader},
		{"prose.txt", mustRead(t, "prose.txt"), ErrNoHeader},
		{"other.json", []byte(`[{"name": "张三", "window": "甲窗口"}]`), ErrNoRecords},
		{"two-columns.csv", []byte("窗口名称,栏目\n甲窗口,推荐单位\n"), ErrNoHeader},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, probs, err := Read(tc.name, tc.data)
			var se *Error
			if !errors.As(err, &se) || se.File != tc.name || !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want a *scan.Error of %s wrapping %q", err, tc.name, tc.want)
			}
			if regexp.MustCompile(`\p{Han}`).MatchString(strings.ReplaceAll(err.Error(), tc.name, "")) {
				t.Errorf("error %q is not English: parser/classify words it for the clerk", err)
			}
			if recs != nil || probs != nil {
				t.Errorf("result with error: %v %v", recs, probs)
			}
			if IsMetadata(tc.name, tc.data) {
				t.Errorf("IsMetadata = true")
			}
		})
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// makeXLSX builds a workbook: a cover sheet without a header, then a sheet
// named 扫描记录 with a title row, the header, and rows whose dates are real
// Excel dates and whose confidence is a percentage-formatted number.
func makeXLSX(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "本工作簿由扫描站导出")
	if _, err := f.NewSheet("扫描记录"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"2024年扫描记录"},
		{"序号", "栏目", "窗口名称", "盖章", "签字", "日期", "置信度", "页码"},
		{1, "推荐单位", "千山区市场监管窗口", "是", "", excelDate(t, "2024-04-09"), 0.62, 2},
		{2, "部门负责人意见", "千山区市场监管窗口", "", "√", "2024年3月27日", 0.97, 1},
		{},
		{4, "主要领导意见", "千山区市场监管窗口", "", "？"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("扫描记录", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("扫描记录", "F3", "F3", style)
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	f.SetCellStyle("扫描记录", "G3", "G4", pct)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// excelDate is the Excel serial number of an ISO date.
func excelDate(t testing.TB, s string) float64 {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

func TestReadLoneJSONRecord(t *testing.T) {
	data := []byte(`{"窗口名称": "甲窗口", "栏目": "推荐单位", "是否盖章": "是", "日期": "2024-04-08 00:00:00"}`)
	recs, probs, err := Read("one.json", data)
	if err != nil || len(probs) != 0 || len(recs) != 1 {
		t.Fatalf("Read = %v, %v, %v", recs, probs, err)
	}
	if got, want := summary(recs[0]), "1|甲窗口|推荐单位|||是|2024-04-08|2024-04-08 00:00:00|-1|0|"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestReadXLSX(t *testing.T) {
	data := makeXLSX(t)
	recs, probs, err := Read("metadata.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, summary(r))
	}
	compare(t, "records", got, []string{
		"3|千山区市场监管窗口|推荐单位|||是|2024-04-09|2024-04-09|0.62|2|",
		"4|千山区市场监管窗口|部门负责人意见||是||2024-03-27|2024年3月27日|0.97|1|",
		"6|千山区市场监管窗口|主要领导意见||||||-1|0|",
	})
	got = nil
	for _, p := range probs {
		got = append(got, describe(p))
	}
	compare(t, "problems", got, []string{
		"6|metadata.xlsx 扫描记录|BadSigned|？|0/0",
	})
	if !IsMetadata("metadata.xlsx", data) {
		t.Error("IsMetadata = false")
	}
}

func TestDropTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-04-02 00:00:00", "2024-04-02"}, {"2024-04-02T09:30", "2024-04-02"},
		{"2024/4/2 9:30:00.000", "2024/4/2"}, {"2024年4月2日", "2024年4月2日"},
		{"2024 年 4 月 2 日", "2024 年 4 月 2 日"}, {"T", "T"}, {"", ""},
	}
	for _, tc := range tests {
		if got := dropTime(tc.in); got != tc.want {
			t.Errorf("dropTime(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseTri(t *testing.T) {
	tests := []struct {
		in   string
		want Tri
		ok   bool
	}{
		{"是", Yes, true}, {"否", No, true}, {"有", Yes, true}, {"无", No, true},
		{"√", Yes, true}, {"×", No, true}, {"✓", Yes, true}, {"✗", No, true},
		{"1", Yes, true}, {"0", No, true}, {"TRUE", Yes, true}, {"false", No, true},
		{"Y", Yes, true}, {"n", No, true}, {"Yes", Yes, true}, {"NO", No, true},
		{"已签字", Yes, true}, {"未签字", No, true}, {"已盖章", Yes, true}, {"未盖章", No, true},
		{" 是 ", Yes, true}, {"", Unknown, true}, {"  ", Unknown, true},
		{"可能", Unknown, false}, {"2", Unknown, false}, {"是否", Unknown, false},
	}
	for _, tc := range tests {
		got, ok := parseTri(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseTri(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseConfidence(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"", -1, true}, {"0.62", 0.62, true}, {"1", 1, true}, {"0", 0, true},
		{"95", 0.95, true}, {"95%", 0.95, true}, {"62 ％", 0.62, true}, {"100", 1, true},
		{"0.5%", 0.005, true}, {"101", -1, false}, {"-0.1", -1, false}, {"高", -1, false}, {"NaN", -1, false},
	}
	for _, tc := range tests {
		got, ok := parseConfidence(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseConfidence(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want column
	}{
		{"窗口名称", colWindow}, {"窗 口 名 称", colWindow}, {"Window_Name", colWindow}, {"window", colWindow},
		{"文件名", colFile}, {"页", colPage}, {"审核栏目", colField}, {"字段", colField},
		{"意见", colOpinion}, {"是否签字", colSigned}, {"盖章", colStamped}, {"stamped", colStamped},
		{"日期", colDate}, {"置信度(%)", colConfidence}, {"签字/signed", colSigned},
		{"序号", colNone}, {"", colNone}, {"备注", colNone},
	}
	for _, tc := range tests {
		if got := classify(tc.in); got != tc.want {
			t.Errorf("classify(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range files {
		if strings.HasSuffix(p, ".md") {
			continue
		}
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data)
		}
	}
	f.Add(makeXLSX(f))
	f.Add([]byte("\ufeff窗口,,栏目,签字\n0,,\x81,")) // a BOM, then a byte that is not UTF-8
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, probs, err := Read("fuzz", data)
		if err != nil && (recs != nil || probs != nil) {
			t.Fatalf("result with error %v", err)
		}
		_ = IsMetadata("fuzz", data)
		// Each record and problem is about a row of this file, rows count
		// up, text is clean UTF-8, and a record says which window and
		// field it is for; a confidence is -1 or within 0–1.
		last := 0
		for _, r := range recs {
			if r.Source != "fuzz" || r.Row < 1 || r.Row < last {
				t.Fatalf("record row %d after %d from %q", r.Row, last, r.Source)
			}
			last = r.Row
			for _, s := range []string{r.Window, r.File, r.Field, r.Opinion, r.DateText} {
				if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
					t.Fatalf("row %d: text %q", r.Row, s)
				}
			}
			if strings.TrimSpace(r.Window) == "" || strings.TrimSpace(r.Field) == "" {
				t.Fatalf("row %d: record without window or field: %+v", r.Row, r)
			}
			if r.Confidence != -1 && (r.Confidence < 0 || r.Confidence > 1) {
				t.Fatalf("row %d: confidence %v", r.Row, r.Confidence)
			}
			if r.Page < 0 || r.Image {
				t.Fatalf("row %d: page %d image %v", r.Row, r.Page, r.Image)
			}
		}
		for _, p := range probs {
			if p.Source != "fuzz" || p.Row < 0 || p.Code == 0 || !utf8.ValidString(p.Value+p.Detail+p.Sheet) {
				t.Fatalf("problem %+v", p)
			}
		}
		if int64(len(recs)) > int64(len(data)) {
			t.Fatalf("%d records from %d bytes", len(recs), len(data))
		}
		recs2, probs2, err2 := Read("fuzz", data)
		if !reflect.DeepEqual(recs, recs2) || !reflect.DeepEqual(probs, probs2) || (err == nil) != (err2 == nil) {
			t.Fatal("two reads of the same bytes differ")
		}
	})
}

// describe is a problem as the tests compare it: row, where, code, the
// cell and the counts. (Its Chinese wording is parser/classify's.)
func describe(p Problem) string {
	where := p.File
	if p.Sheet != "" {
		where += " " + p.Sheet
	}
	if p.Records {
		where += " (records)"
	}
	return fmt.Sprintf("%d|%s|%v|%s|%d/%d", p.Row, where, p.Code, p.Value, p.N, p.M)
}

// TestReadControls: a UTF-16 or JSON file can carry NUL and other control
// characters that no byte check sees; they never reach a record.
func TestReadControls(t *testing.T) {
	utf16 := func(s string) []byte {
		out := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"nul.csv", utf16("窗口名称,审核栏目,盖章\n\x00立山区医保服务窗口\x07,推荐单位\x00,是\n"),
			"2|立山区医保服务窗口|推荐单位|||是|||-1|0|"},
		{"nul.json", []byte(`[{"窗口名称":"\u0000立山区医保服务窗口","审核栏目":"推荐\u001b单位","盖章":"是","意见":"同意\n推荐"}]`),
			"1|立山区医保服务窗口|推荐单位|同意\n推荐||是|||-1|0|"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, _, err := Read(tc.name, tc.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var got []string
			for _, r := range recs {
				got = append(got, summary(r))
			}
			compare(t, "records", got, []string{tc.want})
		})
	}
}
