package doc

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/parser/word"
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

// checkDoc holds a reader's result to its invariants: a document or an
// error, never both and never neither; the input untouched; a well-formed
// model (word.Check: paragraphs within word.MaxParagraphBytes, no control
// characters, checkboxes at their glyphs, tables laid out, warnings with
// known codes) of the reader's format; paragraphs within maxParagraphs;
// and the same model when read twice.
func checkDoc(t *testing.T, format string, input []byte, read func([]byte) (*word.Document, error)) *word.Document {
	t.Helper()
	orig := bytes.Clone(input)
	d, err := read(input)
	if (d != nil) == (err != nil) {
		t.Fatalf("document %v with error %v", d != nil, err)
	}
	if !bytes.Equal(input, orig) {
		t.Fatal("the reader modified its input")
	}
	if d == nil {
		return nil
	}
	if d.Format != format {
		t.Fatalf("format %q, want %q", d.Format, format)
	}
	if err := word.Check(d); err != nil {
		t.Fatal(err)
	}
	if n := countParagraphs(d.Blocks); n > maxParagraphs {
		t.Fatalf("%d paragraphs, limit %d", n, maxParagraphs)
	}
	again, err := read(input)
	if err != nil {
		t.Fatalf("second read failed: %v", err)
	}
	a, _ := json.Marshal(d)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Fatalf("two reads differ:\n%.300s\n%.300s", a, b)
	}
	return d
}

func countParagraphs(bs []word.Block) int {
	n := 0
	for _, b := range bs {
		if b.Paragraph != nil {
			n++
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				n += countParagraphs(c.Blocks)
			}
		}
	}
	return n
}

// FuzzRead reads any bytes as a Word 97-2003 compound file: checkDoc's
// invariants, and text no longer than maxChars characters.
func FuzzRead(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d := checkDoc(t, "doc", b, func(b []byte) (*word.Document, error) { return Read(bytes.NewReader(b), int64(len(b))) })
		if d != nil && utf8.RuneCountInString(d.Text()) > 2*maxChars {
			t.Fatalf("%d characters of text", utf8.RuneCountInString(d.Text()))
		}
	})
}

// FuzzReadRTF: checkDoc's invariants, and no more characters of text than
// the input has bytes (every character comes from at least one byte).
func FuzzReadRTF(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d := checkDoc(t, "rtf", b, ReadRTF)
		if d == nil {
			return
		}
		if n := utf8.RuneCountInString(strings.ReplaceAll(strings.ReplaceAll(d.Text(), "\n", ""), "\t", "")); n > len(b) {
			t.Fatalf("%d characters of text from %d bytes", n, len(b))
		}
	})
}

// FuzzReadHTML: checkDoc's invariants.
func FuzzReadHTML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		checkDoc(t, "html", b, ReadHTML)
	})
}

// FuzzSniff: a known answer, the same twice, and one that the matching
// reader does not refuse as another format: what Sniff calls RTF starts
// with {\rtf, a compound file is one.
func FuzzSniff(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		s := Sniff(b)
		switch s {
		case "", "doc", "docx", "works", "encrypted-ooxml", "rtf", "html":
		default:
			t.Fatalf("Sniff = %q", s)
		}
		if again := Sniff(b); again != s {
			t.Fatalf("Sniff = %q, then %q", s, again)
		}
		if s == "rtf" {
			if _, err := ReadRTF(b); errors.Is(err, ErrUnsupported) {
				t.Fatalf("Sniff says rtf, ReadRTF: %v", err)
			}
		}
	})
}
