package archive

import (
	"errors"
	"fmt"
	"io"

	"github.com/nwaples/rardecode/v2"
)

// maxRarDictionary bounds the decoder's window, which it allocates up front.
const maxRarDictionary = 256 << 20

// rar walks a RAR v4 or v5 archive. RAR is read as a stream: after an entry
// whose data is corrupt the walk goes on only if the next header can be
// found.
func (w *walker) rar(r io.ReaderAt, size int64) error {
	rr, err := rardecode.NewReader(io.NewSectionReader(r, 0, size), rardecode.MaxDictionarySize(maxRarDictionary))
	if err != nil {
		return rarError("open rar", err)
	}
	for {
		h, err := rr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return rarError("read rar", err)
		}
		if err := w.count(); err != nil {
			return err
		}
		e := Entry{
			Name:      decodeName(h.Name),
			Size:      h.UnPackedSize,
			Dir:       h.IsDir,
			Encrypted: h.Encrypted,
		}
		if h.UnKnownSize {
			e.Size = -1
		}
		if err := w.rarEntry(rr, h, e); err != nil {
			return err
		}
	}
}

func (w *walker) rarEntry(rr *rardecode.Reader, h *rardecode.FileHeader, e Entry) error {
	switch {
	case e.Dir:
		return w.fn(e, eofReader{}, nil)
	case e.Encrypted:
		return w.fn(e, nil, fmt.Errorf("%w: %q", ErrEncrypted, e.Name))
	}
	packed := h.PackedSize
	if packed < 0 {
		packed = -1
	}
	if err := w.precheck(e, packed); err != nil {
		if h.Solid {
			w.skip(e.Size, 0)
		}
		return w.fn(e, nil, err)
	}
	lr := w.reader(rr, packed)
	err := w.fn(e, lr, nil)
	if h.Solid {
		// Next decodes what fn left unread to reach the next entry.
		w.skip(e.Size, lr.n)
	}
	return err
}

// rarError wraps a decoder error, marking encrypted headers.
func rarError(op string, err error) error {
	if errors.Is(err, rardecode.ErrArchiveEncrypted) || errors.Is(err, rardecode.ErrArchivedFileEncrypted) {
		return fmt.Errorf("%s: %w: %w", op, ErrEncrypted, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
