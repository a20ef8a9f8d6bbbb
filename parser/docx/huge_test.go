package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"shenbao/parser/golden"
	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// TestHugeTextNode: a 申报表 (testdata/application.docx) whose 主要事迹 text
// node is made 16 million characters (48 MB) long is read in bounded time
// and memory; the paragraph is cut at word.MaxParagraphBytes and the cut
// is recorded, so F06 (and F10) still fire downstream.
func TestHugeTextNode(t *testing.T) {
	src, err := zip.OpenReader("testdata/application.docx")
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range src.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			s := string(data)
			i := strings.Index(s, "本窗口坚持以群众满意为标准")
			end := i + strings.Index(s[i:], "<")
			s = s[:i] + strings.Repeat("窗口服务群众", 16_000_000/6) + s[end:]
			data = []byte(s)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	in := buf.Bytes()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := Read(bytes.NewReader(in), int64(len(in)), Limits{})
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; el > golden.Bound(5*time.Second) || alloc > 256<<20 {
		t.Errorf("took %v and allocated %d MiB, want under %v and 256 MiB", el, alloc>>20, golden.Bound(5*time.Second))
	}
	longest := 0
	for _, tb := range d.Tables() {
		for _, c := range tb.Origins() {
			longest = max(longest, len(c.Text()))
		}
	}
	if longest > word.MaxParagraphBytes || longest < word.MaxParagraphBytes-8 {
		t.Errorf("longest cell %d bytes, want cut at %d", longest, word.MaxParagraphBytes)
	}
	cut := false
	for _, w := range d.Warnings {
		cut = cut || w.Code == problem.ParagraphCut
	}
	if !cut {
		t.Errorf("no ParagraphCut among %v", d.Warnings)
	}
}
