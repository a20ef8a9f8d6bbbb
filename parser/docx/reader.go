package docx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"

	"shenbao/parser/word"
)

// ErrNotDocx is returned (wrapped) when the bytes are not an OOXML
// word-processing package: not a zip at all, an encrypted or legacy Office
// file (a CFB container), or a zip without a word-processing main part.
var ErrNotDocx = errors.New("docx: not a word-processing document")

// Limits bound what a package may make the reader do. A zero field means
// the default given in its comment.
type Limits struct {
	MaxEntries    int   // zip entries; 0 means 2000
	MaxPartBytes  int64 // uncompressed bytes of one part; 0 means 64 MiB
	MaxTotalBytes int64 // uncompressed bytes of all parts read; 0 means 256 MiB
	MaxDepth      int   // XML element nesting; 0 means 256
}

func (l Limits) withDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = 2000
	}
	if l.MaxPartBytes <= 0 {
		l.MaxPartBytes = 64 << 20
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = 256 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 256
	}
	return l
}

// cfbMagic starts every Compound File Binary container: legacy .doc files
// and encrypted OOXML packages alike.
const cfbMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// Read reads the word-processing package of size bytes from r. It returns an
// error only when the package cannot be used at all; recoverable trouble is
// listed in Document.Warnings.
func Read(r io.ReaderAt, size int64, lim Limits) (doc *word.Document, err error) {
	defer func() {
		// The reader is written not to panic; this is the last guard so a
		// bug on one hostile file never stops a batch.
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("docx: internal error reading package: %v", p)
		}
	}()
	lim = lim.withDefaults()
	if size < 0 {
		return nil, fmt.Errorf("%w: negative size %d", ErrNotDocx, size)
	}
	head := make([]byte, len(cfbMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && string(head) == cfbMagic {
		return nil, fmt.Errorf("%w: encrypted or legacy Office file (CFB container, not a zip package)", ErrNotDocx)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: open zip: %v", ErrNotDocx, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("docx: package has %d entries, more than the limit of %d", len(zr.File), lim.MaxEntries)
	}
	p := newPackage(zr, lim)
	main, err := p.mainPart()
	if err != nil {
		return nil, err
	}
	return p.readDocument(main)
}

// ReadFile reads the package at path; see Read.
func ReadFile(path string, lim Limits) (*word.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Read(f, st.Size(), lim)
}

// sizeText writes a limit for an error message: "64 MiB" or "1000 bytes".
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
