package validate

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// WordCount counts s the way Word and WPS 字数统计 do, so the figure in the
// register agrees with what the clerk sees in Word:
//
//   - every East Asian character counts 1: CJK ideographs, kana, bopomofo,
//     CJK and full-width punctuation (，。、；：？！（）《》【】「」),
//     full-width letters and digits (２０２４ is 4), and the punctuation
//     Chinese text borrows from General Punctuation: “ ” ‘ ’ — … · ;
//   - every maximal run of other visible characters counts 1: Latin
//     letters, digits, half-width punctuation and symbols, Hangul. So
//     "ISO9001" is 1, "2024年" is 2, "3.5万" is 2;
//   - whitespace (including the ideographic space U+3000), control and
//     format characters (zero-width space, BOM) count 0 and end a run.
//
// Half-width punctuation: Word treats it like a letter of a non-Chinese
// word. Attached to a word it is part of it ("Hello," is 1 word, "(200" is
// 1); standing alone between Chinese characters or spaces it is a word of
// its own ("你好,世界" is 5, "a , b" is 3). See TestWordCount for the table.
func WordCount(s string) int {
	n := 0
	inRun := false
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs: most of a Chinese text
			n++
			inRun = false
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			inRun = false
		case eastAsian(r):
			n++
			inRun = false
		default:
			if !inRun {
				n++
				inRun = true
			}
		}
	}
	return n
}

// eastAsian reports whether Word counts r as one Chinese character.
func eastAsian(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r),
		unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Bopomofo, r):
		return true
	case r >= 0x2E80 && r <= 0x2FDF: // CJK radicals, Kangxi radicals
		return true
	case r >= 0x2FF0 && r <= 0x303F: // description characters, CJK symbols and punctuation
		return true
	case r >= 0x3200 && r <= 0x33FF: // enclosed CJK (㈠), CJK compatibility (㎡)
		return true
	case r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE6F: // vertical, compatibility and small forms
		return true
	case r >= 0xFF01 && r <= 0xFFEF: // full-width and half-width forms
		return true
	}
	switch r {
	case '‘', '’', '“', '”', '—', '―', '…', '·', '•', '※', '〃':
		return true
	}
	return false
}

