package form

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/word"
)

// TestDocTwins extracts the forms from each Word 97 .doc that LibreOffice
// made from a sample .docx (testdata/twin-*, see README) and requires the
// same fields, checked options, staff and review rows as from the .docx
// itself. Cell locations may differ: the binary reader takes columns from
// cell edges. Text is compared with white space folded.
func TestDocTwins(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	for _, base := range []string{"twin-app", "twin-app-sym", "twin-app-formfield", "twin-review"} {
		t.Run(base, func(t *testing.T) {
			want := readTwin(t, filepath.Join("testdata", base+".docx"))
			got := readTwin(t, filepath.Join("testdata", base+".doc"))
			kind := Detect(want, s.Application, s.Review)
			if k := Detect(got, s.Application, s.Review); k != kind || kind == KindNone {
				t.Fatalf("kind %q, want %q", k, kind)
			}
			if kind == KindApplication {
				g, w := ExtractApplication(got, s.Application), ExtractApplication(want, s.Application)
				if !reflect.DeepEqual(values(g.Fields), values(w.Fields)) || !reflect.DeepEqual(g.Staff, w.Staff) || !reflect.DeepEqual(g.Checked(), w.Checked()) {
					t.Errorf("申报表 differs:\n got %v %v %v\nwant %v %v %v", values(g.Fields), g.Staff, g.Checked(), values(w.Fields), w.Staff, w.Checked())
				}
				if len(w.Checked()) == 0 || len(w.Staff) == 0 {
					t.Errorf("the .docx twin has no ticked option or no staff: the comparison proves nothing")
				}
				return
			}
			g, w := ExtractReview(got, s.Review), ExtractReview(want, s.Review)
			if !reflect.DeepEqual(values(g.Fields), values(w.Fields)) {
				t.Errorf("初审表 fields %v, want %v", values(g.Fields), values(w.Fields))
			}
			for i := range w.Rows {
				gr, wr := g.Rows[i], w.Rows[i]
				if gr.Opinion != wr.Opinion || !gr.Date.Equal(wr.Date) || gr.Found != wr.Found || len(gr.Images) != len(wr.Images) {
					t.Errorf("row %s: got %q %v %d images, want %q %v %d", wr.Role, gr.Opinion, gr.Date, len(gr.Images), wr.Opinion, wr.Date, len(wr.Images))
				}
			}
		})
	}
}

func readTwin(t *testing.T, path string) *word.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d *word.Document
	switch filepath.Ext(path) {
	case ".docx":
		d, err = docx.Read(bytes.NewReader(data), int64(len(data)), docx.Limits{})
	default:
		d, err = doc.Read(bytes.NewReader(data), int64(len(data)))
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func values(fs map[string]Field) map[string]string {
	out := map[string]string{}
	for k, f := range fs {
		out[k] = strings.Join(strings.Fields(f.Value), " ")
	}
	return out
}
