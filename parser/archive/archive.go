package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Limits bounds what Walk reads. A zero field takes its default.
type Limits struct {
	MaxEntries    int     // entries per archive; 0 means 10000
	MaxEntryBytes int64   // uncompressed bytes per entry; 0 means 256 MiB
	MaxTotalBytes int64   // uncompressed bytes per archive; 0 means 2 GiB
	MaxRatio      float64 // uncompressed/compressed, per entry and per archive; 0 means 200
}

// Defaults of Limits.
const (
	DefaultMaxEntries    = 10000
	DefaultMaxEntryBytes = 256 << 20
	DefaultMaxTotalBytes = 2 << 30
	DefaultMaxRatio      = 200
)

// ratioFloor is the uncompressed size below which the ratio is not checked:
// small, highly regular files (an empty spreadsheet, a blank form) can
// legitimately compress far better than MaxRatio.
const ratioFloor = 1 << 20

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = DefaultMaxEntryBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// Entry describes one archive entry.
type Entry struct {
	// Name is the decoded UTF-8 name, '/'-separated, as stored. It is never a
	// path on disk: it may be absolute, contain "..", or be empty.
	Name      string
	Size      int64 // uncompressed size as declared by the archive (-1 if unknown)
	Dir       bool
	Encrypted bool
}

// Errors a Walk reports for an entry (through fn's err argument or the
// entry reader) or for the whole archive. Test with errors.Is.
var (
	ErrEncrypted      = errors.New("archive: encrypted")
	ErrEntryTooLarge  = errors.New("archive: entry exceeds size limit")
	ErrTotalTooLarge  = errors.New("archive: archive exceeds total size limit")
	ErrRatio          = errors.New("archive: compression ratio exceeds limit")
	ErrTooManyEntries = errors.New("archive: too many entries")
	ErrFormat         = errors.New("archive: unknown format")
)

// Detect names the archive format by its magic bytes: "zip", "7z", "rar",
// or "" when head starts with none of them.
func Detect(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")),
		bytes.HasPrefix(head, []byte("PK\x05\x06")),
		bytes.HasPrefix(head, []byte("PK\x07\x08PK\x03\x04")):
		return "zip"
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return "7z"
	case bytes.HasPrefix(head, []byte("Rar!\x1a\x07\x00")),
		bytes.HasPrefix(head, []byte("Rar!\x1a\x07\x01\x00")):
		return "rar"
	}
	return ""
}

// Walk calls fn for each entry of the archive r (size bytes, in format as
// Detect names it) in archive order, directories included.
//
// When err is nil, rc yields the entry's bytes; its Read returns an error
// wrapping ErrEntryTooLarge, ErrTotalTooLarge or ErrRatio as soon as a limit
// is crossed, so reading it never holds more than the limits allow. When err
// is non-nil (encrypted entry, an entry the decoder cannot open, a size or
// ratio that the headers already show is over a limit) rc is nil. One bad
// entry does not stop the walk where the format allows going on; fn
// returning an error does, and Walk returns that error.
//
// Walk returns an error when the archive cannot be opened or read further,
// wrapping ErrTooManyEntries after MaxEntries entries were passed to fn, and
// ErrEncrypted when the archive's headers are encrypted.
func Walk(format string, r io.ReaderAt, size int64, lim Limits, fn func(e Entry, rc io.Reader, err error) error) (err error) {
	w := &walker{lim: lim.WithDefaults(), size: size, fn: fn}
	defer func() {
		// The decoders are third-party code fed with hostile bytes; a panic
		// in one is turned into an unusable archive, never a crash.
		if p := recover(); p != nil {
			err = fmt.Errorf("archive: %s decoder failed: %v", format, p)
		}
	}()
	switch format {
	case "zip":
		return w.zip(r, size)
	case "7z":
		return w.sevenZip(r, size)
	case "rar":
		return w.rar(r, size)
	}
	return fmt.Errorf("%w %q", ErrFormat, format)
}

// walker holds the state of one Walk: the running totals the limits need.
type walker struct {
	lim     Limits
	size    int64 // compressed size of the whole archive
	total   int64 // uncompressed bytes read so far
	entries int
	solid   bool // later entries are reached by decoding the current one
	fn      func(Entry, io.Reader, error) error
}

// count registers one more entry and reports whether the count limit is
// crossed.
func (w *walker) count() error {
	w.entries++
	if w.entries > w.lim.MaxEntries {
		return fmt.Errorf("%w: more than %d", ErrTooManyEntries, w.lim.MaxEntries)
	}
	return nil
}

// precheck refuses an entry whose declared sizes already break a limit.
// packed < 0 means the compressed size is unknown.
func (w *walker) precheck(e Entry, packed int64) error {
	if e.Size > w.lim.MaxEntryBytes {
		return fmt.Errorf("%w: %d bytes declared", ErrEntryTooLarge, e.Size)
	}
	if w.total >= w.lim.MaxTotalBytes && e.Size != 0 {
		return fmt.Errorf("%w: %d bytes already read", ErrTotalTooLarge, w.total)
	}
	if packed >= 0 && e.Size > ratioFloor && float64(e.Size) > w.lim.MaxRatio*float64(max(packed, 1)) {
		return fmt.Errorf("%w: %d bytes from %d", ErrRatio, e.Size, packed)
	}
	return nil
}

// skip counts against the total the part of an entry of declared size that
// was not read (read bytes are counted already) but that the decoder must
// still decompress to reach the next entry of a solid stream.
func (w *walker) skip(size, read int64) {
	if size > read {
		w.total += min(size-read, w.lim.MaxTotalBytes)
	}
}

// reader wraps an entry's decompressed stream with the limits.
func (w *walker) reader(r io.Reader, packed int64) *limitReader {
	return &limitReader{r: r, w: w, packed: packed}
}

// limitReader enforces the per-entry and total limits while an entry is read.
type limitReader struct {
	r      io.Reader
	w      *walker
	n      int64 // bytes of this entry read so far
	packed int64 // compressed size of the entry; -1 unknown
	err    error // sticky limit error
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	lim := &l.w.lim
	// Never let one Read carry us further than one byte past a limit.
	room := min(lim.MaxEntryBytes-l.n, lim.MaxTotalBytes-l.w.total) + 1
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	l.w.total += int64(n)
	switch {
	case l.n > lim.MaxEntryBytes:
		l.err = fmt.Errorf("%w: more than %d bytes", ErrEntryTooLarge, lim.MaxEntryBytes)
	case l.w.total > lim.MaxTotalBytes:
		l.err = fmt.Errorf("%w: more than %d bytes", ErrTotalTooLarge, lim.MaxTotalBytes)
	case l.packed >= 0 && l.n > ratioFloor && float64(l.n) > lim.MaxRatio*float64(max(l.packed, 1)):
		l.err = fmt.Errorf("%w: %d bytes from %d", ErrRatio, l.n, l.packed)
	case l.w.total > ratioFloor && float64(l.w.total) > lim.MaxRatio*float64(max(l.w.size, 1)):
		l.err = fmt.Errorf("%w: %d bytes from an archive of %d", ErrRatio, l.w.total, l.w.size)
	}
	if l.err != nil {
		return 0, l.err
	}
	return n, err
}
