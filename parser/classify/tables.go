package classify

import (
	"fmt"
	"strings"

	"shenbao/parser/dept"
	"shenbao/parser/intake"
	"shenbao/parser/table"
)

// departmentTable reads a file given under --rankings or --joint-review.
// A file that cannot be read keeps the kind the clerk gave it (实绩排序表,
// 联审反馈) with the failed verdict, so 文件清单 says what it was meant to
// be and assembly never takes it for a window's material.
func departmentTable(r *Result, in Input, source string, s Specs) *Result {
	b, err := table.Read(in.Name, in.Data, table.Limits{})
	if err != nil {
		r.Kind, r.Format = JointReturn, table.Kind(in.Data)
		if in.Rankings {
			r.Kind = Ranking
		}
		r.Verdict = Verdict{intake.Failed, reasonTable(err)}
		return r
	}
	r.Format = b.Format
	if in.Rankings {
		r.Rankings = dept.ReadRankings(source, b, s.Rankings)
		if len(r.Rankings) == 0 {
			r.Kind = Ignored
			r.Verdict = Verdict{intake.Ignored, reasonNoRanking}
			return r
		}
		r.Kind = Ranking
		r.Verdict.Reason = withWarnings(reasonRankings(r.Rankings), b.Warnings)
		return r
	}
	r.Joint, r.JointProblems = dept.ReadJoint(source, b, s.Joint, s.Rankings)
	if len(r.Joint) == 0 && len(r.JointProblems) == 0 {
		r.Kind = Ignored
		r.Verdict = Verdict{intake.Ignored, reasonNoJoint}
		return r
	}
	r.Kind = JointReturn
	r.Verdict.Reason = withWarnings(reasonJoint(r.Joint, r.JointProblems), b.Warnings)
	return r
}

// rankingFound reads a spreadsheet or Word file found among the inputs as
// a ranking when its content is one (dept.LooksLikeRanking), and reports
// whether it was.
func rankingFound(r *Result, data []byte, source string, s Specs) bool {
	b, err := table.Read(source, data, table.Limits{})
	if err != nil || !dept.LooksLikeRanking(b, s.Rankings) {
		return false
	}
	rs := dept.ReadRankings(source, b, s.Rankings)
	if len(rs) == 0 {
		return false
	}
	r.Kind, r.Format, r.Rankings = Ranking, b.Format, rs
	r.Document, r.WindowHint = nil, ""
	r.Verdict = Verdict{intake.Parsed, withWarnings(reasonRankings(rs), b.Warnings)}
	return true
}

const (
	reasonNoRanking = "不是实绩排序表：找不到含“窗口名称”和名次、序号或得分列的表头"
	reasonNoJoint   = "不是联审反馈表：找不到含“姓名”和身份证号码或窗口名称列的表头"
)

func reasonRankings(rs []dept.Ranking) string {
	var parts []string
	for _, r := range rs {
		d := r.Department
		if d == "" {
			d = "未注明部门"
		}
		parts = append(parts, fmt.Sprintf("%s，%d个窗口", d, len(r.Rows)))
	}
	return "实绩排序表（" + strings.Join(parts, "；") + "）"
}

func reasonJoint(js []dept.JointReturn, probs []dept.Problem) string {
	var parts []string
	for _, j := range js {
		d := j.Department
		if d == "" {
			d = "未注明部门"
		}
		parts = append(parts, fmt.Sprintf("%s，%d人", d, len(j.Rows)))
	}
	if len(probs) > 0 {
		parts = append(parts, fmt.Sprintf("%d张工作表无法使用", len(probs)))
	}
	return "联审反馈（" + strings.Join(parts, "；") + "）"
}
