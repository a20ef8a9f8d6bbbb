package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"sync"
	"unicode/utf8"
)

// A part is most often plain XML: UTF-8, elements and attributes, text
// with no entities but the five predefined ones, an XML declaration and
// nothing else (no comments, CDATA, processing instructions or DTD). Such
// a part is tokenized here, several times faster than encoding/xml reads
// it a byte at a time. Whether a part is plain is
// decided over the whole part before its first token is given out; a part
// that is not, or is larger than maxPlainBytes, is read by encoding/xml as
// before. The scanner gives exactly the tokens RawToken gives for a plain
// part, and as a plain part is well formed, no error arises from it.

// maxPlainBytes bounds the part held in memory for the scanner: forms are
// tens of kilobytes.
const maxPlainBytes = 1 << 20

// plainScanner tokenizes a plain part held in b.
type plainScanner struct {
	b   []byte
	pos int
	// end is set after a self-closing tag, whose end element comes next.
	end   bool
	name  rawName   // the name of the last start or end tag
	attrs []rawAttr // the attributes of the last start tag
	text  []byte    // the last character data, entities replaced
	// unescaped holds text that was not taken as it stands in b.
	unescaped []byte
}

// rawName is a qualified name as written: prefix (possibly empty) and
// local part, as slices of the part.
type rawName struct{ space, local []byte }

type rawAttr struct {
	name  rawName
	value []byte // as written, entities not yet replaced
}

// rawKind is what the scanner found.
type rawKind int

const (
	rawEOF rawKind = iota
	rawStart
	rawEnd
	rawText
	rawDecl // the XML declaration
)

// isPlain reports whether the scanner reads all of b, well nested, with
// one root element and nothing outside it but white space.
func isPlain(b []byte) bool {
	s := &plainScanner{b: b}
	var open []rawName
	roots := 0
	for {
		kind, ok := s.scan()
		if !ok {
			return false
		}
		switch kind {
		case rawEOF:
			return roots == 1 && len(open) == 0
		case rawStart:
			if len(open) == 0 {
				if roots++; roots > 1 {
					return false
				}
			}
			open = append(open, s.name)
		case rawEnd:
			if len(open) == 0 {
				return false
			}
			top := open[len(open)-1]
			if !bytes.Equal(top.space, s.name.space) || !bytes.Equal(top.local, s.name.local) {
				return false
			}
			open = open[:len(open)-1]
		case rawText:
			if len(open) == 0 && len(bytes.Trim(s.text, " \t\n\r")) > 0 {
				return false
			}
		}
	}
}

// scan reads the next token: for a start tag its name and attributes
// (name, attrs), for an end tag its name, for character data the text.
// ok is false where the part is not plain; the scanner is then not to be
// used further.
func (s *plainScanner) scan() (kind rawKind, ok bool) {
	if s.end {
		s.end = false
		return rawEnd, true
	}
	b := s.b
	if s.pos >= len(b) {
		return rawEOF, true
	}
	if b[s.pos] != '<' {
		return s.scanText()
	}
	if s.pos == 0 && bytes.HasPrefix(b, []byte("<?xml ")) {
		return s.scanDecl()
	}
	i := s.pos + 1
	if i < len(b) && b[i] == '/' {
		name, j, ok := scanName(b, i+1)
		j = skipSpace(b, j)
		if !ok || j >= len(b) || b[j] != '>' {
			return 0, false
		}
		s.name, s.pos = name, j+1
		return rawEnd, true
	}
	name, j, ok := scanName(b, i)
	if !ok {
		return 0, false
	}
	s.name = name
	s.attrs = s.attrs[:0]
	for {
		k := skipSpace(b, j)
		if k >= len(b) {
			return 0, false
		}
		switch {
		case b[k] == '>':
			s.pos = k + 1
			return rawStart, true
		case b[k] == '/':
			if k+1 >= len(b) || b[k+1] != '>' {
				return 0, false
			}
			s.pos, s.end = k+2, true
			return rawStart, true
		case k == j:
			return 0, false // attributes are separated by white space
		}
		an, k, ok := scanName(b, k)
		if !ok || k+1 >= len(b) || b[k] != '=' || b[k+1] != '"' && b[k+1] != '\'' {
			return 0, false
		}
		q := b[k+1]
		v := k + 2
		e := bytes.IndexByte(b[v:], q)
		if e < 0 || !plainChars(b[v:v+e], true) {
			return 0, false
		}
		s.attrs = append(s.attrs, rawAttr{an, b[v : v+e]})
		j = v + e + 1
	}
}

// scanText reads character data up to the next '<' or the end.
func (s *plainScanner) scanText() (rawKind, bool) {
	b := s.b[s.pos:]
	n := bytes.IndexByte(b, '<')
	if n < 0 {
		n = len(b)
	}
	t := b[:n]
	if !plainChars(t, false) {
		return 0, false
	}
	s.pos += n
	if !bytes.ContainsAny(t, "&\r") {
		s.text = t
		return rawText, true
	}
	s.unescaped = appendText(s.unescaped[:0], t)
	s.text = s.unescaped
	return rawText, true
}