// squeeze is s as the rules compare template text: full-width ASCII folded
// to half-width (（ to (, ， to ,), whitespace and invisible format
// characters dropped. Everything else stays exact: unlike text.Fold, the
// brackets and punctuation that tell a template prompt stay.
func squeeze(s string) string {
	if !utf8.ValidString(s) || strings.ContainsFunc(s, foldsWidth) {
		s = width.Fold.String(s)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// foldsWidth reports a rune width.Fold may change: U+3000 and the
// full-width and half-width forms. It leaves every other rune as it is
// (TestFoldsWidth), so text without these is not passed through it.
func foldsWidth(r rune) bool { return r == 0x3000 || r >= 0xFF00 && r <= 0xFFEF }

// template is a piece of printed template text: how it is shown in a
// message, and folded for matching.
type template struct{ show, fold string }

// promptWords mark a bracketed part of a label as an instruction to the
// filler ("（200字左右）", "（简要写明……）") rather than part of the name
// ("所属单位（部门）", "组织（人事）部门意见").
var promptWords = []string{"字", "写", "填", "简要", "左右", "注明", "不超过", "签字", "盖章"}

// labelPrompts returns the bracketed prompts found in labels, once each,
// in order.
func labelPrompts(labels []string) []template {
	var out []template
	for _, l := range labels {
		rs := []rune(l)
		for i := 0; i < len(rs); i++ {
			if rs[i] != '(' && rs[i] != '（' {
				continue
			}
			j := i + 1
			for j < len(rs) && rs[j] != ')' && rs[j] != '）' {
				j++
			}
			if j == len(rs) {
				break
			}
			seg := string(rs[i : j+1])
			if containsAny(seg, promptWords) {
				out = addTemplate(out, seg)
			}
			i = j
		}
	}
	return out
}

func addTemplate(ts []template, s string) []template {
	t := template{show: s, fold: squeeze(s)}
	if t.fold == "" {
		return ts
	}
	for _, x := range ts {
		if x.fold == t.fold {
			return ts
		}
	}
	return append(ts, t)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// markWords make a placeholder a signature or seal mark: printed where the
// signer signs, legitimate in the cell, wrong as a field's whole value.
var markWords = []string{"签字", "签名", "盖章", "签章", "印章"}

// markPlaceholders are the profile's placeholders that are marks; （签字）
// and （盖章） when the profile names none.
func markPlaceholders(ph []string) []template {
	var out []template
	for _, s := range ph {
		if containsAny(s, markWords) {
			out = addTemplate(out, s)
		}
	}
	if len(out) == 0 {
		out = addTemplate(out, "（签字）")
		out = addTemplate(out, "（盖章）")
	}
	return out
}

// promptPlaceholders are the profile's placeholders that are instructions
// (neither marks nor the printed 年 月 日).
func promptPlaceholders(ph []string) []template {
	var out []template
	for _, s := range ph {
		f := squeeze(s)
		if containsAny(s, markWords) || f == "年月日" || !strings.ContainsAny(f, "()") && !containsAny(s, promptWords) {
			continue
		}
		out = addTemplate(out, s)
	}
	return out
}

// untouchedDate matches the template's date left as it was printed:
// X年X月X日 (any width of X, × too).
var untouchedDate = regexp.MustCompile(`[XxＸｘ×]{1,4}年[XxＸｘ×]{1,2}月[XxＸｘ×]{1,2}日`)

// leftovers lists the template texts left in value: prompts anywhere in it,
// a mark when it is the whole value, an untouched X年X月X日.
func leftovers(value string, prompts, marks []template) []string {
	v := squeeze(value)
	if v == "" {
		return nil
	}
	var out []string
	for _, p := range prompts {
		if strings.Contains(v, p.fold) {
			out = append(out, p.show)
		}
	}
	for _, m := range marks {
		if v == m.fold || strings.Trim(v, "()") == strings.Trim(m.fold, "()") {
			out = append(out, m.show)
		}
	}
	if untouchedDate.MatchString(v) {
		out = append(out, "X年X月X日")
	}
	return out
}

func quoteAll(ss []string) string {
	return "“" + strings.Join(ss, "”“") + "”"
}

// issue is one F08 text-quality problem of a field.
type issue struct{ message, fix string }

// halfPunct are the ASCII marks that want their full-width form in Chinese.
const halfPunct = ",.;:?!()"

// sentencePunct doubled (。。, ，，, 。，) is a typing slip.
const sentencePunct = "。，、；："

// pairs F08 checks for balance.
var bracketPairs = [][2]rune{{'（', '）'}, {'“', '”'}, {'《', '》'}, {'(', ')'}}

// textIssues finds half-width punctuation between Chinese characters,
// doubled punctuation and unbalanced brackets or quotes in s.
func textIssues(s string) []issue {
	rs := []rune(s)
	var out []issue
	var half []string
	halfN := 0
	doubled := ""
	doubleN := 0
	for i, r := range rs {
		if strings.ContainsRune(halfPunct, r) && betweenHan(rs, i) {
			halfN++
			if len(half) < 3 {
				half = append(half, string(rs[max(0, i-2):min(len(rs), i+3)]))
			}
		}
		if i > 0 && (strings.ContainsRune(sentencePunct, r) && strings.ContainsRune(sentencePunct, rs[i-1]) ||
			(r == '？' || r == '！') && rs[i-1] == r) {
			doubleN++
			if doubled == "" {
				doubled = string(rs[i-1 : i+1])
			}
		}
	}
	if halfN > 0 {
		out = append(out, issue{
			message: fmt.Sprintf("中文之间使用了半角标点%d处，如%s", halfN, quoteAll(half)),
			fix:     "将中文之间的半角标点（, . ; : ? ! ( )）改为全角标点（，。；：？！（））",
		})
	}
	if doubleN > 0 {
		out = append(out, issue{
			message: fmt.Sprintf("有重复标点%d处，如“%s”", doubleN, doubled),
			fix:     "删除重复的标点",
		})
	}
	var bad []string
	for _, p := range bracketPairs {
		depth, broken := 0, false
		for _, r := range rs {
			switch r {
			case p[0]:
				depth++
			case p[1]:
				depth--
				if depth < 0 {
					broken = true
				}
			}
		}
		if broken || depth != 0 {
			bad = append(bad, fmt.Sprintf("“%c”%d个、“%c”%d个", p[0], strings.Count(s, string(p[0])), p[1], strings.Count(s, string(p[1]))))
		}
	}
	if len(bad) > 0 {
		out = append(out, issue{
			message: "括号、引号或书名号不成对：" + strings.Join(bad, "，"),
			fix:     "补全或删除不成对的括号、引号、书名号",
		})
	}
	return out
}

// betweenHan reports whether the half-width mark at rs[i] sits in Chinese
// text: a Chinese character before it (or the start, for an opening
// bracket) and one after it (or the end, for a closing mark), spaces
// skipped ("服务, 群众" counts).
func betweenHan(rs []rune, i int) bool {
	prev, next := rune(0), rune(0)
	for j := i - 1; j >= 0; j-- { // spaces typed around the mark do not matter
		if !unicode.IsSpace(rs[j]) {
			prev = rs[j]
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if !unicode.IsSpace(rs[j]) {
			next = rs[j]
			break
		}
	}
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	switch rs[i] {
	case '(':
		return han(next) && (prev == 0 || han(prev))
	default:
		return han(prev) && (next == 0 || han(next))
	}
}
