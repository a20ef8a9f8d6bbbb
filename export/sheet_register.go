package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// column is one column of a table sheet: its header, width (Excel
// character units), whether its cells are centred, and whether it is kept
// off the printed page (long provenance text the screen needs and paper
// does not). Off-paper columns come last, so the print area is the columns
// before them.
type column struct {
	header string
	width  float64
	// min, if set, lets the column narrow down to min when the printed
	// columns are too wide for the paper at 8 pt (fitToPaper); wrapped text
	// columns set it, columns of short codes do not.
	min      float64
	center   bool
	offPaper bool
	// keepIDs leaves full ID numbers in the column's text; only the
	// 联审名单 ID column with --full-id sets it.
	keepIDs bool
}

// regColumn is one 登记表 column and how to fill it from a submission. To
// add a column, add one entry to registerColumns.
type regColumn struct {
	column
	// value is the cell of submission s, numbered n (序号). A nil value is
	// an empty cell.
	value func(n int, s *validate.Submission) any
}

// registerColumns returns the 登记表 columns for the given review roles, in
// sheet order. The printed columns share one A3 width: at 8 pt they hold
// about 189 units (printBudget). Give a new column a min if its text may
// wrap, or take its width from another, or put it among the off-paper
// columns; TestPrintedTextSize measures the result.
func registerColumns(roles []string) []regColumn {
	col := func(header string, width float64, center bool, value func(int, *validate.Submission) any) regColumn {
		return regColumn{column{header: header, width: width, center: center}, value}
	}
	// text is a wrapped column that may narrow to fit the paper.
	text := func(header string, width, min float64, value func(int, *validate.Submission) any) regColumn {
		return regColumn{column{header: header, width: width, min: min}, value}
	}
	cols := []regColumn{
		col("序号", 4, true, func(n int, _ *validate.Submission) any { return n }),
		text("窗口名称", 12, 8, func(_ int, s *validate.Submission) any { return s.WindowName }),
		text("所属单位(部门)", 12, 8, func(_ int, s *validate.Submission) any { return s.Unit }),
		col("推荐形式", 7, true, func(_ int, s *validate.Submission) any { return strings.Join(s.RecommendForms, "、") }),
		col("窗口人员", 6, false, func(_ int, s *validate.Submission) any { return staffNames(s) }),
		col("身份证号码", 18, false, func(_ int, s *validate.Submission) any { return staffIDs(s) }),
		text("曾受表彰奖励情况", 12, 7, func(_ int, s *validate.Submission) any { return s.Honors }),
		col("事迹字数", 5, true, deedsChars),
		col("申报表", 6, true, func(_ int, s *validate.Submission) any { return s.Application }),
		col("初审表", 7, true, func(_ int, s *validate.Submission) any { return s.Review }),
		col("环境照片", 4, true, func(_ int, s *validate.Submission) any { return photoCount(s.Photos.Environment) }),
		col("工作照片", 4, true, func(_ int, s *validate.Submission) any { return photoCount(s.Photos.Work) }),
	}
	for _, role := range roles {
		cols = append(cols, col(role, 6, true, func(_ int, s *validate.Submission) any { return reviewCell(s.ReviewRows, role) }))
	}
	cols = append(cols,
		col("问题数", 4, true, func(_ int, s *validate.Submission) any { return len(s.Findings) }),
		col(colConclusion, 6, true, func(_ int, s *validate.Submission) any { return s.Conclusion }),
		text("问题摘要", 30, 22, func(_ int, s *validate.Submission) any { return findingSummary(s.Findings) }),
		text("备注", 8, 4, func(int, *validate.Submission) any { return nil }),
	)
	offPaper := []regColumn{
		col("来源", 22, false, func(_ int, s *validate.Submission) any { return s.Mail }),
		col("源文件", 34, false, func(_ int, s *validate.Submission) any { return strings.Join(s.Sources, "\n") }),
	}
	for _, c := range offPaper {
		c.offPaper = true
		cols = append(cols, c)
	}
	return cols
}

// colConclusion is the header of the coloured 审查结论 column.
const colConclusion = "审查结论"