// plainDecls are the XML declarations taken as plain: version 1.0, UTF-8,
// as Word, LibreOffice and lxml write them (in either quotes).
var plainDecls = [][]byte{
	[]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`),
	[]byte(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`),
	[]byte(`<?xml version="1.0" encoding="UTF-8"?>`),
	[]byte(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>`),
	[]byte(`<?xml version="1.0" encoding="utf-8"?>`),
	[]byte(`<?xml version="1.0" standalone="yes"?>`),
	[]byte(`<?xml version="1.0"?>`),
}

func (s *plainScanner) scanDecl() (rawKind, bool) {
	single := bytes.HasPrefix(s.b, []byte("<?xml version='"))
	for _, d := range plainDecls {
		if len(s.b) < len(d) {
			continue
		}
		// Or the same declaration in single quotes.
		if bytes.HasPrefix(s.b, d) || single && bytes.IndexByte(s.b[:len(d)], '"') < 0 &&
			bytes.Equal(bytes.ReplaceAll(s.b[:len(d)], []byte("'"), []byte(`"`)), d) {
			s.pos = len(d)
			return rawDecl, true
		}
	}
	return 0, false
}

// scanName reads a name at b[i:]: an NCName, or prefix:NCName.
func scanName(b []byte, i int) (rawName, int, bool) {
	start := i
	colon := -1
	for i < len(b) {
		c := b[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
		case c >= '0' && c <= '9' || c == '.' || c == '-':
			if i == start || i == colon+1 {
				return rawName{}, 0, false
			}
		case c == ':':
			if colon >= 0 || i == start {
				return rawName{}, 0, false
			}
			colon = i
		default:
			goto done
		}
		i++
	}
done:
	if i == start || i == colon+1 {
		return rawName{}, 0, false
	}
	if colon < 0 {
		return rawName{local: b[start:i]}, i, true
	}
	return rawName{space: b[start:colon], local: b[colon+1 : i]}, i, true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainChars reports whether t is text (or, inAttr, an attribute value)
// that encoding/xml reads without error and without change but for the
// five predefined entities and line ends: valid UTF-8 of XML characters,
// no "]]>", no '<' in a value, every '&' starting &lt; &gt; &amp; &apos;
// or &quot;.
func plainChars(t []byte, inAttr bool) bool {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				n := entityLen(t[i:])
				if n == 0 {
					return false
				}
				i += n
				continue
			case c == '<' || c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				return false
			case c == '>' && !inAttr && i >= 2 && t[i-1] == ']' && t[i-2] == ']':
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

var entities = []struct {
	ref string
	b   byte
}{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}}

// entityLen is the length of the predefined entity reference t starts
// with, or 0.
func entityLen(t []byte) int {
	for _, e := range entities {
		if bytes.HasPrefix(t, []byte(e.ref)) {
			return len(e.ref)
		}
	}
	return 0
}

// unescape returns the byte a predefined entity reference stands for.
func unescape(ref []byte) byte {
	for _, e := range entities {
		if string(ref) == e.ref {
			return e.b
		}
	}
	return 0
}

// appendText appends t as encoding/xml reads it: entity references
// replaced, and "\r\n" and a lone '\r' read as '\n'. t is plainChars.
func appendText(dst, t []byte) []byte {
	var prev byte // the byte before, as the decoder tracks it
	for i := 0; i < len(t); {
		c := t[i]
		if n := entityLen(t[i:]); n > 0 {
			dst = append(dst, unescape(t[i:i+n]))
			i += n
			prev = 0
			continue
		}
		switch {
		case c == '\r':
			dst = append(dst, '\n')
		case c == '\n' && prev == '\r':
		default:
			dst = append(dst, c)
		}
		prev = c
		i++
	}
	return dst
}

// readPlain reads a part of at most maxPlainBytes into memory. ok is false
// when the part is larger or could not be read whole: rest then yields the
// same bytes, and the same error, the part would have.
func readPlain(in io.Reader) (b []byte, rest io.Reader, ok bool) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(in, maxPlainBytes+1))
	b = buf.Bytes()
	switch {
	case err != nil:
		return nil, io.MultiReader(bytes.NewReader(b), errReader{err}), false
	case len(b) > maxPlainBytes:
		return nil, io.MultiReader(bytes.NewReader(b), in), false
	}
	return b, bytes.NewReader(b), true
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// names interns the names and short values of plain parts: a form repeats
// a few dozen of them thousands of times, and a batch of forms the same
// ones in every part. The strings are shared, never changed.
type names struct{ m map[string]string }

// namePool passes names from one part to the next.
var namePool = sync.Pool{New: func() any { return &names{} }}

// maxInterned bounds names.m, so hostile input cannot grow it at will;
// values longer than maxInternLen are not interned.
const (
	maxInterned  = 4096
	maxInternLen = 32
)

func (n *names) get(b []byte) string {
	if s, ok := n.m[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(b) <= maxInternLen && len(n.m) < maxInterned {
		if n.m == nil {
			n.m = map[string]string{}
		}
		n.m[s] = s
	}
	return s
}

// value returns an attribute value as a string, entities replaced.
func (n *names) value(v []byte) string {
	if !bytes.ContainsAny(v, "&\r") {
		return n.get(v)
	}
	return string(appendText(nil, v))
}

// name returns a raw name as xml.Name, prefix in Space.
func (n *names) name(r rawName) xml.Name {
	return xml.Name{Space: n.get(r.space), Local: n.get(r.local)}
}
