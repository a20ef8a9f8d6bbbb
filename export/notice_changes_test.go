package export

import (
	"path/filepath"
	"strings"
	"testing"

	"shenbao/validate"
	"shenbao/validate/finding"
)

func TestResolvedLineAndAskAgain(t *testing.T) {
	a := fd("F04", finding.Error, "身份证号码无效", "身份证号码", "申报表.docx 表1 第4行第2列", "")
	b := fd("P03", finding.Error, "推荐单位未盖章", "推荐单位", "初审表.docx 表1 第8行第2列", "")
	c := fd("M05", finding.Error, "缺少工作照片", "工作照片", "", "")
	hint := fd("F08", finding.Info, "半角标点", "主要事迹", "", "")
	j02 := fd("J02", finding.Review, "市工商联的联审反馈中张三的结果未填写", "", "", "")
	s01 := fd("S01", finding.Review, "盖章识别置信度62%", "推荐单位", "", "")
	track := func(fs ...finding.Finding) []validate.TrackedFinding {
		out := []validate.TrackedFinding{}
		for _, f := range fs {
			out = append(out, validate.TrackedFinding{Finding: f, Runs: 1})
		}
		return out
	}
	listed := []finding.Finding{a, b, c}
	for _, tc := range []struct {
		name   string
		w      *validate.WindowChange
		line   string
		notice bool
	}{
		{"no comparison", nil, "", true},
		{"new window", &validate.WindowChange{New: track(a)}, "", true},
		{"second and third resolved", &validate.WindowChange{Before: "需补正", Closed: track(c, b), Open: track(a)}, "前次告知的第2、3项已补正。", true},
		{"all resolved, one new", &validate.WindowChange{Before: "需补正", Closed: track(a, b, c), New: track(hint, a)}, "前次告知的问题已全部补正。", true},
		{"nothing changed", &validate.WindowChange{Before: "需补正", Open: track(a, b, c)}, "", false},
		{"only a new hint", &validate.WindowChange{Before: "需补正", Open: track(a), New: track(hint)}, "", false},
		{"only a new 联审 finding", &validate.WindowChange{Before: "需补正", After: "需补正", Open: track(a), New: track(j02)}, "", false},
		{"only a new 待核查 item beside the errors", &validate.WindowChange{Before: "需补正", After: "需补正", Open: track(a), New: track(s01)}, "", false},
		{"a new error", &validate.WindowChange{Before: "需补正", After: "需补正", Open: track(a), New: track(j02, c)}, "", true},
		{"a 联审 finding closed", &validate.WindowChange{Before: "需补正", After: "需补正", Open: track(a), Closed: track(j02)}, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolvedLine(tc.w, listed); got != tc.line {
				t.Errorf("resolvedLine = %q, want %q", got, tc.line)
			}
			if got := askAgain(tc.w); got != tc.notice {
				t.Errorf("askAgain = %v, want %v", got, tc.notice)
			}
		})
	}
}

// TestPreviouslyListedSkipsOfficeFindings: the previous notice numbered
// only the window's own errors, so a J01 between them takes no number and
// the resolved P03 is item 2.
func TestPreviouslyListedSkipsOfficeFindings(t *testing.T) {
	a := fd("F04", finding.Error, "身份证号码无效", "身份证号码", "", "")
	j01 := fd("J01", finding.Error, "市直机关工委联审反馈：处分", "", "", "")
	b := fd("P03", finding.Error, "推荐单位未盖章", "推荐单位", "", "")
	w := &validate.WindowChange{Before: "需补正", After: "需补正", Previous: []finding.Finding{a, j01, b},
		Closed: []validate.TrackedFinding{{Finding: b, Runs: 1}}, Open: []validate.TrackedFinding{{Finding: a, Runs: 2}, {Finding: j01, Runs: 2}}}
	if got := resolvedLine(w, previouslyListed(w)); got != "前次告知的第2项已补正。" {
		t.Errorf("resolvedLine = %q", got)
	}
}

// TestWriteNoticesCompared: with a previous run, only windows with
// something new to ask get a notice, it says which earlier items are
// resolved, and the 文号 counts on from the previous run's last number.
func TestWriteNoticesCompared(t *testing.T) {
	res := sampleResult()
	res.Changes = validate.Compare(samplePrevious(), res)
	if res.Changes.PreviousLastNotice != 6 {
		t.Fatalf("previous last notice = %d, want 6 (便民服务窗口, the last not 合规)", res.Changes.PreviousLastNotice)
	}
	opt := sampleNoticeOptions()
	opt.Number = "鞍营商补〔2024〕{序号}号"
	paths, err := WriteNotices(t.TempDir(), res, opt)
	if err != nil {
		t.Fatal(err)
	}
	// 工程建设项目审批窗口 is unchanged since its last notice: none again.
	want := []struct{ file, number, intro string }{
		{"02_税费综合窗口_材料补正一次性告知书.docx", "鞍营商补〔2024〕7号",
			"经对你窗口重新报送的鞍山市第二批“清风辽宁政务窗口”申报材料进行复查，前次告知的第1项已补正；以下问题仍需补正，现一次性告知如下："},
		{"05_社保医保综合柜员窗口_材料补正一次性告知书.docx", "鞍营商补〔2024〕8号",
			"经对你窗口报送的鞍山市第二批“清风辽宁政务窗口”申报材料进行合规性审查，发现以下问题需要补正，现一次性告知如下："},
	}
	if len(paths) != len(want) {
		t.Fatalf("wrote %v, want %d notices", paths, len(want))
	}
	for i, w := range want {
		if filepath.Base(paths[i]) != w.file {
			t.Errorf("notice %d is %s, want %s", i, filepath.Base(paths[i]), w.file)
		}
		text := plainText(documentXML(t, paths[i]))
		for _, line := range []string{w.number, w.intro} {
			if !strings.Contains(text, line+"\n") {
				t.Errorf("%s lacks %q:\n%s", w.file, line, text)
			}
		}
		if strings.Contains(text, "赵敏的身份证号码") {
			t.Errorf("%s still asks for the resolved item:\n%s", w.file, text)
		}
	}
	if got := Summary(res, "", "", "告知书"); !strings.Contains(got, "补正告知书 2 份") || !strings.Contains(got, "另有 1 个需补正的窗口与上次相比没有新的补正要求") {
		t.Errorf("summary = %s", got)
	}
}

// TestFollowUpsCountWhatIsWritten: a window 需补正 only through a J01 gets
// no 补正 notice, so it is counted neither as written nor as standing, and
// the end-of-run line says what WriteNotices wrote.
func TestFollowUpsCountWhatIsWritten(t *testing.T) {
	j01 := fd("J01", finding.Error, "市直机关工委联审反馈：处分", "", "", "")
	own := fd("F04", finding.Error, "身份证号码无效", "身份证号码", "", "")
	res := &validate.Result{Submissions: []validate.Submission{
		{WindowName: "车驾管业务窗口", Conclusion: finding.NeedsFix, Findings: []finding.Finding{j01}},
		{WindowName: "户籍业务窗口", Conclusion: finding.NeedsFix, Findings: []finding.Finding{own}},
	}}
	paths, err := WriteNotices(t.TempDir(), res, sampleNoticeOptions())
	if err != nil {
		t.Fatal(err)
	}
	if asked, stands := followUps(res); asked != len(paths) || stands != 0 {
		t.Errorf("followUps = %d, %d; %d notices written", asked, stands, len(paths))
	}
	if got := Summary(res, "", "", "告知书"); !strings.Contains(got, "补正告知书 1 份") || strings.Contains(got, "另有") {
		t.Errorf("summary = %s", got)
	}
}
