package mail

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseParams is a tolerant reader for Content-Type and Content-Disposition
// values. It never fails: it returns the lower-case media type (or
// disposition) and the parameters it could read, decoded to UTF-8. It knows
// RFC 2231 extended values in any charset (filename*=GBK”%C9%EA...) and
// continuations (filename*0*=...; filename*1*=...), RFC 2047 words inside
// quoted values, and raw 8-bit values, which it takes as GB18030 when they are
// not UTF-8. mime.ParseMediaType rejects much of this.
func parseParams(v string) (string, map[string]string) {
	pieces := splitParams(v)
	params := map[string]string{}
	if len(pieces) == 0 {
		return "", params
	}
	mtype := ""
	if !strings.Contains(pieces[0], "=") {
		mtype = strings.ToLower(strings.TrimSpace(pieces[0]))
		mtype = strings.Trim(mtype, `"`)
		pieces = pieces[1:]
	}
	type chunk struct {
		idx      int
		extended bool
		value    string
	}
	chunks := map[string][]chunk{}
	for _, p := range pieces {
		eq := strings.IndexByte(p, '=')
		if eq <= 0 {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(p[:eq]))
		val := unquote(strings.TrimSpace(p[eq+1:]))
		if key == "" {
			continue
		}
		base, idx, ext := key, -1, false
		if strings.HasSuffix(base, "*") {
			ext = true
			base = strings.TrimSuffix(base, "*")
		}
		if star := strings.LastIndexByte(base, '*'); star > 0 {
			if n, err := strconv.Atoi(base[star+1:]); err == nil && n >= 0 && n < 1000 {
				idx = n
				base = base[:star]
			}
		}
		if idx < 0 && !ext {
			if _, dup := params[base]; !dup {
				params[base] = decodeHeader(val)
			}
			continue
		}
		if idx < 0 {
			idx = 0
		}
		chunks[base] = append(chunks[base], chunk{idx: idx, extended: ext, value: val})
	}
	for base, cs := range chunks {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].idx < cs[j].idx })
		charset := ""
		var raw []byte
		for i, c := range cs {
			val := c.value
			if c.extended {
				if i == 0 {
					if parts := strings.SplitN(val, "'", 3); len(parts) == 3 {
						charset, val = parts[0], parts[2]
					}
				}
				raw = append(raw, percentDecode(val)...)
			} else {
				raw = append(raw, val...)
			}
		}
		var s string
		if charset != "" {
			s, _ = decodeCharset(charset, raw)
		} else {
			s = fixRaw(string(raw))
		}
		if strings.Contains(s, "=?") {
			s = decodeWords(s)
		}
		// an extended value wins over a plain one of the same name
		params[base] = cleanText(s)
	}
	return mtype, params
}

// splitParams splits a header value on ';' outside quoted strings.
func splitParams(v string) []string {
	escapes := utf8.ValidString(v)
	var out []string
	var cur strings.Builder
	inQuote := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && inQuote && escapes && i+1 < len(v):
			cur.WriteByte(c)
			cur.WriteByte(v[i+1])
			i++
			continue
		case c == '"':
			inQuote = !inQuote
		case c == ';' && !inQuote:
			if s := strings.TrimSpace(cur.String()); s != "" {
				out = append(out, s)
			}
			cur.Reset()
			continue
		case c == '\r' || c == '\n':
			c = ' '
		}
		cur.WriteByte(c)
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// unquote removes surrounding quotes and backslash escapes (only when the
// value is UTF-8: in raw Big5 or GBK, 0x5C is the second byte of characters).
func unquote(s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	s = s[1:]
	s = strings.TrimSuffix(s, `"`)
	if !utf8.ValidString(s) || !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// percentDecode decodes %XX escapes, leaving malformed ones as they are.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}
