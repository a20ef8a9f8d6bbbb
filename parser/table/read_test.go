package table

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shenbao/parser/golden"
)

// TestRead reads every fixture and compares a text dump with its golden
// file; big.xls is checked by its shape and a few cells instead.
func TestRead(t *testing.T) {
	tests := []struct {
		file   string
		format string
	}{
		{"merged.xls", "xls"},
		{"merged.xlsx", "xlsx"},
		{"ranking.docx", "docx"},
		{"ranking.doc", "doc"},
		{"gbk.csv", "csv"},
		{"bom.csv", "csv"},
		{"tab.txt", "csv"},
		{"utf16.csv", "csv"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			b, err := Read(tc.file, data, Limits{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if b.Format != tc.format {
				t.Errorf("format %q, want %q", b.Format, tc.format)
			}
			golden.Check(t, filepath.Join("testdata", tc.file+".golden"), []byte(dump(b)))
		})
	}
}

// TestSSTContinue reads a shared string table that LibreOffice split over
// CONTINUE records, some of them inside a string.
func TestSSTContinue(t *testing.T) {
	data, err := os.ReadFile("testdata/big.xls")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read("big.xls", data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings: %v", b.Warnings)
	}
	s := b.Sheets[0]
	if len(s.Rows) != 1001 {
		t.Fatalf("%d rows, want 1001", len(s.Rows))
	}
	for i := 1; i <= 1000; i++ {
		name, note := s.Cell(i, 1), s.Cell(i, 2)
		if !strings.HasPrefix(name, "窗口") || !strings.HasSuffix(name, itoa(i-1)) || len([]rune(name)) != 14+len(itoa(i-1)) || note != "备注"+itoa(i-1) || s.Cell(i, 0) != itoa(i) {
			t.Fatalf("row %d = %q", i+1, s.Rows[i])
		}
	}
}

func itoa(i int) string { return number(float64(i)) }

// TestLimits checks that bounds cut a book short with a warning.
func TestLimits(t *testing.T) {
	data, err := os.ReadFile("testdata/big.xls")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read("big.xls", data, Limits{MaxRows: 10, MaxCells: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sheets[0].Rows) != 10 || len(b.Warnings) == 0 {
		t.Errorf("MaxRows 10: %d rows, warnings %v", len(b.Sheets[0].Rows), b.Warnings)
	}
	b, err = Read("big.xls", data, Limits{MaxCells: 50})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range b.Sheets[0].Rows {
		for _, c := range r {
			if c != "" {
				n++
			}
		}
	}
	if n > 50 || len(b.Warnings) == 0 {
		t.Errorf("MaxCells 50: %d cells, warnings %v", n, b.Warnings)
	}
}

// TestBad checks that what is not a table is an error, in English, naming
// the file and wrapping the cause parser/classify words for the clerk, and
// that damaged tables do not panic.
func TestBad(t *testing.T) {
	xls, _ := os.ReadFile("testdata/merged.xls")
	xlsx, _ := os.ReadFile("testdata/merged.xlsx")
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.csv", nil, ErrNotTable},
		{"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), ErrNotTable},
		{"zip.zip", []byte("PK\x03\x04\x14\x00\x00\x00\x00\x00"), ErrNotTable},
		{"half.xls", xls[:len(xls)/2], ErrDamaged},
		{"head.xls", xls[:2000], ErrCFBDamaged}, // the compound file itself cut short: damaged, not "not a table"
		{"half.xlsx", xlsx[:len(xlsx)/2], ErrDamaged},
		{"wide.xlsx", wideXLSX(t), ErrTooWide},
	}
	han := regexp.MustCompile(`\p{Han}`)
	for _, tc := range tests {
		b, err := Read(tc.name, tc.data, Limits{})
		if err == nil || b != nil || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s: got %v, %v; want an error naming the file and wrapping %q", tc.name, b, err, tc.want)
			continue
		}
		if han.MatchString(strings.ReplaceAll(err.Error(), tc.name, "")) {
			t.Errorf("%s: error %q is not English", tc.name, err)
		}
	}
}

// wideXLSX is merged.xlsx with one cell moved to column XFD.
func wideXLSX(t *testing.T) []byte {
	data, err := os.ReadFile("testdata/merged.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return rezip(t, data, "xl/worksheets/sheet1.xml", func(x []byte) []byte {
		return bytes.Replace(x, []byte(`r="D4"`), []byte(`r="XFD4"`), 1)
	})
}
