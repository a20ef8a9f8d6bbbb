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

// corpusWant is what is known of particular corpus files, checked by hand
// against their document.xml.
type corpusWant struct {
	boxes    []boxWant // every checkbox, in order; nil: not checked
	nBoxes   int       // when boxes is nil and nBoxes > 0: the count only
	contains string
	err      string
}

func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	ff, sdt := word.FormFormField, word.FormSDT
	wants := map[string]corpusWant{
		"docx2python/checked-true-false.docx": {boxes: []boxWant{
			{false, ff}, {false, ff}, {false, ff}, {false, ff}, {true, ff}, {true, ff}, {true, ff}, {true, ff}}},
		"docx2python/check_drop_my.docx": {boxes: []boxWant{{false, ff}, {true, ff}, {false, sdt}, {true, sdt}},
			contains: "[my checked]☑[my checked]"},
		"docx2python/checked_drop1.docx":   {boxes: []boxWant{{true, ff}}},
		"docx2python/unchecked_drop0.docx": {boxes: []boxWant{{false, ff}}},
		"docx2python/checked_boxes.docx": {nBoxes: 44,
			contains: "Office Use Only     ☐ Urgent     ☐ Routine"},
		"docx2python/ControlTest.docx":                   {contains: "For a content control or content container in word."},
		"docx2python/strict.docx":                        {contains: "Cellaa\tCellab\nCellba\tCellbb"},
		"docx2python/renamed_document_xml.docx":          {contains: "This is a link to my website."},
		"docx2python/merged_cells.docx":                  {contains: "3-0\t34-123"},
		"docx2python/nested_paragraphs_in_header3b.docx": {err: "body of word/document.xml is empty"},
		"python-docx/src_docx_templates_default.docx":    {err: "body of word/document.xml is empty"},
	}
	seen := 0
	for _, f := range files {
		rel, _ := filepath.Rel(corpusDir, f)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			doc, err := ReadFile(f, Limits{})
			want, known := wants[rel]
			if known {
				seen++
			}
			if (doc == nil) == (err == nil) {
				t.Fatalf("doc %v and err %v: want exactly one", doc != nil, err)
			}
			if want.err != "" || err != nil {
				if err == nil || want.err == "" || !strings.Contains(err.Error(), want.err) {
					t.Fatalf("error = %v, want one containing %q", err, want.err)
				}
				return
			}
			checkInvariants(t, doc)
			if want.contains != "" && !strings.Contains(doc.Text(), want.contains) {
				t.Errorf("text does not contain %q:\n%s", want.contains, doc.Text())
			}
			boxes := allBoxes(doc.Blocks)
			if want.nBoxes > 0 && len(boxes) != want.nBoxes {
				t.Errorf("%d checkboxes, want %d", len(boxes), want.nBoxes)
			}
			if want.boxes != nil {
				if len(boxes) != len(want.boxes) {
					t.Fatalf("checkboxes %+v, want %v", boxes, want.boxes)
				}
				for i, b := range boxes {
					if b.Checked != want.boxes[i].checked || b.Form != want.boxes[i].form {
						t.Errorf("checkbox %d = %+v, want %+v", i, b, want.boxes[i])
					}
				}
			}
		})
	}
	if seen != len(wants) {
		t.Errorf("only %d of the %d expected corpus files were found", seen, len(wants))
	}
}

func TestCorpusMergedCells(t *testing.T) {
	doc, err := ReadFile(corpusDir+"/docx2python/merged_cells.docx", Limits{})
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("no corpus")
	}
	if err != nil {
		t.Fatal(err)
	}
	tb := doc.Tables()[0]
	for _, w := range []cellWant{
		{1, 0, 1, "0-12", 1, 2, false}, {1, 2, 0, "12-0", 2, 1, false},
		{1, 4, 3, "34-123", 2, 3, false}, {1, 4, 0, "4-0", 1, 1, false},
	} {
		c := tb.At(w.r, w.c)
		if c == nil || c.Text() != w.text || c.RowSpan != w.rowSpan || c.ColSpan != w.colSpan {
			t.Errorf("cell (%d,%d) = %+v, want %+v", w.r, w.c, c, w)
		}
	}
	imgDoc, err := ReadFile(corpusDir+"/docx2python/pic_alt_text.docx", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	imgs := allImages(imgDoc.Blocks)
	want := word.Image{Target: "word/media/image1.png", ContentType: "image/png", Width: 1, Height: 1, Size: 98, Name: "Alt description"}
	if len(imgs) != 1 || imgs[0] != want {
		t.Errorf("pic_alt_text images = %+v, want [%+v]", imgs, want)
	}
}
