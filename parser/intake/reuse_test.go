package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestReusedBuffersKeepEmittedData walks a folder of real mail, Outlook,
// TNEF, archive and Word files, each several times over so that file
// buffers are reused, keeps every emitted item's data as the pipeline does,
// and checks after the walk that each still hashes to the item's SHA256:
// no reused buffer overwrote data handed out (a leaf file, an 8bit part
// or a forwarded message cut out of its email).
func TestReusedBuffersKeepEmittedData(t *testing.T) {
	var sources []string
	for _, pattern := range []string{"../mail/testdata/*", "testdata/*", "../../samples/forms/*", "../../samples/mailbox/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, m...)
	}
	dir := t.TempDir()
	n := 0
	for _, src := range sources {
		fi, err := os.Stat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for copy := range 4 {
			name := filepath.Join(dir, fmt.Sprintf("%d-%d-%s", copy, n, filepath.Base(src)))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d source files found", n)
	}
	type kept struct {
		it   *Item
		data []byte
	}
	var (
		mu    sync.Mutex
		items []kept
	)
	w := &Walker{Jobs: 2}
	err := w.Walk(context.Background(), []string{dir}, func(it *Item, data []byte) error {
		if data != nil {
			mu.Lock()
			items = append(items, kept{it, data})
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 4*n {
		t.Fatalf("%d items with data from %d files", len(items), 4*n)
	}
	for _, k := range items {
		sum := sha256.Sum256(k.data)
		if got := hex.EncodeToString(sum[:]); got != k.it.SHA256 {
			t.Errorf("%s: the data handed out changed after the walk (now %s…, was %s…)", k.it.Path, got[:12], k.it.SHA256[:12])
		}
	}
}
