// Package golden is the one golden-file helper of the tests: Check compares
// a test's output with a file under testdata/ and shows a line diff when
// they differ; `go test ./PKG -update` rewrites the files instead, to be
// reviewed with git diff. It lives under parser/ so that every layer's tests
// may import it without an import running back up; it imports nothing of
// shenbao and is used only from _test.go files.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// Update reports whether the test run rewrites golden files (-update).
func Update() bool { return *update }

// Check compares got with the golden file at path. With -update it writes
// got to path (creating its folder) instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test with -update if the change is intended, then review git diff):\n%s", path, Diff(string(want), string(got)))
	}
}

// maxDiffLines bounds each side of a Diff.
const maxDiffLines = 40

// Diff shows how got differs from want, line by line: the lines between the
// common head and the common tail, "-" for want and "+" for got, each side
// clipped to maxDiffLines. "" when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	head := 0
	for head < len(w) && head < len(g) && w[head] == g[head] {
		head++
	}
	tail := 0
	for tail < len(w)-head && tail < len(g)-head && w[len(w)-1-tail] == g[len(g)-1-tail] {
		tail++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d @@\n", head+1)
	side := func(mark string, lines []string) {
		for i, l := range lines {
			if i == maxDiffLines {
				fmt.Fprintf(&b, "%s … %d more lines\n", mark, len(lines)-i)
				break
			}
			fmt.Fprintf(&b, "%s%s\n", mark, l)
		}
	}
	side("-", w[head:len(w)-tail])
	side("+", g[head:len(g)-tail])
	return b.String()
}
