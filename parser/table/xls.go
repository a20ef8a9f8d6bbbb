package table

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"shenbao/parser/problem"
)

// BIFF8 record types read here (MS-XLS §2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recMergedCells = 0x00E5
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recBOF         = 0x0809
)

// maxXLSStream bounds the Workbook stream read into memory.
const maxXLSStream = 64 << 20

var errXLSFormat = fmt.Errorf("%w: XLS record structure", ErrDamaged)

// cfbKind tells a compound file's kind from its root stream names:
// "xls", "doc", "" for another compound file (an Outlook .msg, a .ppt), or
// "cfb" when the compound file itself cannot be opened — a truncated or
// damaged Office 97-2003 file, which Read reports as damaged, not as "not a
// table".
func cfbKind(data []byte) (kind string) {
	defer func() {
		if recover() != nil {
			kind = "cfb"
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return "cfb"
	}
	for _, f := range r.File {
		if len(f.Path) != 0 {
			continue
		}
		switch f.Name {
		case "Workbook", "Book", "EncryptionInfo", "EncryptedPackage":
			return "xls"
		case "WordDocument":
			return "doc"
		}
	}
	return ""
}

// workbookStream returns the BIFF stream of a compound file.
func workbookStream(data []byte) (stream []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			stream, err = nil, errXLSFormat
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCFBDamaged, err)
	}
	var book *mscfb.File
	for _, f := range r.File {
		if len(f.Path) != 0 {
			continue
		}
		switch f.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return nil, ErrEncrypted
		case "Workbook":
			book = f
		case "Book":
			if book == nil {
				return nil, fmt.Errorf("%w: BIFF5 Book stream", ErrOldExcel)
			}
		}
	}
	if book == nil {
		return nil, ErrNoWorkbook
	}
	if book.Size < 0 || book.Size > maxXLSStream || book.Size > int64(len(data)) {
		return nil, errXLSFormat
	}
	stream = make([]byte, book.Size)
	if n, err := book.ReadAt(stream, 0); n != len(stream) {
		if err == nil {
			err = errXLSFormat
		}
		return nil, fmt.Errorf("%w: workbook stream: %w", ErrDamaged, err)
	}
	return stream, nil
}

// record is one BIFF record: its type, its data, and where it starts.
type record struct {
	typ  uint16
	data []byte
	next int // offset of the following record
}

// recordAt reads the record at off; ok is false past the stream or for a
// record whose length runs past it.
func recordAt(s []byte, off int) (record, bool) {
	if off < 0 || off+4 > len(s) {
		return record{}, false
	}
	typ := binary.LittleEndian.Uint16(s[off:])
	n := int(binary.LittleEndian.Uint16(s[off+2:]))
	if off+4+n > len(s) {
		return record{}, false
	}
	return record{typ: typ, data: s[off+4 : off+4+n], next: off + 4 + n}, true
}

// continued returns r's data and the data of the CONTINUE records after
// it, and the offset past them.
func continued(s []byte, r record) ([][]byte, int) {
	segs := [][]byte{r.data}
	next := r.next
	for {
		c, ok := recordAt(s, next)
		if !ok || c.typ != recContinue {
			return segs, next
		}
		segs = append(segs, c.data)
		next = c.next
	}
}

type sheetRef struct {
	name string
	pos  int
	kind byte // 0 worksheet, 1 macro, 2 chart, 6 VB module
}

// readXLS reads every worksheet of a BIFF8 workbook.
func readXLS(b *builder, data []byte) error {
	s, err := workbookStream(data)
	if err != nil {
		return err
	}
	bof, ok := recordAt(s, 0)
	if !ok || (bof.typ != recBOF && bof.typ&0xFF != 0x09) {
		return errXLSFormat
	}
	if bof.typ != recBOF || le16(bof.data, 0) != 0x0600 {
		return fmt.Errorf("%w: BOF version %#x", ErrOldExcel, le16(bof.data, 0))
	}
	var (
		sheets []sheetRef
		sst    []string
	)
	for off := bof.next; ; {
		r, ok := recordAt(s, off)
		if !ok {
			b.warn(problem.Problem{Code: problem.WorkbookIncomplete, Detail: "globals substream ends early"})
			break
		}
		off = r.next
		switch r.typ {
		case recFilePass:
			return ErrEncrypted
		case recBoundSheet:
			if len(r.data) >= 8 {
				name, _ := shortString(r.data[6:])
				sheets = append(sheets, sheetRef{name: name, pos: int(le32(r.data, 0)), kind: r.data[5]})
			}
		case recSST:
			var segs [][]byte
			segs, off = continued(s, r)
			sst = readSST(b, segs)
		}
		if r.typ == recEOF {
			break
		}
	}
	for _, sh := range sheets {
		if sh.kind != 0 {
			continue
		}
		if !b.room() {
			break
		}
		g := b.newGrid(sh.name)
		readXLSSheet(b, g, s, sh.pos, sst)
		g.done()
	}
	if len(b.book.Sheets) == 0 {
		return ErrNoSheets
	}
	return nil
}

