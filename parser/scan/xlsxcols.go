package scan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// xlsxMaxCols bounds the column of any cell in a workbook. excelize widens
// every row it returns to the row's last cell, so one cell in column XFD
// (16384) per row cost 16384 strings a row: 18 KB of workbook allocated
// 2.3 GB. A scan-metadata sheet has a dozen columns.
const xlsxMaxCols = 256

// checkColumns refuses a workbook with a cell past xlsxMaxCols. Anything
// it cannot read is left to excelize to report.
func checkColumns(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
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
		if maxCellColumn(sheet) > xlsxMaxCols {
			return fmt.Errorf("%w (%d)", ErrTooWide, xlsxMaxCols)
		}
	}
	return nil
}

// maxCellColumn returns the largest column (1-based) of the cell
// references r="AB12" in sheet XML, stopping early past xlsxMaxCols.
func maxCellColumn(sheet []byte) int {
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
		for ; k < len(sheet) && sheet[k] >= 'A' && sheet[k] <= 'Z' && col <= xlsxMaxCols; k++ {
			col = col*26 + int(sheet[k]-'A'+1)
		}
		if k < len(sheet) && (sheet[k] >= '0' && sheet[k] <= '9' || col > xlsxMaxCols) {
			most = max(most, col)
			if most > xlsxMaxCols {
				return most
			}
		}
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
