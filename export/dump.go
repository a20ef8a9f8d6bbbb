package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DumpXLSX returns a text dump of every sheet of the workbook at path, in
// workbook order: a line "== name ==", then one line per row with the cells
// separated by tabs. Newlines and tabs inside a cell are written as \n and
// \t, so one row stays one line. It exists for golden tests.
func DumpXLSX(path string) (string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	esc := strings.NewReplacer("\\", `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s ==\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			return "", fmt.Errorf("read sheet %s: %w", sheet, err)
		}
		for _, row := range rows {
			for i, c := range row {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(esc.Replace(c))
			}
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
