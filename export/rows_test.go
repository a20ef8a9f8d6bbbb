package export

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSpilledRowsAsExcelize checks that the spilled rows are encoded byte
// for byte as excelize's StreamWriter.SetRow encodes them, over the values
// the list sheets write and the strings that take its special paths.
func TestSpilledRowsAsExcelize(t *testing.T) {
	long := strings.Repeat("事迹", 20000)  // over 32,767 UTF-16 units
	astral := strings.Repeat("𠀀", 16400) // two UTF-16 units each
	rows := [][]any{
		{1, "第1号政务服务窗口", "", nil, int64(420105), 3.25},
		{2, " leading space", "trailing space ", "\ttab", "line\nbreak", "crlf\r\n"},
		{3, `<a href="x">&'quote'</a>`, "控制\x01字符\x7f", "bad utf8 \xff\xfe", "\u2028 sep"},
		{4, "_x0041_ escaped", "_x005F_x0041_ double", "_x005F_ alone", "_xD800_ surrogate", "_X0041_ upper", "_x00zz_ not hex"},
		{5, long, astral, math.NaN(), math.Inf(1), -0.5, 1e21},
		{6, int64(-1), 0, int64(math.MaxInt64), "", "   "},
	}
	styled := func(row []any, style int) []any {
		out := make([]any, len(row))
		for i, v := range row {
			out[i] = excelize.Cell{StyleID: style + i%3, Value: v}
		}
		return out
	}
	heights := []float64{0, 18.5, 409, 33, 4, 1.25}

	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sp := newSpill()
	defer sp.close()
	mine, err := sp.sheet("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cells := styled(row, 1+i)
		if err := sw.SetRow(cell(1, i+4), cells, excelize.RowOpts{Height: heights[i]}); err != nil {
			t.Fatal(err)
		}
		if err := mine.setRow(i+4, cells, heights[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := sheetDataOf(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	if err := mine.w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(mine.file.Name())
	if err != nil {
		t.Fatal(err)
	}
	wantRows := regexp.MustCompile(`(?s)<row .*?</row>`).FindAllString(want, -1)
	gotRows := regexp.MustCompile(`(?s)<row .*?</row>`).FindAllString(string(got), -1)
	if len(gotRows) != len(rows) || len(wantRows) != len(rows) {
		t.Fatalf("%d rows spilled, excelize wrote %d, want %d", len(gotRows), len(wantRows), len(rows))
	}
	for i := range rows {
		if gotRows[i] != wantRows[i] {
			g, w := gotRows[i], wantRows[i]
			at := 0
			for at < min(len(g), len(w)) && g[at] == w[at] {
				at++
			}
			t.Errorf("row %d differs at byte %d:\n got …%.200s\nwant …%.200s", i+4, at, g[max(0, at-40):], w[max(0, at-40):])
		}
	}

	// What excelize refuses, the spill refuses.
	if err := mine.setRow(20, styled([]any{"x"}, 1), 409.5); err == nil {
		t.Error("a row higher than Excel allows was accepted")
	}
	if err := mine.setRow(5, styled([]any{"x"}, 1), 0); err == nil {
		t.Error("a row before the last one was accepted")
	}
}

// sheetDataOf returns part name of the xlsx in data, between <sheetData> and
// </sheetData>.
func sheetDataOf(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "<sheetData>")
	end := strings.Index(s, "</sheetData>")
	if start < 0 || end < start {
		t.Fatalf("%s has no sheetData", name)
	}
	return s[start:end]
}

// TestRegisterSpliced checks the written register: each list sheet holds
// its heading and its data rows in one sheetData, the parts come in a
// fixed order, and the temporary row files are gone.
func TestRegisterSpliced(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := writeSample(t, sampleOptions())
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "shenbao-rows-") {
			t.Errorf("temporary row file %s left behind", e.Name())
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(zr.File); i++ {
		if zr.File[i-1].Name < zr.File[i].Name {
			t.Errorf("part %s before %s: not in descending order", zr.File[i-1].Name, zr.File[i].Name)
		}
	}
	parts, err := sheetParts(zr)
	if err != nil {
		t.Fatal(err)
	}
	for part, sheet := range parts {
		if sheet == sheetSummary {
			continue
		}
		rows := regexp.MustCompile(`<row r="(\d+)"`).FindAllStringSubmatch(sheetDataOf(t, data, part), -1)
		if len(rows) < rowHeader+1 {
			t.Errorf("%s (%s) has %d rows, want the heading and at least one data row", sheet, part, len(rows))
			continue
		}
		for i, m := range rows {
			if m[1] != strconv.Itoa(i+1) {
				t.Errorf("%s: row %d is numbered %s", sheet, i+1, m[1])
				break
			}
		}
	}
	if filepath.Ext(path) != ".xlsx" {
		t.Errorf("wrote %s", path)
	}
}

// TestSortContentTypes: [Content_Types].xml comes out the same whatever
// order excelize wrote its entries in.
func TestSortContentTypes(t *testing.T) {
	head := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Types xmlns="x">`
	a := head + `<Default Extension="xml" ContentType="application/xml"></Default><Default Extension="png" ContentType="image/png"></Default>` +
		`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="s"></Override><Override PartName="/xl/workbook.xml" ContentType="w"></Override></Types>`
	b := head + `<Override PartName="/xl/workbook.xml" ContentType="w"></Override><Default Extension="png" ContentType="image/png"></Default>` +
		`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="s"></Override><Default Extension="xml" ContentType="application/xml"></Default></Types>`
	want := head + `<Default Extension="png" ContentType="image/png"></Default><Default Extension="xml" ContentType="application/xml"></Default>` +
		`<Override PartName="/xl/workbook.xml" ContentType="w"></Override><Override PartName="/xl/worksheets/sheet2.xml" ContentType="s"></Override></Types>`
	for _, in := range []string{a, b} {
		if got := string(sortContentTypes([]byte(in))); got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
}
