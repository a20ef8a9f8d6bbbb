// Package pdfconf holds the one pdfcpu configuration every parser uses.
//
// pdfcpu keeps two switches in package variables, so they are set here
// once, before any PDF is read, and never again:
//
//   - model.ConfigPath: without "disable" pdfcpu creates a config folder in
//     the clerk's profile on first use.
//   - the stats logger: without one, pdfcpu dereferences a damaged file's
//     objects in map order and stops at the first that fails, so whether the
//     file can be repaired, and so whether it is read at all, changes from
//     one call to the next. With a stats logger it takes them in object
//     order. The logger discards what pdfcpu writes to it.
//
// Taking objects in order makes the answer the same every time, but for
// some damaged files it is the wrong one: the first object fails in a way
// pdfcpu does not repair, where another order would have sent it to rebuild
// the cross-reference table. Read therefore tries such a file once more
// with the rebuild forced.
package pdfconf

import (
	"bytes"
	"errors"
	"io"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/log"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// discard is a pdfcpu logger that writes nothing.
type discard struct{}

func (discard) Printf(string, ...any) {}
func (discard) Println(...any)        {}
func (discard) Fatalf(string, ...any) {}
func (discard) Fatalln(...any)        {}

var config = sync.OnceValue(func() model.Configuration {
	model.ConfigPath = "disable"
	log.SetStatsLogger(discard{})
	c := model.NewDefaultConfiguration()
	c.ValidationMode = model.ValidationRelaxed
	return *c
})

// Config returns a copy of the configuration: relaxed validation, no
// config folder.
func Config() model.Configuration { return config() }

// Read opens data with one of pdfcpu's readers (api.PageCount,
// api.ReadValidateAndOptimize). A file that cannot be read as it is and is
// not locked by a password is read once more from a copy whose startxref
// points nowhere, so that pdfcpu finds its objects by scanning the file;
// data itself is never changed. The first error is the one returned when
// both fail.
func Read[T any](data []byte, read func(io.ReadSeeker, *model.Configuration) (T, error)) (T, error) {
	conf := config()
	v, err := read(bytes.NewReader(data), &conf)
	if err == nil || errors.Is(err, pdfcpu.ErrWrongPassword) {
		return v, err
	}
	end := bytes.LastIndex(data, []byte("startxref"))
	if end < 0 {
		return v, err
	}
	rebuilt := make([]byte, 0, end+len(spoiled))
	rebuilt = append(append(rebuilt, data[:end]...), spoiled...)
	conf = config()
	if v2, err2 := read(bytes.NewReader(rebuilt), &conf); err2 == nil {
		return v2, nil
	}
	return v, err
}

// spoiled ends a PDF with a startxref that points at its header, where no
// xref can be.
const spoiled = "startxref\n0\n%%EOF\n"
