package intake

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzWalk walks one fuzzed in-memory input. Invariants: no panic, no error
// (bad input is an item), every item once with its parent, and a leaf's
// data matching its size.
func FuzzWalk(f *testing.F) {
	for _, p := range fixtures(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(p), data)
	}
	lim := Limits{MaxDepth: 4, MaxItemBytes: 1 << 20}
	lim.Archive.MaxEntries = 100
	lim.MaxItems = 200
	lim.Archive.MaxTotalBytes = 4 << 20
	lim.Mail.MaxMessageBytes = 1 << 20
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		var c collector
		if err := (&Walker{Limits: lim}).WalkBytes(context.Background(), name, data, c.emit); err != nil {
			t.Fatalf("walk: %v", err)
		}
		items := c.sorted(t)
		if len(items) == 0 || len(items[0].Pos) != 1 {
			t.Fatalf("input itself not emitted: %d items", len(items))
		}
		// Bounded: the entries of all archives count against MaxItems; a
		// mail's parts and the rows saying what was left out come on top,
		// within the mail limits.
		if n := int64(len(items)); n > lim.MaxItems+lim.MaxItems/2+16 {
			t.Fatalf("%d items from one input, MaxItems %d", n, lim.MaxItems)
		}
		for _, it := range items {
			d := c.data[posKey(it.Pos)]
			if d != nil && (it.Container != "" || it.Status != "" || int64(len(d)) != it.Size) {
				t.Fatalf("%s: data of %d bytes with container %q status %q size %d", it.Path, len(d), it.Container, it.Status, it.Size)
			}
			// Names from mail and archives are shown, never used raw:
			// clean UTF-8, no control characters, never empty. (The input's
			// own name is the disk's, kept as given so it can be opened.)
			for _, s := range []string{it.Name, strings.TrimPrefix(it.Path, items[0].Path)} {
				if len(it.Pos) == 1 {
					break
				}
				if s == "" || !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
					t.Fatalf("item %v: name %q path %q", it.Pos, it.Name, it.Path)
				}
			}
			if it.Status == Failed && it.Reason == "" {
				t.Fatalf("%s: failed without a reason", it.Path)
			}
			if it.Reason != "" && !utf8.ValidString(it.Reason) {
				t.Fatalf("%s: reason %q", it.Path, it.Reason)
			}
		}
		var again collector
		if err := (&Walker{Limits: lim}).WalkBytes(context.Background(), name, data, again.emit); err != nil {
			t.Fatalf("second walk: %v", err)
		}
		if a, b := c.dump(t), again.dump(t); a != b {
			t.Fatalf("two walks differ:\n%s\n%s", a, b)
		}
	})
}
