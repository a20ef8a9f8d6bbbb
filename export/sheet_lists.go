package export

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// list is a table sheet: the heading (title row and 制表单位/制表日期 line),
// one header row, frozen, filtered, printed with the header on every page.
type list struct {
	sheet string
	title string // row 1, merged over the printed columns
	info  string // row 2: 制表单位 and 制表日期
	paper int    // paperA3 or paperA4; 0 means A4
	// portrait prints the sheet upright; landscape otherwise.
	portrait bool
	// freezeCols are the columns frozen at the left besides the rows down
	// to the header.
	freezeCols int
	cols       []column
	// rows calls emit once per row, in order.
	rows func(emit func([]any) error) error
	// count is the number of rows rows emits.
	count int
	// format, if set, adds conditional formats over the data rows
	// firstRow..lastRow; it runs before streaming.
	format func(firstRow, lastRow int) error
}

// Rows of a list sheet.
const (
	rowTitle  = 1
	rowInfo   = 2
	rowHeader = 3
)

// writeList streams l into its sheet. Every string is passed through
// maskIDs except in columns marked keepIDs.
func writeList(f *excelize.File, st *styles, l list) error {
	last := l.count + rowHeader
	if last < rowHeader+1 {
		last = rowHeader + 1
	}
	paper := l.paper
	if paper == 0 {
		paper = paperA4
	}
	l.cols = fitToPaper(l.cols, paper, l.portrait)
	lastCol := colName(len(l.cols))
	printCols := len(l.cols)
	for printCols > 1 && l.cols[printCols-1].offPaper {
		printCols--
	}
	if err := f.AutoFilter(l.sheet, fmt.Sprintf("A%d:%s%d", rowHeader, lastCol, last), nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	area := ""
	if printCols < len(l.cols) {
		area = fmt.Sprintf("$A$1:$%s$%d", colName(printCols), last)
	}
	if err := setupPrint(f, l.sheet, printSetup{paper: paper, portrait: l.portrait, titleRows: fmt.Sprintf("$%d:$%d", rowHeader, rowHeader), area: area}); err != nil {
		return err
	}
	if l.format != nil {
		if err := l.format(rowHeader+1, last); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(l.sheet)
	if err != nil {
		return fmt.Errorf("stream writer: %w", err)
	}
	if err := setWidths(sw, l.cols); err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(l.freezeCols, rowHeader)); err != nil {
		return fmt.Errorf("freeze panes: %w", err)
	}
	printEnd := colName(printCols)
	heading := []struct {
		row    int
		style  int
		height float64
		text   string
	}{
		{rowTitle, st.title, 30, l.title},
		{rowInfo, st.info, 18, l.info},
	}
	for _, h := range heading {
		cells := append(styled(h.style, h.text), make([]any, printCols-1)...)
		if err := sw.SetRow(cell(1, h.row), cells, excelize.RowOpts{Height: h.height}); err != nil {
			return fmt.Errorf("heading row %d: %w", h.row, err)
		}
		if printCols > 1 {
			if err := sw.MergeCell(cell(1, h.row), fmt.Sprintf("%s%d", printEnd, h.row)); err != nil {
				return fmt.Errorf("merge heading row %d: %w", h.row, err)
			}
		}
	}
	headers := make([]any, len(l.cols))
	for i, c := range l.cols {
		headers[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetRow(cell(1, rowHeader), headers, excelize.RowOpts{Height: headerHeight(l.cols)}); err != nil {
		return fmt.Errorf("header row: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	// The data rows go to a temporary file, not to excelize (rows.go), and
	// are encoded beside the other sheets: they need nothing of f.
	rows, err := st.spill.sheet(l.sheet)
	if err != nil {
		return err
	}
	st.spill.encode(l.sheet, func() error { return encodeRows(st, rows, l) })
	return nil
}

// encodeRows writes l's data rows to rows.
func encodeRows(st *styles, rows *spilledRows, l list) error {
	n := rowHeader
	return l.rows(func(values []any) error {
		n++
		row := make([]any, len(values))
		for j, v := range values {
			style := st.text
			if j < len(l.cols) && l.cols[j].center {
				style = st.center
			}
			switch x := v.(type) {
			case int64:
				style = st.number
			case string:
				if j >= len(l.cols) || !l.cols[j].keepIDs {
					v = maskIDs(x)
				}
			}
			row[j] = excelize.Cell{StyleID: style, Value: v}
		}
		if err := rows.setRow(n, row, rowHeight(row, l.cols)); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		return nil
	})
}

// noWindow is the 窗口名称 of a finding that belongs to no window.
const noWindow = "（未对应窗口）"

// writeFindings writes 问题清单: one row per finding, numbered, in 登记表's
// window order, by code within a window; unattributed findings last, by
// code.
func writeFindings(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	count, _ := res.Counts()
	count += len(res.Unattributed)
	byCode := func(a, b finding.Finding) int { return cmp.Compare(a.Code, b.Code) }
	return writeList(f, st, list{
		sheet: sheetFindings,
		title: opt.Title + "材料合规性审查问题清单",
		info:  opt.infoLine(res),
		cols: []column{
			{header: "序号", width: 5, center: true},
			{header: "窗口名称", width: 16, min: 12},
			{header: "级别", width: 6, center: true},
			{header: "代码", width: 5, center: true},
			{header: "问题", width: 40, min: 26},
			{header: "位置", width: 28, min: 18},
			{header: "补正要求", width: 40, min: 26},
		},
		count: count,
		rows: func(emit func([]any) error) error {
			n := 0
			put := func(window string, fs []finding.Finding) error {
				fs = slices.Clone(fs)
				slices.SortStableFunc(fs, byCode)
				for _, fd := range fs {
					n++
					if err := emit([]any{n, window, fd.Level.Label(), fd.Code, fd.Message, fd.Location, fd.Fix}); err != nil {
						return err
					}
				}
				return nil
			}
			for _, s := range res.All() {
				if err := put(s.WindowName, s.Findings); err != nil {
					return err
				}
			}
			return put(noWindow, res.Unattributed)
		},
	})
}

// writeRoster writes 联审名单: one row per person, in register order. With
// opt.FullID it shows the full number and birth date; otherwise the masked
// number and the birth year only, since 前6后4 hides exactly the birth
// date's eight digits and a full date beside it would give the number back.
func writeRoster(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	_, count := res.Counts()
	birthHeader := "出生年份"
	if opt.FullID {
		birthHeader = "出生日期"
	}
	cols := append([]column{
		{header: "序号", width: 5, center: true},
		{header: "窗口名称", width: 22, min: 14},
		{header: "所属单位", width: 20, min: 14},
		{header: "姓名", width: 8},
		{header: "身份证号码", width: 19, keepIDs: opt.FullID},
		{header: "性别", width: 5, center: true},
		{header: birthHeader, width: 10, center: true},
	}, rosterDepartments(res)...)
	return writeList(f, st, list{
		sheet: sheetRoster,
		format: func(firstRow, lastRow int) error {
			return colourDepartments(f, st, sheetRoster, cols, res, firstRow, lastRow)
		},
		title:    opt.Title + "部门联审人员名单",
		info:     opt.infoLine(res),
		portrait: !res.JointGiven,
		paper:    rosterPaper(res),
		cols:     cols,
		count:    count,
		rows: func(emit func([]any) error) error {
			n := 0
			for _, s := range res.All() {
				for _, p := range s.Staff {
					n++
					id, birth := p.IDMasked, birthYear(p.Birth)
					if opt.FullID {
						id, birth = staffID(p), p.Birth
					}
					if err := emit(append([]any{n, s.WindowName, s.Unit, p.Name, id, p.Gender, birth}, rosterCells(res, p)...)); err != nil {
						return err
					}
				}
			}
			return nil
		},
	})
}

// staffID is p's full number, or the masked one when the full one is not
// known.
func staffID(p validate.Staff) string {
	if p.ID != "" {
		return p.ID
	}
	return p.IDMasked
}

// statusWord is the Chinese word for an Input status.
func statusWord(status string) string {
	switch status {
	case "parsed":
		return "已解析"
	case "ignored":
		return "已忽略"
	case "failed":
		return "无法解析"
	case "superseded":
		return "已被新版本替代"
	}
	return status
}

// writeFiles writes 文件清单: every input and every item inside one, in the
// order of res.Inputs. The SHA-256 is for the record, not for paper.
func writeFiles(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	return writeList(f, st, list{
		sheet: sheetFiles,
		title: opt.Title + "收到文件清单",
		info:  opt.infoLine(res),
		paper: paperA3, // long paths
		cols: []column{
			{header: "序号", width: 5, center: true},
			{header: "来源", width: 26, min: 18},
			{header: "路径", width: 44, min: 30},
			{header: "文件名", width: 22, min: 14},
			{header: "类型", width: 7, center: true},
			{header: "大小(字节)", width: 11},
			{header: "处理结果", width: 9, center: true},
			{header: "原因", width: 30, min: 20},
			{header: "归属窗口", width: 18, min: 12},
			{header: "SHA-256", width: 36, offPaper: true},
		},
		count: len(res.Inputs),
		rows: func(emit func([]any) error) error {
			for i, in := range res.Inputs {
				row := []any{i + 1, in.Source, in.Path, in.Name, in.Kind, in.Size,
					statusWord(in.Status), in.Reason, in.Window, in.SHA256}
				if err := emit(row); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// writeReviewList writes 待核查清单: every finding of level 待核查, in
// 登记表's window order, then those that belong to no window. These are the
// clerk's own checks (a low-confidence stamp, a photo that could not be
// sorted): no 补正 notice asks a window about them, so the clerk works
// through this list and notes the outcome in 核查结果.
func writeReviewList(f *excelize.File, st *styles, res *validate.Result, opt RegisterOptions) error {
	type item struct {
		window, unit, conclusion string
		f                        finding.Finding
	}
	var items []item
	for _, s := range res.All() {
		for _, fd := range s.Findings {
			if fd.Level == finding.Review {
				items = append(items, item{s.WindowName, s.Unit, s.Conclusion, fd})
			}
		}
	}
	for _, fd := range res.Unattributed {
		if fd.Level == finding.Review {
			items = append(items, item{noWindow, "", "", fd})
		}
	}
	return writeList(f, st, list{
		sheet: sheetReview,
		title: opt.Title + "材料合规性审查待核查清单",
		info:  opt.infoLine(res),
		cols: []column{
			{header: "序号", width: 5, center: true},
			{header: "窗口名称", width: 16, min: 12},
			{header: "所属单位", width: 14, min: 10},
			{header: "审查结论", width: 7, center: true},
			{header: "代码", width: 5, center: true},
			{header: "待核查事项", width: 34, min: 22},
			{header: "位置", width: 24, min: 16},
			{header: "核查提示", width: 28, min: 18},
			{header: "核查结果", width: 12, min: 8},
		},
		count: len(items),
		rows: func(emit func([]any) error) error {
			for n, it := range items {
				if err := emit([]any{n + 1, it.window, it.unit, it.conclusion, it.f.Code, it.f.Message, it.f.Location, it.f.Fix, nil}); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
