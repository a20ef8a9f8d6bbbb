package docx

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden compares the JSON model of every testdata/*.docx with its
// .golden file (an error is recorded as {"error": …}).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.docx")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := dumpJSON(t, f)
			golden := strings.TrimSuffix(f, ".docx") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./parser/docx -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: model differs from %s (run go test ./parser/docx -update and review the diff)\ngot:\n%s", f, golden, got)
			}
		})
	}
}

func dumpJSON(t *testing.T, path string) []byte {
	t.Helper()
	doc, err := ReadFile(path, Limits{})
	var v any = doc
	if err != nil {
		v = map[string]string{"error": err.Error()}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}
