package scan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns data as UTF-8: a UTF-8 or UTF-16 BOM decides; else
// valid UTF-8 is taken as is and anything else is read as GB18030 (a
// superset of GBK and GB2312). The result is always valid UTF-8.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		// A BOM says UTF-8; bytes that are not (a file cut or patched by
		// hand) become U+FFFD rather than reach the register as they are.
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode utf-16: %w", err)
		}
		return string(out), nil
	case utf8.Valid(data):
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode gb18030: %w", err)
	}
	return string(out), nil
}

// separators are tried in this order; the one whose header row names the
// most columns wins.
const separators = ",\t;"

// sniffText decodes data and finds the separator and the header. ok is
// false when no separator gives a header with a window and a field column.
func sniffText(data []byte) (text string, sep rune, ok bool) {
	text, err := decodeText(data)
	if err != nil {
		return "", 0, false
	}
	best := -1
	for _, s := range separators {
		rows := readRows(text, s, maxHeaderProbe)
		if _, l, found := findHeader(rows); found && l.known > best {
			best, sep = l.known, s
		}
	}
	return text, sep, best >= 0
}

// readRows reads up to limit records (0: no limit) for sniffing.
func readRows(text string, sep rune, limit int) [][]string {
	r := newCSV(text, sep)
	var rows [][]string
	for limit == 0 || len(rows) < limit {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			break
		}
		rows = append(rows, row)
	}
	return rows
}

func newCSV(text string, sep rune) *csv.Reader {
	r := csv.NewReader(bytes.NewReader([]byte(text)))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	return r
}

// readText reads delimited text.
func readText(name string, data []byte) ([]Record, []Problem, error) {
	label := baseName(name)
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, nil, &Error{label, ErrNotTable}
	}
	text, sep, ok := sniffText(data)
	if !ok {
		return nil, nil, &Error{label, ErrNoHeader}
	}
	t := newTable(name, label, "", true)
	r := newCSV(text, sep)
	header := true
	var l layout
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, nil, &Error{label, err}
			}
			t.problem(pe.StartLine, Problem{Code: Unparsable, Detail: pe.Err.Error()})
			continue
		}
		if header {
			if hl, found := parseHeader(row); found {
				l, header = hl, false
			}
			continue
		}
		t.add(&l, row, line)
	}
	recs, probs := t.finish()
	return recs, probs, nil
}
