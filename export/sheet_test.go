package export

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetRows reads every row of sheet in the workbook at path.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestSheetHeadings: every sheet opens with the campaign's title and the
// 制表单位 / 制表日期 line.
func TestSheetHeadings(t *testing.T) {
	path := writeSample(t, sampleOptions())
	title := "鞍山市第二批“清风辽宁政务窗口”"
	info := "制表单位：鞍山市营商环境建设局　　制表日期：2024年4月12日"
	for _, sheet := range []string{"汇总", "登记表", "问题清单", "联审名单", "文件清单", "待核查清单"} {
		rows := sheetRows(t, path, sheet)
		if len(rows) < 3 || len(rows[0]) == 0 || !strings.HasPrefix(rows[0][0], title) {
			t.Errorf("%s: row 1 is %q, want the campaign title", sheet, rows[0])
			continue
		}
		if len(rows[1]) == 0 || rows[1][0] != info {
			t.Errorf("%s: row 2 is %q, want %q", sheet, rows[1], info)
		}
	}
	opt := sampleOptions()
	opt.Issuer = ""
	rows := sheetRows(t, writeSample(t, opt), "登记表")
	if got := rows[1][0]; got != "制表日期：2024年4月12日" {
		t.Errorf("without an issuer row 2 is %q, want the date alone", got)
	}
}

func TestSummaryDetails(t *testing.T) {
	path := writeSample(t, sampleOptions())
	rows := sheetRows(t, path, "汇总")
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "\t") + "\n")
	}
	if strings.Contains(text.String(), "qingfeng-liaoning") {
		t.Errorf("汇总 shows the profile slug:\n%s", text.String())
	}
	if !strings.Contains(text.String(), "评选活动\t鞍山市第二批“清风辽宁政务窗口”") {
		t.Errorf("汇总 lacks the campaign's name:\n%s", text.String())
	}

	raw := unzipAll(t, path)
	chart := html.UnescapeString(part(raw, "xl/charts/chart1.xml"))
	m := regexp.MustCompile(`<(?:c:)?cat>.*?<(?:c:)?f>'汇总'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)</`).FindStringSubmatch(chart)
	if m == nil {
		t.Fatalf("chart has no category reference:\n%s", chart)
	}
	first, _ := strconv.Atoi(m[2])
	last, _ := strconv.Atoi(m[3])
	col := int(m[1][0]-'A') + 1
	for r := first; r <= last; r++ {
		got := rows[r-1][col-1]
		if !regexp.MustCompile(`^[A-Z]\d{2} \p{Han}`).MatchString(got) {
			t.Errorf("chart category %s%d is %q, want code and name", m[1], r, got)
		}
	}
	drawing := part(raw, "xl/drawings/drawing1.xml")
	from := regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>`).FindStringSubmatch(drawing)
	if from == nil {
		t.Fatalf("no chart anchor in\n%s", drawing)
	}
	if c, _ := strconv.Atoi(from[1]); c != 0 {
		t.Errorf("chart starts in column %d, want under the tables in column A", c+1)
	}
	if r, _ := strconv.Atoi(from[2]); r < last {
		t.Errorf("chart starts at row %d, beside the tables that end at row %d", r+1, last)
	}
}

// part is one part of an unzipAll dump.
func part(raw, name string) string {
	i := strings.Index(raw, "--- "+name+"\n")
	if i < 0 {
		return ""
	}
	rest := raw[i+len(name)+5:]
	if j := strings.Index(rest, "\n--- "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func TestRegisterSheetDetails(t *testing.T) {
	path := writeSample(t, sampleOptions())
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := sheetRows(t, path, "登记表")
	header := rows[2]
	colOf := func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("登记表 has no column %s: %q", name, header)
		}
		return i + 1
	}
	remark := colOf("备注")
	for r := 4; r <= 9; r++ {
		if v, _ := f.GetCellValue("登记表", cell(remark, r)); v != "" {
			t.Errorf("备注 row %d = %q, want empty", r, v)
		}
	}
	// Window 5 sent a PDF, no Word 申报表: no word count, not 0.
	if v, _ := f.GetCellValue("登记表", cell(colOf("事迹字数"), 8)); v != "" {
		t.Errorf("事迹字数 of the window without a Word 申报表 = %q, want empty", v)
	}
	for _, name := range []string{"序号", "事迹字数", "环境照片", "工作照片", "问题数"} {
		c := colOf(name)
		for r := 4; r <= 9; r++ {
			v, _ := f.GetCellValue("登记表", cell(c, r))
			if v == "" || v == "缺" {
				continue
			}
			if typ, _ := f.GetCellType("登记表", cell(c, r)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("登记表 %s row %d = %q is stored as text (type %v), want a number", name, r, v, typ)
			}
		}
	}
}

func TestFindingsSheetOrder(t *testing.T) {
	path := writeSample(t, sampleOptions())
	res := sampleResult()
	rows := sheetRows(t, path, "问题清单")
	if want := []string{"序号", "窗口名称"}; !slices.Equal(rows[2][:2], want) {
		t.Fatalf("问题清单 header %q, want it to start %q", rows[2], want)
	}
	var order []string // register order of the windows with findings
	for _, s := range res.Submissions {
		if len(s.Findings) > 0 {
			order = append(order, s.WindowName)
		}
	}
	order = append(order, "（未对应窗口）")
	var seen []string
	for i, r := range rows[3:] {
		if r[0] != strconv.Itoa(i+1) {
			t.Errorf("问题清单 row %d has 序号 %q, want %d", i+4, r[0], i+1)
		}
		if len(seen) == 0 || seen[len(seen)-1] != r[1] {
			seen = append(seen, r[1])
		}
	}
	if !slices.Equal(seen, order) {
		t.Errorf("问题清单 windows in order %q, want 登记表's order %q", seen, order)
	}
}

// TestReviewList: every 待核查 finding, and only those, is on 待核查清单 in
// 登记表's order, with an empty 核查结果 for the clerk.
func TestReviewList(t *testing.T) {
	rows := sheetRows(t, writeSample(t, sampleOptions()), "待核查清单")
	var got []string
	for _, r := range rows[3:] {
		got = append(got, r[1]+" "+r[4])
		if len(r) > 8 && r[8] != "" {
			t.Errorf("核查结果 is filled: %q", r)
		}
	}
	want := []string{"税费综合窗口 F03", "企业开办专区 M06", "企业开办专区 S01", "（未对应窗口） S03"}
	if !slices.Equal(got, want) {
		t.Errorf("待核查清单 lists %q, want %q", got, want)
	}
	if h := rows[2]; h[len(h)-1] != "核查结果" {
		t.Errorf("待核查清单 header %q lacks 核查结果", h)
	}
}

// TestRowHeightCap: a row with a very long cell (a window with dozens of
// findings) stays within the 409 points Excel allows, so the register is
// still written.
func TestRowHeightCap(t *testing.T) {
	cols := []column{{header: "审查意见", width: 30}}
	long := strings.Repeat("初审表“推荐单位”栏未盖章。\n", 60)
	if h := rowHeight([]any{long}, cols); h > excelize.MaxRowHeight || h < 300 {
		t.Errorf("rowHeight = %v, want at most %d and tall", h, excelize.MaxRowHeight)
	}
	if h := rowHeight([]any{"✓"}, cols); h != lineHeight+rowPadding {
		t.Errorf("rowHeight of one line = %v", h)
	}
}
