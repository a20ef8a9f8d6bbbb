package table

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

	"shenbao/parser/problem"
)

// looksText reports whether data may be delimited text: no NUL bytes
// (unless UTF-16 with a BOM) and few control characters in its head.
func looksText(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return true
	}
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	bad := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' {
			bad++
		}
	}
	return bad*100 < len(head)
}

// decodeText returns data as UTF-8: a UTF-8 or UTF-16 BOM decides; else
// valid UTF-8 is taken as is and anything else is read as GB18030 (a
// superset of GBK and GB2312).
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: UTF-16: %w", ErrEncoding, err)
		}
		return string(out), nil
	case utf8.Valid(data):
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: GB18030: %w", ErrEncoding, err)
	}
	return string(out), nil
}

// separators are tried in this order; the one that splits the first lines
// into the most columns, consistently, wins.
const separators = ",\t;"

// sniffSeparator picks the separator whose widest row among the first 20
// is widest; ties go to the earlier one.
func sniffSeparator(text string) rune {
	best, bestWidth := ',', 0
	for _, s := range separators {
		r := newCSV(text, s)
		width := 0
		for i := 0; i < 20; i++ {
			row, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			width = max(width, len(row))
		}
		if width > bestWidth {
			best, bestWidth = s, width
		}
	}
	return best
}

func newCSV(text string, sep rune) *csv.Reader {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	return r
}

// readCSV reads delimited text as one sheet.
func readCSV(b *builder, data []byte) error {
	text, err := decodeText(data)
	if err != nil {
		return err
	}
	r := newCSV(text, sniffSeparator(text))
	g := b.newGrid("CSV")
	for line := 0; ; line++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				b.warn(problem.Problem{Code: problem.RowSkipped, Where: fmt.Sprintf("line %d", pe.StartLine), Detail: pe.Err.Error()})
				continue
			}
			return fmt.Errorf("read text table: %w", err)
		}
		if line >= b.lim.MaxRows {
			b.warn(problem.Problem{Code: problem.TableCut, Detail: fmt.Sprintf("more than %d rows", b.lim.MaxRows)})
			break
		}
		for c, v := range row {
			if !g.set(line, c, v) {
				break
			}
		}
		if b.full {
			break
		}
	}
	g.done()
	return nil
}
