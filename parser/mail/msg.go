package mail

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"shenbao/parser/problem"
)

// cfbMagic starts every compound file (Outlook .msg, Word .doc, …).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsMsg reports whether data is an Outlook .msg file: a compound file with
// the "__substg1.0_" property streams of a MAPI message.
func IsMsg(data []byte) bool {
	if !bytes.HasPrefix(data, cfbMagic) {
		return false
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return false
	}
	for {
		f, err := r.Next()
		if err != nil {
			return false
		}
		if len(f.Path) == 0 && (strings.HasPrefix(f.Name, "__substg1.0_") || f.Name == "__properties_version1.0") {
			return true
		}
	}
}

// msgStream is one property stream of a .msg storage.
type msgStream struct {
	id, typ uint16
	data    []byte
}

// msgStorage collects the streams of the message or of one attachment.
type msgStorage struct {
	props   map[uint16]msgStream
	fixed   []byte // __properties_version1.0
	ordinal int
	key     string // the storage's name, which orders storages of one ordinal
	object  bool   // holds an embedded message
	charset string // of 8-bit string properties, from the message's code page
}

// ReadMsg reads an Outlook .msg file: subject, sender, date, body and
// attachments. Embedded messages inside attachments are recorded as a
// problem and not read.
func ReadMsg(data []byte, lim Limits) (*Message, error) {
	if int64(len(data)) > lim.maxBytes() {
		return nil, fmt.Errorf("mail: %w (%d bytes, limit %d)", ErrTooLarge, len(data), lim.maxBytes())
	}
	if !bytes.HasPrefix(data, cfbMagic) {
		return nil, fmt.Errorf("mail: %w: not an Outlook .msg file", ErrNotMessage)
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("mail: read .msg compound file: %w", err)
	}
	top := &msgStorage{props: map[uint16]msgStream{}}
	attach := map[string]*msgStorage{}
	m := &Message{}
	c := &collector{msg: m, lim: lim}
	found := false
	budget := 2 * int64(len(data))
	for {
		f, err := r.Next()
		if err != nil {
			break
		}
		var st *msgStorage
		switch {
		case len(f.Path) == 0:
			st = top
		case len(f.Path) == 1 && strings.HasPrefix(f.Path[0], "__attach_version1.0_#"):
			key := f.Path[0]
			st = attach[key]
			if st == nil {
				n, _ := strconv.ParseUint(strings.TrimPrefix(key, "__attach_version1.0_#"), 16, 32)
				st = &msgStorage{props: map[uint16]msgStream{}, ordinal: int(n), key: key}
				attach[key] = st
			}
		case len(f.Path) >= 2 && strings.HasPrefix(f.Path[0], "__attach_version1.0_#"):
			if a := attach[f.Path[0]]; a != nil {
				a.object = true
			}
			continue
		default:
			continue
		}
		// a stream cannot be larger than the file; shared sectors could
		// still make many streams read the same bytes, so the total is capped
		if f.Size < 0 || f.Size > int64(len(data)) || budget-f.Size < 0 {
			c.problem(problem.Problem{Code: problem.StreamUnread, Where: f.Name, Detail: fmt.Sprintf("size %d", f.Size)})
			continue
		}
		budget -= f.Size
		if f.Name == "__properties_version1.0" {
			st.fixed = readStream(f)
			continue
		}
		if strings.HasPrefix(f.Name, "__substg1.0_3701000D") {
			st.object = true
			continue
		}
		if !strings.HasPrefix(f.Name, "__substg1.0_") || len(f.Name) < 20 {
			continue
		}
		tag, err := strconv.ParseUint(f.Name[12:20], 16, 32)
		if err != nil {
			continue
		}
		found = true
		id, typ := uint16(tag>>16), uint16(tag)
		if _, dup := st.props[id]; dup && typ != 0x001F {
			continue
		}
		st.props[id] = msgStream{id: id, typ: typ, data: readStream(f)}
	}
	if !found {
		return nil, fmt.Errorf("mail: %w: the compound file holds no message properties", ErrNotMessage)
	}
	for _, id := range []uint16{0x3FDE, 0x3FFD} { // PR_INTERNET_CPID, PR_MESSAGE_CODEPAGE
		if cp, ok := top.long(id, 32); ok && codePageCharset(cp) != "" {
			top.charset = codePageCharset(cp)
			break
		}
	}
	for _, a := range attach {
		a.charset = top.charset
	}
	m.Subject = cleanText(top.str(0x0037))
	name := cleanText(firstNonEmpty(top.str(0x0C1A), top.str(0x0042)))
	addr := cleanText(firstNonEmpty(top.str(0x5D01), top.str(0x5D02), top.str(0x0C1F), top.str(0x0065)))
	if !strings.Contains(addr, "@") {
		addr = ""
	}
	switch {
	case name != "" && addr != "" && name != addr:
		m.From = name + " <" + addr + ">"
	case addr != "":
		m.From = addr
	default:
		m.From = name
	}
	if hdr := top.str(0x007D); hdr != "" {
		m.DateText = headerField(hdr, "Date")
		if d, ok := parseDate(m.DateText); ok {
			m.Date = d
		}
	}
	if m.Date.IsZero() {
		for _, id := range []uint16{0x0039, 0x0E06, 0x3007} {
			if t, ok := top.systime(id, 32); ok {
				m.Date = t
				if m.DateText == "" {
					m.DateText = t.Format(time.RFC1123Z)
				}
				break
			}
		}
	}
	m.Text = normalizeText(top.str(0x1000))
	if m.Text == "" {
		if s := top.str(0x1013); s != "" {
			m.Text = normalizeText(htmlToText(s))
		}
	}
	keys := make([]*msgStorage, 0, len(attach))
	for _, a := range attach {
		keys = append(keys, a)
	}
	// Names that are not hex, or hex with other zero-padding, can give two
	// storages one ordinal: the name breaks the tie, never map order.
	slices.SortFunc(keys, func(a, b *msgStorage) int {
		return cmp.Or(cmp.Compare(a.ordinal, b.ordinal), strings.Compare(a.key, b.key))
	})
	for _, a := range keys {
		c.msgAttachment(a)
	}
	c.finish()
	return m, nil
}

