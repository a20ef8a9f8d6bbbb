package classify

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// pdfConfig is pdfcpu's configuration without its config.yml. pdfcpu keeps
// the switch in a package variable and would otherwise create a folder in
// the clerk's profile on first use, so it is set once, before any PDF is
// read, and never again.
var pdfConfig = sync.OnceValue(func() model.Configuration {
	model.ConfigPath = "disable"
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return *conf
})

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
	conf := pdfConfig()
	n, err = api.PageCount(bytes.NewReader(data), &conf)
	if errors.Is(err, pdfcpu.ErrWrongPassword) {
		return 0, errPDFEncrypted
	}
	return n, err
}
