package docx

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/parser/word"
)

// corpusDir holds real-world .docx files from public test suites; the test
// is skipped where the shared corpus is not present.
const corpusDir = "../../../shared/corpus/public"

func corpusFiles(t testing.TB) []string {
	var files []string
	err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(strings.ToLower(p), ".docx") {
			files = append(files, p)
		}
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCorpusDump(t *testing.T) {
	files := corpusFiles(t)
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	for _, f := range files {
		doc, err := ReadFile(f, Limits{})
		if err != nil {
			t.Logf("%s: ERROR %v", f, err)
			continue
		}
		cbs := 0
		imgs := 0
		for _, b := range doc.Blocks {
			_ = b
		}
		var walk func([]word.Block)
		walk = func(bs []word.Block) {
			for _, b := range bs {
				if b.Paragraph != nil {
					cbs += len(b.Paragraph.Checkboxes)
					imgs += len(b.Paragraph.Images)
				}
				if b.Table != nil {
					for _, c := range b.Table.Origins() {
						walk(c.Blocks)
					}
				}
			}
		}
		walk(doc.Blocks)
		txt := doc.Text()
		if len(txt) > 80 {
			txt = txt[:80]
		}
		t.Logf("%s: blocks=%d tables=%d boxes=%d imgs=%d warn=%v %q", filepath.Base(f), len(doc.Blocks), len(doc.Tables()), cbs, imgs, doc.Warnings, txt)
	}
}
