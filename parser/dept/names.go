package dept

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"shenbao/parser/text"
)

// cityPrefix is a city or province before a department's name: 鞍山市,
// 辽宁省, 市.
var cityPrefix = regexp.MustCompile(`^(?:[\p{Han}]{0,6}?省)?(?:[\p{Han}]{0,4}?市)`)

// DepartmentKey is the comparison key of a department's name: folded, the
// city prefix dropped, so 鞍山市公安局 = 市公安局 = 公安局. Names that are
// only a city (鞍山市) keep it.
func DepartmentKey(s string) string {
	f := text.Fold(s)
	f = strings.TrimPrefix(f, "国家税务总局")
	if loc := cityPrefix.FindStringIndex(f); loc != nil && utf8.RuneCountInString(f[loc[1]:]) >= 2 {
		f = f[loc[1]:]
	}
	return f
}

// headerMatch scores how well a folded header cell matches a variant list:
// 0 for no match, else the matched variant's length in runes (longer is
// more specific), doubled for an exact match.
func headerMatch(cell string, variants []string) int {
	best := 0
	for _, v := range variants {
		fv := text.Fold(v)
		if fv == "" {
			continue
		}
		n := utf8.RuneCountInString(fv)
		switch {
		case cell == fv:
			best = max(best, 2*n)
		case strings.HasPrefix(cell, fv) && utf8.RuneCountInString(cell) <= n+8:
			best = max(best, n)
		case n >= 2 && strings.Contains(cell, fv) && utf8.RuneCountInString(cell) <= n+4:
			best = max(best, n)
		}
	}
	return best
}

// attachmentPrefix is 附件1、附件二： before a title.
var attachmentPrefix = regexp.MustCompile(`^附件[0-9一二三四五六七八九十]*[:：、.]?\s*`)

// departmentFromText finds a department's name at the start of a title,
// a sheet or a file name: up to the first cut word (窗口, 实绩, 排序…) or
// year, and ending with a department suffix. "" when none.
func departmentFromText(text string, spec RankingSpec) string {
	s := strings.TrimSpace(text)
	for {
		t := attachmentPrefix.ReplaceAllString(s, "")
		t = strings.TrimLeft(t, " 　:：-_—")
		if t == s {
			break
		}
		s = t
	}
	end := len(s)
	for _, w := range spec.TitleCut {
		if w == "" {
			continue
		}
		if i := strings.Index(s, w); i > 0 && i < end {
			end = i
		}
	}
	if i := strings.IndexFunc(s, func(r rune) bool {
		return r < utf8.RuneSelf && (unicode.IsDigit(r) || strings.ContainsRune("(（《“\"_-. ", r))
	}); i > 0 && i < end {
		end = i
	}
	if i := strings.IndexAny(s, "（("); i > 0 && i < end {
		end = i
	}
	name := strings.TrimSpace(s[:end])
	for _, suf := range spec.Suffixes {
		if suf != "" && strings.HasSuffix(name, suf) && utf8.RuneCountInString(name) > utf8.RuneCountInString(suf) {
			return name
		}
	}
	return ""
}

// plainSheetName reports whether a sheet name is a program's default
// (Sheet1, 工作表1, 表1, CSV) and says nothing about the department.
var plainSheetName = regexp.MustCompile(`(?i)^(sheet|工作表|表|csv|页)\s*\d*$`)

// baseName is the last element of a provenance chain or path, without its
// extension.
func baseName(name string) string {
	if i := strings.LastIndex(name, text.Sep); i >= 0 {
		name = name[i+len(text.Sep):]
	}
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndex(name, "."); i > 0 {
		name = name[:i]
	}
	return name
}
