package doc

import (
	"bytes"
	"strings"
	"testing"

	"shenbao/parser/docx"
	"shenbao/parser/word"
)

// TestTwins reads each .docx source with parser/docx and its LibreOffice
// conversions with this package: the visible text, table by table and cell
// by cell, must be the same (white space normalised), and so must the
// checkbox states, except where the converter is known to lose them.
func TestTwins(t *testing.T) {
	tests := []struct {
		docx, twin string
		boxesLost  bool // LibreOffice writes FORMCHECKBOX to RTF without state
	}{
		{"shenbao.docx", "shenbao.doc", false},
		{"shenbao.docx", "shenbao-saved-as.wps", false},
		{"shenbao.docx", "shenbao.rtf", false},
		{"shenbao.docx", "shenbao.html", false},
		{"chushen.docx", "chushen.doc", false},
		{"chushen.docx", "chushen.rtf", true},
		{"chushen.docx", "chushen.html", false},
		{"chushen.docx", "chushen-saved-as.doc", false},
		{"nested.docx", "nested.doc", false},
		{"seal-float.docx", "seal-float.doc", false},
		{"breaks.docx", "breaks.doc", false},
		{"textbox-cell.docx", "textbox-cell.doc", false},
		{"textbox-cell.docx", "textbox-cell.rtf", false},
	}
	for _, tc := range tests {
		t.Run(tc.twin, func(t *testing.T) {
			src := fixture(tc.docx)(t)
			want, err := docx.Read(bytes.NewReader(src), int64(len(src)), docx.Limits{})
			if err != nil {
				t.Fatalf("docx: %v", err)
			}
			got, err := readFixture(t, tc.twin)
			if err != nil {
				t.Fatal(err)
			}
			text := norm
			if tc.boxesLost {
				text = func(s string) string { return norm(strings.ReplaceAll(s, word.Checked, word.Unchecked)) }
			}
			if g, w := text(got.Text()), text(want.Text()); g != w {
				t.Errorf("text differs from %s\n got: %s\nwant: %s", tc.docx, g, w)
			}
			gt, wt := got.Tables(), want.Tables()
			if len(gt) != len(wt) {
				t.Fatalf("%d tables, %s has %d", len(gt), tc.docx, len(wt))
			}
			for i := range gt {
				g, w := gt[i].Origins(), wt[i].Origins()
				if len(g) != len(w) {
					t.Errorf("table %d: %d cells, %s has %d", i+1, len(g), tc.docx, len(w))
					continue
				}
				for k := range g {
					if text(g[k].Text()) != text(w[k].Text()) || g[k].RowSpan != w[k].RowSpan {
						t.Errorf("table %d cell %d: %q rowspan %d, %s has %q rowspan %d", i+1, k,
							g[k].Text(), g[k].RowSpan, tc.docx, w[k].Text(), w[k].RowSpan)
					}
				}
			}
			gi, wi := images(got), images(want)
			if len(gi) != len(wi) {
				t.Errorf("%d images, %s has %d", len(gi), tc.docx, len(wi))
			} else if got.Format == "doc" {
				for i := range gi {
					if gi[i].ContentType != wi[i].ContentType || gi[i].Size != wi[i].Size {
						t.Errorf("image %d is %s of %d bytes, %s has %s of %d", i, gi[i].ContentType, gi[i].Size,
							tc.docx, wi[i].ContentType, wi[i].Size)
					}
				}
			}
			if !tc.boxesLost {
				if g, w := states(got), states(want); g != w {
					t.Errorf("checkbox states %s, %s has %s", g, tc.docx, w)
				}
			}
		})
	}
}

// states lists every checkbox state of a document as "10…".
func states(d *word.Document) string {
	var s []byte
	var walk func([]word.Block)
	walk = func(bs []word.Block) {
		for _, b := range bs {
			if b.Paragraph != nil {
				for _, c := range b.Paragraph.Checkboxes {
					s = append(s, map[bool]byte{true: '1', false: '0'}[c.Checked])
				}
			}
			if b.Table != nil {
				for _, c := range b.Table.Origins() {
					walk(c.Blocks)
				}
			}
		}
	}
	walk(d.Blocks)
	return string(s)
}

// images lists every image of a document in order.
func images(d *word.Document) []word.Image {
	var out []word.Image
	for _, b := range d.Blocks {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Images...)
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				out = append(out, c.Images()...)
			}
		}
	}
	return out
}
