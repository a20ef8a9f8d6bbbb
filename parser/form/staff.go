package form

import (
	"strings"
	"unicode"
)

// staffWords are words of the staff cell's own printed text (column heads,
// prompts) that are never names. They are generic to every campaign's
// staff field, not labels of one form.
var staffWords = []string{
	"窗口工作人员", "窗口人员", "工作人员", "身份证号码", "身份证号", "身份证", "证件号码",
	"号码", "序号", "编号", "姓名", "性别", "职务", "人员", "以下", "共", "名", "人", "男", "女", "等",
}

// Bounds on what one staff cell can yield.
const (
	maxStaff     = 200
	maxNameRunes = 12
	minIDDigits  = 14
	maxIDDigits  = 20
)

type staffToken struct {
	id   bool
	text string
}

// ParseStaff reads names and ID numbers written in any layout: "张三
// 210302198503121234、李四 …", one per line, "姓名：张三 身份证号：…",
// "210302198503121234 张三", a name/ID sub-table (cells separated by tabs
// or newlines). Names are runs of Chinese characters (with · in minority
// names) that are not printed words such as 姓名; ID numbers are runs of 14–20
// digits with an optional X (wrong lengths are kept so they can be
// reported). Names and numbers are paired in reading order; a name or
// number left over becomes a Person with the other part empty.
func ParseStaff(s string) []Person {
	toks := staffTokens(joinSpacedNames(s))
	if ps := pairBlocks(toks); ps != nil {
		return ps
	}
	var out []Person
	idFirst := len(toks) > 0 && toks[0].id
	for i := 0; i < len(toks) && len(out) < maxStaff; i++ {
		t := toks[i]
		var next *staffToken
		if i+1 < len(toks) {
			next = &toks[i+1]
		}
		switch {
		case !t.id && next != nil && next.id && !idFirst:
			out = append(out, Person{Name: t.text, ID: next.text})
			i++
		case t.id && next != nil && !next.id && idFirst:
			out = append(out, Person{Name: next.text, ID: t.text})
			i++
		case t.id:
			out = append(out, Person{ID: t.text})
		default:
			out = append(out, Person{Name: t.text})
		}
	}
	return out
}

// pairBlocks pairs names and numbers written as two lists ("姓名：张三、李四
// 身份证号码：2103…、2103…", or a column of names beside a column of
// numbers read column by column): k names then k numbers, k ≥ 2, or the
// other way round. nil when the tokens are not two such blocks.
func pairBlocks(toks []staffToken) []Person {
	k := len(toks) / 2
	if k < 2 || len(toks) != 2*k || k > maxStaff {
		return nil
	}
	for i := range k {
		if toks[i].id != toks[0].id || toks[k+i].id == toks[0].id {
			return nil
		}
	}
	out := make([]Person, k)
	for i := range k {
		name, id := toks[i], toks[k+i]
		if name.id {
			name, id = id, name
		}
		out[i] = Person{Name: name.text, ID: id.text}
	}
	return out
}

// staffTokens splits s into names and ID numbers in reading order.
func staffTokens(s string) []staffToken {
	rs := []rune(s)
	var toks []staffToken
	depth := 0 // inside brackets: remarks such as （科长）are not names
	for i := 0; i < len(rs) && len(toks) < 2*maxStaff; {
		r := foldWidth(rs[i])
		switch {
		case r == '(' || r == '（' || r == '[' || r == '【':
			depth++
			i++
		case r == ')' || r == '）' || r == ']' || r == '】':
			if depth > 0 {
				depth--
			}
			i++
		case r >= '0' && r <= '9':
			id, n := readID(rs[i:])
			i += n
			if id != "" {
				toks = append(toks, staffToken{id: true, text: id})
			}
		case depth == 0 && isNameRune(r):
			j := i
			for j < len(rs) && (isNameRune(rs[j]) || isNameDot(rs[j]) && j > i) {
				j++
			}
			for _, name := range splitNames(string(rs[i:j])) {
				toks = append(toks, staffToken{text: name})
			}
			i = j
		default:
			i++
		}
	}
	return toks
}