func staffNames(s *validate.Submission) string {
	names := make([]string, len(s.Staff))
	for i, p := range s.Staff {
		names[i] = p.Name
	}
	return strings.Join(names, "\n")
}

// staffIDs are the window's ID numbers, always masked: --full-id unmasks
// 联审名单 only.
func staffIDs(s *validate.Submission) string {
	ids := make([]string, len(s.Staff))
	for i, p := range s.Staff {
		ids[i] = p.IDMasked
	}
	return strings.Join(ids, "\n")
}

// deedsChars is the 事迹字数 cell: the count, or empty when no Word 申报表
// was read (0 would claim an empty 事迹).
func deedsChars(_ int, s *validate.Submission) any {
	if !strings.HasPrefix(s.Application, "✓") {
		return nil
	}
	return s.DeedsChars
}

// photoCount is the number of photos of a kind, a number cell, or 缺.
func photoCount(names []string) any {
	if len(names) == 0 {
		return "缺"
	}
	return len(names)
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

// writeRegisterSheet writes 登记表: the heading, the header row, one row
// per submission, the 审查结论 column coloured.
func writeRegisterSheet(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	cols := withChangeColumns(withDepartmentColumns(registerColumns(opt.ReviewRoles), res), res.Changes)
	plain := make([]column, len(cols))
	conclusion := 0
	for i, c := range cols {
		plain[i] = c.column
		if c.header == colConclusion {
			conclusion = i + 1
		}
	}
	return writeList(f, st, list{
		sheet:      sheetRegister,
		title:      opt.RegisterTitle,
		info:       opt.infoLine(res),
		paper:      paperA3,
		freezeCols: 2,
		cols:       plain,
		count:      res.Windows(),
		format: func(firstRow, lastRow int) error {
			c := colName(conclusion)
			if err := colourDepartments(f, st, sheetRegister, plain, res, firstRow, lastRow); err != nil {
				return err
			}
			return colourConclusions(f, st, fmt.Sprintf("%s%d:%s%d", c, firstRow, c, lastRow))
		},
		rows: func(emit func([]any) error) error {
			for i, s := range res.All() {
				row := make([]any, len(cols))
				for j, c := range cols {
					row[j] = c.value(i+1, s)
				}
				if err := emit(row); err != nil {
					return err
				}
			}
			return nil
		},
	})
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

// setWidths sets the column widths of a streamed sheet. Widths are set
// from the last column to the first because the stream writer emits them
// in reverse order of setting, and Excel wants them ascending. It must be
// called after AutoFilter and before the first row.
func setWidths(sw *excelize.StreamWriter, cols []column) error {
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	return nil
}

// printSetup is how a sheet prints.
type printSetup struct {
	paper     int    // paperA3 or paperA4
	portrait  bool   // upright; landscape otherwise
	titleRows string // rows repeated on every page, e.g. "$3:$3"; none when empty
	area      string // print area, e.g. "$A$1:$X$20"; the whole sheet when empty
}

// setupPrint sets the paper and orientation, fit to one page wide, narrow
// margins, the repeated rows, the print area, and the sheet name with page
// numbers in the footer. It must be called after AutoFilter, which
// replaces the sheet properties.
func setupPrint(f *excelize.File, sheet string, p printSetup) error {
	orient, wide, tall := "landscape", 1, 0
	if p.portrait {
		orient = "portrait"
	}
	size := p.paper
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
		OddFooter: footer,
	}); err != nil {
		return fmt.Errorf("header footer: %w", err)
	}
	names := []struct{ name, ref string }{
		{"_xlnm.Print_Titles", p.titleRows},
		{"_xlnm.Print_Area", p.area},
	}
	for _, n := range names {
		if n.ref == "" {
			continue
		}
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: n.name, RefersTo: "'" + sheet + "'!" + n.ref, Scope: sheet,
		}); err != nil {
			return fmt.Errorf("defined name %s: %w", n.name, err)
		}
	}
	return nil
}

// Printable widths (points) of the papers, landscape and portrait, less
// the side margins setupPrint sets (0.4 in each).
var printableWidth = map[int][2]float64{
	paperA3: {1190.6 - 57.6, 841.9 - 57.6},
	paperA4: {841.9 - 57.6, 595.3 - 57.6},
}

