package table

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"shenbao/parser/doc"
	"shenbao/parser/problem"
)

// Book is what one file holds: its sheets (or a Word document's tables) in
// order.
type Book struct {
	Format string  // "xlsx", "xls", "csv", "docx", "doc", "rtf", "html"
	Sheets []Sheet //
	// Warnings are recoverable problems (a bound reached, a bad record);
	// problem.Text words them for the clerk.
	Warnings []problem.Problem
}

// Sheet is one grid. Rows may differ in length; trailing empty cells are
// dropped and empty rows kept, so Rows[i] is line i+1 of the sheet.
type Sheet struct {
	Name    string // sheet name; for a Word table "表1", "表2"…
	Caption string // for a Word table: the text of the paragraph before it
	Rows    [][]string
}

// Cell returns the trimmed text at (r, c), "" outside the grid.
func (s *Sheet) Cell(r, c int) string {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r]) {
		return ""
	}
	return s.Rows[r][c]
}

// Limits bound what one file may make a reader do. Zero means the default
// in the comment.
type Limits struct {
	MaxSheets int // sheets (or Word tables) read; 0 means 64
	MaxRows   int // rows per sheet; 0 means 20000
	MaxCols   int // columns per row; 0 means 256
	MaxCells  int // non-empty cells in the whole book; 0 means 1,000,000
	MaxBytes  int // bytes of cell text in the whole book; 0 means 64 MiB
}

func (l Limits) withDefaults() Limits {
	if l.MaxSheets <= 0 {
		l.MaxSheets = 64
	}
	if l.MaxRows <= 0 {
		l.MaxRows = 20000
	}
	if l.MaxCols <= 0 {
		l.MaxCols = 256
	}
	if l.MaxCells <= 0 {
		l.MaxCells = 1000000
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = 64 << 20
	}
	return l
}

// Errors of Read, returned wrapped (errors.Is finds them); parser/classify
// words them for the clerk.
var (
	// ErrNotTable: bytes of no table format this package reads (an image,
	// a PDF, an archive, a binary file).
	ErrNotTable = errors.New("not a table file")
	// ErrDamaged: a table format whose structure cannot be read (cut short
	// in transit, corrupted).
	ErrDamaged = errors.New("table file damaged or incomplete")
	// ErrCFBDamaged: an Office 97-2003 compound file (.xls, .doc) whose own
	// structure cannot be opened; it wraps ErrDamaged.
	ErrCFBDamaged = fmt.Errorf("compound file (Office 97-2003): %w", ErrDamaged)
	// ErrEncrypted: the file has an open password.
	ErrEncrypted = errors.New("table file is password-protected")
	// ErrOldExcel: Excel 5.0/95 (BIFF5) or older.
	ErrOldExcel = errors.New("old Excel format (5.0/95 or older), not supported")
	// ErrNoWorkbook: a compound file that holds no Excel workbook.
	ErrNoWorkbook = errors.New("compound file holds no Excel workbook")
	// ErrNoSheets: a workbook without worksheets.
	ErrNoSheets = errors.New("workbook has no worksheets")
	// ErrNoTables: a Word document without tables.
	ErrNoTables = errors.New("no table in the Word document")
	// ErrTooWide: cells past the column limit, which only a damaged or
	// crafted file has.
	ErrTooWide = errors.New("cells past the column limit")
	// ErrEncoding: text in no encoding this package decodes.
	ErrEncoding = errors.New("text encoding not recognised")
	// ErrWord: a Word document the Word readers cannot read.
	ErrWord = errors.New("unreadable Word document")
)

const cfbMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// Kind tells which reader a file goes to, by content: "xlsx", "xls",
// "docx", "doc", "rtf", "html", "csv", "cfb" for a damaged compound file,
// "" for what is no table.
func Kind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte(cfbMagic)):
		return cfbKind(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(data, []byte("xl/workbook.xml")):
			return "xlsx"
		case bytes.Contains(data, []byte("word/document.xml")):
			return "docx"
		}
		return ""
	}
	switch doc.Sniff(data[:min(len(data), 8192)]) {
	case "rtf":
		return "rtf"
	case "html":
		return "html"
	}
	if looksText(data) {
		return "csv"
	}
	return ""
}

