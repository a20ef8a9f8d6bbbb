package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// column is one 登记表 column: its header, width (Excel character units)
// and whether its cells are centred.
type column struct {
	header string
	width  float64
	center bool
}

// registerColumns returns the 登记表 columns for the given review roles.
func registerColumns(roles []string) []column {
	cols := []column{
		{"序号", 5, true},
		{"窗口名称", 18, false},
		{"所属单位(部门)", 16, false},
		{"推荐形式", 11, true},
		{"窗口人员", 9, false},
		{"身份证号码", 21, false},
		{"曾受表彰奖励情况", 18, false},
		{"事迹字数", 6, true},
		{"申报表", 8, true},
		{"初审表", 10, true},
		{"环境照片", 6, true},
		{"工作照片", 6, true},
	}
	for _, r := range roles {
		cols = append(cols, column{r, 9, true})
	}
	return append(cols,
		column{"问题数", 6, true},
		column{"审查结论", 8, true},
		column{"问题摘要", 44, false},
		column{"来源", 22, false},
		column{"源文件", 34, false},
	)
}

// registerRow returns the 登记表 cells of submission s, numbered n.
func registerRow(n int, s *validate.Submission, roles []string, fullID bool) []any {
	names := make([]string, len(s.Staff))
	ids := make([]string, len(s.Staff))
	for i, p := range s.Staff {
		names[i] = p.Name
		ids[i] = staffID(p, fullID)
	}
	row := []any{
		n,
		s.WindowName,
		s.Unit,
		strings.Join(s.RecommendForms, "、"),
		strings.Join(names, "\n"),
		strings.Join(ids, "\n"),
		s.Honors,
		s.DeedsChars,
		s.Application,
		s.Review,
		photoCount(s.Photos.Environment),
		photoCount(s.Photos.Work),
	}
	for _, role := range roles {
		row = append(row, reviewCell(s.ReviewRows, role))
	}
	return append(row,
		len(s.Findings),
		s.Conclusion,
		findingSummary(s.Findings),
		s.Mail,
		strings.Join(s.Sources, "\n"),
	)
}

// staffID is the ID number the register shows for p.
func staffID(p validate.Staff, fullID bool) string {
	if fullID && p.ID != "" {
		return p.ID
	}
	return p.IDMasked
}

func photoCount(names []string) string {
	if len(names) == 0 {
		return "缺"
	}
	return strconv.Itoa(len(names))
}

// reviewCell is the cell of review row role: the row's Cell, or 缺 when the
// submission has no such row.
func reviewCell(rows []validate.ReviewRow, role string) string {
	for _, r := range rows {
		if r.Role == role {
			return r.Cell
		}
	}
	return "缺"
}

// findingSummary is one line per finding: 【F04】message.
func findingSummary(fs []finding.Finding) string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = "【" + f.Code + "】" + f.Message
	}
	return strings.Join(lines, "\n")
}

