package scan

import (
	"bytes"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"shenbao/parser/golden"
)

// TestXLSXFarColumn: every data row has one cell in the last column
// (XFD, 16384). Reading must not widen each row to 16384 strings.
func TestXLSXFarColumn(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"序号", "栏目", "窗口名称", "盖章", "签字", "日期", "置信度", "页码"}
	if err := f.SetSheetRow("Sheet1", "A1", &header); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", header)
	for r := 2; r <= 2001; r++ {
		cell, _ := excelize.CoordinatesToCellName(16384, r)
		sw.SetRow(cell, []any{1})
	}
	sw.Flush()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	recs, probs, err := Read("metadata.xlsx", data)
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	var se *Error
	if !errors.As(err, &se) || se.File != "metadata.xlsx" || !errors.Is(err, ErrTooWide) || !errors.Is(err, ErrXLSX) || recs != nil || probs != nil {
		t.Fatalf("%d records, %d problems, err %v", len(recs), len(probs), err)
	}
	if el > golden.Bound(2*time.Second) {
		t.Errorf("read took %v", el)
	}
	if mem := after.TotalAlloc - before.TotalAlloc; mem > 16<<20 {
		t.Errorf("read allocated %d MiB", mem>>20)
	}
}
