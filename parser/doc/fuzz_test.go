package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// seedFiles lists the testdata files the fuzzers start from.
func seedFiles(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.doc", "*.wps", "*.rtf", "*.html", "*.docx"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

func addSeeds(f *testing.F) {
	for _, name := range seedFiles(f) {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzRead: Read never panics and never returns a document with an error.
func FuzzRead(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(bytes.NewReader(b), int64(len(b)))
		if d != nil && err != nil {
			t.Fatalf("document and error %v", err)
		}
		if d == nil && err == nil {
			t.Fatal("neither document nor error")
		}
	})
}

func FuzzReadRTF(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadRTF(b)
		if (d != nil) == (err != nil) {
			t.Fatalf("document %v with error %v", d != nil, err)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadHTML(b)
		if (d != nil) == (err != nil) {
			t.Fatalf("document %v with error %v", d != nil, err)
		}
	})
}

func FuzzSniff(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		switch s := Sniff(b); s {
		case "", "doc", "docx", "works", "encrypted-ooxml", "rtf", "html":
		default:
			t.Fatalf("Sniff = %q", s)
		}
	})
}
