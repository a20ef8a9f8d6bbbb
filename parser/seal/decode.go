package seal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // a scan saved as GIF by an old copier
	"image/jpeg"
	"image/png"
	"io"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"golang.org/x/image/tiff"

	"shenbao/parser/internal/pdfconf"
)

// Limits bound what one file may cost.
type Limits struct {
	MaxPixels int64 // per page; 0 means 100 million
	MaxPages  int   // per file; 0 means 200
}

func (l Limits) pixels() int64 {
	if l.MaxPixels <= 0 {
		return 100_000_000
	}
	return l.MaxPixels
}

func (l Limits) pages() int {
	if l.MaxPages <= 0 {
		return 200
	}
	return l.MaxPages
}

// Format names what Sniff recognised.
const (
	FormatJPEG = "jpeg"
	FormatPNG  = "png"
	FormatTIFF = "tiff"
	FormatPDF  = "pdf"
	FormatGIF  = "gif"
)

// Sniff names the page format of data by its first bytes, or "".
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return FormatJPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return FormatTIFF
	case bytes.HasPrefix(data, []byte("GIF8")):
		return FormatGIF
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return FormatPDF
	}
	return ""
}

// Source is an opened scan file: its pages decode one at a time, so a
// many-page TIFF or PDF never holds more than one page image.
type Source struct {
	Format string
	data   []byte
	lim    Limits
	ifds   []uint32       // TIFF: offset of each page's IFD
	pdf    *model.Context // PDF
	pages  int
}

// Open reads the page structure of a JPEG, PNG, GIF, TIFF (multi-page,
// CCITT G3/G4, LZW, Deflate, PackBits) or PDF scan. It decodes no pixels.
func Open(data []byte, lim Limits) (src *Source, err error) {
	s := &Source{Format: Sniff(data), data: data, lim: lim}
	switch s.Format {
	case FormatJPEG, FormatPNG, FormatGIF:
		s.pages = 1
	case FormatTIFF:
		s.ifds, err = tiffIFDs(data, lim.pages())
		if err != nil {
			return nil, err
		}
		s.pages = len(s.ifds)
	case FormatPDF:
		s.pdf, err = openPDF(data)
		if err != nil {
			return nil, err
		}
		s.pages = s.pdf.PageCount
		if s.pages > lim.pages() {
			return nil, &Error{Kind: TooManyPages, N: s.pages, Limit: lim.pages()}
		}
	default:
		return nil, &Error{Kind: NotImage}
	}
	return s, nil
}

// Pages is the number of pages.
func (s *Source) Pages() int { return s.pages }

// Page decodes page n (from 1) upright as the file says it is shown: a
// PDF page's /Rotate and a TIFF's or JPEG's own orientation are not the
// page's real one, which Analyze finds from the table.
func (s *Source) Page(n int) (image.Image, error) {
	if n < 1 || n > s.pages {
		return nil, &Error{Kind: NoSuchPage, Page: n}
	}
	switch s.Format {
	case FormatTIFF:
		return s.decodeChecked(&ifdReader{data: s.data, ifd: s.ifds[n-1]}, tiff.DecodeConfig, tiff.Decode)
	case FormatPDF:
		return s.pdfPage(n)
	}
	return s.decodeChecked(bytes.NewReader(s.data), imageConfig, imageDecode)
}

func imageConfig(r io.Reader) (image.Config, error) {
	c, _, err := image.DecodeConfig(r)
	return c, err
}

func imageDecode(r io.Reader) (image.Image, error) {
	m, _, err := image.Decode(r)
	return m, err
}

// decodeChecked reads the size first and refuses a page too big to allocate.
func (s *Source) decodeChecked(r io.ReadSeeker, conf func(io.Reader) (image.Config, error), dec func(io.Reader) (image.Image, error)) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, &Error{Kind: DecodePanic, Err: fmt.Errorf("%v", p)}
		}
	}()
	c, err := conf(r)
	if err != nil {
		return nil, &Error{Kind: Unreadable, Err: err}
	}
	if err := s.checkSize(c.Width, c.Height); err != nil {
		return nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, err = dec(r)
	if err != nil {
		return nil, &Error{Kind: Undecodable, Err: err}
	}
	return img, nil
}

func (s *Source) checkSize(w, h int) error {
	if w <= 0 || h <= 0 {
		return &Error{Kind: BadSize, W: w, H: h}
	}
	if int64(w)*int64(h) > s.lim.pixels() {
		return &Error{Kind: TooManyPixels, W: w, H: h, Limit: int(s.lim.pixels())}
	}
	return nil
}

