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
	for _, s := range res.All() {
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
	for _, s := range res.All() {
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

// Widths of 汇总's five columns: labels and unit names, then counts.
var summaryWidths = []float64{34, 10, 10, 10, 10}

// writeSummary writes 汇总: the heading, run facts, counts by conclusion, a
// table per unit, counts per code and, below the tables, a column chart of
// the latter. It prints upright on A4; nothing sits beside the tables, so
// the sheet is no wider than they are.
func writeSummary(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	sh := sheetSummary
	w := &sheetWriter{f: f, sheet: sh}
	lastCol := colName(len(summaryWidths))
	w.set(1, rowTitle, st.title, opt.Title+"材料合规性审查汇总")
	w.merge(cell(1, rowTitle), fmt.Sprintf("%s%d", lastCol, rowTitle))
	w.height(rowTitle, 30)
	w.set(1, rowInfo, st.info, opt.infoLine(res))
	w.merge(cell(1, rowInfo), fmt.Sprintf("%s%d", lastCol, rowInfo))
	w.height(rowInfo, 18)
	for i, width := range summaryWidths {
		w.width(i+1, width)
	}
	w.keep(setupPrint(f, sh, printSetup{paper: paperA4, portrait: true}))

	// fact writes a label and a value spanning the other columns.
	row := rowHeader + 1
	fact := func(label string, value any) {
		row++
		w.set(1, row, st.label, label)
		w.set(2, row, st.text, value)
		for c := 3; c <= len(summaryWidths); c++ {
			w.set(c, row, st.text, "")
		}
		w.merge(cell(2, row), cell(len(summaryWidths), row))
	}
	w.set(1, row, st.subtitle, "一、运行情况")
	n := inputCounts(res)
	fact("评选活动", opt.Title)
	fact("生成时间", res.GeneratedAt.Format("2006-01-02 15:04:05"))
	fact("输入文件数（含压缩包、邮件内的文件）", len(res.Inputs))
	fact("已解析", n["parsed"])
	fact("无法解析", n["failed"])
	fact("已忽略", n["ignored"])
	fact("已替代", n["superseded"])

	row += 2
	w.set(1, row, st.subtitle, "二、审查结论")
	units, total := tallyUnits(res)
	fact("窗口总数", total.windows)
	fact(finding.Compliant, total.ok)
	fact(finding.NeedsFix, total.fix)
	fact(finding.NeedsReview, total.needsReview)
	if res.Changes != nil {
		for _, c := range changeFacts(res.Changes) {
			fact(c[0].(string), c[1])
		}
	}

	row += 2
	w.set(1, row, st.subtitle, "三、按所属单位")
	row++
	w.setRow(row, st.header, "所属单位", "窗口数", finding.Compliant, finding.NeedsFix, finding.NeedsReview)
	for _, u := range append(units, unitTally{"合计", total.windows, total.ok, total.fix, total.needsReview}) {
		row++
		w.set(1, row, st.text, u.unit)
		for i, v := range []int{u.windows, u.ok, u.fix, u.needsReview} {
			w.set(i+2, row, st.number, v)
		}
	}

	row += 2
	w.set(1, row, st.subtitle, "四、按问题代码")
	row++
	w.setRow(row, st.header, "问题", "级别", "次数", "涉及窗口数", "")
	codes := tallyCodes(res)
	first, most := row+1, 0
	for _, c := range codes {
		row++
		w.set(1, row, st.text, c.code+" "+c.name)
		w.set(2, row, st.center, c.level)
		w.set(3, row, st.number, c.count)
		w.set(4, row, st.number, c.windows)
		w.set(5, row, st.text, "")
		most = max(most, c.count)
	}
	if w.err != nil {
		return w.err
	}
	if len(codes) == 0 {
		return nil
	}
	return addCodeChart(f, first, row, most, row+2)
}

// addCodeChart adds a bar chart of 次数 (column C) per code and name
// (column A) over rows first..last of 汇总, anchored in column A of row at,
// below the tables; most is the largest count. The bars lie flat so each
// label (“P03 未盖章”) reads on one line, in the table's order from the top.
func addCodeChart(f *excelize.File, first, last, most, at int) error {
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetSummary, col, first, col, last)
	}
	font := excelize.Font{Family: fontName, Size: 9, Color: "000000"}
	unit := 0.0 // automatic
	if most <= 10 {
		unit = 1 // counts are whole numbers
	}
	n := last - first + 1
	// The chart starts a page, so paper never cuts it in two.
	if err := f.InsertPageBreak(sheetSummary, cell(1, at)); err != nil {
		return fmt.Errorf("page break before chart: %w", err)
	}
	err := f.AddChart(sheetSummary, cell(1, at), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: "次数", Categories: ref("A"), Values: ref("C"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类问题数量", Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: uint(80 + 20*n)},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: font, ReverseOrder: true},
		YAxis:     excelize.ChartAxis{Font: font, MajorGridLines: true, MajorUnit: unit},
	})
	if err != nil {
		return fmt.Errorf("add chart: %w", err)
	}
	return nil
}

// chartWidth is the chart's width in pixels: the tables' width, so the
// chart never widens the printed page.
var chartWidth = func() uint {
	px := 0.0
	for _, w := range summaryWidths {
		px += w*7 + 5
	}
	return uint(px)
}()

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