// readXLSSheet reads the cell records of the sheet substream at pos.
func readXLSSheet(b *builder, g *grid, s []byte, pos int, sst []string) {
	bof, ok := recordAt(s, pos)
	if !ok || bof.typ != recBOF {
		b.warn(problem.Problem{Code: problem.SheetUnread, Where: g.name, Detail: "invalid sheet position"})
		return
	}
	type merge struct{ r1, r2, c1, c2 int }
	var merges []merge
	for off := bof.next; ; {
		r, ok := recordAt(s, off)
		if !ok {
			b.warn(problem.Problem{Code: problem.SheetUnread, Where: g.name, Detail: "sheet substream ends early"})
			break
		}
		off = r.next
		d := r.data
		row, col := int(le16(d, 0)), int(le16(d, 2))
		switch r.typ {
		case recEOF:
			for _, m := range merges {
				g.merge(m.r1, m.c1, m.r2, m.c2)
			}
			return
		case recLabelSST:
			if len(d) >= 10 {
				if i := int(le32(d, 6)); i < len(sst) {
					g.set(row, col, sst[i])
				} else {
					b.warn(problem.Problem{Code: problem.StringsBroken, Where: g.name, Detail: fmt.Sprintf("invalid shared-string index at row %d, column %d", row+1, col+1)})
				}
			}
		case recLabel:
			if len(d) >= 9 {
				segs, next := continued(s, r)
				off = next
				segs[0] = segs[0][6:]
				if v, ok := unicodeString(b, segs); ok {
					g.set(row, col, v)
				}
			}
		case recNumber:
			if len(d) >= 14 {
				g.set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			}
		case recRK:
			if len(d) >= 10 {
				g.set(row, col, number(rkValue(le32(d, 6))))
			}
		case recMulRK:
			for i, c := 0, col; 4+6*i+6 <= len(d)-2; i, c = i+1, c+1 {
				g.set(row, c, number(rkValue(le32(d, 4+6*i+2))))
			}
		case recBoolErr:
			if len(d) >= 8 {
				g.set(row, col, boolErr(d[6], d[7] != 0))
			}
		case recFormula:
			if len(d) < 20 {
				continue
			}
			res := d[6:14]
			if le16(res, 6) != 0xFFFF {
				g.set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(res))))
				continue
			}
			switch res[0] {
			case 0: // string: the next STRING record holds it
				if sr, ok := recordAt(s, off); ok && sr.typ == recString {
					segs, next := continued(s, sr)
					off = next
					if v, ok := unicodeString(b, segs); ok {
						g.set(row, col, v)
					}
				}
			case 1:
				g.set(row, col, boolErr(res[2], false))
			case 2:
				g.set(row, col, boolErr(res[2], true))
			}
		case recMergedCells:
			n := int(le16(d, 0))
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				p := d[2+8*i:]
				merges = append(merges, merge{int(le16(p, 0)), int(le16(p, 2)), int(le16(p, 4)), int(le16(p, 6))})
			}
		}
		if b.full {
			return
		}
	}
}

// readSST decodes the shared string table spread over segs (the SST
// record's data and its CONTINUE records). Strings past a damaged point
// are missing; cells that refer to them are reported.
func readSST(b *builder, segs [][]byte) []string {
	if len(segs[0]) < 8 {
		return nil
	}
	total := int(le32(segs[0], 4))
	segs[0] = segs[0][8:]
	c := &cursor{segs: segs}
	var out []string
	for i := 0; i < total; i++ {
		v, ok := c.richString(b)
		if !ok {
			b.warn(problem.Problem{Code: problem.StringsBroken, Detail: fmt.Sprintf("shared-string table holds %d of %d strings", len(out), total)})
			break
		}
		out = append(out, v)
	}
	return out
}

