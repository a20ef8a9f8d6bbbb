package seal

import "fmt"

// Error is why a scan file, one of its pages, or a page's review rows
// could not be read. Its text is English; parser/classify words it for the
// clerk from Kind and the numbers.
type Error struct {
	Kind   ErrorKind
	Page   int    // 1-based page; 0 for the file as a whole
	N      int    // pages of the file, strips of the page, or review rows
	Limit  int    // the bound passed (pages, or pixels)
	W, H   int    // image size, where it matters
	Format string // an embedded image's format, where it matters
	Err    error  // the decoder's own error, if any
}

// ErrorKind names a kind of Error. The values are stable.
type ErrorKind int

// Kinds of Error.
const (
	NotImage      ErrorKind = iota + 1 // not JPEG, PNG, GIF, TIFF or PDF
	TooManyPages                       // N pages, Limit allowed
	NoSuchPage                         // Page past the last
	DecodePanic                        // the decoder failed on broken data
	Unreadable                         // the image's header cannot be read
	Undecodable                        // the image's data cannot be decoded
	BadSize                            // W×H is not a size
	TooManyPixels                      // W×H is over Limit pixels; never allocated
	TIFFTruncated                      // shorter than a TIFF header
	TIFFBadOffset                      // the first directory lies outside the file
	PDFEncrypted                       // a password is needed
	PDFUnreadable                      // pdfcpu could not read the file
	PDFNoImage                         // the page has no scan image (a text PDF)
	PDFStrips                          // the page is N image strips
	PDFJPX                             // the page's image is JPEG 2000
	PDFJBIG2                           // the page's image is JBIG2
	PDFFormat                          // the page's image is in Format, not decodable
	NoTable                            // no ruled table on the page
	NoReviewRows                       // a table, but not its N review rows
)

var kindText = map[ErrorKind]string{
	NotImage: "not a scan image", TooManyPages: "too many pages", NoSuchPage: "no such page",
	DecodePanic: "decoder failed", Unreadable: "image header unreadable", Undecodable: "image undecodable",
	BadSize: "invalid image size", TooManyPixels: "image too large", TIFFTruncated: "truncated TIFF",
	TIFFBadOffset: "TIFF directory outside the file", PDFEncrypted: "encrypted PDF",
	PDFUnreadable: "PDF unreadable", PDFNoImage: "page has no scan image", PDFStrips: "page made of strips",
	PDFJPX: "JPEG 2000 image", PDFJBIG2: "JBIG2 image", PDFFormat: "image format not decodable",
	NoTable: "no ruled table found", NoReviewRows: "review rows not located",
}

func (e *Error) Error() string {
	s := "seal: " + kindText[e.Kind]
	if e.Page > 0 {
		s = fmt.Sprintf("seal: page %d: %s", e.Page, kindText[e.Kind])
	}
	switch e.Kind {
	case TooManyPages:
		s += fmt.Sprintf(" (%d, limit %d)", e.N, e.Limit)
	case BadSize, TooManyPixels:
		s += fmt.Sprintf(" (%d×%d)", e.W, e.H)
	case PDFStrips, NoReviewRows:
		s += fmt.Sprintf(" (%d)", e.N)
	case PDFFormat:
		s += " (" + e.Format + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }
