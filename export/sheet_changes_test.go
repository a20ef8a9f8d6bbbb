package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// TestChangesSheetGolden writes the register of sampleResult compared with
// samplePrevious: 变化情况 is compared with a golden dump; 登记表 gains
// 上次结论 and 本次变化 right after 审查结论, and 汇总 the counts.
func TestChangesSheetGolden(t *testing.T) {
	res := sampleResult()
	res.Changes = validate.Compare(samplePrevious(), res)
	path := filepath.Join(t.TempDir(), "登记表.xlsx")
	if err := WriteRegister(path, res, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	dump, err := DumpXLSX(path)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(dump, "== "+sheetChanges+" ==")
	if at < 0 {
		t.Fatalf("no sheet %s in\n%s", sheetChanges, dump)
	}
	golden(t, "changes.golden", dump[at:])

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); got[len(got)-1] != sheetChanges {
		t.Errorf("sheets = %v, want %s last", got, sheetChanges)
	}
	rows, err := f.GetRows(sheetRegister)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[rowHeader-1]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	if col["上次结论"] != col[colConclusion]+1 || col["本次变化"] != col[colConclusion]+2 {
		t.Fatalf("header = %v", header)
	}
	want := map[string][2]string{
		"不动产登记综合窗口":  {"需补正", "需补正→合规；销号1项"},
		"税费综合窗口":     {"需补正", "销号1项；仍有4项未补正"},
		"社保医保综合柜员窗口": {"（上次未报送）", "新报送"},
	}
	for _, r := range rows[rowHeader:] {
		w, ok := want[r[1]]
		if !ok {
			continue
		}
		if got := [2]string{r[col["上次结论"]], r[col["本次变化"]]}; got != w {
			t.Errorf("%s: 上次结论/本次变化 = %v, want %v", r[1], got, w)
		}
		delete(want, r[1])
	}
	if len(want) > 0 {
		t.Errorf("rows not found: %v", want)
	}
	summary, _ := f.GetRows(sheetSummary)
	found := false
	for _, r := range summary {
		if len(r) > 1 && r[0] == "已销号的问题" && r[1] == "2" {
			found = true
		}
	}
	if !found {
		t.Errorf("汇总 lacks 已销号的问题 2:\n%v", summary)
	}

	// The register with its extra columns still reads back as a previous
	// run.
	back, err := ReadPrevious(path, "qingfeng-liaoning", sampleOptions().Title)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Submissions) != len(res.Submissions) {
		t.Errorf("read back %d windows, want %d", len(back.Submissions), len(res.Submissions))
	}
}

// TestChangeRowsAgreeWithCounts: 变化情况 lists exactly the findings that
// 汇总 and the report count — 提示 findings (a hint asks nothing, M08 on
// every resent window) are listed neither as closed, nor new, nor open.
func TestChangeRowsAgreeWithCounts(t *testing.T) {
	tf := func(code string, level finding.Level, runs int) validate.TrackedFinding {
		return validate.TrackedFinding{Finding: finding.Finding{Code: code, Level: level, Message: code}, Runs: runs, ClosedBy: "新.docx"}
	}
	ch := &validate.Changes{Windows: []validate.WindowChange{{
		WindowName: "综合受理窗口", Before: finding.NeedsFix, After: finding.Compliant,
		Closed: []validate.TrackedFinding{tf("P07", finding.Error, 1), tf("F09", finding.Info, 1)},
		New:    []validate.TrackedFinding{tf("M08", finding.Info, 1), tf("F01", finding.Error, 1)},
		Open:   []validate.TrackedFinding{tf("S02", finding.Review, 2), tf("F06", finding.Info, 2)},
	}}}
	got := map[string][]string{}
	for _, r := range changeRows(ch, nil) {
		got[r[3].(string)] = append(got[r[3].(string)], r[6].(string))
	}
	n := ch.Counts()
	if len(got[changeClosed]) != n.Closed || len(got[changeNew]) != n.New || len(got[changeOpen])+len(got[changeReview]) != n.Open {
		t.Errorf("rows %v disagree with the counts %+v", got, n)
	}
	for what, codes := range got {
		for _, c := range codes {
			if c == "F09" || c == "M08" || c == "F06" {
				t.Errorf("提示 %s listed as %s", c, what)
			}
		}
	}
}
