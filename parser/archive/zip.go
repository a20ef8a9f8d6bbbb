package archive

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"
)

// zip walks a zip archive. Each entry is independent, so a bad entry is
// reported through fn and the walk goes on.
func (w *walker) zip(r io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return fmt.Errorf("open zip: %w", err)
	}
	for _, f := range zr.File {
		if err := w.count(); err != nil {
			return err
		}
		e := Entry{
			Name:      zipName(f),
			Size:      int64(min(f.UncompressedSize64, 1<<62)),
			Dir:       f.FileInfo().IsDir(),
			Encrypted: f.Flags&0x1 != 0,
		}
		if err := w.zipEntry(f, e); err != nil {
			return err
		}
	}
	return nil
}

// zipEntry opens one entry and hands it to fn.
func (w *walker) zipEntry(f *zip.File, e Entry) error {
	if e.Dir {
		return w.fn(e, eofReader{}, nil)
	}
	if e.Encrypted {
		return w.fn(e, nil, fmt.Errorf("%w: %q", ErrEncrypted, e.Name))
	}
	packed := int64(min(f.CompressedSize64, 1<<62))
	if err := w.precheck(e, packed); err != nil {
		return w.fn(e, nil, err)
	}
	rc, err := f.Open()
	if err != nil {
		return w.fn(e, nil, fmt.Errorf("open %q: %w", e.Name, err))
	}
	defer rc.Close()
	return w.fn(e, w.reader(rc, packed), nil)
}

// zipName decodes an entry name: the UTF-8 flag or valid UTF-8 as is, else
// the Info-ZIP Unicode Path extra field when its CRC matches, else GB18030.
// A name flagged UTF-8 that is not is kept with U+FFFD for its bad bytes.
func zipName(f *zip.File) string {
	if utf8.ValidString(f.Name) {
		return f.Name
	}
	if u, ok := unicodePath(f.Extra, f.Name); ok && utf8.ValidString(u) {
		return u
	}
	if f.Flags&0x800 != 0 {
		return strings.ToValidUTF8(f.Name, "\uFFFD")
	}
	return decodeName(f.Name)
}

// unicodePath reads the Info-ZIP Unicode Path extra field (0x7075): version
// 1, CRC-32 of the raw name, then the UTF-8 name.
func unicodePath(extra []byte, raw string) (string, bool) {
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if n > len(extra) {
			return "", false
		}
		field := extra[:n]
		extra = extra[n:]
		if id != 0x7075 || len(field) < 5 || field[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(field[1:]) != crc32.ChecksumIEEE([]byte(raw)) {
			continue
		}
		if name := string(field[5:]); utf8.ValidString(name) {
			return name, true
		}
	}
	return "", false
}

// eofReader is the content of a directory entry.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
