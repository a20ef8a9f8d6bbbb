package mail

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// lookupCharset returns the decoder for a MIME charset label, or nil when the
// label is unknown. Every GB label maps to GB18030, a superset of GB2312 and
// GBK: mail labelled gb2312 routinely carries characters such as 镕 or 堃
// that only GBK and GB18030 have.
func lookupCharset(label string) encoding.Encoding {
	l := strings.ToLower(strings.TrimSpace(strings.Trim(label, `"'`)))
	switch l {
	case "", "us-ascii", "ascii", "utf-8", "utf8", "unicode-1-1-utf-8", "x-unknown", "unknown-8bit", "default":
		return encoding.Nop
	case "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "gbk", "x-gbk", "cp936", "ms936",
		"windows-936", "gb18030", "chinese", "euc-cn", "x-euc-cn", "iso-ir-58", "csiso58gb231280", "x-mac-chinesesimp":
		return simplifiedchinese.GB18030
	case "big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "big5-hkscs", "cp950", "x-mac-chinesetrad":
		return traditionalchinese.Big5
	case "hz-gb-2312":
		return simplifiedchinese.HZGB2312
	}
	if e, err := htmlindex.Get(l); err == nil && e != nil {
		return e
	}
	if e, err := ianaindex.MIME.Encoding(l); err == nil && e != nil {
		return e
	}
	return nil
}

// decodeCharset converts b from the labelled charset to UTF-8. Unknown labels
// and UTF-8 that is not valid fall back to GB18030, the most likely charset of
// unlabelled Chinese text. ok is false when the label was unknown.
func decodeCharset(label string, b []byte) (s string, ok bool) {
	e := lookupCharset(label)
	ok = e != nil
	if e == nil || e == encoding.Nop {
		if utf8.Valid(b) {
			return string(b), ok
		}
		e = simplifiedchinese.GB18030
	}
	out, _, err := transform.Bytes(e.NewDecoder(), b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD"), false
	}
	return string(out), ok
}

// fixRaw turns raw header bytes into UTF-8: valid UTF-8 stays, and so does
// UTF-8 cut in the middle of its last character (the broken character goes);
// other bytes are taken as GB18030, the charset Chinese clients use when they
// write 8-bit headers without RFC 2047.
func fixRaw(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if u, ok := cutUTF8(s); ok {
		return u
	}
	out, _, err := transform.String(simplifiedchinese.GB18030.NewDecoder(), s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}

// cutUTF8 reads s as UTF-8 cut inside its last character: everything before
// the cut is valid, holds at least one non-ASCII character, and the bytes
// after it begin a character that was not finished. GBK text is almost never
// valid UTF-8 for more than a character or two, so it does not pass.
func cutUTF8(s string) (string, bool) {
	for n := 1; n <= 3 && n < len(s); n++ {
		head, tail := s[:len(s)-n], s[len(s)-n:]
		if !utf8.RuneStart(tail[0]) || tail[0] < 0xC0 || utf8.FullRuneInString(tail) {
			continue
		}
		if utf8.ValidString(head) && strings.IndexFunc(head, func(r rune) bool { return r >= 0x80 }) >= 0 {
			return head, true
		}
		return "", false
	}
	return "", false
}
