package form

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldWidth maps full-width ASCII forms (U+FF01–U+FF5E) to ASCII and the
// ideographic space to a space; other runes are returned unchanged.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// foldBracket unifies the bracket forms met in forms to ASCII ( and ).
func foldBracket(r rune) rune {
	switch r {
	case '（', '〔', '【', '[', '［', '﹙':
		return '('
	case '）', '〕', '】', ']', '］', '﹚':
		return ')'
	}
	return r
}

// isSpace reports whitespace including U+3000, zero-width and BOM runes.
func isSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r > 0x3000:
		return r == 0xFEFF // no other space lies past U+3000
	}
	return unicode.IsSpace(r) || r == 0x3000 || r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || r == 0xA0
}

// NormalizeLabel folds a label for matching: full width to half width, all
// whitespace (U+3000 and line breaks included) removed, brackets unified to
// ( and ), trailing colons removed.
func NormalizeLabel(s string) string {
	if labelNormal(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s)) // folding never lengthens: one allocation, not a doubling per rune run
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		b.WriteRune(foldBracket(foldWidth(r)))
	}
	return strings.TrimRight(b.String(), ":")
}

// labelNormal reports whether NormalizeLabel would return s unchanged: valid
// UTF-8 with nothing to fold, remove or trim. Most cell texts are, and are
// then not copied.
func labelNormal(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") ||
			isSpace(r) || foldBracket(foldWidth(r)) != r {
			return false
		}
	}
	return !strings.HasSuffix(s, ":")
}

// labelRunes normalises s rune by rune like NormalizeLabel (without the
// colon trimming) and records, for each normalised rune, the index of the
// rune of s it came from, so a match can be mapped back to the raw text.
func labelRunes(s []rune) (norm []rune, from []int) {
	for i, r := range s {
		if isSpace(r) {
			continue
		}
		norm = append(norm, foldBracket(foldWidth(r)))
		from = append(from, i)
	}
	return norm, from
}

// NormalizeName is the window-name key used for grouping and comparison:
// width folded, brackets unified, whitespace, the punctuation ·•-—–_ and
// quotes removed. Other characters are kept exactly.
func NormalizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		r = foldBracket(foldWidth(r))
		switch r {
		case '·', '•', '・', '-', '—', '–', '‐', '_', '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉', '<', '>':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
