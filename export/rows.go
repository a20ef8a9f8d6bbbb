package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// The data rows of the list sheets are not kept by excelize. Its
// StreamWriter holds up to 16 MB of each sheet in memory (a buffer that
// grows to 32 MB and stays so until the file is written), and File.Write
// builds the whole zip in memory: at 10,000 windows that was ~100 MB of the
// run's peak. Instead excelize writes each list sheet with its heading rows
// only, the data rows go encoded, byte for byte as StreamWriter.SetRow
// would encode them, to a temporary file, and assemble writes the final
// zip: excelize's parts copied as they are, each list sheet's rows spliced
// in before its </sheetData>. Memory stays one row deep; the sheet XML is
// the same as before.

// spill holds the spilled rows of a workbook, by sheet name.
type spill struct {
	sheets map[string]*spilledRows
	// The sheets' rows are encoded on goroutines of their own (encode),
	// while excelize builds the rest of the workbook; wait collects them.
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error // by the order encode was called in; nil where it went well
}

func newSpill() *spill { return &spill{sheets: map[string]*spilledRows{}} }

// encode runs fn, which writes sheet's rows, on a goroutine of its own.
func (s *spill) encode(sheet string, fn func() error) {
	s.mu.Lock()
	i := len(s.errs)
	s.errs = append(s.errs, nil)
	s.mu.Unlock()
	s.wg.Go(func() {
		if err := fn(); err != nil {
			s.mu.Lock()
			s.errs[i] = fmt.Errorf("sheet %s: %w", sheet, err)
			s.mu.Unlock()
		}
	})
}

// wait waits for the rows being encoded and returns the error of the
// first sheet, in the order they were started, whose rows failed.
func (s *spill) wait() error {
	s.wg.Wait()
	for _, err := range s.errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// spilledRows are one sheet's data rows, encoded, in a temporary file.
type spilledRows struct {
	file *os.File
	w    *bufio.Writer
	last int // the last row written
	// scratch buffers reused from cell to cell
	esc  bytes.Buffer
	line []byte
}

// sheet returns the spilled rows of a sheet, creating the temporary file.
func (s *spill) sheet(name string) (*spilledRows, error) {
	if r := s.sheets[name]; r != nil {
		return r, nil
	}
	f, err := os.CreateTemp("", "shenbao-rows-*")
	if err != nil {
		return nil, fmt.Errorf("temp file for sheet %s: %w", name, err)
	}
	r := &spilledRows{file: f, w: bufio.NewWriterSize(f, 256<<10)}
	s.sheets[name] = r
	return r, nil
}

// close removes the temporary files, once no rows are being encoded.
func (s *spill) close() {
	s.wg.Wait()
	for _, r := range s.sheets {
		r.file.Close()
		os.Remove(r.file.Name())
	}
	s.sheets = nil
}

// setRow encodes one row as excelize's StreamWriter.SetRow(cell(1, row),
// values, excelize.RowOpts{Height: height}) does, for the values the list
// sheets write: excelize.Cell with a string, int, int64, float64 or nil
// value, and a style id above 0.
func (r *spilledRows) setRow(row int, values []any, height float64) error {
	if row <= r.last {
		return fmt.Errorf("row %d after row %d", row, r.last)
	}
	if row > excelize.TotalRows {
		return excelize.ErrMaxRows
	}
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	r.last = row
	b := append(r.line[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, val := range values {
		if val == nil {
			continue
		}
		c, ok := val.(excelize.Cell)
		if !ok || c.StyleID <= 0 || c.Formula != "" {
			return fmt.Errorf("row %d column %d: %T is not a styled cell", row, i+1, val)
		}
		b = append(b, `<c r="`...)
		b = appendColumn(b, i+1)
		b = strconv.AppendInt(b, int64(row), 10)
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
		switch v := c.Value.(type) {
		case nil:
			b = append(b, `></c>`...)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(v), 10)
			b = append(b, `</v></c>`...)
		case int64:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, v, 10)
			b = append(b, `</v></c>`...)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				b = r.appendInlineString(b, fmt.Sprint(v))
				break
			}
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, v, 'f', -1, 64)
			b = append(b, `</v></c>`...)
		case string:
			b = r.appendInlineString(b, v)
		default:
			return fmt.Errorf("row %d column %d: a %T value", row, i+1, c.Value)
		}
	}
	b = append(b, `</row>`...)
	r.line = b
	_, err := r.w.Write(b)
	return err
}

// appendInlineString appends the rest of a string cell after its style
// attribute, as excelize's setInlineStr and writeCell write it.
func (r *spilledRows) appendInlineString(b []byte, s string) []byte {
	if utf16Len(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" {
		switch first, last := s[0], s[len(s)-1]; {
		case isEdgeSpace(first), isEdgeSpace(last):
			b = append(b, ` xml:space="preserve"`...)
		}
	}
	b = append(b, '>')
	if s != "" {
		r.esc.Reset()
		_ = xml.EscapeText(&r.esc, []byte(s))
		v := r.esc.Bytes()
		if bytes.Contains(v, []byte("&#xA;")) {
			v = bytes.ReplaceAll(v, []byte("&#xA;"), []byte("\n"))
		}
		if bytes.Contains(v, []byte("_x")) {
			b = append(b, bstrMarshal(string(v))...)
		} else {
			b = append(b, v...)
		}
	}
	return append(b, `</t></is></c>`...)
}

