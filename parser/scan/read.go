package scan

import (
	"bytes"
	"path"
	"strings"

	"shenbao/parser/form"
	"shenbao/parser/intake"
)

// Limits on what one metadata file may hold.
const (
	maxRecords     = 100000 // data rows read; the rest are reported and dropped
	maxProblems    = 200    // problems kept; one more says how many were dropped
	maxHeaderProbe = 20     // rows searched for the header row
)

// Read parses one metadata file: CSV/TSV, XLSX or JSON, detected by content
// (JSON starts with [ or {, XLSX is a zip holding xl/workbook.xml, anything
// else is delimited text). name is used in messages and Record.Source.
//
// Bad rows are Problems and are skipped or read in part; the error, an
// *Error, is reserved for a file that cannot be used at all.
func Read(name string, data []byte) ([]Record, []Problem, error) {
	var (
		recs  []Record
		probs []Problem
		err   error
	)
	switch detect(data) {
	case formatJSON:
		recs, probs, err = readJSON(name, data)
	case formatXLSX:
		recs, probs, err = readXLSX(name, data)
	default:
		recs, probs, err = readText(name, data)
	}
	if err != nil {
		return nil, nil, err
	}
	return recs, probs, nil
}

// IsMetadata reports whether data is scan metadata: a table (or JSON
// records) with a window column and a field column.
func IsMetadata(name string, data []byte) bool {
	switch detect(data) {
	case formatJSON:
		return isJSONMetadata(data)
	case formatXLSX:
		return isXLSXMetadata(data)
	}
	_, _, ok := sniffText(data)
	return ok
}

type format int

const (
	formatText format = iota
	formatJSON
	formatXLSX
)

func detect(data []byte) format {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		return formatJSON
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data, []byte("xl/workbook.xml")) {
		return formatXLSX
	}
	return formatText
}

// table turns rows (a header somewhere in the first rows, then data) into
// records. lineOf gives the 1-based line or sheet row of rows[i]; strict
// makes a row with a different column count a Problem (CSV), while XLSX rows
// may be short because empty trailing cells are not stored.
type table struct {
	name    string // the file's name, for Source
	file    string // its base name, for pointing at rows
	sheet   string // the worksheet, for XLSX
	strict  bool
	recs    []Record
	probs   []Problem
	drop    int  // problems not kept
	full    bool // maxRecords reached
	records bool // rows are JSON records, not lines
}

func newTable(name, file, sheet string, strict bool) *table {
	return &table{name: name, file: file, sheet: sheet, strict: strict}
}

func (t *table) problem(row int, p Problem) {
	if len(t.probs) >= maxProblems {
		t.drop++
		return
	}
	p.Source, p.Row, p.File, p.Sheet, p.Records = t.name, row, t.file, t.sheet, t.records
	t.probs = append(t.probs, p)
}

// finish adds the count of dropped problems.
func (t *table) finish() ([]Record, []Problem) {
	if t.drop > 0 {
		t.probs = append(t.probs, Problem{Source: t.name, File: t.file, Sheet: t.sheet, Records: t.records, Code: MoreProblems, N: t.drop})
	}
	return t.recs, t.probs
}

// findHeader returns the index of the header row among the first rows.
func findHeader(rows [][]string) (int, layout, bool) {
	for i := 0; i < len(rows) && i < maxHeaderProbe; i++ {
		if l, ok := parseHeader(rows[i]); ok {
			return i, l, true
		}
	}
	return 0, layout{}, false
}

// add reads one data row under header l.
func (t *table) add(l *layout, row []string, line int) {
	if blankRow(row) {
		return
	}
	if len(t.recs) >= maxRecords {
		if !t.full {
			t.full = true
			t.problem(line, Problem{Code: TooManyRecords, N: maxRecords})
		}
		return
	}
	if t.strict {
		n := len(row)
		for n > l.width && strings.TrimSpace(row[n-1]) == "" {
			n--
		}
		if n != l.width {
			t.problem(line, Problem{Code: ColumnCount, N: len(row), M: l.width})
			return
		}
	}
	cells := make(map[column]string, numColumns)
	for c := colWindow; c < numColumns; c++ {
		cells[c] = l.cell(row, c)
	}
	t.record(cells, line)
}

// record checks and converts the cells of one record.
func (t *table) record(cells map[column]string, line int) {
	r := Record{Source: t.name, Row: line, Window: cells[colWindow], File: cells[colFile],
		Field: cells[colField], Opinion: cells[colOpinion], DateText: cells[colDate]}
	if r.Window == "" {
		t.problem(line, Problem{Code: NoWindow})
		return
	}
	if r.Field == "" {
		t.problem(line, Problem{Code: NoField})
		return
	}
	var ok bool
	if r.Page, ok = parsePage(cells[colPage]); !ok {
		t.problem(line, Problem{Code: BadPage, Value: cells[colPage]})
	}
	if r.Signed, ok = parseTri(cells[colSigned]); !ok {
		t.problem(line, Problem{Code: BadSigned, Value: cells[colSigned]})
	}
	if r.Stamped, ok = parseTri(cells[colStamped]); !ok {
		t.problem(line, Problem{Code: BadStamped, Value: cells[colStamped]})
	}
	if r.Confidence, ok = parseConfidence(cells[colConfidence]); !ok {
		t.problem(line, Problem{Code: BadConfidence, Value: cells[colConfidence]})
	}
	if r.DateText != "" {
		d, valid, present := form.ParseDate(dropTime(r.DateText))
		switch {
		case valid:
			r.Date = d
		case present:
			t.problem(line, Problem{Code: BadDate, Value: r.DateText})
		}
	}
	t.recs = append(t.recs, r)
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")) != "" {
			return false
		}
	}
	return true
}

// baseName is the file name for messages.
func baseName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, intake.Sep); i >= 0 {
		name = name[i+len(intake.Sep):]
	}
	if b := path.Base(name); b != "." && b != "/" {
		return b
	}
	return name
}

// dropTime removes a time of day after a date, as database exports write
// it: "2024-04-02 00:00:00", "2024-04-02T09:30".
func dropTime(s string) string {
	i := strings.LastIndexAny(s, " T")
	if i <= 0 {
		return s
	}
	clock := strings.TrimSuffix(strings.TrimSpace(s[i+1:]), "Z")
	parts := strings.Split(clock, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return s
	}
	for _, p := range parts {
		if p == "" || len(p) > 6 || strings.Trim(p, "0123456789.") != "" {
			return s
		}
	}
	return strings.TrimSpace(s[:i])
}
