package doc

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/parser/golden"
)

// TestGolden compares the JSON of each fixture's model (the shape
// `shenbao inspect` shows) with testdata/golden/NAME.json.
func TestGolden(t *testing.T) {
	for _, name := range seedFiles(t) {
		if strings.HasSuffix(name, ".docx") || name == "encrypted.doc" || name == "word95.doc" || name == "works.wps" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			d, err := readFixture(t, name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}
