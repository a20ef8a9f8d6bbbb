package intake

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures lists the top-level fixture files.
func fixtures(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".py") && !strings.HasSuffix(f, ".md") {
			out = append(out, f)
		}
	}
	return out
}

// TestCounting walks every fixture at once, in parallel, and checks the
// counting invariants: every item exactly once, each container's items
// numbered 0..n-1, and the same listing as a sequential walk.
func TestCounting(t *testing.T) {
	inputs := fixtures(t)
	var seq, par collector
	if err := (&Walker{}).Walk(context.Background(), inputs, seq.emit); err != nil {
		t.Fatal(err)
	}
	if err := (&Walker{Jobs: 4}).Walk(context.Background(), inputs, par.emit); err != nil {
		t.Fatal(err)
	}
	if a, b := seq.dump(t), par.dump(t); a != b {
		t.Errorf("parallel walk differs:\n%s\nsequential:\n%s", b, a)
	}
	items := seq.sorted(t)
	children := map[string]int{}
	for _, it := range items {
		if len(it.Pos) > 1 {
			children[posKey(it.Pos[:len(it.Pos)-1])]++
		}
	}
	for _, it := range items {
		if len(it.Pos) > 1 && it.Pos[len(it.Pos)-1] >= children[posKey(it.Pos[:len(it.Pos)-1])] {
			t.Errorf("%s: index %v beyond its container's %d items", it.Path, it.Pos, children[posKey(it.Pos[:len(it.Pos)-1])])
		}
		if it.Container == "" && it.Status == "" && seq.data[posKey(it.Pos)] == nil {
			t.Errorf("%s: readable leaf without data", it.Path)
		}
		if it.SHA256 == "" && it.Container != "folder" && it.Status != Failed {
			t.Errorf("%s: no SHA-256", it.Path)
		}
	}
	byPos := map[string]*Item{}
	for _, it := range items {
		byPos[posKey(it.Pos)] = it
	}
	for _, it := range items {
		if it.Mail == nil {
			continue
		}
		// The nearest email: the item itself or an enclosing item, and the
		// very same pointer as that email's own Mail.
		owner := byPos[posKey(it.Mail.Pos)]
		if owner == nil || owner.Mail != it.Mail || ComparePos(it.Mail.Pos, it.Pos[:min(len(it.Pos), len(it.Mail.Pos))]) != 0 {
			t.Errorf("%s: Mail %v is not its enclosing email's", it.Path, it.Mail.Pos)
		}
	}
	tops := 0
	for _, it := range items {
		if len(it.Pos) == 1 {
			tops++
		}
	}
	if tops != len(inputs) {
		t.Errorf("%d top-level items for %d inputs", tops, len(inputs))
	}
}

func posKey(p []int) string { return fmtInts(p) }

// TestStopsOnEmitError checks that an emit error ends the walk and is returned.
func TestStopsOnEmitError(t *testing.T) {
	boom := errors.New("boom")
	n := 0
	err := (&Walker{}).Walk(context.Background(), fixtures(t), func(*Item, []byte) error {
		n++
		if n == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || n != 3 {
		t.Errorf("err %v after %d items", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (&Walker{}).Walk(ctx, fixtures(t), func(*Item, []byte) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk: %v", err)
	}
}

// TestOutlookFormats walks the .msg and winmail.dat fixtures of parser/mail.
func TestOutlookFormats(t *testing.T) {
	tests := []struct {
		file, container string
	}{
		{"outlook.msg", "msg"},
		{"winmail.dat", "tnef"},
		{"winmail.eml", "email"},
	}
	for _, tc := range tests {
		path := filepath.Join("..", "mail", "testdata", tc.file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s: %v", path, err)
		}
		var c collector
		if err := (&Walker{}).Walk(context.Background(), []string{path}, c.emit); err != nil {
			t.Fatal(err)
		}
		items := c.sorted(t)
		if items[0].Container != tc.container || items[0].Status != Parsed {
			t.Errorf("%s: %s", tc.file, c.dump(t))
		}
		t.Logf("%s", c.dump(t))
	}
}

// TestEnmimeCorpus walks enmime's test messages, as a folder and each file
// forced through the mail parser: no panic, every item accounted for.
func TestEnmimeCorpus(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "jhillyerd", "enmime", "v2@v2.3.0", "testdata")
	if _, err := os.Stat(dir); err != nil {
		t.Skip(err)
	}
	var c collector
	if err := (&Walker{}).Walk(context.Background(), []string{dir}, c.emit); err != nil {
		t.Fatal(err)
	}
	items := c.sorted(t)
	emails := 0
	for _, it := range items {
		if it.Container == "email" {
			emails++
		}
	}
	t.Logf("%d items, %d emails", len(items), emails)
	if emails < 50 {
		t.Errorf("only %d emails recognised", emails)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c collector
		w := &walk{ctx: context.Background(), lim: Limits{}.withDefaults(), emit: c.emit}
		if err := w.forwarded(node{pos: []int{0}, path: d.Name(), name: d.Name()}, data); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		c.sorted(t)
		return nil
	})
}
