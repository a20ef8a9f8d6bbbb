package archive

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

func seed(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		if filepath.Ext(name) == ".py" || filepath.Ext(name) == ".md" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzWalk walks data as whatever Detect says, with small limits, and
// checks what intake relies on: no more entries and bytes than the limits
// allow, names decoded to valid UTF-8 (control characters are intake's to
// clean), a reader or an error for
// each entry (never both), a directory never read, and the same entries
// from a second walk.
func fuzzWalk(t *testing.T, format string, data []byte) {
	lim := Limits{MaxEntries: 50, MaxEntryBytes: 1 << 20, MaxTotalBytes: 4 << 20}
	walk := func() ([]string, error) {
		var total int64
		var seen []string
		err := Walk(format, bytes.NewReader(data), int64(len(data)), lim, func(e Entry, rc io.Reader, err error) error {
			if (rc == nil) == (err == nil) {
				t.Fatalf("entry %q: reader %v with error %v", e.Name, rc != nil, err)
			}
			if !utf8.ValidString(e.Name) {
				t.Fatalf("entry name %q", e.Name)
			}
			var n int64
			if rc != nil {
				n, _ = io.Copy(io.Discard, rc)
				if n > lim.MaxEntryBytes {
					t.Fatalf("entry %q yielded %d bytes", e.Name, n)
				}
				total += n
			}
			seen = append(seen, fmt.Sprintf("%q dir=%v enc=%v n=%d err=%v", e.Name, e.Dir, e.Encrypted, n, err != nil))
			return nil
		})
		if len(seen) > lim.MaxEntries {
			t.Fatalf("%d entries passed, limit %d", len(seen), lim.MaxEntries)
		}
		if total > lim.MaxTotalBytes {
			t.Fatalf("archive yielded %d bytes", total)
		}
		return seen, err
	}
	first, err1 := walk()
	second, err2 := walk()
	if !slices.Equal(first, second) || (err1 == nil) != (err2 == nil) {
		t.Fatalf("two walks differ:\n%v %v\n%v %v", first, err1, second, err2)
	}
}

func FuzzWalkZip(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzWalk(t, "zip", data) })
}

func FuzzWalk7z(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzWalk(t, "7z", data) })
}

func FuzzWalkRar(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzWalk(t, "rar", data) })
}
