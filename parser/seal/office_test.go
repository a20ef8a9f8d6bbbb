package seal

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"shenbao/parser/seal/sealtest"
)

// TestOfficeRenderedPages scores the detector on pages it was not built
// from: the sample 初审表 rendered by LibreOffice and poppler, stamped,
// tinted, noised, rotated up to ±5° and JPEG-encoded by ImageMagick
// (samples/sealeval/make.py, seed 3; see testdata/README.md). Every row
// judged must be right; a page whose rows are not located (S05) is an
// honest answer, but at most one of them.
func TestOfficeRenderedPages(t *testing.T) {
	data, err := os.ReadFile("testdata/office/truth.json")
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		Stamped []bool  `json:"stamped"`
		Rot     float64 `json:"rot"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(truth))
	for name := range truth {
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) < 8 {
		t.Fatalf("%d pages, want 8", len(names))
	}
	unjudged := 0
	for _, name := range names {
		want := truth[name]
		b, err := os.ReadFile(filepath.Join("testdata/office", name))
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Analyze(name, b, Options{Roles: sealtest.DefaultRoles})
		if err != nil || len(pages) != 1 {
			t.Fatalf("%s: %d pages, %v", name, len(pages), err)
		}
		p := pages[0]
		if !p.RowsFound() {
			unjudged++
			t.Logf("%s (rotated %.1f°): rows not located: %s", name, want.Rot, p.Problem)
			continue
		}
		for i, r := range p.Rows {
			if r.Stamped != nil && *r.Stamped != want.Stamped[i] {
				t.Errorf("%s (rotated %.1f°): row %d %s judged stamped=%v, truth %v", name, want.Rot, i+1, r.Role, *r.Stamped, want.Stamped[i])
			}
		}
	}
	if unjudged > 1 {
		t.Errorf("%d pages with rows not located, want at most 1", unjudged)
	}
}
