package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/parser/golden"
	"shenbao/parser/problem"
)

// bounded reads b and fails when the read takes longer than d or allocates
// more than mem bytes. It returns the document's warnings and the error.
func bounded(t *testing.T, b []byte, d time.Duration, mem uint64) ([]string, error) {
	t.Helper()
	var warns []string
	var err error
	start := time.Now()
	got := allocated(func() {
		doc, e := Read(bytes.NewReader(b), int64(len(b)), Limits{})
		if (doc == nil) == (e == nil) {
			t.Fatalf("doc %v and err %v: want exactly one", doc != nil, e)
		}
		if doc != nil {
			warns = problem.Details(doc.Warnings)
		}
		err = e
	})
	if el, d := time.Since(start), golden.Bound(d); el > d {
		t.Errorf("read took %v, want under %v", el, d)
	}
	if got > mem {
		t.Errorf("read allocated %d MiB, want under %d MiB", got>>20, mem>>20)
	}
	return warns, err
}

func TestHostileTables(t *testing.T) {
	doc := func(body func(w io.Writer)) []byte {
		return newZip(t, func(w io.Writer) {
			io.WriteString(w, testDocHead)
			body(w)
			io.WriteString(w, "<w:p><w:r><w:t>end</w:t></w:r></w:p>"+testDocTail)
		})
	}
	tests := []struct {
		name string
		data []byte
		warn string // the one warning expected; "" for none
	}{
		{"gridSpan 1000000", doc(func(w io.Writer) {
			io.WriteString(w, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
		}), ""},
		{"10000 columns", doc(func(w io.Writer) {
			io.WriteString(w, "<w:tbl><w:tr>")
			io.WriteString(w, strings.Repeat("<w:tc><w:p/></w:tc>", 10000))
			io.WriteString(w, "</w:tr></w:tbl>")
		}), "table 1 is 513 or more columns wide; only the first 512 were read"},
		{"wide grid, many empty rows", doc(func(w io.Writer) {
			io.WriteString(w, "<w:tbl><w:tblGrid>"+strings.Repeat("<w:gridCol/>", 512)+"</w:tblGrid>")
			io.WriteString(w, strings.Repeat("<w:tr/>", 8000))
			io.WriteString(w, "</w:tbl>")
		}), "the tables of the document have more than 262144 cells; the rest were not read"},
		{"many wide tables", doc(func(w io.Writer) {
			tbl := "<w:tbl><w:tblGrid>" + strings.Repeat("<w:gridCol/>", 500) + "</w:tblGrid>" + strings.Repeat("<w:tr/>", 2000) + "</w:tbl>"
			for range 50 {
				io.WriteString(w, tbl)
			}
		}), "the tables of the document have more than 262144 cells; the rest were not read"},
		{"vMerge continue without restart", doc(func(w io.Writer) {
			io.WriteString(w, "<w:tbl>")
			for range 1000 {
				io.WriteString(w, `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>`)
			}
			io.WriteString(w, "</w:tbl>")
		}), ""},
		{"100000 empty paragraphs", doc(func(w io.Writer) {
			io.WriteString(w, strings.Repeat("<w:p/>", 100000))
		}), ""},
		{"60 MB of empty paragraphs", doc(func(w io.Writer) {
			p := []byte(strings.Repeat("<w:p/>", 1<<16))
			for range 10_000_000 / (1 << 16) {
				w.Write(p)
			}
		}), "the document has more than 131072 paragraphs or 2097152 XML elements; only the start was read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			warns, err := bounded(t, tc.data, 5*time.Second, 64<<20)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{tc.warn}
			if tc.warn == "" {
				want = nil
			}
			if !slices.Equal(warns, want) {
				t.Errorf("warnings %q, want %q", warns, want)
			}
		})
	}
}

// hostilePackage writes a package with the given parts verbatim.
func hostilePackage(t *testing.T, parts map[string]func(w io.Writer)) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, fn := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fn(w)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHostilePackage(t *testing.T) {
	str := func(s string) func(w io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	body := str(testDocHead + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + testDocTail)
	relsTo := func(target string) func(w io.Writer) {
		return str(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/></Relationships>`)
	}
	many := func(head, el, tail string, n int) func(w io.Writer) {
		return func(w io.Writer) {
			io.WriteString(w, head)
			for i := range n {
				fmt.Fprintf(w, el, i)
			}
			io.WriteString(w, tail)
		}
	}
	hugeRels := many(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`,
		`<Relationship Id="rId%d" Type="t" Target="x"/>`, `</Relationships>`, 100_000)
	tests := []struct {
		name  string
		parts map[string]func(w io.Writer)
		err   string
		warn  string
	}{
		{"rels point at themselves", map[string]func(io.Writer){"[Content_Types].xml": str(testTypes), "_rels/.rels": relsTo("/_rels/.rels"), "word/document.xml": body},
			"docx: not a word-processing document: main part _rels/.rels is <Relationships>, not a WordprocessingML document", ""},
		{"rels point at content types", map[string]func(io.Writer){"[Content_Types].xml": str(testTypes), "_rels/.rels": relsTo("[Content_Types].xml"), "word/document.xml": body},
			"docx: not a word-processing document: main part [Content_Types].xml has content type \"application/xml\"", ""},
		{"huge package rels", map[string]func(io.Writer){"[Content_Types].xml": str(testTypes), "_rels/.rels": hugeRels, "word/document.xml": body},
			"docx: part _rels/.rels has more than 65536 XML elements", ""},
		{"huge document rels", map[string]func(io.Writer){"[Content_Types].xml": str(testTypes), "_rels/.rels": str(testRels),
			"word/_rels/document.xml.rels": hugeRels, "word/document.xml": body},
			"", "docx: part word/_rels/document.xml.rels has more than 65536 XML elements; images cannot be resolved"},
		{"huge content types", map[string]func(io.Writer){"_rels/.rels": str(testRels), "word/document.xml": body,
			"[Content_Types].xml": many(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
				`<Override PartName="/p%d" ContentType="x"/>`, `</Types>`, 100_000)},
			"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			warns, err := bounded(t, hostilePackage(t, tc.parts), 5*time.Second, 64<<20)
			if got := fmt.Sprint(err); (err != nil || tc.err != "") && got != tc.err {
				t.Fatalf("err = %v\nwant %s", err, tc.err)
			}
			want := []string{tc.warn}
			if tc.warn == "" {
				want = nil
			}
			if err == nil && !slices.Equal(warns, want) {
				t.Errorf("warnings %q, want %q", warns, want)
			}
		})
	}
}
