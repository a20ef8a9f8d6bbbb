package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"

	"shenbao/parser/word"
)

var (
	// ErrEncrypted is wrapped when the file is encrypted or password
	// protected (FIB fEncrypted or fObfuscated, or an encrypted OOXML
	// package inside a compound file).
	ErrEncrypted = errors.New("document is encrypted")
	// ErrUnsupported is wrapped for formats this package does not read:
	// Word 6/95 and older, Microsoft Works, compound files without Word text.
	ErrUnsupported = errors.New("unsupported document format")
	// ErrOldWord is wrapped (with ErrUnsupported) for Word 6.0/95 and older
	// binary documents, whose FIB has the fixed layout of those versions.
	ErrOldWord = fmt.Errorf("word 6/95 or older document: %w", ErrUnsupported)

	errCorruptCFB = errors.New("corrupt compound file")
	errFormat     = errors.New("malformed word binary document")
)

// maxStream caps the bytes read from one stream of the compound file.
const maxStream = 256 << 20

// streams are the compound-file streams a Word binary document needs.
type streams struct {
	word  []byte // WordDocument
	table []byte // 0Table or 1Table, as the FIB says
	data  []byte // Data; nil when absent
}

// Read reads a Word 97 or later binary document (.doc, or WPS .wps in the
// same format) and returns its body. Document.Format is "doc".
func Read(r io.ReaderAt, size int64) (*word.Document, error) {
	if size < 8 {
		return nil, fmt.Errorf("read compound file: %w", errFormat)
	}
	head := make([]byte, 8)
	if _, err := r.ReadAt(head, 0); err != nil {
		return nil, fmt.Errorf("read compound file: %w", err)
	}
	if string(head) != string(cfbMagic) {
		return nil, fmt.Errorf("read compound file: not a compound file: %w", ErrUnsupported)
	}
	cf, err := openCFB(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, fmt.Errorf("read compound file: %w", err)
	}
	// Stream names compare case-insensitively, as in the compound file
	// format itself: some writers store "worddocument" or "1TABLE".
	files := map[string]*mscfb.File{}
	for _, f := range cf.File {
		if len(f.Path) == 0 && f.Size > 0 {
			files[strings.ToLower(f.Name)] = f
		}
	}
	if files["encryptedpackage"] != nil || files["encryptioninfo"] != nil {
		return nil, fmt.Errorf("read compound file: encrypted ooxml package: %w", ErrEncrypted)
	}
	wd := files["worddocument"]
	if wd == nil {
		if files["contents"] != nil {
			return nil, fmt.Errorf("read compound file: microsoft works document: %w", ErrUnsupported)
		}
		return nil, fmt.Errorf("read compound file: no WordDocument stream: %w", ErrUnsupported)
	}
	var st streams
	if st.word, err = readStream(wd, size); err != nil {
		return nil, fmt.Errorf("read WordDocument: %w", err)
	}
	fib, err := parseFIB(st.word)
	if err != nil {
		return nil, fmt.Errorf("read fib: %w", err)
	}
	tname := "0Table"
	if fib.whichTable {
		tname = "1Table"
	}
	tf := files[strings.ToLower(tname)]
	if tf == nil {
		return nil, fmt.Errorf("read %s: stream missing: %w", tname, errFormat)
	}
	if st.table, err = readStream(tf, size); err != nil {
		return nil, fmt.Errorf("read %s: %w", tname, err)
	}
	if df := files["data"]; df != nil {
		if st.data, err = readStream(df, size); err != nil {
			return nil, fmt.Errorf("read Data: %w", err)
		}
	}
	return decode(fib, &st)
}

func readStream(f *mscfb.File, fileSize int64) (b []byte, err error) {
	if f.Size > fileSize || f.Size > maxStream {
		return nil, fmt.Errorf("stream of %d bytes in a %d-byte file: %w", f.Size, fileSize, errFormat)
	}
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, errCorruptCFB
		}
	}()
	b = make([]byte, f.Size)
	n, err := f.ReadAt(b, 0)
	if n == len(b) {
		return b, nil
	}
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return nil, err
}

func le16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func le32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}

// slice returns b[off:off+n] or false when that range is outside b.
func slice(b []byte, off, n int64) ([]byte, bool) {
	if off < 0 || n < 0 || off > int64(len(b)) || n > int64(len(b))-off {
		return nil, false
	}
	return b[off : off+n], true
}
