package dossier

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"shenbao/parser/form"
	"shenbao/parser/text"
)

// nameKey is the grouping key of a window name (Dossier.Key).
func nameKey(s string) string { return form.NormalizeName(s) }

// minContain is the shortest key (in runes) that may be matched by
// containment: shorter names ("窗口") would match everything.
const minContain = 4

// foldLabel folds a review 栏目 name: text.Fold, then the words 意见 and 栏
// at the end are dropped, so 推荐单位意见 = 推荐单位 and 组织人事部门意见 =
// 组织（人事）部门意见.
func foldLabel(s string) string {
	f := text.Fold(s)
	for _, suffix := range []string{"审核意见", "意见栏", "意见", "栏"} {
		if t, ok := strings.CutSuffix(f, suffix); ok && t != "" {
			return t
		}
	}
	return f
}

// fileNoise are words that file names add around a window name: the form
// names, copy and version marks. Photo hints come from the profile.
var fileNoise = []string{
	"附件1", "附件2", "附件一", "附件二", "附件", "申报表", "初审表", "推荐表", "审核表", "申报材料", "材料",
	"扫描件", "扫描", "复印件", "照片", "图片", "盖章版", "签字版", "最终版", "修改版", "修订版", "定稿",
	"电子版", "副本", "新版", "旧版",
}

// windowFromFile derives a window name from a file name given as a hint
// (附件1-市民中心不动产登记窗口申报表(盖章版).pdf → 市民中心不动产登记窗口):
// the extension, bracketed noise, and noise words, extra words, ASCII,
// digits at either end of each separated part are removed, and the longest
// part is kept. Words inside a name (服务 in 政务服务中心) stay. "" when
// nothing plausible is left.
func windowFromFile(name string, extra []string) string {
	words := append(slices.Clone(fileNoise), extra...)
	s := dropBracketed(stem(strings.TrimSpace(name)), words)
	var best string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("_-—–、，,：:。.+·~", r)
	}) {
		part = trimNoise(part, words)
		if utf8.RuneCountInString(part) > utf8.RuneCountInString(best) {
			best = part
		}
	}
	if utf8.RuneCountInString(best) < minContain {
		return ""
	}
	return best
}

// trimNoise removes noise words, ASCII and digits from both ends of s until
// none is left there.
func trimNoise(s string, words []string) string {
	for {
		before := s
		s = strings.TrimFunc(s, func(r rune) bool { return r < utf8.RuneSelf || unicode.IsDigit(r) })
		for _, w := range words {
			if w == "" {
				continue
			}
			s = strings.TrimPrefix(s, w)
			s = strings.TrimSuffix(s, w)
		}
		if s == before {
			return s
		}
	}
}

// dropBracketed removes bracketed groups that hold only noise: (盖章版),
// 【最终版】, (1).
func dropBracketed(s string, words []string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if strings.ContainsRune("(（【[", rs[i]) {
			if j := slices.IndexFunc(rs[i+1:], func(r rune) bool { return strings.ContainsRune(")）】]", r) }); j >= 0 {
				inner := string(rs[i+1 : i+1+j])
				if trimNoise(inner, words) == "" {
					b.WriteRune(' ')
					i += j + 1
					continue
				}
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}
