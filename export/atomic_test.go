package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteAtomicFallback: when the final rename over an existing file
// fails (on Windows: the register is open in Excel), the result is kept
// beside it under the first free name and the old file is untouched.
func TestWriteAtomicFallback(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "合规审查登记表.xlsx")
	for _, p := range []string{path, filepath.Join(dir, "合规审查登记表(1).xlsx")} {
		if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	locked := func(from, to string) error {
		if to == path {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EACCES}
		}
		return os.Rename(from, to)
	}
	err := writeAtomicWith(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, locked)
	var m *MovedError
	if !errors.As(err, &m) {
		t.Fatalf("writeAtomicWith = %v, want a *MovedError", err)
	}
	want := filepath.Join(dir, "合规审查登记表(2).xlsx")
	if m.Written != want || m.Wanted != path {
		t.Errorf("moved %q → %q, want %q → %q", m.Wanted, m.Written, path, want)
	}
	if !strings.Contains(m.Error(), "另存为") || !strings.Contains(m.Error(), "(2).xlsx") {
		t.Errorf("message %q does not say where the result went", m.Error())
	}
	for p, content := range map[string]string{path: "old", want: "new"} {
		if got, _ := os.ReadFile(p); string(got) != content {
			t.Errorf("%s holds %q, want %q", filepath.Base(p), got, content)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("folder holds %d files, want 3 (no temp file left)", len(entries))
	}

	// A rename that fails with no file in the way is a plain error.
	fresh := filepath.Join(dir, "新.xlsx")
	err = writeAtomicWith(fresh, func(w io.Writer) error { return nil }, func(string, string) error { return syscall.EIO })
	if err == nil || errors.As(err, &m) {
		t.Errorf("failed rename onto a new name = %v, want a plain error", err)
	}
}

func TestCheckReplaceable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "合规审查登记表.xlsx")
	if err := CheckReplaceable(path, "登记表"); err != nil {
		t.Errorf("missing file: %v", err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckReplaceable(path, "登记表"); err != nil {
		t.Errorf("writable file: %v", err)
	}
	// Excel on Windows holds the file with a sharing lock: opening it for
	// writing fails.
	err := checkReplaceable(path, "登记表", func(string) error { return errors.New("sharing violation") })
	if err == nil || !strings.Contains(err.Error(), "登记表正被其他程序打开") || !strings.Contains(err.Error(), "请先关闭 Excel/WPS 中的“合规审查登记表.xlsx”") {
		t.Errorf("locked file: %v", err)
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		if err := CheckReplaceable(path, "登记表"); err == nil {
			t.Errorf("read-only file passed")
		}
	}
}

// TestWriteNoticesLocked: a notice whose old file cannot be replaced is
// written beside it and reported.
func TestWriteNoticesLocked(t *testing.T) {
	dir := t.TempDir()
	res := sampleResult()
	if _, err := WriteNotices(dir, res, sampleNoticeOptions()); err != nil {
		t.Fatal(err)
	}
	block := func(name string) {
		// Replace the old notice with a folder: nothing can be renamed over it.
		old := filepath.Join(dir, name)
		if err := os.Remove(old); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(old, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(old, "x"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	block("02_税费综合窗口_材料补正一次性告知书.docx")
	paths, err := WriteNotices(dir, res, sampleNoticeOptions())
	var m *MovedError
	if !errors.As(err, &m) || m.Written != filepath.Join(dir, "02_税费综合窗口_材料补正一次性告知书(1).docx") || m.More != 0 {
		t.Fatalf("WriteNotices = %v, want the notice moved to (1)", err)
	}
	if len(paths) != 3 || !strings.HasSuffix(paths[0], "(1).docx") {
		t.Errorf("paths %q, want the moved name among 3", paths)
	}

	// Two more blocked: the first in 登记表 order is named, the others counted,
	// whichever worker finished first.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "02_") && !strings.Contains(e.Name(), "(") {
			block(e.Name())
		}
	}
	for range 5 {
		_, err = WriteNotices(dir, res, sampleNoticeOptions())
		if !errors.As(err, &m) || !strings.HasPrefix(filepath.Base(m.Written), "02_") || m.More != 2 {
			t.Fatalf("WriteNotices = %v, want notice 02 moved and two more", err)
		}
	}
}

// TestNoticeWriterFailure: the error reported is the first failed notice's
// in order, whichever worker met one first, and no notice after the
// failed one is written once it is known.
func TestNoticeWriterFailure(t *testing.T) {
	for range 20 {
		dir := t.TempDir()
		w := newNoticeWriter(2)
		n := &notice{kind: noticeFix}
		for i := range 8 {
			path := filepath.Join(dir, fmt.Sprintf("ok%d.docx", i))
			if i == 3 || i == 5 {
				path = filepath.Join(dir, "missing", fmt.Sprintf("bad%d.docx", i)) // no such folder
			}
			if !w.add(fmt.Sprintf("n%d", i), path, n) {
				break
			}
		}
		paths, err := w.wait()
		if err == nil || !strings.Contains(err.Error(), "write notice n3:") || paths != nil {
			t.Fatalf("wait = %q, %v; want notice n3's error", paths, err)
		}
		for i := range 3 {
			if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("ok%d.docx", i))); err != nil {
				t.Errorf("notice %d before the failed one: %v", i, err)
			}
		}
	}
}
