package pdfconf

import (
	"bytes"
	"os"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// TestRead checks the rebuild on a damaged file, that a sound file and a
// hopeless one keep their answers, and that no input is changed.
func TestRead(t *testing.T) {
	sound, err := os.ReadFile("../../classify/testdata/application.pdf")
	if err != nil {
		t.Fatal(err)
	}
	damaged, err := os.ReadFile("../../classify/testdata/damaged-xref.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		data  []byte
		pages int
		fails bool
	}{
		{"sound", sound, 1, false},
		{"xref offsets wrong", damaged, 1, false},
		{"cut before startxref", sound[:len(sound)/3], 0, true},
		{"not a PDF", []byte("startxref\n12\n%%EOF"), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := bytes.Clone(tt.data)
			for range 10 {
				n, err := Read(tt.data, api.PageCount)
				if (err != nil) != tt.fails || n != tt.pages {
					t.Fatalf("Read = %d, %v; want %d pages, failing %v", n, err, tt.pages, tt.fails)
				}
			}
			if !bytes.Equal(tt.data, orig) {
				t.Fatal("Read changed its input")
			}
		})
	}
}
