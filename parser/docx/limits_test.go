package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

const (
	testTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	testRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	testDocHead = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	testDocTail = `</w:body></w:document>`
)

// newZip writes a package with the standard content types and relationships
// and lets body write word/document.xml.
func newZip(t testing.TB, body func(w io.Writer)) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for name, data := range map[string]string{"[Content_Types].xml": testTypes, "_rels/.rels": testRels} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, data)
	}
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	body(w)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readBytes reads a package and checks the result/error invariant.
func readBytes(t testing.TB, b []byte, lim Limits) error {
	t.Helper()
	doc, err := Read(bytes.NewReader(b), int64(len(b)), lim)
	if (doc == nil) == (err == nil) {
		t.Fatalf("doc %v and err %v: want exactly one", doc != nil, err)
	}
	return err
}

// allocated runs fn and returns the bytes it allocated on the heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// bombZip returns a package whose word/document.xml inflates to mib MiB of
// zeros. The deflate stream is one flushed 1 MiB block repeated, so
// building it costs little even under -race.
func bombZip(t testing.TB, mib int) []byte {
	t.Helper()
	zeros := make([]byte, 1<<20)
	var block bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(zeros)
	fw.Flush() // non-final blocks ending on a byte boundary: repeatable
	var stream bytes.Buffer
	crc := uint32(0)
	for range mib {
		stream.Write(block.Bytes())
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	stream.Write([]byte{0x03, 0x00}) // final empty fixed-Huffman block

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{"[Content_Types].xml": testTypes, "_rels/.rels": testRels} {
		w, _ := zw.Create(name)
		io.WriteString(w, data)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(stream.Len()), UncompressedSize64: uint64(mib) << 20,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBomb(t *testing.T) {
	bomb := bombZip(t, 100) // 100 MiB of zeros
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes compressed", len(bomb))
	}
	var err error
	mem := allocated(func() { err = readBytes(t, bomb, Limits{}) })
	if err == nil || err.Error() != "docx: part word/document.xml exceeds 64 MiB limit" {
		t.Fatalf("err = %v", err)
	}
	if mem > 8<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", mem)
	}
	// A smaller bomb against a smaller limit; and the stream really
	// inflates to what it declares.
	small := bombZip(t, 3)
	mem = allocated(func() { err = readBytes(t, small, Limits{MaxPartBytes: 2 << 20}) })
	if err == nil || err.Error() != "docx: part word/document.xml exceeds 2 MiB limit" {
		t.Fatalf("err = %v", err)
	}
	if mem > 8<<20 {
		t.Errorf("refusing the small bomb allocated %d bytes", mem)
	}
	zr, _ := zip.NewReader(bytes.NewReader(small), int64(len(small)))
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			n, err := io.Copy(io.Discard, rc)
			if err != nil || n != 3<<20 {
				t.Fatalf("bomb inflates to %d bytes, %v", n, err)
			}
		}
	}
}

// TestLyingSize: the entry claims 200 bytes but inflates to 4 MiB.
func TestLyingSize(t *testing.T) {
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
	io.WriteString(fw, testDocHead)
	body := bytes.Repeat([]byte("<w:p/>"), 4<<20/6)
	fw.Write(body)
	io.WriteString(fw, testDocTail)
	fw.Close()

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{"[Content_Types].xml": testTypes, "_rels/.rels": testRels} {
		w, _ := zw.Create(name)
		io.WriteString(w, data)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: 200,
		CRC32: crc32.ChecksumIEEE([]byte("x")),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()

	mem := allocated(func() { err = readBytes(t, buf.Bytes(), Limits{}) })
	if err == nil || !strings.Contains(err.Error(), "word/document.xml") {
		t.Fatalf("err = %v", err)
	}
	if mem > 8<<20 {
		t.Errorf("reading the lying entry allocated %d bytes", mem)
	}
}

func TestLimits(t *testing.T) {
	app, err := os.ReadFile("testdata/application.docx")
	if err != nil {
		t.Fatal(err)
	}
	deep := func(n int) []byte {
		return newZip(t, func(w io.Writer) {
			io.WriteString(w, testDocHead)
			io.WriteString(w, strings.Repeat("<w:customXml>", n))
			io.WriteString(w, "<w:p><w:r><w:t>deep</w:t></w:r></w:p>")
			io.WriteString(w, strings.Repeat("</w:customXml>", n))
			io.WriteString(w, testDocTail)
		})
	}
	var many bytes.Buffer
	zw := zip.NewWriter(&many)
	for i := range 2001 {
		zw.Create(strings.Repeat("a", 1+i%7) + "/" + string(rune('a'+i%26)) + strings.Repeat("b", i/26))
	}
	zw.Close()

	tests := []struct {
		name    string
		data    []byte
		lim     Limits
		err     string // exact error; "" means success
		notDocx bool
	}{
		{"part limit", app, Limits{MaxPartBytes: 10000}, "docx: part word/document.xml exceeds 10000 bytes limit", false},
		{"total limit", app, Limits{MaxTotalBytes: 3000}, "docx: package exceeds 3000 bytes limit of uncompressed data read", false},
		{"entries", many.Bytes(), Limits{}, "docx: package has 2001 entries, more than the limit of 2000", false},
		{"deep nesting", deep(300), Limits{}, "docx: part word/document.xml nests deeper than 256 elements", false},
		{"deep but allowed", deep(300), Limits{MaxDepth: 400}, "", false},
		{"cfb", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...), Limits{},
			"docx: not a word-processing document: encrypted or legacy Office file (CFB container, not a zip package)", true},
		{"empty input", nil, Limits{}, "docx: not a word-processing document: open zip: zip: not a valid zip file", true},
		{"plain zip", newZipNoRels(t), Limits{}, "docx: not a word-processing document: zip archive without package relationships or content types", true},
		{"bad xml", newZip(t, func(w io.Writer) { io.WriteString(w, testDocHead+"<w:p><w:r>") }), Limits{},
			"docx: read word/document.xml: XML syntax error on line 1: unexpected EOF", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := readBytes(t, tc.data, tc.lim)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || err.Error() != tc.err {
				t.Fatalf("err = %v\nwant %s", err, tc.err)
			}
			if errors.Is(err, ErrNotDocx) != tc.notDocx {
				t.Errorf("errors.Is(err, ErrNotDocx) = %v, want %v", !tc.notDocx, tc.notDocx)
			}
		})
	}
}

func newZipNoRels(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("notes.txt")
	io.WriteString(w, "not a package")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
