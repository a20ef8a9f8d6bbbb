package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
)

// RegisterOptions shape the register.
type RegisterOptions struct {
	// FullID writes full ID numbers and birth dates in 联审名单, the roster
	// the 部门联审 departments check. Without it, and in every other sheet
	// always, numbers are masked 前6后4 and only the birth year is shown.
	FullID bool
	// ProfileName is shown in 汇总 as 规则配置. If empty, res.Profile is used.
	ProfileName string
	// Title is the campaign title, the heading of 汇总. If empty, res.Title.
	Title string
	// RegisterTitle is the merged title row of 登记表. If empty, Title +
	// "材料合规性审查登记表".
	RegisterTitle string
	// Issuer is the office that draws up the register (制表单位), shown
	// under every sheet's title with the run date; omitted when empty.
	Issuer string
	// ReviewRoles are the profile's review row names, one 登记表 column each,
	// in this order. If empty, the roles found in the submissions are used
	// in order of first appearance.
	ReviewRoles []string
}

// Sheet names, in workbook order (SPEC §2).
const (
	sheetSummary  = "汇总"
	sheetRegister = "登记表"
	sheetFindings = "问题清单"
	sheetRoster   = "联审名单"
	sheetFiles    = "文件清单"
	sheetReview   = "待核查清单"
)

// fontName is a Chinese font that Excel, WPS and LibreOffice all map.
const fontName = "宋体"

// WriteRegister writes the compliance register for res to path: the five
// sheets of SPEC §2 in order, then 待核查清单. The file is written to a temporary file in the
// same folder and renamed over path.
func WriteRegister(path string, res *validate.Result, opt RegisterOptions) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	opt = opt.withDefaults(res)
	f := excelize.NewFile()
	defer f.Close()
	sp := newSpill()
	defer sp.close()
	if err := buildWorkbook(f, sp, res, opt); err != nil {
		return err
	}
	var book bytes.Buffer // the workbook without the list sheets' rows
	if err := f.Write(&book); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	f.Close() // its buffers are not needed any more
	if err := sp.wait(); err != nil {
		return err
	}
	if err := res.Err(); err != nil {
		return err // a register missing windows is not written
	}
	return writeAtomic(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := sp.assemble(bw, book.Bytes()); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		return bw.Flush()
	})
}

func (o RegisterOptions) withDefaults(res *validate.Result) RegisterOptions {
	if o.ProfileName == "" {
		o.ProfileName = res.Profile
	}
	if o.Title == "" {
		o.Title = res.Title
	}
	if o.RegisterTitle == "" {
		o.RegisterTitle = o.Title + "材料合规性审查登记表"
	}
	if len(o.ReviewRoles) == 0 {
		seen := map[string]bool{}
		for _, s := range res.All() {
			for _, r := range s.ReviewRows {
				if !seen[r.Role] {
					seen[r.Role] = true
					o.ReviewRoles = append(o.ReviewRoles, r.Role)
				}
			}
		}
	}
	return o
}

// infoLine is row 2 of every sheet: 制表单位 and 制表日期 (the run date).
func (o RegisterOptions) infoLine(res *validate.Result) string {
	date := "制表日期：" + chineseDate(res.GeneratedAt)
	if o.Issuer == "" {
		return date
	}
	return "制表单位：" + o.Issuer + "　　" + date
}

// chineseDate writes t as 2024年4月12日.
func chineseDate(t time.Time) string {
	return t.Format("2006年1月2日")
}

// buildWorkbook fills f with the five sheets of SPEC §2 and 待核查清单.
func buildWorkbook(f *excelize.File, sp *spill, res *validate.Result, opt RegisterOptions) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	st.spill = sp
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return fmt.Errorf("rename first sheet: %w", err)
	}
	for _, name := range []string{sheetRegister, sheetFindings, sheetRoster, sheetFiles, sheetReview} {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("add sheet %s: %w", name, err)
		}
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{sheetSummary, func() error { return writeSummary(f, st, res, opt) }},
		{sheetRegister, func() error { return writeRegisterSheet(f, st, res, opt) }},
		{sheetFindings, func() error { return writeFindings(f, st, res, opt) }},
		{sheetRoster, func() error { return writeRoster(f, st, res, opt) }},
		{sheetFiles, func() error { return writeFiles(f, st, res, opt) }},
		{sheetReview, func() error { return writeReviewList(f, st, res, opt) }},
	}
	if res.RankingsGiven {
		if _, err := f.NewSheet(sheetRankings); err != nil {
			return fmt.Errorf("add sheet %s: %w", sheetRankings, err)
		}
		steps = append(steps, struct {
			name string
			fn   func() error
		}{sheetRankings, func() error { return writeRankings(f, st, res, opt) }})
	}
	if res.Changes != nil {
		if _, err := f.NewSheet(sheetChanges); err != nil {
			return fmt.Errorf("add sheet %s: %w", sheetChanges, err)
		}
		steps = append(steps, struct {
			name string
			fn   func() error
		}{sheetChanges, func() error { return writeChanges(f, st, res, opt) }})
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	stamp := res.GeneratedAt.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          opt.RegisterTitle,
		Creator:        "shenbao",
		LastModifiedBy: "shenbao",
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return fmt.Errorf("set document properties: %w", err)
	}
	return nil
}

// styles are the cell style ids shared by the sheets.
type styles struct {
	title, subtitle, info, header, text, center, number, label int
	fixOK, fixBad, fixReview                                   int // conditional formats
	// spill takes the list sheets' data rows (rows.go).
	spill *spill
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold}
	}
	st := &styles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.subtitle, excelize.Style{Font: font(12, true), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.info, excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
		{&st.header, excelize.Style{Font: font(10, true), Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Font: font(10, false), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.center, excelize.Style{Font: font(10, false), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&st.number, excelize.Style{Font: font(10, false), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}},
		{&st.label, excelize.Style{Font: font(10, true), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top"}}},
	}
	for _, d := range defs {
		s := d.s
		id, err := f.NewStyle(&s)
		if err != nil {
			return nil, fmt.Errorf("new style: %w", err)
		}
		*d.id = id
	}
	conds := []struct {
		id         *int
		fill, font string
	}{
		{&st.fixOK, "C6EFCE", "006100"},
		{&st.fixBad, "FFC7CE", "9C0006"},
		{&st.fixReview, "FFEB9C", "9C5700"},
	}
	for _, c := range conds {
		id, err := f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: c.font, Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}},
		})
		if err != nil {
			return nil, fmt.Errorf("new conditional style: %w", err)
		}
		*c.id = id
	}
	return st, nil
}

// cell returns the name of the cell at col, row (both 1-based).
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName returns the letters of column col (1-based).
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// styled wraps values in excelize.Cell with one style.
func styled(style int, values ...any) []any {
	row := make([]any, len(values))
	for i, v := range values {
		row[i] = excelize.Cell{StyleID: style, Value: v}
	}
	return row
}
