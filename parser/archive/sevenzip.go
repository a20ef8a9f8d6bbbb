package archive

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bodgit/sevenzip"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// sevenZip walks a 7z archive. 7z does not record a compressed size per
// entry (entries share solid streams), so the ratio is checked against the
// whole archive only.
func (w *walker) sevenZip(r io.ReaderAt, size int64) error {
	if err := check7zHeader(r, size); err != nil {
		return fmt.Errorf("open 7z: %w", err)
	}
	zr, err := sevenzip.NewReader(r, size)
	if err != nil {
		var re *sevenzip.ReadError
		if errors.As(err, &re) && re.Encrypted {
			return fmt.Errorf("open 7z: %w: %w", ErrEncrypted, err)
		}
		return fmt.Errorf("open 7z: %w", err)
	}
	left := map[int]int{} // entries not yet visited, per solid stream
	for _, f := range zr.File {
		left[f.Stream]++
	}
	for _, f := range zr.File {
		if err := w.count(); err != nil {
			return err
		}
		left[f.Stream]--
		w.solid = left[f.Stream] > 0
		e := Entry{
			Name: decodeName(f.Name),
			Size: int64(min(f.UncompressedSize, 1<<62)),
			Dir:  f.FileInfo().IsDir(),
		}
		if err := w.sevenZipEntry(f, e); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) sevenZipEntry(f *sevenzip.File, e Entry) error {
	if e.Dir {
		return w.fn(e, eofReader{}, nil)
	}
	if err := w.precheck(e, -1); err != nil {
		// Later entries of the same solid stream are reached by decoding
		// this one: count it against the total.
		if w.solid {
			w.skip(e.Size, 0)
		}
		return w.fn(e, nil, err)
	}
	rc, err := f.Open()
	if err != nil {
		var re *sevenzip.ReadError
		if errors.As(err, &re) && re.Encrypted {
			e.Encrypted = true
			return w.fn(e, nil, fmt.Errorf("%w: %q", ErrEncrypted, e.Name))
		}
		return w.fn(e, nil, fmt.Errorf("open %q: %w", e.Name, err))
	}
	defer rc.Close()
	lr := w.reader(rc, -1)
	err = w.fn(e, encryptedHint{lr}, nil)
	if w.solid {
		w.skip(e.Size, lr.n)
	}
	return err
}

// encryptedHint turns a 7z read error flagged as encrypted into ErrEncrypted.
type encryptedHint struct{ r io.Reader }

func (h encryptedHint) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	var re *sevenzip.ReadError
	if err != nil && errors.As(err, &re) && re.Encrypted {
		err = fmt.Errorf("%w: %w", ErrEncrypted, err)
	}
	return n, err
}

// decodeName keeps valid UTF-8 and decodes anything else as GB18030.
func decodeName(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	d, err := simplifiedchinese.GB18030.NewDecoder().String(s)
	if err != nil || !utf8.ValidString(d) {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return d
}