// unicodeString reads an XLUnicodeString (cch, flags, characters).
func unicodeString(b *builder, segs [][]byte) (string, bool) {
	c := &cursor{segs: segs}
	return c.richString(b)
}

// cursor reads across a record and its CONTINUE records.
type cursor struct {
	segs [][]byte
	i    int // segment
	off  int // offset in segment
}

// take returns the next n bytes, crossing segments, or false.
func (c *cursor) take(n int) ([]byte, bool) {
	var out []byte
	for n > 0 {
		if c.i >= len(c.segs) {
			return nil, false
		}
		seg := c.segs[c.i]
		if c.off >= len(seg) {
			c.i, c.off = c.i+1, 0
			continue
		}
		k := min(n, len(seg)-c.off)
		out = append(out, seg[c.off:c.off+k]...)
		c.off += k
		n -= k
	}
	return out, true
}

func (c *cursor) skip(n int) bool {
	for n > 0 {
		if c.i >= len(c.segs) {
			return false
		}
		seg := c.segs[c.i]
		k := min(n, len(seg)-c.off)
		c.off += k
		n -= k
		if c.off >= len(seg) {
			c.i, c.off = c.i+1, 0
		}
	}
	return true
}

// richString reads an XLUnicodeRichExtendedString (or the plain form,
// whose flags have neither rich nor extended bits): cch, flags, optional
// run count and extension size, the characters — which, when split by a
// CONTINUE, resume after a new flags byte — then the runs and extension.
func (c *cursor) richString(b *builder) (string, bool) {
	h, ok := c.take(3)
	if !ok {
		return "", false
	}
	cch := int(binary.LittleEndian.Uint16(h))
	flags := h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		v, ok := c.take(2)
		if !ok {
			return "", false
		}
		runs = int(binary.LittleEndian.Uint16(v))
	}
	if flags&0x04 != 0 {
		v, ok := c.take(4)
		if !ok {
			return "", false
		}
		ext = int(int32(binary.LittleEndian.Uint32(v)))
		if ext < 0 {
			return "", false
		}
	}
	if b.bytes+cch*3 > b.lim.MaxBytes {
		return "", false
	}
	high := flags&0x01 != 0
	var sb strings.Builder
	units := make([]uint16, 0, min(cch, 1024))
	for left := cch; left > 0; {
		if c.i >= len(c.segs) {
			return "", false
		}
		seg := c.segs[c.i]
		if c.off >= len(seg) {
			// The characters go on in the next CONTINUE, after a flags byte.
			c.i, c.off = c.i+1, 0
			if c.i >= len(c.segs) || len(c.segs[c.i]) == 0 {
				return "", false
			}
			high = c.segs[c.i][0]&0x01 != 0
			c.off = 1
			continue
		}
		width := 1
		if high {
			width = 2
		}
		n := min(left, (len(seg)-c.off)/width)
		if n == 0 {
			return "", false
		}
		for k := 0; k < n; k++ {
			if high {
				units = append(units, binary.LittleEndian.Uint16(seg[c.off+2*k:]))
			} else {
				units = append(units, uint16(seg[c.off+k]))
			}
		}
		c.off += n * width
		left -= n
	}
	sb.WriteString(string(utf16.Decode(units)))
	if !c.skip(4*runs) || !c.skip(ext) {
		return "", false
	}
	return sb.String(), true
}

// shortString reads a ShortXLUnicodeString (cch byte, flags, characters).
func shortString(d []byte) (string, bool) {
	if len(d) < 2 {
		return "", false
	}
	cch, high := int(d[0]), d[1]&0x01 != 0
	d = d[2:]
	if high {
		if len(d) < 2*cch {
			return "", false
		}
		units := make([]uint16, cch)
		for i := range units {
			units[i] = binary.LittleEndian.Uint16(d[2*i:])
		}
		return string(utf16.Decode(units)), true
	}
	if len(d) < cch {
		return "", false
	}
	rs := make([]rune, cch)
	for i := range rs {
		rs[i] = rune(d[i])
	}
	return string(rs), true
}

// rkValue decodes an RK number: a 30-bit integer or the top 30 bits of a
// double, optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// number writes v as a person types it: 3, 95.5.
func number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var errorText = map[byte]string{0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}

func boolErr(v byte, isErr bool) string {
	if isErr {
		if t, ok := errorText[v]; ok {
			return t
		}
		return "#ERROR"
	}
	if v != 0 {
		return "TRUE"
	}
	return "FALSE"
}

func le16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func le32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}
