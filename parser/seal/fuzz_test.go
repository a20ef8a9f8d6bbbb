package seal_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/image/draw"

	"shenbao/parser/seal"
	"shenbao/parser/seal/sealtest"
)

// FuzzAnalyze feeds page bytes to the whole analysis. Invariants: no panic;
// an error or pages, not both; every page has one verdict per role in
// order; a seal's row is a role or empty; confidences are within 0–1; rows
// not located carry no verdict; a colourless page has no sure seal.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, name := range files {
		if fi, err := os.Stat(name); err != nil || fi.IsDir() || filepath.Ext(name) == ".json" || filepath.Ext(name) == ".md" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		// A small copy, so the instrumented fuzzer gets through the whole
		// analysis quickly; the full pages are refused by the pixel limit.
		src, err := seal.Open(data, seal.Limits{})
		if err != nil {
			continue
		}
		img, err := src.Page(1)
		if err != nil {
			continue
		}
		b := img.Bounds()
		small := image.NewRGBA(image.Rect(0, 0, b.Dx()/5, b.Dy()/5))
		draw.ApproxBiLinear.Scale(small, small.Bounds(), img, b, draw.Src, nil)
		var buf bytes.Buffer
		jpeg.Encode(&buf, small, &jpeg.Options{Quality: 70})
		f.Add(buf.Bytes())
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF"))
	roles := sealtest.DefaultRoles
	lim := seal.Limits{MaxPixels: 300_000, MaxPages: 4}
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := seal.Analyze("fuzz", data, seal.Options{Roles: roles, Limits: lim})
		if err != nil && pages != nil {
			t.Fatalf("pages together with error %v", err)
		}
		if len(pages) > lim.MaxPages {
			t.Fatalf("%d pages, limit %d", len(pages), lim.MaxPages)
		}
		for _, p := range pages {
			if len(p.Rows) != len(roles) {
				t.Fatalf("page %d: %d rows", p.Page, len(p.Rows))
			}
			for i, r := range p.Rows {
				if r.Role != roles[i] || r.Confidence < 0 || r.Confidence > 1 {
					t.Fatalf("page %d row %d: %+v", p.Page, i, r)
				}
				if !p.RowsFound() && r.Stamped != nil {
					t.Fatalf("page %d: verdict without rows: %+v", p.Page, r)
				}
			}
			for _, s := range p.Seals {
				if s.Row != "" && !slices.Contains(roles, s.Row) {
					t.Fatalf("seal in unknown row %q", s.Row)
				}
				if s.Confidence < 0 || s.Confidence > 1 || s.R <= 0 {
					t.Fatalf("seal %+v", s)
				}
				if p.Colourless && s.Confidence >= seal.Sure {
					t.Fatalf("sure seal on a colourless page: %+v", s)
				}
			}
		}
	})
}
