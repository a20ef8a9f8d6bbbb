package export

import (
	"testing"

	"shenbao/validate"
	"shenbao/validate/finding"
)

func TestResolvedLineAndAskAgain(t *testing.T) {
	a := fd("F04", finding.Error, "身份证号码无效", "身份证号码", "申报表.docx 表1 第4行第2列", "")
	b := fd("P03", finding.Error, "推荐单位未盖章", "推荐单位", "初审表.docx 表1 第8行第2列", "")
	c := fd("M05", finding.Error, "缺少工作照片", "工作照片", "", "")
	hint := fd("F08", finding.Info, "半角标点", "主要事迹", "", "")
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
