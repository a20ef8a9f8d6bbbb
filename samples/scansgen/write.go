package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// csvStyle is how one station writes its CSV.
type csvStyle struct {
	bom bool
	gbk bool // the GBK station: other headers, √/×, slashed dates, percentages, 栏目 variants
}

// fieldVariant is how the GBK station names some rows.
var fieldVariant = map[string]string{
	"组织（人事）部门意见": "组织人事部门意见",
	"推荐单位":       "推荐单位意见",
	"派驻纪检监察部门意见": "纪检监察部门意见",
}

func (s csvStyle) header() []string {
	if s.gbk {
		return []string{"窗口", "文件名", "页", "审核栏目", "意见", "签字", "盖章", "日期", "置信度"}
	}
	return []string{"窗口名称", "文件", "页码", "栏目", "意见", "是否签字", "是否盖章", "日期", "置信度"}
}

func (s csvStyle) row(r record) []string {
	yes, no := "是", "否"
	if s.gbk {
		yes, no = "√", "×"
	}
	tri := func(v string) string {
		switch v {
		case "yes":
			return yes
		case "no":
			return no
		}
		return ""
	}
	date := r.dateText
	if date == "" {
		if s.gbk {
			date = r.date.Format("2006/1/2")
		} else {
			date = r.date.Format("2006年1月2日")
		}
	}
	conf := strconv.FormatFloat(r.confidence, 'f', 2, 64)
	field := r.field
	if s.gbk {
		conf = strconv.FormatFloat(r.confidence*100, 'f', 0, 64) + "%"
		if v, ok := fieldVariant[field]; ok {
			field = v
		}
	}
	return []string{r.window, r.file, strconv.Itoa(r.page), field, r.opinion, tri(r.signed), tri(r.stamped), date, conf}
}

