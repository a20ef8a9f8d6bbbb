package classify

import (
	"errors"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"

	"shenbao/parser/internal/pdfconf"
)

// errPDFEncrypted marks a PDF that needs a password to open.
var errPDFEncrypted = errors.New("pdf: encrypted")

// pdfPages opens a PDF far enough to count its pages: a scan or a 申报表
// sent as PDF that cannot even be opened is a failed item, not a document.
func pdfPages(data []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("pdf: reader panicked: %v", r)
		}
	}()
	n, err = pdfconf.Read(data, api.PageCount)
	if errors.Is(err, pdfcpu.ErrWrongPassword) {
		return 0, errPDFEncrypted
	}
	return n, err
}
