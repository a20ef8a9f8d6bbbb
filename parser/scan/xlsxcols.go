package scan

import (
	"fmt"

	tables "shenbao/parser/table"
)

// xlsxMaxCols bounds the column of any cell in a workbook. excelize widens
// every row it returns to the row's last cell, so one cell in column XFD
// (16384) per row cost 16384 strings a row: 18 KB of workbook allocated
// 2.3 GB. A scan-metadata sheet has a dozen columns.
const xlsxMaxCols = 256

// checkColumns refuses a workbook with a cell past xlsxMaxCols. Anything
// it cannot read is left to excelize to report.
func checkColumns(data []byte) error {
	if err := tables.CheckColumns(data, xlsxMaxCols); err != nil {
		return fmt.Errorf("%w (%d)", ErrTooWide, xlsxMaxCols)
	}
	return nil
}
