package seal_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"shenbao/parser/seal"
	"shenbao/parser/seal/sealtest"
)

func readTruth(t *testing.T, name string) sealtest.Truth {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var tr sealtest.Truth
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatal(err)
	}
	return tr
}

// checkRows fails on every row answered against the truth.
func checkRows(t *testing.T, p seal.Page, tr sealtest.Truth) {
	t.Helper()
	if !p.RowsFound() {
		t.Fatalf("page %d: rows not found: %s", p.Page, p.Problem)
	}
	var tl sealtest.Tally
	got := make([]*bool, len(p.Rows))
	for i, r := range p.Rows {
		if r.Confidence >= seal.Sure {
			got[i] = r.Stamped
		}
	}
	tl.Add(tr, got, true, nil)
	if tl.Right != tl.Rows {
		j, _ := json.Marshal(p.Rows)
		w, _ := json.Marshal(tr.Rows)
		t.Errorf("page %d: %d of %d rows right\ngot  %s\nwant %s", p.Page, tl.Right, tl.Rows, j, w)
	}
}

// The fixtures: pages from sealtest re-encoded by ImageMagick (see
// testdata/README.md), one per decoder path.
func TestAnalyzeFiles(t *testing.T) {
	cases := []struct {
		file   string
		format string
		pages  int
		typ    string // the decoded image type
		truths []string
		grey   bool
	}{
		{"clean_q60.jpg", seal.FormatJPEG, 1, "*image.YCbCr", []string{"clean_q60.truth.json"}, false},
		{"grey.jpg", seal.FormatJPEG, 1, "*image.Gray", []string{"grey.truth.json"}, true},
		{"palette.png", seal.FormatPNG, 1, "*image.Paletted", []string{"palette.truth.json"}, false},
		{"bitonal_1bit.png", seal.FormatPNG, 1, "*image.Paletted", []string{"bitonal_1bit.truth.json"}, true},
		{"bitonal_g4_2pages.tif", seal.FormatTIFF, 2, "*image.Gray", []string{"bitonal_g4_2pages.1.truth.json", "bitonal_g4_2pages.2.truth.json"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			src, err := seal.Open(data, seal.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Format != tc.format || src.Pages() != tc.pages {
				t.Fatalf("format %s, %d pages; want %s, %d", src.Format, src.Pages(), tc.format, tc.pages)
			}
			img, err := src.Page(1)
			if err != nil {
				t.Fatal(err)
			}
			if got := typeName(img); got != tc.typ {
				t.Errorf("decoded as %s, want %s", got, tc.typ)
			}
			pages, err := seal.Analyze(tc.file, data, seal.Options{Roles: sealtest.DefaultRoles})
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pages {
				if p.File != tc.file || p.Page != i+1 {
					t.Errorf("page %d named %s/%d", i+1, p.File, p.Page)
				}
				if p.Colourless != tc.grey {
					t.Errorf("page %d: colourless %v, want %v", i+1, p.Colourless, tc.grey)
				}
				checkRows(t, p, readTruth(t, tc.truths[i]))
				for _, s := range p.Seals {
					if tc.grey && s.Confidence >= seal.Sure {
						t.Errorf("page %d: a sure seal on a colourless scan: %+v", i+1, s)
					}
				}
			}
		})
	}
}

func typeName(img image.Image) string {
	switch img.(type) {
	case *image.YCbCr:
		return "*image.YCbCr"
	case *image.Gray:
		return "*image.Gray"
	case *image.Paletted:
		return "*image.Paletted"
	case *image.RGBA:
		return "*image.RGBA"
	}
	return "other"
}

// A PDF of two scanned pages made by pdfcpu's image import, then the first
// page given /Rotate 90 as a viewer's "rotate and save" does: the page is
// read as shown, and still upright after analysis.
func TestAnalyzePDF(t *testing.T) {
	var imgs [][]byte
	for _, f := range []string{"clean_q60.jpg", "clean2_q60.jpg"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		imgs = append(imgs, b)
	}
	conf := model.NewDefaultConfiguration()
	var pdf bytes.Buffer
	if err := api.ImportImages(nil, &pdf, []io.Reader{bytes.NewReader(imgs[0]), bytes.NewReader(imgs[1])}, nil, conf); err != nil {
		t.Fatal(err)
	}
	var rotated bytes.Buffer
	if err := api.Rotate(bytes.NewReader(pdf.Bytes()), &rotated, 90, []string{"1"}, conf); err != nil {
		t.Fatal(err)
	}
	truths := []string{"clean_q60.truth.json", "clean2_q60.truth.json"}
	for _, tc := range []struct {
		name string
		data []byte
		rot  float64
	}{{"import.pdf", pdf.Bytes(), 0}, {"rotated.pdf", rotated.Bytes(), -90}} {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := seal.Analyze(tc.name, tc.data, seal.Options{Roles: sealtest.DefaultRoles})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 2 {
				t.Fatalf("%d pages, want 2", len(pages))
			}
			for i, p := range pages {
				checkRows(t, p, readTruth(t, truths[i]))
			}
			if r := pages[0].Rotation; r < tc.rot-2 || r > tc.rot+2 {
				t.Errorf("page 1 rotation %v, want about %v", r, tc.rot)
			}
		})
	}
}

// Files that must be refused or reported, never decoded blindly.
func TestRefused(t *testing.T) {
	// A PNG header declaring 60000×60000 pixels and nothing else.
	var huge bytes.Buffer
	huge.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 60000)
	binary.BigEndian.PutUint32(ihdr[4:], 60000)
	ihdr[8], ihdr[9] = 8, 2
	writeChunk(&huge, "IHDR", ihdr)
	// A TIFF whose IFD chain loops on itself.
	loop := []byte("II*\x00\x08\x00\x00\x00\x00\x00\x08\x00\x00\x00")
	cases := []struct {
		name, data string
		want       seal.ErrorKind
	}{
		{"huge.png", huge.String(), seal.TooManyPixels},
		{"text.txt", "hello", seal.NotImage},
		{"cut.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF", seal.Unreadable},
		{"loop.tif", string(loop), seal.Unreadable},
		{"empty.pdf", "%PDF-1.4\n%%EOF\n", seal.PDFUnreadable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := seal.Analyze(tc.name, []byte(tc.data), seal.Options{Roles: sealtest.DefaultRoles})
			var e *seal.Error
			if err != nil && !errors.As(err, &e) {
				t.Fatalf("error %v is not a *seal.Error", err)
			}
			for _, p := range pages {
				if p.RowsFound() {
					t.Errorf("page %d judged: %+v", p.Page, p)
				}
				if e == nil {
					e = p.Trouble
				}
			}
			if e == nil || e.Kind != tc.want {
				t.Errorf("got %v, want kind %d", e, tc.want)
			}
			if e != nil && strings.ContainsFunc(e.Error(), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("parser error in Chinese: %v", e)
			}
		})
	}
}

func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	b.WriteString(typ)
	b.Write(data)
	var c [4]byte
	binary.BigEndian.PutUint32(c[:], crc32.ChecksumIEEE(append([]byte(typ), data...)))
	b.Write(c[:])
}