// isEdgeSpace is what makes excelize keep a string's spaces
// (xml:space="preserve") when it starts or ends with it.
func isEdgeSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

func utf16Len(s string) int {
	if len(s) <= excelize.TotalCellChars {
		return len(s) // no string of n bytes has more than n UTF-16 units
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func truncateUTF16(s string, max int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > max {
			return s[:i]
		}
	}
	return s
}

// appendColumn appends the letters of column col (1-based).
func appendColumn(b []byte, col int) []byte {
	var letters [4]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, letters[i:]...)
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal escapes the sequences _xHHHH_ that Excel would read as an
// escaped character, as excelize does (its unexported bstrMarshal, v2.11.0,
// BSD-3-Clause, copied so the cells come out the same).
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// assemble writes to w the workbook excelize wrote (book, a whole xlsx
// whose list sheets hold their heading rows only) with the spilled rows of
// each sheet spliced in before its </sheetData>. Parts are written in
// descending name order, as excelize orders those it does not stream, so
// two writes of one result give the same bytes.
func (s *spill) assemble(w io.Writer, book []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(b.Name, a.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		if f.Name == "[Content_Types].xml" {
			if err := copySorted(zw, f); err != nil {
				return fmt.Errorf("copy %s: %w", f.Name, err)
			}
			continue
		}
		rows := s.sheets[parts[f.Name]]
		if rows == nil {
			if err := zw.Copy(f); err != nil {
				return fmt.Errorf("copy %s: %w", f.Name, err)
			}
			continue
		}
		if err := rows.splice(zw, f); err != nil {
			return fmt.Errorf("sheet %s: %w", parts[f.Name], err)
		}
	}
	return zw.Close()
}

// splice writes sheet part f with the rows inserted before </sheetData>.
func (r *spilledRows) splice(zw *zip.Writer, f *zip.File) error {
	sheet, err := readMember(f)
	if err != nil {
		return err
	}
	at := bytes.Index(sheet, []byte("</sheetData>"))
	if at < 0 {
		return errors.New("no </sheetData>")
	}
	if err := r.w.Flush(); err != nil {
		return err
	}
	if _, err := r.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	out, err := zw.Create(f.Name)
	if err != nil {
		return err
	}
	if _, err := out.Write(sheet[:at]); err != nil {
		return err
	}
	if _, err := io.Copy(out, r.file); err != nil {
		return err
	}
	_, err = out.Write(sheet[at:])
	return err
}

// sheetParts maps each worksheet part of the workbook to its sheet name,
// from xl/workbook.xml and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXMLPart(zr, "xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := readXMLPart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	parts := map[string]string{}
	for _, sh := range book.Sheets {
		if t := target[sh.RID]; t != "" {
			parts[t] = sh.Name
		}
	}
	return parts, nil
}

func readXMLPart(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return fmt.Errorf("workbook part %s: %w", name, err)
	}
	defer f.Close()
	if err := xml.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("workbook part %s: %w", name, err)
	}
	return nil
}

// contentTypeEntry is one Default or Override element of
// [Content_Types].xml, as excelize writes it.
var contentTypeEntry = regexp.MustCompile(`<(?:Default|Override) [^>]*?(?:/>|></(?:Default|Override)>)`)

// copySorted writes [Content_Types].xml with its Default and Override
// entries in sorted order: excelize writes them from a map, in a different
// order on every run, and the same result must give the same bytes.
func copySorted(zw *zip.Writer, f *zip.File) error {
	data, err := readMember(f)
	if err != nil {
		return err
	}
	out, err := zw.Create(f.Name)
	if err != nil {
		return err
	}
	_, err = out.Write(sortContentTypes(data))
	return err
}

// sortContentTypes sorts the entries of a [Content_Types].xml in place of
// where they stand (Defaults before Overrides, each by its text).
func sortContentTypes(data []byte) []byte {
	locs := contentTypeEntry.FindAllIndex(data, -1)
	if len(locs) < 2 {
		return data
	}
	first, last := locs[0][0], locs[len(locs)-1][1]
	entries := make([]string, 0, len(locs))
	for i, l := range locs {
		if i > 0 && l[0] != locs[i-1][1] {
			return data // something else between the entries: leave it
		}
		entries = append(entries, string(data[l[0]:l[1]]))
	}
	slices.SortFunc(entries, func(a, b string) int {
		da, db := strings.HasPrefix(a, "<Default"), strings.HasPrefix(b, "<Default")
		if da != db {
			if da {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	out := append([]byte(nil), data[:first]...)
	for _, e := range entries {
		out = append(out, e...)
	}
	return append(out, data[last:]...)
}

// readMember reads a whole member of the zip excelize wrote.
func readMember(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
