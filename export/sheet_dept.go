package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
)

// sheetRankings lists every ranking as read (--rankings).
const sheetRankings = "实绩排序"

// departmentColumns are the 登记表 columns that --rankings and
// --joint-review add, placed before 问题数.
func departmentColumns(res *validate.Result) []regColumn {
	var cols []regColumn
	if res.RankingsGiven {
		cols = append(cols, regColumn{column{header: "行业排序", width: 10, min: 7},
			func(_ int, s *validate.Submission) any { return s.RankingCell }})
	}
	if res.JointGiven {
		cols = append(cols, regColumn{column{header: "联审结果", width: 12, min: 8},
			func(_ int, s *validate.Submission) any { return s.JointCell }})
	}
	return cols
}

// withDepartmentColumns inserts departmentColumns before 问题数.
func withDepartmentColumns(cols []regColumn, res *validate.Result) []regColumn {
	extra := departmentColumns(res)
	if len(extra) == 0 {
		return cols
	}
	at := len(cols)
	for i, c := range cols {
		if c.header == "问题数" {
			at = i
			break
		}
	}
	out := append(append(append([]regColumn{}, cols[:at]...), extra...), cols[at:]...)
	return out
}

// rosterDepartments are the 联审名单 columns of the 联审 departments and
// the cell of person p in each.
func rosterDepartments(res *validate.Result) []column {
	var cols []column
	for _, d := range res.JointDepartments {
		cols = append(cols, column{header: d, width: 10, min: 6, center: true})
	}
	return cols
}

func rosterCells(res *validate.Result, p validate.Staff) []any {
	out := make([]any, len(res.JointDepartments))
	for i := range out {
		if i < len(p.Joint) {
			out[i] = p.Joint[i]
		}
	}
	return out
}

// writeRankings writes 实绩排序: every row of every ranking as read, grouped
// by table in input order, with the window each was matched to.
func writeRankings(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	count := 0
	for _, t := range res.Rankings {
		count += len(t.Rows)
	}
	cols := []column{
		{header: "序号", width: 5, center: true},
		{header: "排序部门", width: 16, min: 10},
		{header: "名次", width: 5, center: true},
		{header: "共几名", width: 5, center: true},
		{header: "排序表中的窗口名称", width: 20, min: 12},
		{header: "所属单位", width: 18, min: 10},
		{header: "得分", width: 6, center: true},
		{header: "备注", width: 10, min: 6},
		{header: "对应窗口", width: 20, min: 12},
		{header: "对应情况", width: 12, min: 8},
		{header: "来源文件", width: 30, min: 16},
		{header: "行号", width: 5, center: true},
	}
	return writeList(f, st, list{
		sheet: sheetRankings,
		format: func(firstRow, lastRow int) error {
			return colourDepartments(f, st, sheetRankings, cols, res, firstRow, lastRow)
		},
		title: opt.Title + "行业主管部门实绩排序汇总",
		info:  opt.infoLine(res),
		cols:  cols,
		count: count,
		rows: func(emit func([]any) error) error {
			n := 0
			for _, t := range res.Rankings {
				for _, r := range t.Rows {
					n++
					rank := any(r.RankText)
					if r.Rank > 0 {
						rank = r.Rank
					}
					match := r.Match
					if match == "" {
						match = "已对应"
					}
					if err := emit([]any{n, t.Department, rank, len(t.Rows), r.WindowName, r.Unit, r.Score, r.Note,
						r.Window, match, sheetLabel(t.Source, t.Sheet), r.Line}); err != nil {
						return err
					}
				}
			}
			return nil
		},
	})
}

// sheetLabel names a table's file and sheet.
func sheetLabel(source, sheet string) string {
	switch sheet {
	case "", "CSV":
		return source
	}
	return source + "（" + sheet + "）"
}

// rosterPaper is A3 when the department columns widen 联审名单.
func rosterPaper(res *validate.Result) int {
	if len(res.JointDepartments) > 3 {
		return paperA3
	}
	return paperA4
}

// colourDepartments colours the ranking and 联审 cells of a sheet's data
// rows like 审查结论: green for 通过 / 无问题 / 已对应, red for 有问题,
// yellow for what still waits (待反馈, 未填写, 未反馈, 未列入排序, a row
// that went to no window).
func colourDepartments(f *excelize.File, st *styles, sheet string, cols []column, res *validate.Result, firstRow, lastRow int) error {
	type rule struct {
		criteria, value string
		format          int
	}
	depts := map[string]bool{}
	for _, d := range res.JointDepartments {
		depts[d] = true
	}
	for i, c := range cols {
		var rules []rule
		switch {
		case c.header == "联审结果":
			rules = []rule{{"begins with", validate.JointPassed, st.fixOK}, {"begins with", validate.JointProblem, st.fixBad}, {"begins with", validate.JointWaiting, st.fixReview}}
		case c.header == "行业排序":
			rules = []rule{{"begins with", "未列入", st.fixReview}}
		case c.header == "对应情况":
			rules = []rule{{"begins with", "已对应", st.fixOK}, {"not containing", "已对应", st.fixReview}}
		case depts[c.header] && sheet == sheetRoster:
			rules = []rule{{"begins with", validate.JointClear, st.fixOK}, {"begins with", validate.JointProblem, st.fixBad},
				{"begins with", validate.JointBlank, st.fixReview}, {"begins with", validate.JointMissing, st.fixReview}}
		}
		if len(rules) == 0 {
			continue
		}
		var opts []excelize.ConditionalFormatOptions
		for _, r := range rules {
			format := r.format
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "text", Criteria: r.criteria, Value: r.value, Format: &format})
		}
		ref := fmt.Sprintf("%s%d:%s%d", colName(i+1), firstRow, colName(i+1), lastRow)
		if err := f.SetConditionalFormat(sheet, ref, opts); err != nil {
			return fmt.Errorf("conditional format %s: %w", c.header, err)
		}
	}
	return nil
}
