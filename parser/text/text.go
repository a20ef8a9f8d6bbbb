// Package text holds the string helpers every layer shares, so each exists
// once: Sep, the provenance separator; Fold, the tolerant form of a name
// for matching one spelling against another; and Clip, the one way a long
// value is shortened in a message.
// The stricter keys of forms (form.NormalizeName, form.NormalizeLabel) are
// in parser/form.
package text

import (
	"strings"
	"unicode"
)

// Sep joins the elements of a provenance chain (mail › archive › file), in
// 文件清单, findings and messages alike.
const Sep = " › "

// Fold removes what varies between spellings of a name or label: spaces,
// brackets, punctuation and symbols; Latin letters are lower-cased and
// full-width forms narrowed. 铁东区税务局（办税服务厅） and
// 铁东区税务局办税服务厅 fold the same.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsSymbol(r), r == '\ufeff':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Clip shortens s to n characters (runes), marking the cut with "…", for
// quoting a value in a message.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:max(n, 0)]) + "…"
}
