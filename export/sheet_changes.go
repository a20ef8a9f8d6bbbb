package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// sheetChanges is the sheet written with --previous (SPEC §2).
const sheetChanges = "变化情况"

// What a 变化情况 row records.
const (
	changeNewWindow  = "新报送窗口"
	changeGone       = "本次未出现"
	changeConclusion = "结论变化"
	changeClosed     = "已销号"
	changeNew        = "新问题"
	changeOpen       = "仍未补正"
	changeReview     = "仍待核查"
)

// windowChanges maps window names of ch to their entries.
func windowChanges(ch *validate.Changes) map[string]*validate.WindowChange {
	m := map[string]*validate.WindowChange{}
	if ch == nil {
		return m
	}
	for i := range ch.Windows {
		m[ch.Windows[i].WindowName] = &ch.Windows[i]
	}
	return m
}

// withChangeColumns inserts 上次结论 and 本次变化 after 审查结论 when the run
// was compared with a previous one.
func withChangeColumns(cols []regColumn, ch *validate.Changes) []regColumn {
	if ch == nil {
		return cols
	}
	byName := windowChanges(ch)
	at := slices.IndexFunc(cols, func(c regColumn) bool { return c.header == colConclusion }) + 1
	added := []regColumn{
		{column{header: "上次结论", width: 7, center: true}, func(_ int, s *validate.Submission) any {
			if w := byName[s.WindowName]; w != nil && w.Before != "" {
				return w.Before
			}
			return "（上次未报送）"
		}},
		{column{header: "本次变化", width: 16}, func(_ int, s *validate.Submission) any {
			return changeCell(byName[s.WindowName])
		}},
	}
	return slices.Insert(cols, at, added...)
}

// actionable counts the findings that ask something (错误, 待核查).
func actionable(ts []validate.TrackedFinding) int {
	n := 0
	for _, t := range ts {
		if t.Level != finding.Info {
			n++
		}
	}
	return n
}

// changeCell is the 本次变化 cell: 新报送, or the conclusion's move and the
// counts of findings closed, new and still open.
func changeCell(w *validate.WindowChange) string {
	if w == nil {
		return ""
	}
	if w.Before == "" {
		return "新报送"
	}
	var parts []string
	if w.Before != w.After {
		parts = append(parts, w.Before+"→"+w.After)
	}
	if n := actionable(w.Closed); n > 0 {
		parts = append(parts, fmt.Sprintf("销号%d项", n))
	}
	if n := actionable(w.New); n > 0 {
		parts = append(parts, fmt.Sprintf("新增%d项", n))
	}
	if n := actionable(w.Open); n > 0 {
		parts = append(parts, fmt.Sprintf("仍有%d项未补正", n))
	}
	if len(parts) == 0 {
		return "无变化"
	}
	return strings.Join(parts, "；")
}

// changeFacts are the lines 汇总 adds under 审查结论.
func changeFacts(ch *validate.Changes) [][2]any {
	n := ch.Counts()
	return [][2]any{
		{"与上次审查比较：上次审查时间", ch.PreviousGeneratedAt.Format("2006-01-02 15:04")},
		{"新报送的窗口", n.NewWindows},
		{"本次未出现的窗口", n.GoneWindows},
		{"结论好转的窗口", n.Improved},
		{"结论变差的窗口", n.Worsened},
		{"已销号的问题", n.Closed},
		{"其中未收到新文件即不再出现", n.ClosedWithoutFile},
		{"新发现的问题", n.New},
		{"仍未补正的问题", n.Open},
		{"其中连续3次及以上未补正", n.StillOpen},
	}
}

// changeColumns are the columns of 变化情况.
var changeColumns = []column{
	{header: "序号", width: 5, center: true},
	{header: "窗口名称", width: 16},
	{header: "所属单位", width: 16},
	{header: "变化", width: 9, center: true},
	{header: "上次结论", width: 7, center: true},
	{header: "本次结论", width: 7, center: true},
	{header: "代码", width: 6, center: true},
	{header: "问题", width: 42},
	{header: "位置", width: 28},
	{header: "连续出现次数", width: 7, center: true},
	{header: "首次告知日期", width: 11, center: true},
	{header: "销号依据", width: 34},
}

// changeRows are the rows of 变化情况: per window of this run, a row for a
// new window or a conclusion that moved, then one per finding closed, new
// and still open — 提示 left out of all three, as ChangeCounts leaves them
// out of the counts: they ask nothing and stay in 问题清单 — then the
// windows that are gone.
func changeRows(ch *validate.Changes, inputs []validate.Input) [][]any {
	source := map[string]string{}
	for _, in := range inputs {
		if in.Source != "" && in.Source != in.Path {
			source[in.Path] = in.Source
		}
	}
	var rows [][]any
	add := func(w, unit, what, before, after, code, problem, where string, runs any, asked, basis string) {
		rows = append(rows, []any{len(rows) + 1, w, unit, what, before, after, code, problem, where, runs, asked, basis})
	}
	for _, w := range ch.Windows {
		if w.Before == "" {
			summary := "材料合规"
			if len(w.New) > 0 {
				summary = fmt.Sprintf("共%d个问题，见“问题清单”", len(w.New))
			}
			add(w.WindowName, w.Unit, changeNewWindow, "", w.After, "", summary, "", nil, "", "")
			continue
		}
		if w.Before != w.After {
			add(w.WindowName, w.Unit, changeConclusion, w.Before, w.After, "", w.Before+"→"+w.After, "", nil, "", "")
		}
		for _, t := range w.Closed {
			if t.Level == finding.Info {
				continue // a hint asked nothing: nothing to close
			}
			basis := "未收到新文件，请复核"
			if t.ClosedBy != "" {
				basis = "新收到：" + t.ClosedBy
				if src := source[t.ClosedBy]; src != "" {
					basis += "（" + src + "）"
				}
			}
			add(w.WindowName, w.Unit, changeClosed, w.Before, w.After, t.Code, t.Message, t.Location, t.Runs, t.AskedAt, basis)
		}
		for _, t := range w.New {
			if t.Level == finding.Info {
				continue // a hint asks nothing (M08 on every resent window)
			}
			add(w.WindowName, w.Unit, changeNew, w.Before, w.After, t.Code, t.Message, t.Location, t.Runs, t.AskedAt, "")
		}
		for _, t := range w.Open {
			what := changeOpen
			switch t.Level {
			case finding.Info:
				continue // a hint asks nothing; it stays in 问题清单
			case finding.Review:
				what = changeReview
			}
			add(w.WindowName, w.Unit, what, w.Before, w.After, t.Code, t.Message, t.Location, t.Runs, t.AskedAt, "")
		}
	}
	for _, g := range ch.GoneWindows {
		add(g.WindowName, g.Unit, changeGone, g.Before, "", "", g.Reason, "", nil, "", "")
	}
	return rows
}

// writeChanges writes 变化情况.
func writeChanges(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	rows := changeRows(res.Changes, res.Inputs)
	return writeList(f, st, list{
		sheet: sheetChanges,
		title: opt.Title + "材料审查变化情况（与" + res.Changes.PreviousGeneratedAt.Format("2006-01-02 15:04") + "的审查比较）",
		info:  opt.infoLine(res),
		paper: paperA3,
		cols:  changeColumns,
		count: len(rows),
		rows: func(emit func([]any) error) error {
			for _, r := range rows {
				if err := emit(r); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
