package export

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// unitTally counts one 所属单位's windows by conclusion.
type unitTally struct {
	unit                          string
	windows, ok, fix, needsReview int
}

func (u *unitTally) add(conclusion string) {
	u.windows++
	switch conclusion {
	case finding.Compliant:
		u.ok++
	case finding.NeedsFix:
		u.fix++
	case finding.NeedsReview:
		u.needsReview++
	}
}

// codeTally counts one finding code.
type codeTally struct {
	code, name, level string
	count, windows    int
}

// tallyUnits counts windows per unit, sorted by unit name.
func tallyUnits(res *validate.Result) (units []unitTally, total unitTally) {
	index := map[string]int{}
	for _, s := range res.Submissions {
		i, ok := index[s.Unit]
		if !ok {
			i = len(units)
			index[s.Unit] = i
			units = append(units, unitTally{unit: unitLabel(s.Unit)})
		}
		units[i].add(s.Conclusion)
		total.add(s.Conclusion)
	}
	slices.SortFunc(units, func(a, b unitTally) int { return cmp.Compare(a.unit, b.unit) })
	return units, total
}

// unitLabel names a unit in the 汇总 table; a 申报表 that left 所属单位 empty,
// or never arrived, still needs a row the clerk can read.
func unitLabel(unit string) string {
	if unit == "" {
		return "（所属单位未填写）"
	}
	return unit
}

// tallyCodes counts findings per code (unattributed ones included) and the
// windows each code occurs in, in catalogue order; codes outside the
// catalogue follow, sorted.
func tallyCodes(res *validate.Result) []codeTally {
	counts := map[string]*codeTally{}
	add := func(f finding.Finding) *codeTally {
		t, ok := counts[f.Code]
		if !ok {
			t = &codeTally{code: f.Code, name: f.Code, level: f.Level.Label()}
			if c, ok := finding.Lookup(f.Code); ok {
				t.name, t.level = c.Name, c.Level.Label()
			}
			counts[f.Code] = t
		}
		t.count++
		return t
	}
	for _, s := range res.Submissions {
		seen := map[string]bool{}
		for _, f := range s.Findings {
			t := add(f)
			if !seen[f.Code] {
				seen[f.Code] = true
				t.windows++
			}
		}
	}
	for _, f := range res.Unattributed {
		add(f)
	}
	var out []codeTally
	for _, c := range finding.Codes {
		if t, ok := counts[c.Code]; ok {
			out = append(out, *t)
			delete(counts, c.Code)
		}
	}
	var rest []codeTally
	for _, t := range counts {
		rest = append(rest, *t)
	}
	slices.SortFunc(rest, func(a, b codeTally) int { return cmp.Compare(a.code, b.code) })
	return append(out, rest...)
}

// inputCounts counts res.Inputs by status.
func inputCounts(res *validate.Result) map[string]int {
	n := map[string]int{}
	for _, in := range res.Inputs {
		n[in.Status]++
	}
	return n
}

// writeSummary writes 汇总: title, run facts, counts by conclusion, a table
// per unit, counts per code and a column chart of the latter.
func writeSummary(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	sh := sheetSummary
	w := &sheetWriter{f: f, sheet: sh}
	w.set(1, 1, st.title, opt.Title+"材料合规性审查汇总")
	w.merge("A1", "M1")
	w.height(1, 32)
	for i, width := range []float64{36, 24, 10, 10, 12} {
		w.width(i+1, width)
	}
	w.keep(setupPrint(f, sh, paperA4, ""))

	row := 3
	w.set(1, row, st.subtitle, "一、运行情况")
	n := inputCounts(res)
	facts := [][2]any{
		{"生成时间", res.GeneratedAt.Format("2006-01-02 15:04:05")},
		{"规则配置", opt.ProfileName},
		{"输入文件数（含压缩包、邮件内的文件）", len(res.Inputs)},
		{"已解析", n["parsed"]},
		{"无法解析", n["failed"]},
		{"已忽略", n["ignored"]},
		{"已替代", n["superseded"]},
	}
	for _, fact := range facts {
		row++
		w.set(1, row, st.label, fact[0])
		w.set(2, row, st.text, fact[1])
	}

	row += 2
	w.set(1, row, st.subtitle, "二、审查结论")
	units, total := tallyUnits(res)
	for _, c := range [][2]any{
		{"窗口总数", total.windows}, {finding.Compliant, total.ok},
		{finding.NeedsFix, total.fix}, {finding.NeedsReview, total.needsReview},
	} {
		row++
		w.set(1, row, st.label, c[0])
		w.set(2, row, st.text, c[1])
	}

	row += 2
	w.set(1, row, st.subtitle, "三、按所属单位")
	row++
	w.setRow(row, st.header, "所属单位", "窗口数", finding.Compliant, finding.NeedsFix, finding.NeedsReview)
	for _, u := range append(units, unitTally{"合计", total.windows, total.ok, total.fix, total.needsReview}) {
		row++
		w.setRow(row, st.text, u.unit, u.windows, u.ok, u.fix, u.needsReview)
	}

	row += 2
	w.set(1, row, st.subtitle, "四、按问题代码")
	row++
	w.setRow(row, st.header, "问题", "代码", "级别", "次数", "涉及窗口数")
	codes := tallyCodes(res)
	first, most := row+1, 0
	for _, c := range codes {
		row++
		w.setRow(row, st.text, c.name, c.code, c.level, c.count, c.windows)
		most = max(most, c.count)
	}
	if w.err != nil {
		return w.err
	}
	if len(codes) == 0 {
		return nil
	}
	return addCodeChart(f, first, row, most)
}

// addCodeChart adds a column chart of 次数 (column D) per code (column B)
// over rows first..last of 汇总; most is the largest count.
func addCodeChart(f *excelize.File, first, last, most int) error {
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetSummary, col, first, col, last)
	}
	font := excelize.Font{Family: fontName, Size: 9, Color: "000000"}
	unit := 0.0 // automatic
	if most <= 10 {
		unit = 1 // counts are whole numbers
	}
	err := f.AddChart(sheetSummary, "G3", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: "次数", Categories: ref("B"), Values: ref("D"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类问题数量", Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: uint(max(480, 36*(last-first+1)+120)), Height: 320},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: font},
		YAxis:     excelize.ChartAxis{Font: font, MajorGridLines: true, MajorUnit: unit},
	})
	if err != nil {
		return fmt.Errorf("add chart: %w", err)
	}
	return nil
}

// sheetWriter sets cells in normal (non-stream) mode and keeps the first
// error, so a sheet reads as a list of cells.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (w *sheetWriter) keep(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *sheetWriter) set(col, row, style int, v any) {
	name := cell(col, row)
	w.keep(w.f.SetCellValue(w.sheet, name, v))
	w.keep(w.f.SetCellStyle(w.sheet, name, name, style))
}

func (w *sheetWriter) setRow(row, style int, values ...any) {
	for i, v := range values {
		w.set(i+1, row, style, v)
	}
}

func (w *sheetWriter) merge(from, to string) { w.keep(w.f.MergeCell(w.sheet, from, to)) }

func (w *sheetWriter) height(row int, h float64) { w.keep(w.f.SetRowHeight(w.sheet, row, h)) }

func (w *sheetWriter) width(col int, width float64) {
	name := colName(col)
	w.keep(w.f.SetColWidth(w.sheet, name, name, width))
}