// Read parses one file. name is used in messages only.
func Read(name string, data []byte, lim Limits) (book *Book, err error) {
	defer func() {
		// The readers are written not to panic; this is the last guard so a
		// bug on one hostile file never stops a batch.
		if p := recover(); p != nil {
			book, err = nil, fmt.Errorf("table %s: %w: reader panicked: %v", name, ErrDamaged, p)
		}
	}()
	lim = lim.withDefaults()
	kind := Kind(data)
	b := &builder{lim: lim}
	switch kind {
	case "xlsx":
		err = readXLSX(b, data)
	case "xls":
		err = readXLS(b, data)
	case "docx", "doc", "rtf", "html":
		err = readWord(b, kind, data)
	case "csv":
		err = readCSV(b, data)
	case "cfb":
		err = ErrCFBDamaged
	default:
		err = ErrNotTable
	}
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", name, err)
	}
	b.book.Format = kind
	if kind == "doc" || kind == "rtf" || kind == "html" {
		b.book.Format = b.wordFormat
	}
	return &b.book, nil
}

// builder collects sheets under the limits.
type builder struct {
	lim        Limits
	book       Book
	cells      int
	bytes      int
	full       bool // a book-wide bound was reached
	wordFormat string
}

// maxWarnings bounds Book.Warnings.
const maxWarnings = 50

func (b *builder) warn(p problem.Problem) {
	if len(b.book.Warnings) < maxWarnings {
		b.book.Warnings = append(b.book.Warnings, p)
	}
}

// room reports whether another sheet may be added.
func (b *builder) room() bool {
	if len(b.book.Sheets) >= b.lim.MaxSheets {
		if !b.full {
			b.full = true
			b.warn(problem.Problem{Code: problem.TableCut, Detail: fmt.Sprintf("more than %d sheets", b.lim.MaxSheets)})
		}
		return false
	}
	return !b.full
}

// grid is a sheet being filled cell by cell.
type grid struct {
	b       *builder
	name    string
	caption string
	rows    [][]string
	clipped bool
}

func (b *builder) newGrid(name string) *grid { return &grid{b: b, name: name} }

// set stores text at (r, c), 0-based. It reports false once a book-wide
// bound is reached.
func (g *grid) set(r, c int, text string) bool {
	text = clean(text)
	if text == "" {
		return true
	}
	b := g.b
	if r < 0 || c < 0 || r >= b.lim.MaxRows || c >= b.lim.MaxCols {
		if !g.clipped {
			g.clipped = true
			b.warn(problem.Problem{Code: problem.TableCut, Where: g.name, Detail: fmt.Sprintf("past %d rows or %d columns", b.lim.MaxRows, b.lim.MaxCols)})
		}
		return true
	}
	if b.cells >= b.lim.MaxCells || b.bytes+len(text) > b.lim.MaxBytes {
		if !b.full {
			b.full = true
			b.warn(problem.Problem{Code: problem.TableCut, Detail: fmt.Sprintf("past %d cells or %d bytes", b.lim.MaxCells, b.lim.MaxBytes)})
		}
		return false
	}
	b.cells++
	b.bytes += len(text)
	for len(g.rows) <= r {
		g.rows = append(g.rows, nil)
	}
	row := g.rows[r]
	for len(row) <= c {
		row = append(row, "")
	}
	row[c] = text
	g.rows[r] = row
	return true
}

// merge copies the value of (r1, c1) into every empty slot of the range.
func (g *grid) merge(r1, c1, r2, c2 int) {
	if r1 > r2 || c1 > c2 || r1 < 0 || c1 < 0 {
		return
	}
	v := ""
	if r1 < len(g.rows) && c1 < len(g.rows[r1]) {
		v = g.rows[r1][c1]
	}
	if v == "" {
		return
	}
	r2 = min(r2, r1+1000, g.b.lim.MaxRows-1)
	c2 = min(c2, g.b.lim.MaxCols-1)
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			if (r != r1 || c != c1) && (r >= len(g.rows) || c >= len(g.rows[r]) || g.rows[r][c] == "") {
				if !g.set(r, c, v) {
					return
				}
			}
		}
	}
}

func (g *grid) done() {
	g.b.book.Sheets = append(g.b.book.Sheets, Sheet{Name: g.name, Caption: g.caption, Rows: g.rows})
}

// clean trims a cell and folds its line breaks into spaces, so a header
// typed over two lines (“窗口\n名称”) reads as one.
func clean(s string) string {
	if s == "" {
		return ""
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\n' || r == '\t' || r == '\u3000' || r == '\u00a0':
			return ' '
		case r == 0 || r == '\ufeff' || unicode.IsControl(r): // a byte-order mark anywhere, not only the first
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
