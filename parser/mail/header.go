package mail

import (
	"encoding/base64"
	"errors"
	"strings"

	"shenbao/parser/bufpool"
)

// decodeHeader decodes an unstructured header value: raw 8-bit bytes as
// GB18030 when they are not UTF-8, then RFC 2047 encoded words in any charset
// lookupCharset knows. Words that cannot be decoded are left as they are.
func decodeHeader(raw string) string {
	s := fixRaw(raw)
	if strings.Contains(s, "=?") {
		s = decodeWords(s)
	}
	return cleanText(s)
}

// segment is a piece of a header value: plain text or one encoded word.
type segment struct {
	text    string // plain text, or the whole word when undecodable
	word    bool
	charset string
	enc     string
	data    []byte // decoded bytes of a word, still in charset
}

// decodeWords decodes RFC 2047 encoded words. It is more tolerant than
// mime.WordDecoder: adjacent words of one charset are joined as bytes before
// charset decoding (GBK words are often cut inside a character), white space
// between words is dropped, words embedded in text without white space are
// found, and words are decoded with lookupCharset (gb2312 as GB18030).
func decodeWords(s string) string {
	var segs []segment
	for len(s) > 0 {
		start := strings.Index(s, "=?")
		if start < 0 {
			segs = append(segs, segment{text: s})
			break
		}
		w, charset, enc, text, ok := scanWord(s[start:])
		if !ok {
			segs = append(segs, segment{text: s[:start+2]})
			s = s[start+2:]
			continue
		}
		if start > 0 {
			segs = append(segs, segment{text: s[:start]})
		}
		data, err := decodeWordBytes(enc, text)
		if err != nil {
			segs = append(segs, segment{text: w})
		} else {
			segs = append(segs, segment{word: true, charset: strings.ToLower(charset), enc: enc, data: data})
		}
		s = s[start+len(w):]
	}
	var b strings.Builder
	for i := 0; i < len(segs); i++ {
		sg := segs[i]
		if !sg.word {
			if strings.TrimSpace(sg.text) == "" && i > 0 && i+1 < len(segs) && segs[i-1].word && segs[i+1].word {
				continue
			}
			b.WriteString(sg.text)
			continue
		}
		data := append([]byte(nil), sg.data...)
		j := i + 1
		for j < len(segs) {
			k := j
			if !segs[k].word && strings.TrimSpace(segs[k].text) == "" && k+1 < len(segs) {
				k++
			}
			if !segs[k].word || segs[k].charset != sg.charset {
				break
			}
			data = append(data, segs[k].data...)
			j = k + 1
		}
		out, _ := decodeCharset(sg.charset, data)
		b.WriteString(out)
		i = j - 1
	}
	return b.String()
}

// scanWord reads one encoded word "=?charset?enc?text?=" at the start of s.
func scanWord(s string) (word, charset, enc, text string, ok bool) {
	if !strings.HasPrefix(s, "=?") {
		return "", "", "", "", false
	}
	rest := s[2:]
	q1 := strings.IndexByte(rest, '?')
	if q1 <= 0 || q1 > 64 {
		return "", "", "", "", false
	}
	charset = rest[:q1]
	if i := strings.IndexByte(charset, '*'); i >= 0 { // RFC 2231 language suffix
		charset = charset[:i]
	}
	rest = rest[q1+1:]
	if len(rest) < 2 || rest[1] != '?' {
		return "", "", "", "", false
	}
	enc = strings.ToUpper(rest[:1])
	if enc != "B" && enc != "Q" {
		return "", "", "", "", false
	}
	rest = rest[2:]
	end := strings.Index(rest, "?=")
	if end < 0 {
		return "", "", "", "", false
	}
	text = rest[:end]
	word = s[:2+q1+1+2+end+2]
	return word, charset, enc, text, true
}

// decodeWordBytes decodes the text of a B or Q word to bytes.
func decodeWordBytes(enc, text string) ([]byte, error) {
	if enc == "B" {
		return decodeBase64Loose([]byte(text))
	}
	var out []byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '_':
			out = append(out, ' ')
		case c == '=' && i+2 < len(text) && isHex(text[i+1]) && isHex(text[i+2]):
			out = append(out, unhex(text[i+1])<<4|unhex(text[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out, nil
}

// errBase64 reports characters outside the base64 alphabet.
var errBase64 = errors.New("invalid base64 characters")

// decodeBase64Loose decodes base64 ignoring white space and missing padding.
// Stray characters are skipped and reported with errBase64 beside the data.
// Well-formed bodies, nearly all of them, take the standard decoder (which
// skips line breaks itself) at a fraction of the cost.
//
// The result is a buffer of its own taken from bufpool: the caller may give
// it back (see Part.Owned).
func decodeBase64Loose(text []byte) ([]byte, error) {
	out := bufpool.Get(base64.StdEncoding.DecodedLen(len(text)))
	if n, err := base64.StdEncoding.Decode(out, text); err == nil {
		return out[:n], nil
	}
	bufpool.Put(out)
	clean := make([]byte, 0, len(text))
	var bad error
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/':
			clean = append(clean, c)
		case c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n':
		default:
			bad = errBase64
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
		bad = errBase64
	}
	out = bufpool.Get(base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		return out[:n], err
	}
	return out[:n], bad
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// cleanText removes control characters (folding white space becomes a
// space) and trims the result.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\r' || r == '\n':
			return ' '
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfeff:
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
