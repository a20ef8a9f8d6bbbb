package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/parser/word"
)

// FuzzRead seeds from every fixture and the public corpus files of at most
// 64 KiB (bigger seeds make each run slow). The invariants: no panic
// (Read's last-resort recover is reported as a failure too), a document or
// an error but never both, the input untouched, a well-formed model
// (word.Check: paragraphs within word.MaxParagraphBytes, no control
// characters, checkboxes at their glyphs, tables laid out), and the same
// model when read twice.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.docx")
	seeds = append(seeds, corpusFiles(f)...)
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) <= 64<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		lim := Limits{MaxPartBytes: 4 << 20, MaxTotalBytes: 16 << 20}
		orig := bytes.Clone(b)
		doc, err := Read(bytes.NewReader(b), int64(len(b)), lim)
		if (doc == nil) == (err == nil) {
			t.Fatalf("doc %v and err %v: want exactly one", doc != nil, err)
		}
		if !bytes.Equal(b, orig) {
			t.Fatal("Read modified its input")
		}
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic recovered: %v", err)
			}
			return
		}
		checkInvariants(t, doc)
		sameTwice(t, doc, func() (*word.Document, error) { return Read(bytes.NewReader(b), int64(len(b)), lim) })
	})
}

// FuzzDocumentXML fuzzes the main part itself inside a valid package, so
// mutations reach the XML reader instead of failing zip checksums. Seeds are
// the document.xml of every fixture.
func FuzzDocumentXML(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.docx")
	for _, path := range seeds {
		zr, err := zip.OpenReader(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if zf.Name != "word/document.xml" {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
		zr.Close()
	}
	f.Fuzz(func(t *testing.T, xmlBytes []byte) {
		pkg := newZip(t, func(w io.Writer) { w.Write(xmlBytes) })
		lim := Limits{MaxDepth: 64}
		doc, err := Read(bytes.NewReader(pkg), int64(len(pkg)), lim)
		if (doc == nil) == (err == nil) {
			t.Fatalf("doc %v and err %v: want exactly one", doc != nil, err)
		}
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic recovered: %v", err)
			}
			return
		}
		checkInvariants(t, doc)
		sameTwice(t, doc, func() (*word.Document, error) { return Read(bytes.NewReader(pkg), int64(len(pkg)), lim) })
	})
}

// sameTwice fails t unless reading again gives the same model.
func sameTwice(t *testing.T, doc *word.Document, read func() (*word.Document, error)) {
	t.Helper()
	again, err := read()
	if err != nil {
		t.Fatalf("second read failed: %v", err)
	}
	a, _ := json.Marshal(doc)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Fatalf("two reads differ:\n%.300s\n%.300s", a, b)
	}
}

// BenchmarkReadApplication reads a typical 申报表: a label/value table of
// ten rows with a 250-character 事迹 and three people, as LibreOffice
// writes it.
func BenchmarkReadApplication(b *testing.B) {
	data, err := os.ReadFile("testdata/application.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data)), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
