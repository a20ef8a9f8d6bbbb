package scan

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Bounds for workbooks: excelize refuses to unzip more than this.
const (
	xlsxUnzipLimit    = 64 << 20
	xlsxXMLLimit      = 16 << 20
	xlsxMaxSheets     = 50
	xlsxMaxSheetRows  = maxRecords + maxHeaderProbe
	excelSerialMin    = 20000 // 1954-10-03: serial numbers below are not dates here
	excelSerialMax    = 80000 // 2119-01-10
	excelSerialOrigin = "1899-12-30"
)

func openXLSX(data []byte) (*excelize.File, error) {
	if err := checkColumns(data); err != nil {
		return nil, err
	}
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    xlsxUnzipLimit,
		UnzipXMLSizeLimit: xlsxXMLLimit,
	})
}

// sheetOrder lists the sheets to try: those named like scan metadata
// (扫描, 记录, metadata, scan) first, then the rest in workbook order.
func sheetOrder(f *excelize.File) []string {
	sheets := f.GetSheetList()
	if len(sheets) > xlsxMaxSheets {
		sheets = sheets[:xlsxMaxSheets]
	}
	var named, rest []string
	for _, s := range sheets {
		l := strings.ToLower(s)
		if strings.Contains(l, "扫描") || strings.Contains(l, "metadata") || strings.Contains(l, "scan") || strings.Contains(l, "记录") {
			named = append(named, s)
		} else {
			rest = append(rest, s)
		}
	}
	return append(named, rest...)
}

// sheetRows reads up to limit rows of a sheet with raw cell values (so dates
// arrive as serial numbers and percentages as fractions).
func sheetRows(f *excelize.File, sheet string, limit int) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() && len(out) < limit {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Error()
}

// findSheet returns the first sheet, in sheetOrder, with a header row.
func findSheet(f *excelize.File) (string, bool) {
	for _, s := range sheetOrder(f) {
		rows, err := sheetRows(f, s, maxHeaderProbe)
		if err != nil {
			continue
		}
		if _, _, ok := findHeader(rows); ok {
			return s, true
		}
	}
	return "", false
}

func isXLSXMetadata(data []byte) bool {
	f, err := openXLSX(data)
	if err != nil {
		return false
	}
	defer f.Close()
	_, ok := findSheet(f)
	return ok
}

func readXLSX(name string, data []byte) ([]Record, []Problem, error) {
	label := baseName(name)
	f, err := openXLSX(data)
	if err != nil {
		if !errors.Is(err, ErrXLSX) {
			err = fmt.Errorf("%w: %w", ErrXLSX, err)
		}
		return nil, nil, &Error{label, err}
	}
	defer f.Close()
	sheet, ok := findSheet(f)
	if !ok {
		return nil, nil, &Error{label, ErrNoHeader}
	}
	rows, err := sheetRows(f, sheet, xlsxMaxSheetRows)
	if err != nil {
		return nil, nil, &Error{label, fmt.Errorf("%w: %q: %w", ErrSheet, sheet, err)}
	}
	at, l, _ := findHeader(rows)
	t := newTable(name, label, sheet, false)
	dateCol := l.index[colDate]
	for i := at + 1; i < len(rows); i++ {
		row := rows[i]
		if dateCol >= 0 && dateCol < len(row) {
			row[dateCol] = serialDate(row[dateCol])
		}
		t.add(&l, row, i+1)
	}
	recs, probs := t.finish()
	return recs, probs, nil
}

// serialDate turns an Excel date serial number ("45384") into 2024-04-02;
// any other text is returned unchanged.
func serialDate(s string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v < excelSerialMin || v > excelSerialMax || math.IsNaN(v) {
		return s
	}
	origin, _ := time.Parse(time.DateOnly, excelSerialOrigin)
	return origin.AddDate(0, 0, int(v)).Format(time.DateOnly)
}
