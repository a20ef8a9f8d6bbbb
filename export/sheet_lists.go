package export

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// list is a plain table sheet: one header row, frozen, filtered, printed
// with the header on every page.
type list struct {
	sheet string
	paper int // paperA3 or paperA4; 0 means A4
	cols  []column
	// rows calls emit once per row, in order.
	rows func(emit func([]any) error) error
	// count is the number of rows rows emits.
	count int
}

// writeList streams l into its sheet.
func writeList(f *excelize.File, st *styles, l list) error {
	last := l.count + 1
	if last < 2 {
		last = 2
	}
	ref := fmt.Sprintf("A1:%s%d", colName(len(l.cols)), last)
	if err := f.AutoFilter(l.sheet, ref, nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	paper := l.paper
	if paper == 0 {
		paper = paperA4
	}
	if err := setupPrint(f, l.sheet, paper, "$1:$1"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(l.sheet)
	if err != nil {
		return fmt.Errorf("stream writer: %w", err)
	}
	widths, err := setWidths(sw, l.cols)
	if err != nil {
		return err
	}
	headers := make([]any, len(l.cols))
	for i, c := range l.cols {
		headers[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetPanes(frozen(0, 1)); err != nil {
		return fmt.Errorf("freeze panes: %w", err)
	}
	if err := sw.SetRow("A1", headers, excelize.RowOpts{Height: 24}); err != nil {
		return fmt.Errorf("header row: %w", err)
	}
	n := 1
	err = l.rows(func(values []any) error {
		n++
		row := make([]any, len(values))
		for j, v := range values {
			style := st.text
			if j < len(l.cols) && l.cols[j].center {
				style = st.center
			}
			if _, ok := v.(int64); ok {
				style = st.number
			}
			row[j] = excelize.Cell{StyleID: style, Value: v}
		}
		if err := sw.SetRow(cell(1, n), row, excelize.RowOpts{Height: rowHeight(values, widths)}); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

// findingRef points at one finding: sub is -1 for an unattributed one.
type findingRef struct {
	sub, idx int
}

// writeFindings writes 问题清单: one row per finding, sorted by window then
// code; unattributed findings last, by code.
func writeFindings(f *excelize.File, st *styles, res *validate.Result) error {
	var refs []findingRef
	for i := range res.Submissions {
		for j := range res.Submissions[i].Findings {
			refs = append(refs, findingRef{i, j})
		}
	}
	slices.SortStableFunc(refs, func(a, b findingRef) int {
		sa, sb := &res.Submissions[a.sub], &res.Submissions[b.sub]
		return cmp.Or(
			cmp.Compare(sa.WindowName, sb.WindowName),
			cmp.Compare(a.sub, b.sub),
			cmp.Compare(sa.Findings[a.idx].Code, sb.Findings[b.idx].Code),
		)
	})
	loose := make([]findingRef, len(res.Unattributed))
	for i := range res.Unattributed {
		loose[i] = findingRef{-1, i}
	}
	slices.SortStableFunc(loose, func(a, b findingRef) int {
		return cmp.Compare(res.Unattributed[a.idx].Code, res.Unattributed[b.idx].Code)
	})
	refs = append(refs, loose...)
	return writeList(f, st, list{
		sheet: sheetFindings,
		cols: []column{
			{"窗口名称", 22, false}, {"级别", 8, true}, {"代码", 7, true},
			{"问题", 50, false}, {"位置", 40, false}, {"补正要求", 50, false},
		},
		count: len(refs),
		rows: func(emit func([]any) error) error {
			for _, r := range refs {
				window, fd := "", finding.Finding{}
				if r.sub < 0 {
					fd = res.Unattributed[r.idx]
				} else {
					window, fd = res.Submissions[r.sub].WindowName, res.Submissions[r.sub].Findings[r.idx]
				}
				if err := emit([]any{window, fd.Level.Label(), fd.Code, fd.Message, fd.Location, fd.Fix}); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// writeRoster writes 联审名单: one row per person, in register order.
func writeRoster(f *excelize.File, st *styles, res *validate.Result, fullID bool) error {
	count := 0
	for _, s := range res.Submissions {
		count += len(s.Staff)
	}
	return writeList(f, st, list{
		sheet: sheetRoster,
		cols: []column{
			{"序号", 6, true}, {"窗口名称", 26, false}, {"所属单位", 24, false}, {"姓名", 10, false},
			{"身份证号码", 22, false}, {"性别", 6, true}, {"出生日期", 12, true},
		},
		count: count,
		rows: func(emit func([]any) error) error {
			n := 0
			for _, s := range res.Submissions {
				for _, p := range s.Staff {
					n++
					if err := emit([]any{n, s.WindowName, s.Unit, p.Name, staffID(p, fullID), p.Gender, p.Birth}); err != nil {
						return err
					}
				}
			}
			return nil
		},
	})
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
// order of res.Inputs.
func writeFiles(f *excelize.File, st *styles, res *validate.Result) error {
	return writeList(f, st, list{
		sheet: sheetFiles,
		paper: paperA3, // ten columns with long paths and hashes
		cols: []column{
			{"序号", 6, true}, {"来源", 28, false}, {"路径", 44, false}, {"文件名", 24, false},
			{"类型", 8, true}, {"大小(字节)", 12, false}, {"SHA-256", 36, false},
			{"处理结果", 10, true}, {"原因", 30, false}, {"归属窗口", 20, false},
		},
		count: len(res.Inputs),
		rows: func(emit func([]any) error) error {
			for i, in := range res.Inputs {
				row := []any{i + 1, in.Source, in.Path, in.Name, in.Kind, in.Size, in.SHA256,
					statusWord(in.Status), in.Reason, in.Window}
				if err := emit(row); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
