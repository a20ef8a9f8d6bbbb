package intake

import (
	"context"
	"os"
	"path/filepath"
	"testing"
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
		for _, it := range items {
			d := c.data[posKey(it.Pos)]
			if d != nil && (it.Container != "" || it.Status != "" || int64(len(d)) != it.Size) {
				t.Fatalf("%s: data of %d bytes with container %q status %q size %d", it.Path, len(d), it.Container, it.Status, it.Size)
			}
		}
	})
}
