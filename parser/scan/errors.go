package scan

import "errors"

// Error is the error of Read for a file that cannot be used at all: the
// file's base name and the cause, which wraps one of the Err values below.
// It is English; parser/classify words it for the clerk.
type Error struct {
	File string
	Err  error
}

func (e *Error) Error() string { return "scan metadata " + e.File + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Causes of an Error.
var (
	// ErrNotTable: binary bytes that are no delimited text, XLSX or JSON.
	ErrNotTable = errors.New("not a delimited text (CSV/TSV), XLSX or JSON file")
	// ErrNoHeader: no row (no sheet) names the window and review-row
	// columns and at least one of the signature, seal or date columns.
	ErrNoHeader = errors.New("no header row with the window, review-row and a signature, seal or date column")
	// ErrXLSX: an XLSX file the workbook reader cannot open.
	ErrXLSX = errors.New("XLSX file cannot be opened")
	// ErrTooWide: cells past the column limit, which only a damaged or
	// crafted workbook has; it wraps ErrXLSX.
	ErrTooWide = errors.Join(ErrXLSX, errors.New("cells past the column limit"))
	// ErrSheet: the metadata sheet of a workbook cannot be read.
	ErrSheet = errors.New("worksheet cannot be read")
	// ErrJSON: JSON that is neither an array of records nor an object
	// holding one.
	ErrJSON = errors.New(`JSON of no known shape (want an array of records or {"records": [...]})`)
	// ErrNoRecords: JSON whose records name no window and review row.
	ErrNoRecords = errors.New("JSON holds no scan records")
)
