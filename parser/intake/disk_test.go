package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeTree creates files (name → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTree(t, "导出", map[string]string{
		"b.txt":        "b",
		"a/2.txt":      "2",
		"a/1.txt":      "1",
		"c/空.txt":      "",
		"z.docx":       "not really a docx",
		"材料.zip":       "not a zip",
		"locked/x.txt": "x",
	})
	if err := os.Symlink("/etc/passwd", filepath.Join("导出", "link")); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 { // root reads everything
		if err := os.Chmod(filepath.Join("导出", "locked", "x.txt"), 0); err != nil {
			t.Fatal(err)
		}
	}
	var c collector
	if err := (&Walker{Jobs: 2}).Walk(context.Background(), []string{"导出/", "missing.eml"}, c.emit); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range c.sorted(t) {
		got = append(got, strings.Join(strings.Fields(it.Path+" "+it.Container+" "+string(it.Status)+" "+it.Reason), " "))
	}
	want := []string{
		"导出 folder parsed",
		"导出/a folder parsed",
		"导出/a/1.txt",
		"导出/a/2.txt",
		"导出/b.txt",
		"导出/c folder parsed",
		"导出/c/空.txt",
		"导出/link ignored 符号链接，未读取",
		"导出/locked folder parsed",
		"导出/locked/x.txt",
		"导出/z.docx",
		"导出/材料.zip failed 文件名是压缩包，但内容不是有效的压缩包（文件已损坏或格式不符），无法打开",
		"missing.eml failed 无法读取文件：文件不存在",
	}
	if os.Getuid() != 0 {
		want[9] = "导出/locked/x.txt failed 无法读取文件：没有读取权限"
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTraversalNamesStayNames walks archives whose entry names try to escape
// and checks that nothing at all is written around the working directory.
func TestTraversalNamesStayNames(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("testdata", "traversal.zip"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	cwd := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(cwd, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(cwd)
	passwd, _ := os.Stat("/etc/passwd")
	var c collector
	if err := (&Walker{}).Walk(context.Background(), []string{fixture}, c.emit); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range c.sorted(t) {
		names = append(names, it.Name)
	}
	if want := []string{"traversal.zip", "../../x.txt", "/etc/passwd", `C:\x.txt`}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	var created []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			created = append(created, p)
		}
		return nil
	})
	if len(created) > 0 {
		t.Errorf("walk created files: %q", created)
	}
	if after, _ := os.Stat("/etc/passwd"); passwd != nil && !after.ModTime().Equal(passwd.ModTime()) {
		t.Error("/etc/passwd changed")
	}
}

// TestZipBomb walks a small zip holding 1 GiB of zeros and checks that it is
// refused as a failed item without the heap growing.
func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1 GiB through deflate")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "照片.jpg", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	// 1 GiB of zeros against the default limits; under the race detector
	// 96 MiB against a 32 MiB entry limit, which proves the same.
	mib, entryLimit := 1024, int64(0)
	if raceEnabled {
		mib, entryLimit = 96, 32<<20
	}
	chunk := make([]byte, 1<<20)
	for range mib {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	bomb := buf.Bytes()
	runtime.GC()
	// The sampler goroutine and the test both sample; peak is shared.
	var (
		mu   sync.Mutex
		peak uint64
	)
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapInuse)
		mu.Unlock()
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
				sample()
			}
		}
	}()
	var c collector
	// Also with a lenient ratio, so that the entry size limit has to hold it.
	strict, lenient := Limits{}, Limits{Archive: archiveLimitsRatio(1e6)}
	strict.Archive.MaxEntryBytes, lenient.Archive.MaxEntryBytes = entryLimit, entryLimit
	for _, lim := range []Limits{strict, lenient} {
		c = collector{}
		if err := (&Walker{Limits: lim}).WalkBytes(context.Background(), "炸弹.zip", bomb, c.emit); err != nil {
			t.Fatal(err)
		}
		sample()
		items := c.sorted(t)
		if len(items) != 2 || items[1].Status != Failed || items[0].Status != Parsed || c.data["[0 0]"] != nil {
			t.Fatalf("items: %s", c.dump(t))
		}
		t.Logf("%d-byte zip: %s: %s", len(bomb), items[1].Path, items[1].Reason)
	}
	close(done)
	<-stopped
	if peak > 100<<20 {
		t.Errorf("heap in use peaked at %d MiB", peak>>20)
	}
	t.Logf("heap in use peaked at %.1f MiB", float64(peak)/(1<<20))
}
