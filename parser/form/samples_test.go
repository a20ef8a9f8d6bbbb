package form

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/golden"
	"shenbao/parser/word"
)

// specs is the part of a profile this package reads. The profiles live in
// validate/profile; the test decodes them directly so parser/form does not
// depend on validate.
type specs struct {
	Application ApplicationSpec `yaml:"application"`
	Review      ReviewSpec      `yaml:"review"`
	ReviewRows  []struct {
		Name   string   `yaml:"name"`
		Labels []string `yaml:"labels"`
	} `yaml:"review_rows"`
}

func loadSpecs(t testing.TB, name string) specs {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "validate", "profile", "profiles", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var s specs
	if err := yaml.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	for _, r := range s.ReviewRows {
		s.Review.Rows = append(s.Review.Rows, RowSpec{Name: r.Name, Labels: r.Labels})
	}
	return s
}

// readWord reads a .docx or .doc file into the document model.
func readWord(t testing.TB, path string) *word.Document {
	t.Helper()
	var d *word.Document
	var err error
	if strings.HasSuffix(path, ".doc") {
		var data []byte
		data, err = os.ReadFile(path)
		if err == nil {
			d, err = doc.Read(bytes.NewReader(data), int64(len(data)))
		}
	} else {
		d, err = docx.ReadFile(path, docx.Limits{})
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return d
}

// extracted is what the golden files hold for one file.
type extracted struct {
	Kind        string       `json:"kind"` // 申报表, 初审表 or ""
	Application *Application `json:"application,omitempty"`
	Review      *Review      `json:"review,omitempty"`
}

func extractFile(t testing.TB, s specs, path string) extracted {
	d := readWord(t, path)
	var e extracted
	switch Detect(d, s.Application, s.Review) {
	case KindApplication:
		e.Kind, e.Application = "申报表", ExtractApplication(d, s.Application)
	case KindReview:
		e.Kind, e.Review = "初审表", ExtractReview(d, s.Review)
	}
	return e
}

// TestSampleGolden extracts every sample window's forms and compares the
// result with testdata/golden/<profile>/<window>.json.
func TestSampleGolden(t *testing.T) {
	for _, set := range []struct{ profile, dir string }{
		{"qingfeng-liaoning", "../../samples/forms"},
		{"zhengfeng-hangfeng", "../../samples/forms-zhengfeng"},
	} {
		s := loadSpecs(t, set.profile)
		entries, err := os.ReadDir(set.dir)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if !e.IsDir() || e.Name() == "genphotos" {
				continue
			}
			n++
			window := e.Name()
			t.Run(set.profile+"/"+window, func(t *testing.T) {
				files, _ := filepath.Glob(filepath.Join(set.dir, window, "*.doc*"))
				sort.Strings(files)
				got := map[string]extracted{}
				for _, f := range files {
					got[filepath.Base(f)] = extractFile(t, s, f)
				}
				compareGolden(t, filepath.Join("testdata", "golden", set.profile, window+".json"), got)
			})
		}
		if n < 3 {
			t.Fatalf("%s: only %d sample windows", set.dir, n)
		}
	}
}

func compareGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, path, append(got, '\n'))
}