// writeRegisterSheet writes 登记表 with the stream writer: a merged title
// row, the header row, one row per submission. Sheet-level settings are
// made before streaming, as the stream writer copies them on Flush.
func writeRegisterSheet(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	cols := registerColumns(opt.ReviewRoles)
	last := len(res.Submissions) + 2
	if last < 3 {
		last = 3
	}
	lastCol := colName(len(cols))
	conclusionCol := colName(len(cols) - 3)
	if err := f.AutoFilter(sheetRegister, fmt.Sprintf("A2:%s%d", lastCol, last), nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	if err := setupPrint(f, sheetRegister, paperA3, "$1:$2"); err != nil {
		return err
	}
	if err := colourConclusions(f, st, fmt.Sprintf("%s3:%s%d", conclusionCol, conclusionCol, last)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetRegister)
	if err != nil {
		return fmt.Errorf("stream writer: %w", err)
	}
	widths, err := setWidths(sw, cols)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(2, 2)); err != nil {
		return fmt.Errorf("freeze panes: %w", err)
	}
	title := append(styled(st.title, opt.RegisterTitle), make([]any, len(cols)-1)...)
	if err := sw.SetRow("A1", title, excelize.RowOpts{Height: 36}); err != nil {
		return fmt.Errorf("title row: %w", err)
	}
	if err := sw.MergeCell("A1", lastCol+"1"); err != nil {
		return fmt.Errorf("merge title: %w", err)
	}
	headers := make([]any, len(cols))
	for i, c := range cols {
		headers[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetRow("A2", headers, excelize.RowOpts{Height: 42}); err != nil {
		return fmt.Errorf("header row: %w", err)
	}
	for i := range res.Submissions {
		values := registerRow(i+1, &res.Submissions[i], opt.ReviewRoles, opt.FullID)
		row := make([]any, len(values))
		for j, v := range values {
			style := st.text
			if cols[j].center {
				style = st.center
			}
			row[j] = excelize.Cell{StyleID: style, Value: v}
		}
		if err := sw.SetRow(cell(1, i+3), row, excelize.RowOpts{Height: rowHeight(values, widths)}); err != nil {
			return fmt.Errorf("row %d: %w", i+3, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

// frozen returns panes that freeze the first cols columns and rows rows.
func frozen(cols, rows int) *excelize.Panes {
	top := cell(cols+1, rows+1)
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	return &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
	}
}

// colourConclusions colours 合规 green, 需补正 red and 待核查 amber in ref.
func colourConclusions(f *excelize.File, st *styles, ref string) error {
	rule := func(word string, format int) excelize.ConditionalFormatOptions {
		return excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + word + `"`, Format: &format}
	}
	err := f.SetConditionalFormat(sheetRegister, ref, []excelize.ConditionalFormatOptions{
		rule(finding.Compliant, st.fixOK),
		rule(finding.NeedsFix, st.fixBad),
		rule(finding.NeedsReview, st.fixReview),
	})
	if err != nil {
		return fmt.Errorf("conditional format: %w", err)
	}
	return nil
}

// Paper sizes of the OOXML pageSetup element.
const (
	paperA3 = 8
	paperA4 = 9
)

// setWidths sets the column widths of a streamed sheet and returns them.
// Widths are set from the last column to the first because the stream
// writer emits them in reverse order of setting, and Excel wants them
// ascending. It must be called after AutoFilter and before the first row.
func setWidths(sw *excelize.StreamWriter, cols []column) ([]float64, error) {
	widths := make([]float64, len(cols))
	for i := len(cols) - 1; i >= 0; i-- {
		widths[i] = cols[i].width
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return nil, fmt.Errorf("column width: %w", err)
		}
	}
	return widths, nil
}

// setupPrint sets landscape on the given paper, fit to one page wide,
// narrow margins, the rows repeated on every page (titleRows, e.g. "$1:$2";
// none when empty) and page numbers in the footer. It must be called after
// AutoFilter, which replaces the sheet properties.
func setupPrint(f *excelize.File, sheet string, size int, titleRows string) error {
	orient, wide, tall := "landscape", 1, 0
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet props: %w", err)
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	side, top, hf := 0.4, 0.6, 0.3
	yes := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return fmt.Errorf("page margins: %w", err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C第 &P 页 / 共 &N 页",
	}); err != nil {
		return fmt.Errorf("header footer: %w", err)
	}
	if titleRows == "" {
		return nil
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + titleRows, Scope: sheet,
	}); err != nil {
		return fmt.Errorf("print titles: %w", err)
	}
	return nil
}

// rowHeight estimates the height (points) a row of wrapped 10-point text
// needs in columns of the given widths, so the row prints whole in viewers
// that do not fit row heights on load.
func rowHeight(values []any, widths []float64) float64 {
	lines := 1
	for i, v := range values {
		s, ok := v.(string)
		if !ok || i >= len(widths) {
			continue
		}
		if n := wrappedLines(s, widths[i]); n > lines {
			lines = n
		}
	}
	if lines > 30 {
		lines = 30
	}
	return float64(lines)*13 + 4
}

// wrappedLines counts the lines s takes in a column width wide: a CJK
// character takes about 1.8 units at 10 points, other characters one.
func wrappedLines(s string, width float64) int {
	usable := width - 1
	if usable < 2 {
		usable = 2
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		w := 0.0
		for _, r := range line {
			if r >= 0x2E80 {
				w += 1.85
			} else {
				w += 1.05
			}
		}
		if w > usable {
			w *= 1.15 // lines break at word and punctuation boundaries, not mid-width
		}
		k := int(w/usable) + 1
		if w > 0 && w/usable == float64(int(w/usable)) {
			k--
		}
		n += k
	}
	return n
}
