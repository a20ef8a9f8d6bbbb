package mail

import (
	"bytes"
	"errors"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"

	"github.com/jhillyerd/enmime/v2"
	"golang.org/x/net/html"

	"shenbao/parser/problem"
)

// decodeTransfer undoes a Content-Transfer-Encoding. Malformed input is
// decoded as far as possible and reported with an error beside the data.
// owned says data is a buffer of its own from bufpool (Part.Owned).
func decodeTransfer(cte string, raw []byte) (data []byte, owned bool, err error) {
	cte = strings.ToLower(strings.TrimSpace(cte))
	if i := strings.IndexByte(cte, ';'); i >= 0 {
		cte = strings.TrimSpace(cte[:i])
	}
	switch cte {
	case "base64":
		data, err = decodeBase64Loose(raw)
		return data, true, err
	case "x-uuencode", "uuencode", "x-uue", "uue":
		if f, ok := uudecodeFirst(raw); ok {
			return f.Data, false, nil
		}
		return raw, false, errUU
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return decodeQPLoose(raw), false, nil
		}
		return out, false, nil
	}
	return raw, false, nil
}

// errUU reports a uuencode part with no uuencoded file in it.
var errUU = errors.New("no uuencoded data")

// decodeQPLoose decodes quoted-printable that the strict reader rejects.
func decodeQPLoose(raw []byte) []byte {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		switch {
		case i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2]):
			out = append(out, unhex(raw[i+1])<<4|unhex(raw[i+2]))
			i += 2
		case i+1 < len(raw) && raw[i+1] == '\n':
			i++
		case i+2 < len(raw) && raw[i+1] == '\r' && raw[i+2] == '\n':
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}

// decodeAddress decodes a From header to "名字 <addr>" (or just the address).
func decodeAddress(raw string) string {
	s := decodeHeader(raw)
	if s == "" {
		return ""
	}
	list, err := enmime.ParseAddressList(s)
	if err != nil || len(list) == 0 {
		return s
	}
	var out []string
	for _, a := range list {
		name := strings.TrimSpace(strings.Trim(decodeHeader(a.Name), `"'`))
		switch {
		case name == "" || name == a.Address:
			out = append(out, a.Address)
		case a.Address == "":
			out = append(out, name)
		default:
			out = append(out, name+" <"+a.Address+">")
		}
	}
	return strings.Join(out, ", ")
}

// dateLayouts are tried after net/mail.ParseDate.
var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700 (MST)",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -07:00",
	"Mon, 2 Jan 2006 15:04:05 GMT-0700",
	"2 Jan 2006 15:04:05 GMT-0700",
	"2 Jan 2006 15:04:05 -07:00",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z07:00",
	"2006/01/02 15:04:05",
	"2006/1/2 15:04:05",
	"2006年1月2日 15:04:05",
	"2006年1月2日 15:04",
}

// chineseDate turns Chinese weekday and month names into English ones.
var chineseDate = strings.NewReplacer(
	"十一月", "Nov", "十二月", "Dec", "一月", "Jan", "二月", "Feb", "三月", "Mar", "四月", "Apr",
	"五月", "May", "六月", "Jun", "七月", "Jul", "八月", "Aug", "九月", "Sep", "十月", "Oct",
	"星期一", "Mon", "星期二", "Tue", "星期三", "Wed", "星期四", "Thu", "星期五", "Fri", "星期六", "Sat", "星期日", "Sun", "星期天", "Sun",
	"周一", "Mon", "周二", "Tue", "周三", "Wed", "周四", "Thu", "周五", "Fri", "周六", "Sat", "周日", "Sun",
)

// parseDate reads a Date header. Dates without a zone, and the zone name
// CST, are taken as China Standard Time (UTC+8), the zone of every sender
// this tool sees.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if t, err := mail.ParseDate(s); err == nil {
		return fixCST(t), true
	}
	cst := time.FixedZone("CST", 8*3600)
	trimmed := s
	if i := strings.IndexByte(trimmed, '('); i > 0 {
		trimmed = strings.TrimSpace(trimmed[:i])
	}
	cands := []string{s, trimmed}
	if en := chineseDate.Replace(trimmed); en != trimmed {
		cands = append(cands, en)
		if t, err := mail.ParseDate(en); err == nil {
			return fixCST(t), true
		}
	}
	for _, cand := range cands {
		for _, l := range dateLayouts {
			if t, err := time.ParseInLocation(l, cand, cst); err == nil {
				return fixCST(t), true
			}
		}
	}
	return time.Time{}, false
}

// fixCST reads the zone name CST, which time.Parse cannot place, as UTC+8.
func fixCST(t time.Time) time.Time {
	if name, off := t.Zone(); name == "CST" && off != 8*3600 {
		y, mo, d := t.Date()
		h, mi, sec := t.Clock()
		return time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), time.FixedZone("CST", 8*3600))
	}
	return t
}

// translate turns an enmime parse error into a problem code; "" for
// warnings that mean nothing to a clerk.
func translate(e *enmime.Error) problem.Code {
	switch e.Name {
	case enmime.ErrorMissingBoundary:
		return problem.Truncated
	case enmime.ErrorMalformedBase64:
		return problem.Base64Broken
	case enmime.ErrorMalformedHeader:
		return problem.HeaderMalformed
	case enmime.ErrorMalformedChildPart:
		return problem.PartSkipped
	case enmime.ErrorContentEncoding:
		return problem.EncodingUnknown
	case enmime.ErrorDataHasBoundary:
		return problem.BoundaryInData
	case enmime.ErrorCharsetConversion, enmime.ErrorCharsetDeclaration:
		return problem.CharsetBroken
	}
	return ""
}

// htmlToText extracts readable text from an HTML body.
func htmlToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) || z.Err() != nil {
				return tidyLines(b.String())
			}
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote":
				b.WriteByte('\n')
			case "td", "th":
				if tt == html.EndTagToken {
					b.WriteByte('\t')
				}
			}
		}
	}
}

// tidyLines trims lines and collapses runs of empty lines.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