// msgAttachment adds one .msg attachment storage as a Part.
func (c *collector) msgAttachment(a *msgStorage) {
	name := baseName(firstNonEmpty(a.str(0x3707), a.str(0x3704), a.str(0x3001)))
	if a.object {
		c.problem(problem.Problem{Code: problem.EmbeddedMail, Where: displayOr(name, "邮件")})
		return
	}
	d, ok := a.props[0x3701]
	if !ok {
		return
	}
	if len(c.msg.Parts) >= c.lim.maxParts() {
		c.dropped++
		return
	}
	ctype := strings.ToLower(cleanText(a.str(0x370E)))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	p := Part{Name: name, ContentType: ctype, Data: d.data}
	p.Message = strings.HasSuffix(strings.ToLower(name), ".eml") || ctype == "message/rfc822"
	c.add(p)
}

// readStream reads a whole stream; Size was checked against the limit.
func readStream(f *mscfb.File) []byte {
	buf := make([]byte, f.Size)
	n, err := io.ReadFull(f, buf)
	if err != nil {
		return buf[:n]
	}
	return buf
}

// str returns a string property: UTF-16LE (0x001F), or 8-bit (0x001E) and
// binary HTML (0x0102) in the message's code page (GB18030 when unknown and
// not UTF-8).
func (s *msgStorage) str(id uint16) string {
	p, ok := s.props[id]
	if !ok {
		return ""
	}
	if p.typ == 0x001F {
		return utf16String(p.data)
	}
	out, _ := decodeCharset(s.charset, bytes.TrimRight(p.data, "\x00"))
	return out
}

// long reads a PT_LONG property from the fixed-length property stream,
// whose header is hdr bytes long.
func (s *msgStorage) long(id uint16, hdr int) (uint32, bool) {
	if len(s.fixed) < hdr {
		return 0, false
	}
	for b := s.fixed[hdr:]; len(b) >= 16; b = b[16:] {
		tag := binary.LittleEndian.Uint32(b)
		if uint16(tag>>16) == id && uint16(tag) == 0x0003 {
			return binary.LittleEndian.Uint32(b[8:]), true
		}
	}
	return 0, false
}

// codePageCharset names the charset of a Windows code page; "" when unknown.
func codePageCharset(cp uint32) string {
	switch cp {
	case 936, 54936, 20936:
		return "gb18030"
	case 950:
		return "big5"
	case 65001:
		return "utf-8"
	case 1200, 0:
		return ""
	}
	return "windows-" + strconv.FormatUint(uint64(cp), 10)
}

// systime reads a PT_SYSTIME property from the fixed-length property
// stream, whose header is hdr bytes long.
func (s *msgStorage) systime(id uint16, hdr int) (time.Time, bool) {
	if len(s.fixed) < hdr {
		return time.Time{}, false
	}
	for b := s.fixed[hdr:]; len(b) >= 16; b = b[16:] {
		tag := binary.LittleEndian.Uint32(b)
		if uint16(tag>>16) != id || uint16(tag) != 0x0040 {
			continue
		}
		ft := binary.LittleEndian.Uint64(b[8:])
		if ft == 0 {
			return time.Time{}, false
		}
		return filetime(ft), true
	}
	return time.Time{}, false
}

// filetime converts 100 ns ticks since 1601-01-01 UTC.
func filetime(ft uint64) time.Time {
	const epochDiff = 116444736000000000 // 1601 → 1970 in 100 ns
	const maxTicks = 316224000000000000  // year 2603: later values are garbage
	if ft < epochDiff || ft > maxTicks {
		return time.Time{}
	}
	return time.Unix(0, 0).UTC().Add(time.Duration((ft-epochDiff)/10000) * time.Millisecond)
}

func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, binary.LittleEndian.Uint16(b[i:]))
	}
	return strings.TrimRight(string(utf16.Decode(u)), "\x00")
}

// headerField returns the first value of a field in a raw header block.
func headerField(hdr, name string) string {
	for _, line := range strings.Split(strings.ReplaceAll(hdr, "\r\n", "\n"), "\n") {
		if len(line) > len(name) && strings.EqualFold(line[:len(name)+1], name+":") {
			return strings.TrimSpace(line[len(name)+1:])
		}
	}
	return ""
}
