package table

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/parser/problem"
)

// Bounds for workbooks handed to excelize.
const (
	xlsxUnzipLimit = 64 << 20
	xlsxXMLLimit   = 16 << 20
)

// readXLSX reads every sheet of a workbook, merged ranges filled in.
func readXLSX(b *builder, data []byte) error {
	if err := CheckColumns(data, b.lim.MaxCols); err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    xlsxUnzipLimit,
		UnzipXMLSizeLimit: xlsxXMLLimit,
	})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		if !b.room() {
			break
		}
		g := b.newGrid(name)
		if err := xlsxSheet(f, name, g); err != nil {
			b.warn(problem.Problem{Code: problem.SheetUnread, Where: name, Detail: err.Error()})
			continue
		}
		if merges, err := f.GetMergeCells(name); err == nil {
			for _, m := range merges {
				c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
				if err1 == nil && err2 == nil {
					g.merge(r1-1, c1-1, r2-1, c2-1)
				}
			}
		}
		g.done()
	}
	return nil
}

// xlsxSheet streams one sheet's formatted cell values into g.
func xlsxSheet(f *excelize.File, name string, g *grid) error {
	rows, err := f.Rows(name)
	if err != nil {
		return err
	}
	defer rows.Close()
	for r := 0; rows.Next(); r++ {
		if r >= g.b.lim.MaxRows {
			g.b.warn(problem.Problem{Code: problem.TableCut, Where: name, Detail: fmt.Sprintf("more than %d rows", g.b.lim.MaxRows)})
			break
		}
		row, err := rows.Columns()
		if err != nil {
			return err
		}
		for c, v := range row {
			if !g.set(r, c, v) {
				return nil
			}
		}
	}
	return rows.Error()
}

// CheckColumns refuses a workbook (.xlsx bytes) with a cell past column
// maxCols, reading at most 64 MiB of its worksheets; what it cannot read is
// left to excelize. It is for every reader of workbooks from outside:
// excelize widens each row it returns to the row's last cell, so one cell
// in column XFD on each row costs 16,384 strings a row.
func CheckColumns(data []byte, maxCols int) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // excelize reports it
	}
	budget := int64(xlsxUnzipLimit)
	for _, zf := range zr.File {
		name := strings.ToLower(zf.Name)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") || budget <= 0 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			continue
		}
		sheet, _ := io.ReadAll(io.LimitReader(rc, budget))
		rc.Close()
		budget -= int64(len(sheet))
		if maxCellColumn(sheet, maxCols) > maxCols {
			return fmt.Errorf("%w (%d)", ErrTooWide, maxCols)
		}
	}
	return nil
}

// maxCellColumn returns the largest column (1-based) of the cell
// references r="AB12" in sheet XML, stopping early past limit.
func maxCellColumn(sheet []byte, limit int) int {
	most := 0
	for i := 0; ; {
		j := bytes.Index(sheet[i:], []byte("r="))
		if j < 0 {
			return most
		}
		i += j + 2
		if i-3 < 0 || !isSpace(sheet[i-3]) || i >= len(sheet) || (sheet[i] != '"' && sheet[i] != '\'') {
			continue
		}
		col, k := 0, i+1
		for ; k < len(sheet) && sheet[k] >= 'A' && sheet[k] <= 'Z' && col <= limit; k++ {
			col = col*26 + int(sheet[k]-'A'+1)
		}
		if k < len(sheet) && (sheet[k] >= '0' && sheet[k] <= '9' || col > limit) {
			most = max(most, col)
			if most > limit {
				return most
			}
		}
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
