package intake

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	goldenfile "shenbao/parser/golden"
)

// collector gathers what a walk emits and checks the counting invariants.
type collector struct {
	mu    sync.Mutex
	items []*Item
	data  map[string][]byte // by Pos key
}

func (c *collector) emit(it *Item, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == nil {
		c.data = map[string][]byte{}
	}
	c.items = append(c.items, it)
	c.data[fmt.Sprint(it.Pos)] = data
	return nil
}

// sorted returns the items in Pos order after checking that every Pos is
// unique and that each item's parent (Pos minus its last index) was emitted.
func (c *collector) sorted(t testing.TB) []*Item {
	t.Helper()
	items := slices.Clone(c.items)
	slices.SortFunc(items, func(a, b *Item) int { return ComparePos(a.Pos, b.Pos) })
	seen := map[string]bool{}
	for _, it := range items {
		k := fmt.Sprint(it.Pos)
		if seen[k] {
			t.Errorf("Pos %v emitted twice (%s)", it.Pos, it.Path)
		}
		seen[k] = true
	}
	for _, it := range items {
		if len(it.Pos) > 1 && !seen[fmt.Sprint(it.Pos[:len(it.Pos)-1])] {
			t.Errorf("%s: parent %v never emitted", it.Path, it.Pos[:len(it.Pos)-1])
		}
	}
	if len(seen) != len(c.data) {
		t.Errorf("%d items, %d distinct", len(c.items), len(c.data))
	}
	return items
}

// dump describes items one per line for golden comparison.
func (c *collector) dump(t testing.TB) string {
	var b strings.Builder
	for _, it := range c.sorted(t) {
		sha := it.SHA256
		if len(sha) > 12 {
			sha = sha[:12]
		}
		fmt.Fprintf(&b, "%v %s [%s] %s size=%d sha=%s", it.Pos, it.Path, it.Container, it.Status, it.Size, sha)
		if it.Reason != "" {
			fmt.Fprintf(&b, " reason=%q", it.Reason)
		}
		if it.Mail != nil {
			fmt.Fprintf(&b, " mail=%v/%q/%q/%s", it.Mail.Pos, it.Mail.From, it.Mail.Subject, it.Mail.Date.Format("2006-01-02T15:04Z07:00"))
		}
		if d := c.data[fmt.Sprint(it.Pos)]; d != nil && int64(len(d)) != it.Size {
			fmt.Fprintf(&b, " DATA-LEN=%d", len(d))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name+".txt"), []byte(got))
}

// TestWalkFixtures walks each fixture as a top-level input and compares the
// whole listing with testdata/golden.
func TestWalkFixtures(t *testing.T) {
	tests := []struct {
		file string
		lim  Limits
	}{
		{file: "docx-in-zip.zip"},
		{file: "gbk.zip"},
		{file: "nested.zip"},
		{file: "sample.7z"},
		{file: "mail-zip.eml"},
		{file: "forward.eml"},
		{file: "export.mbox"},
		{file: "deep.zip"},
		{file: "traversal.zip"},
		{file: "corrupt.zip"},
		{file: "fake.rar"},
		{file: "../../archive/testdata/encrypted.zip"},
		{file: "../../archive/testdata/encrypted-headers.7z"},
		{file: "../../archive/testdata/v4-gbk.rar"},
		{file: "../../archive/testdata/v5.rar"},
		{file: "../../archive/testdata/badcrc.zip"},
		{file: "docx-in-zip.zip", lim: Limits{Archive: archiveLimits(1)}},
		{file: "export.mbox", lim: Limits{MaxDepth: 1}},
	}
	for _, tc := range tests {
		name := filepath.Base(tc.file)
		if tc.lim != (Limits{}) {
			name += fmt.Sprintf("-depth%d-entries%d", tc.lim.MaxDepth, tc.lim.Archive.MaxEntries)
		}
		t.Run(name, func(t *testing.T) {
			var c collector
			w := Walker{Limits: tc.lim}
			if err := w.Walk(context.Background(), []string{filepath.Join("testdata", tc.file)}, c.emit); err != nil {
				t.Fatal(err)
			}
			golden(t, name, c.dump(t))
		})
	}
}