// readID reads a digit run starting at rs[0]. Digit groups split by single
// spaces ("2103 0219 …", "210302 1985 0312 1234") are joined when the groups
// add up to a whole number — 18 characters, or 15 — and left apart
// otherwise, so two numbers side by side are not glued into one. It returns
// the ID ("" when the run is too short to be one) and the runes consumed.
func readID(rs []rune) (string, int) {
	groups := idGroups(rs)
	take, total := 1, groups[0].digits
	for k, sum := 0, 0; k < len(groups); k++ {
		sum += groups[k].digits
		if sum == 15 || sum == 18 || sum == 17 && groups[k].x {
			take, total = k+1, sum
			break
		}
		if sum > 18 || groups[k].x {
			break
		}
	}
	var b strings.Builder
	for _, g := range groups[:take] {
		b.WriteString(g.text)
	}
	n := groups[take-1].end
	if total < minIDDigits {
		return "", n
	}
	return b.String(), n
}

// idGroup is one run of digits (and a final X) in readID's input.
type idGroup struct {
	text   string // digits, width-folded, at most maxIDDigits+10 kept
	digits int
	x      bool // ends in X/x
	end    int  // rune index just after the group
}

// idGroups splits rs into digit groups separated by single spaces; the
// first group starts at rs[0].
func idGroups(rs []rune) []idGroup {
	var groups []idGroup
	i := 0
	for {
		var g idGroup
		var b strings.Builder
		for i < len(rs) && isDigit(foldWidth(rs[i])) {
			if g.digits < maxIDDigits+10 {
				b.WriteRune(foldWidth(rs[i]))
			}
			g.digits++
			i++
		}
		if i < len(rs) && (rs[i] == 'X' || rs[i] == 'x' || rs[i] == 'Ｘ' || rs[i] == 'ｘ') && g.digits+totalDigits(groups) >= minIDDigits-1 {
			b.WriteRune('X')
			g.x = true
			i++
		}
		g.text, g.end = b.String(), i
		groups = append(groups, g)
		if g.x || i+1 >= len(rs) || rs[i] != ' ' || !isDigit(foldWidth(rs[i+1])) || len(groups) >= 6 {
			return groups
		}
		i++ // the single space between groups
	}
}

func totalDigits(gs []idGroup) int {
	n := 0
	for _, g := range gs {
		n += g.digits
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isNameRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// joinSpacedNames closes up names spaced out to line up in the form
// ("刘  洋", "张 三 丰"): a run of two to four single Chinese characters
// separated only by spaces on one line is one name.
func joinSpacedNames(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !single(rs, i) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		chars := []rune{rs[i]}
		j := i + 1
		for len(chars) < 4 {
			k := j
			for k < len(rs) && (rs[k] == ' ' || rs[k] == 0x3000) {
				k++
			}
			if k == j || !single(rs, k) {
				break
			}
			chars = append(chars, rs[k])
			j = k + 1
		}
		if len(chars) == 1 {
			b.WriteRune(rs[i])
			i++
			continue
		}
		b.WriteString(string(chars))
		i = j
	}
	return b.String()
}

// single tells whether rs[i] is a Chinese character standing alone: no
// Chinese character right before or after it.
func single(rs []rune, i int) bool {
	return i < len(rs) && isNameRune(rs[i]) &&
		(i == 0 || !isNameRune(rs[i-1])) &&
		(i+1 == len(rs) || !isNameRune(rs[i+1]))
}

func isNameDot(r rune) bool { return r == '·' || r == '•' || r == '・' || r == '.' }

// splitNames cuts a run of Chinese characters at printed words (姓名,
// 身份证号码…) and keeps the pieces that can be names.
func splitNames(run string) []string {
	pieces := []string{run}
	for _, w := range staffWords {
		var next []string
		for _, p := range pieces {
			if len([]rune(w)) == 1 {
				// Single-character words only stand alone.
				if p != w {
					next = append(next, p)
				}
				continue
			}
			for _, q := range strings.Split(p, w) {
				if q != "" {
					next = append(next, q)
				}
			}
		}
		pieces = next
	}
	var out []string
	for _, p := range pieces {
		p = strings.Trim(p, "·•・.")
		n := len([]rune(p))
		if n >= 2 && n <= maxNameRunes {
			out = append(out, p)
		}
	}
	return out
}