func writeCSV(recs []record, s csvStyle) ([]byte, error) {
	var b bytes.Buffer
	if s.bom {
		b.WriteString("\ufeff")
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(s.header()); err != nil {
		return nil, err
	}
	for _, r := range recs {
		if err := w.Write(s.row(r)); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// writeCSVWithBadRow writes the GBK station's file with one truncated row
// (five cells) after the first window's rows; it returns the row's line.
func writeCSVWithBadRow(recs []record) ([]byte, int, error) {
	s := csvStyle{gbk: true}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(s.header()); err != nil {
		return nil, 0, err
	}
	line, badLine := 1, 0
	for i, r := range recs {
		if err := w.Write(s.row(r)); err != nil {
			return nil, 0, err
		}
		line++
		if badLine == 0 && (i+1 == len(recs) || recs[i+1].window != r.window) {
			line++
			badLine = line
			if err := w.Write(s.row(r)[:5]); err != nil {
				return nil, 0, err
			}
		}
	}
	w.Flush()
	return b.Bytes(), badLine, w.Error()
}

// spaced puts a space after the first two characters of a window name, as
// a station operator typing it might.
func spaced(w string) string {
	r := []rune(w)
	if len(r) < 4 {
		return w
	}
	return string(r[:2]) + " " + string(r[2:])
}

func writeXLSX(recs []record) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "说明"); err != nil {
		return nil, err
	}
	if err := f.SetCellValue("说明", "A1", "扫描站导出：初审表纸质件扫描记录（第三批）"); err != nil {
		return nil, err
	}
	const sheet = "扫描记录"
	if _, err := f.NewSheet(sheet); err != nil {
		return nil, err
	}
	rows := [][]any{
		{"初审表扫描记录"},
		{"window_name", "file", "page", "field", "opinion", "signed", "stamped", "date", "confidence"},
	}
	first := ""
	if len(recs) > 0 {
		first = recs[0].window
	}
	for _, r := range recs {
		window := r.window
		if window == first {
			window = spaced(window)
		}
		var date any = r.date
		if r.dateText != "" {
			date = r.dateText
		}
		tri := map[string]string{"yes": "Y", "no": "N"}
		rows = append(rows, []any{window, r.file, r.page, r.field, r.opinion, tri[r.signed], tri[r.stamped], date, r.confidence})
	}
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return nil, err
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	if err := f.SetCellStyle(sheet, "H3", fmt.Sprintf("H%d", len(rows)), dateStyle); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// readme documents the files and the planted gaps.
func readme(placed [3][]string, windows []string, badLine int) string {
	var b strings.Builder
	b.WriteString(`# Sample scan metadata

What a scanning station exports after scanning the signed and stamped paper
初审表 of the sample windows in ` + "`samples/forms/`" + ` (SPEC §4): one record per
review row. Made by

` + "```" + `
go run ./samples/scansgen samples/forms samples/scans
` + "```" + `

which reads the window names from the directory names under samples/forms and
writes these files and this README (deterministic: run it twice, same bytes).
Use them with ` + "`shenbao check --scans samples/scans samples/forms`" + `.

| file | format | what varies |
|---|---|---|
| 扫描记录_第一批.csv | UTF-8 with BOM, comma, CRLF | headers 窗口名称/文件/页码/栏目/意见/是否签字/是否盖章/日期/置信度; 是/否; 2024年4月2日; 0.93 |
| 扫描记录_第二批_GBK.csv | GBK, comma, CRLF | headers 窗口/文件名/页/审核栏目/签字/盖章; √/×; 2024/4/2; 93%; 栏目 variants 组织人事部门意见, 推荐单位意见, 纪检监察部门意见 |
| 扫描记录_第三批.xlsx | XLSX, sheet 扫描记录 after a sheet 说明, title row above the header | English headers; Y/N; real Excel dates; 0–1 numbers; the first window's name typed with a space |
| 扫描件/*.jpg | JPEG, 595×842 | stand-in scan pages (ruled lines, a red ring on page 2) for the windows of the first file, attributed through the metadata's 文件 column; one page named only by its window (…初审表扫描件.jpg), attributed by file name |

Records mirror the Word 初审表 of each window (dates 2024-04-02 / 04-08 /
04-15, 道路运输许可窗口's 行业主管部门意见 04-22, 民生服务窗口's negative
主要领导意见), each row signed (签字 rows) or stamped (盖章 rows), confidence
0.86–0.98.

## Windows per file

`)
	names := []string{"扫描记录_第一批.csv", "扫描记录_第二批_GBK.csv", "扫描记录_第三批.xlsx"}
	for i, ws := range placed {
		fmt.Fprintf(&b, "- %s: %s\n", names[i], strings.Join(ws, "、"))
	}
	var none []string
	for _, w := range windows {
		if contains(noScans, w) {
			none = append(none, w)
		}
	}
	fmt.Fprintf(&b, "- no scan records: %s\n", strings.Join(none, "、"))
	b.WriteString(`
A window with scan records no longer gets S04 (its Word 初审表 now has scans);
the windows without scan records keep the codes listed in samples/forms/README.md.

## Planted gaps and expected codes

| file | window | row | gap | expected |
|---|---|---|---|---|
`)
	for _, g := range gaps {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", fileOf(placed, names, g.window), g.window, g.role, g.note, g.codes)
	}
	fmt.Fprintf(&b, "| 扫描记录_第一批.csv | %s | 推荐单位 | a window that sent nothing | S03 (unattributed) |\n", unknownWindow)
	fmt.Fprintf(&b, "| 扫描记录_第二批_GBK.csv | %s | (line %d) | a row cut to 5 cells after the window's rows: “列数为5，表头为9列，已跳过” | metadata problem, listed unattributed (the pipeline files it as S03) |\n",
		firstOr(placed[1]), badLine)
	b.WriteString(`
S01 covers both a low confidence and a blank 签字/盖章 cell: the scan does not
settle the row, so a person looks (待核查), neither pass nor failure. The
unparseable date is reported as a problem of the metadata file; the window's
Word 初审表 has the date, so no P04 follows.
`)
	return b.String()
}

func fileOf(placed [3][]string, names []string, w string) string {
	for i, ws := range placed {
		if contains(ws, w) {
			return names[i]
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func firstOr(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}
