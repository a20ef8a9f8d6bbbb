package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestInspectGolden keeps the inspect output (document model and extracted
// fields) of every sample form in golden files, one per form, so a change in
// the readers or the extraction shows up as a reviewable diff.
func TestInspectGolden(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../samples/forms/*/*.doc*", "../../samples/forms-zhengfeng/*/*.doc*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 24 {
		t.Fatalf("found %d sample forms, want at least 24", len(files))
	}
	for _, f := range files {
		dir := filepath.Base(filepath.Dir(f))
		set := filepath.Base(filepath.Dir(filepath.Dir(f)))
		name := set + "_" + dir + "_" + filepath.Base(f) + ".json"
		t.Run(dir+"/"+filepath.Base(f), func(t *testing.T) {
			args := []string{"inspect", f}
			if set == "forms-zhengfeng" {
				args = []string{"inspect", "--profile", "zhengfeng-hangfeng", f}
			}
			code, stdout, stderr := runCLI(t, args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, `"kind": "申报表"`) && !strings.Contains(stdout, `"kind": "初审表"`) {
				t.Errorf("%s was not recognised as a form", f)
			}
			// The path differs by where the test runs from; keep it relative.
			golden(t, filepath.Join("inspect", name), []byte(stdout))
		})
	}
}
