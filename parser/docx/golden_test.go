package docx

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/parser/golden"
)

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
			golden.Check(t, strings.TrimSuffix(f, ".docx")+".golden", got)
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
