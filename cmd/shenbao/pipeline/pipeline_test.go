package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"shenbao/samples/scale"
)

// counter is a Reporter that remembers what it was told.
type counter struct {
	mu          sync.Mutex
	items       int
	total, read int64
	totals      int
}

func (c *counter) Item()        { c.mu.Lock(); c.items++; c.mu.Unlock() }
func (c *counter) Windows(int)  {}
func (c *counter) Stage(string) {}
func (c *counter) Total(n int64) {
	c.mu.Lock()
	c.total, c.totals = n, c.totals+1
	c.mu.Unlock()
}
func (c *counter) Read(n int64) { c.mu.Lock(); c.read += n; c.mu.Unlock() }

// TestReporterBytes checks that the pre-scan finds the bytes of every input
// file, in folders and given directly, links inside folders left out as
// the walk leaves them, and that the bytes read add up to it.
func TestReporterBytes(t *testing.T) {
	dir := t.TempDir()
	mail := filepath.Join(dir, "export")
	size, err := scale.Write(mail, scale.Options{Windows: 3, PhotoWidth: 320, PhotoHeight: 240})
	if err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(dir, "说明.txt")
	if err := os.WriteFile(note, []byte("不是申报材料"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(note, filepath.Join(mail, "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	want := size + int64(len("不是申报材料"))
	c := &counter{}
	if _, err := Run(context.Background(), Options{Inputs: []string{mail, note}, Reporter: c}); err != nil {
		t.Fatal(err)
	}
	if c.totals != 1 || c.total != want {
		t.Errorf("Total told %d times, last %d bytes; want once, %d", c.totals, c.total, want)
	}
	if c.read != want {
		t.Errorf("Read told %d bytes in all, want %d", c.read, want)
	}
	if c.items == 0 {
		t.Error("no items reported")
	}
}
