package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shenbao/parser/form"
)

// nameKey is the grouping key of a window name (Dossier.Key).
func nameKey(s string) string { return form.NormalizeName(s) }

// minContain is the shortest key (in runes) that may be matched by
// containment: shorter names ("窗口") would match everything.
const minContain = 4

// foldText removes what varies between spellings of a name or label:
// spaces, brackets, punctuation and symbols; Latin letters are lower-cased
// and full-width forms narrowed.
func foldText(s string) string {
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

// foldLabel folds a review 栏目 name: foldText, then the words 意见 and 栏
// at the end are dropped, so 推荐单位意见 = 推荐单位 and 组织人事部门意见 =
// 组织（人事）部门意见.
func foldLabel(s string) string {
	f := foldText(s)
	for _, suffix := range []string{"审核意见", "意见栏", "意见", "栏"} {
		if t, ok := strings.CutSuffix(f, suffix); ok && t != "" {
			return t
		}
	}
	return f
}

// containsName reports whether hay contains the key needle, for keys long
// enough to be specific.
func containsName(hay, needle string) bool {
	return needle != "" && utf8.RuneCountInString(needle) >= minContain && strings.Contains(hay, needle)
}
