package golden

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line changed", "a\nb\nc\n", "a\nB\nc\n", "@@ line 2 @@\n-b\n+B\n"},
		{"line added at the end", "a\n", "a\nb\n", "@@ line 2 @@\n+b\n"},
		{"line removed at the start", "x\na\n", "a\n", "@@ line 1 @@\n-x\n"},
		{"repeated lines", "a\na\n", "a\na\na\n", "@@ line 3 @@\n+a\n"},
	}
	for _, tc := range tests {
		if got := Diff(tc.want, tc.got); got != tc.diff {
			t.Errorf("%s: diff %q, want %q", tc.name, got, tc.diff)
		}
	}
}

// TestCheck passes on an equal file and fails, naming the line, on a
// different one.
func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, path, []byte("a\nb\n"))
	ft := &fakeT{}
	Check(ft, path, []byte("a\nc\n"))
	if !ft.failed {
		t.Error("a different output passed")
	}
	ft = &fakeT{}
	Check(ft, filepath.Join(t.TempDir(), "missing"), nil)
	if !ft.failed {
		t.Error("a missing golden file passed")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
