package mail

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/jhillyerd/enmime/v2"
)

// uuFile is one file found uuencoded: its raw name bytes (in whatever
// charset the sender used) and its decoded bytes.
type uuFile struct {
	Name []byte
	Data []byte
}

// uuBegin matches the line that opens a uuencoded file: "begin 644 name".
var uuBegin = regexp.MustCompile(`^begin(?:-base64)? +[0-7]{3,4} +(\S.*?)\s*$`)

// isUUEncoding reports whether a Content-Transfer-Encoding names uuencode.
func isUUEncoding(cte string) bool {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "x-uuencode", "uuencode", "x-uue", "uue":
		return true
	}
	return false
}

// extractUU takes the uuencoded files ("begin 644 name" … "end", as old
// clients and some gateways put them into a plain-text body) out of text and
// returns the rest of the text and the files, in order.
func extractUU(text []byte) ([]byte, []uuFile) {
	if !bytes.Contains(text, []byte("begin ")) {
		return text, nil
	}
	var files []uuFile
	var rest []byte
	for pos := 0; pos < len(text); {
		line, next := lineAt(text, pos)
		if m := uuBegin.FindSubmatch(line); m != nil {
			if data, end, ok := uudecode(text, next); ok {
				files = append(files, uuFile{Name: m[1], Data: data})
				pos = end
				continue
			}
		}
		rest = append(rest, text[pos:next]...)
		pos = next
	}
	if files == nil {
		return text, nil
	}
	return rest, files
}

// uudecodeFirst decodes the first uuencoded file in a part whose transfer
// encoding is uuencode.
func uudecodeFirst(raw []byte) (uuFile, bool) {
	for pos := 0; pos < len(raw); {
		line, next := lineAt(raw, pos)
		if m := uuBegin.FindSubmatch(line); m != nil {
			if data, _, ok := uudecode(raw, next); ok {
				return uuFile{Name: m[1], Data: data}, true
			}
		}
		pos = next
	}
	return uuFile{}, false
}

// uudecode decodes the lines of one uuencoded file starting at pos up to its
// "end" line and returns the data and the offset after "end". ok is false
// when a line is not uuencoded or no line was; a body cut before "end" still
// yields what was decoded.
func uudecode(text []byte, pos int) (data []byte, end int, ok bool) {
	lines := 0
	for pos < len(text) {
		line, next := lineAt(text, pos)
		if string(bytes.TrimRight(line, " \t")) == "end" {
			return data, next, lines > 0
		}
		out, valid := uuLine(line)
		if !valid {
			return nil, 0, false
		}
		data = append(data, out...)
		lines++
		pos = next
	}
	return data, pos, lines > 0
}

// uuLine decodes one uuencoded line. Up to two trailing spaces that
// transport stripped (a line ending in a zero byte, from an encoder that
// writes zero as a space) are taken as the zero bits they stood for; a line
// missing more than that is not a uuencoded line: it would make bytes out
// of nothing.
func uuLine(line []byte) ([]byte, bool) {
	if len(line) == 0 {
		return nil, false
	}
	n := int(line[0]-' ') & 63
	if line[0] < ' ' || line[0] > '`' {
		return nil, false
	}
	chars := line[1:]
	if len(chars) > (n+2)/3*4+4 { // a little slack for padding some encoders add
		return nil, false
	}
	if len(chars) < (4*n+2)/3-2 {
		return nil, false
	}
	out := make([]byte, 0, n)
	for i := 0; len(out) < n; i += 4 {
		var q [4]byte
		for j := range q {
			if i+j < len(chars) {
				c := chars[i+j]
				if c < ' ' || c > '`' {
					return nil, false
				}
				q[j] = (c - ' ') & 63
			}
		}
		b := [3]byte{q[0]<<2 | q[1]>>4, q[1]<<4 | q[2]>>2, q[2]<<6 | q[3]}
		out = append(out, b[:min(3, n-len(out))]...)
	}
	return out, true
}

// cutAtDelimiter ends a leaf's content at the first delimiter line of an
// enclosing multipart. A delimiter never belongs to content (RFC 2046
// §5.1.1), but a message that ends with an opening delimiter instead of the
// closing one leaves it, decoded as base64, at the end of the last part.
func cutAtDelimiter(content []byte, p *enmime.Part) []byte {
	for anc := p.Parent; anc != nil; anc = anc.Parent {
		if anc.Boundary == "" {
			continue
		}
		delim := []byte("--" + anc.Boundary)
		for pos := 0; pos < len(content); {
			i := bytes.Index(content[pos:], delim)
			if i < 0 {
				break
			}
			at := pos + i
			pos = at + len(delim)
			if at > 0 && content[at-1] != '\n' {
				continue
			}
			rest := bytes.TrimPrefix(content[at+len(delim):], []byte("--"))
			if ok, _ := lineEndAfter(rest); !ok {
				continue
			}
			end := at
			if end > 0 && content[end-1] == '\n' {
				end--
				if end > 0 && content[end-1] == '\r' {
					end--
				}
			}
			content = content[:end]
			break
		}
	}
	return content
}

// mimeByExt gives the media type of a file found without one (a uuencoded
// file) from its name.
func mimeByExt(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".doc", ".wps":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".pdf":
		return "application/pdf"
	case ".zip":
		return "application/zip"
	case ".7z":
		return "application/x-7z-compressed"
	case ".rar":
		return "application/vnd.rar"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".png":
		return "image/png"
	case ".eml":
		return "message/rfc822"
	}
	return "application/octet-stream"
}

// enrichedToText turns text/enriched (RFC 1896) or, with richtext set,
// text/richtext (RFC 1341) into plain text: formatting commands go, "<<"
// (enriched) and <lt> (richtext) are '<'. In enriched text a lone line break
// is a space and n line breaks are n-1; in richtext every line break is a
// space and <nl> is one.
func enrichedToText(s string, richtext bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	param := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<' && !richtext && strings.HasPrefix(s[i:], "<<"):
			if param == 0 {
				b.WriteByte('<')
			}
			i += 2
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				i = len(s)
				continue
			}
			tag := strings.ToLower(strings.TrimSpace(s[i+1 : i+end]))
			switch tag {
			case "param":
				param++
			case "/param":
				param = max(param-1, 0)
			case "nl", "np":
				if richtext {
					b.WriteByte('\n')
				}
			case "lt":
				if richtext {
					b.WriteByte('<')
				}
			}
			i += end + 1
		case c == '\n':
			n := 0
			for i < len(s) && s[i] == '\n' {
				n++
				i++
			}
			if param > 0 {
				continue
			}
			if richtext || n == 1 {
				b.WriteByte(' ')
			} else {
				b.WriteString(strings.Repeat("\n", n-1))
			}
		default:
			if param == 0 {
				b.WriteByte(c)
			}
			i++
		}
	}
	return tidyLines(b.String())
}
