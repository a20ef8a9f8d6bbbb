package table

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead seeds from every fixture. Invariants: no panic; a book or an
// error, never both; every cell is valid UTF-8, trimmed, non-empty cells
// within the limits.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	lim := Limits{MaxSheets: 8, MaxRows: 200, MaxCols: 40, MaxCells: 2000, MaxBytes: 1 << 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read("fuzz", data, lim)
		if (b == nil) == (err == nil) {
			t.Fatalf("book %v and error %v", b, err)
		}
		if b == nil {
			return
		}
		if len(b.Sheets) > lim.MaxSheets {
			t.Fatalf("%d sheets", len(b.Sheets))
		}
		cells, size := 0, 0
		for _, s := range b.Sheets {
			if len(s.Rows) > lim.MaxRows {
				t.Fatalf("%d rows", len(s.Rows))
			}
			for _, r := range s.Rows {
				if len(r) > lim.MaxCols {
					t.Fatalf("%d cols", len(r))
				}
				for _, c := range r {
					if !utf8.ValidString(c) || clean(c) != c {
						t.Fatalf("cell %q not clean UTF-8", c)
					}
					if c != "" {
						cells++
						size += len(c)
					}
				}
			}
		}
		if cells > lim.MaxCells || size > lim.MaxBytes {
			t.Fatalf("%d cells, %d bytes past the limits", cells, size)
		}
	})
}