const (
	// unitPoints is the printed width of one column unit at 100 %: the
	// widest of the viewers, LibreOffice with DejaVu Sans standing in for
	// the default font (Excel and WPS with Calibri use about 5.3).
	unitPoints = 7.05
	// minScale is the smallest fit-to-width scale that keeps the 10-point
	// body text at 8 pt, with room for the rounding of column widths to whole pixels.
	minScale = 0.85
)

// printBudget is how many column units fit across paper at minScale.
func printBudget(paper int, portrait bool) float64 {
	w := printableWidth[paper]
	width := w[0]
	if portrait {
		width = w[1]
	}
	return width / minScale / unitPoints
}

// fitToPaper narrows the printed columns that have a min, in proportion to
// their slack, until the printed columns fit the paper's budget (or every
// such column is at its min). Off-paper columns keep their widths.
func fitToPaper(cols []column, paper int, portrait bool) []column {
	total, slack := 0.0, 0.0
	for _, c := range cols {
		if c.offPaper {
			continue
		}
		total += c.width
		if c.min > 0 && c.width > c.min {
			slack += c.width - c.min
		}
	}
	over := total - printBudget(paper, portrait)
	if over <= 0 || slack == 0 {
		return cols
	}
	k := min(1, over/slack)
	out := slices.Clone(cols)
	for i, c := range out {
		if c.offPaper || c.min <= 0 || c.width <= c.min {
			continue
		}
		out[i].width = math.Floor((c.width-(c.width-c.min)*k)*4) / 4
	}
	return out
}

// footer names the sheet and the page: 登记表 第 1 页 / 共 3 页.
const footer = "&C&A　第 &P 页 / 共 &N 页"

// The height (points) of one line of 10-point body text, the tallest of
// the viewers' (LibreOffice with Noto Sans CJK: 1.45 em), and the padding
// of a row.
const (
	lineHeight = 14.5
	rowPadding = 4
)

// headerHeight is the height of a header row whose labels wrap in their
// columns.
func headerHeight(cols []column) float64 {
	lines := 1
	for _, c := range cols {
		if c.offPaper {
			continue
		}
		lines = max(lines, wrappedLines(c.header, c.width))
	}
	return float64(lines)*lineHeight + rowPadding
}

// rowHeight estimates the height (points) a row of wrapped 10-point text
// needs, from the printed columns' text, so the row prints whole in viewers
// that do not fit row heights on load. Off-paper columns do not count:
// their long provenance text would make every printed row tall and empty.
func rowHeight(row []any, cols []column) float64 {
	lines := 1
	for i, v := range row {
		if c, ok := v.(excelize.Cell); ok {
			v = c.Value
		}
		s, ok := v.(string)
		if !ok || i >= len(cols) || cols[i].offPaper {
			continue
		}
		lines = max(lines, wrappedLines(s, cols[i].width))
	}
	// Excel and excelize refuse a row taller than 409 points; a longer
	// cell scrolls inside its row.
	return min(float64(lines)*lineHeight+rowPadding, excelize.MaxRowHeight)
}

// wrappedLines counts the lines s takes in a column width wide (Excel
// character units: the width of a digit of the default 11-point font,
// about 7 pixels). At 10 points a CJK character or full-width mark is
// 13.3 pixels, 1.9 units; a half-width character about 0.95. A line breaks
// at the last character that fits; runs of Latin letters and digits break
// as a whole, which the estimate allows for by keeping them together.
func wrappedLines(s string, width float64) int {
	usable := width - 0.6 // cell padding
	if usable < 2 {
		usable = 2
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		k, w := 1, 0.0
		word := 0.0 // width of the Latin run being read
		for _, r := range line {
			cw := 0.95
			if r >= 0x2E80 || r >= 0x2010 && r <= 0x206F || r >= 0xFF00 && r <= 0xFFEF {
				cw = 1.9
			}
			latin := r < 0x2E80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
			if latin {
				word += cw
			} else {
				word = 0
			}
			if w+cw > usable {
				k++
				if latin && word < usable {
					w = word // the run moves to the next line whole
				} else {
					w = cw
				}
				continue
			}
			w += cw
		}
		n += k
	}
	return n
}
