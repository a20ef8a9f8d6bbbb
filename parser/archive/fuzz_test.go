package archive

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
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
// checks that no entry yields more than the limits allow.
func fuzzWalk(t *testing.T, format string, data []byte) {
	lim := Limits{MaxEntries: 50, MaxEntryBytes: 1 << 20, MaxTotalBytes: 4 << 20}
	var total int64
	_ = Walk(format, bytes.NewReader(data), int64(len(data)), lim, func(e Entry, rc io.Reader, err error) error {
		if (rc == nil) == (err == nil) {
			t.Fatalf("entry %q: reader %v with error %v", e.Name, rc != nil, err)
		}
		if rc != nil {
			n, _ := io.Copy(io.Discard, rc)
			if n > lim.MaxEntryBytes {
				t.Fatalf("entry %q yielded %d bytes", e.Name, n)
			}
			total += n
		}
		return nil
	})
	if total > lim.MaxTotalBytes {
		t.Fatalf("archive yielded %d bytes", total)
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
