package table

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// rezip copies a zip, passing entry name through edit.
func rezip(t *testing.T, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			body = edit(body)
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

// TestMaxCellColumn checks the cell-reference scan the column guard rests on.
func TestMaxCellColumn(t *testing.T) {
	tests := []struct {
		xml  string
		want int
	}{
		{`<dimension ref="A1:XFD9"/><row r="5"><c r="A5"/><c r="H5" t="s"/></row>`, 8},
		{`<c r='IV3'/>`, 256},
		{`<x:c r="IW3"/>`, 257},
		{`<c  r="B2"/><c t="n" r="AA2"/>`, 27},
		{`<c r="`, 0},
		{`r="ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ1"`, 0}, // no space before r=
		{` r="ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ1"`, 18278 + 1},
	}
	for _, tc := range tests {
		if got := maxCellColumn([]byte(tc.xml), 256); (got > 256) != (tc.want > 256) || (tc.want <= 256 && got != tc.want) {
			t.Errorf("maxCellColumn(%s) = %d, want %d", tc.xml, got, tc.want)
		}
	}
}