// tiffIFDs walks the chain of image file directories: one per page.
func tiffIFDs(data []byte, maxPages int) ([]uint32, error) {
	if len(data) < 8 {
		return nil, &Error{Kind: TIFFTruncated}
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if data[0] == 'M' {
		bo = binary.BigEndian
	}
	var ifds []uint32
	off := bo.Uint32(data[4:8])
	for off != 0 {
		if slices.Contains(ifds, off) {
			break // a loop in the chain
		}
		if uint64(off)+2 > uint64(len(data)) {
			if len(ifds) == 0 {
				return nil, &Error{Kind: TIFFBadOffset}
			}
			break
		}
		ifds = append(ifds, off)
		if len(ifds) > maxPages {
			return nil, &Error{Kind: TooManyPages, N: len(ifds), Limit: maxPages}
		}
		n := uint64(bo.Uint16(data[off:]))
		next := uint64(off) + 2 + 12*n
		if next+4 > uint64(len(data)) {
			break
		}
		off = bo.Uint32(data[next:])
	}
	return ifds, nil
}

// ifdReader is the TIFF file with its first-IFD pointer aimed at another
// page, so x/image/tiff (which reads only the first page) reads that one.
type ifdReader struct {
	data []byte
	ifd  uint32
	pos  int64
}

func (r *ifdReader) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(r.data)) {
		return 0, io.EOF
	}
	n := copy(p, r.data[off:])
	for i := range n {
		if o := off + int64(i); o >= 4 && o < 8 {
			var b [4]byte
			if r.data[0] == 'M' {
				binary.BigEndian.PutUint32(b[:], r.ifd)
			} else {
				binary.LittleEndian.PutUint32(b[:], r.ifd)
			}
			p[i] = b[o-4]
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (r *ifdReader) Read(p []byte) (int, error) {
	n, err := r.ReadAt(p, r.pos)
	r.pos += int64(n)
	return n, err
}

func (r *ifdReader) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		r.pos = off
	case io.SeekCurrent:
		r.pos += off
	case io.SeekEnd:
		r.pos = int64(len(r.data)) + off
	}
	return r.pos, nil
}

func openPDF(data []byte) (ctx *model.Context, err error) {
	defer func() {
		if p := recover(); p != nil {
			ctx, err = nil, &Error{Kind: PDFUnreadable, Err: fmt.Errorf("%v", p)}
		}
	}()
	ctx, err = pdfconf.Read(data, api.ReadValidateAndOptimize)
	if errors.Is(err, pdfcpu.ErrWrongPassword) {
		return nil, &Error{Kind: PDFEncrypted}
	}
	if err != nil {
		return nil, &Error{Kind: PDFUnreadable, Err: err}
	}
	return ctx, nil
}

// pdfPage decodes the one image that makes a scanned PDF page and turns it
// by the page's /Rotate.
func (s *Source) pdfPage(n int) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, &Error{Kind: DecodePanic, Page: n, Err: fmt.Errorf("%v", p)}
		}
	}()
	stubs, err := pdfcpu.ExtractPageImages(s.pdf, n, true)
	if err != nil {
		return nil, &Error{Kind: Unreadable, Page: n, Err: err}
	}
	var big []model.Image
	for _, im := range stubs {
		if im.Thumb || im.IsImgMask {
			continue
		}
		if im.Width*im.Height >= 200*200 {
			big = append(big, im)
		}
	}
	switch {
	case len(big) == 0:
		return nil, &Error{Kind: PDFNoImage, Page: n}
	case len(big) > 1:
		return nil, &Error{Kind: PDFStrips, Page: n, N: len(big)}
	}
	st := big[0]
	if err := s.checkSize(st.Width, st.Height); err != nil {
		return nil, err
	}
	switch {
	case strings.Contains(st.Filter, "JPX"):
		return nil, &Error{Kind: PDFJPX, Page: n}
	case strings.Contains(st.Filter, "JBIG2"):
		return nil, &Error{Kind: PDFJBIG2, Page: n}
	}
	full, err := pdfcpu.ExtractPageImages(s.pdf, n, false)
	if err != nil {
		return nil, &Error{Kind: Unreadable, Page: n, Err: err}
	}
	im, ok := full[st.ObjNr]
	if !ok || im.Reader == nil {
		return nil, &Error{Kind: Undecodable, Page: n}
	}
	raw, err := io.ReadAll(im.Reader)
	if err != nil {
		return nil, err
	}
	switch im.FileType {
	case "jpg":
		img, err = jpeg.Decode(bytes.NewReader(raw))
	case "png":
		img, err = png.Decode(bytes.NewReader(raw))
	case "tif":
		img, err = tiff.Decode(bytes.NewReader(raw))
	default:
		return nil, &Error{Kind: PDFFormat, Page: n, Format: im.FileType}
	}
	if err != nil {
		return nil, &Error{Kind: Undecodable, Page: n, Err: err}
	}
	_, _, inh, err := s.pdf.PageDict(n, false)
	if err == nil && inh != nil {
		img = rotate(img, ((inh.Rotate%360)+360)%360)
	}
	return img, nil
}

// rotate turns img clockwise by 0, 90, 180 or 270 degrees.
func rotate(img image.Image, deg int) image.Image {
	if deg%90 != 0 || deg%360 == 0 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out *image.RGBA
	if deg == 180 {
		out = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		out = image.NewRGBA(image.Rect(0, 0, h, w))
	}
	for y := range h {
		for x := range w {
			var dx, dy int
			switch deg {
			case 90:
				dx, dy = h-1-y, x
			case 180:
				dx, dy = w-1-x, h-1-y
			case 270:
				dx, dy = y, w-1-x
			}
			out.Set(dx, dy, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}
