package form

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"shenbao/parser/word"
)

// Typed ticks the reader may have left as text (it normally turns them into
// word.Checked already).
const typedTicks = "√✓✔"

// readOptions finds each option in the 推荐形式 value and decides whether it
// is ticked.
func readOptions(v value, specs []OptionSpec) []Option {
	out := make([]Option, len(specs))
	for i, s := range specs {
		out[i] = Option{Name: s.Name}
	}
	if v.text == "" && len(v.cells) == 0 {
		return out
	}
	// Work on the value cells' own text, so checkbox offsets line up.
	text, boxes := cellsText(v.cells)
	if len(v.cells) == 0 {
		text = v.text
	}
	rs := []rune(text)
	norm, from := labelRunes(rs)

	type match struct{ opt, start, end int } // rune span in rs
	var ms []match
	for i, s := range specs {
		for _, variant := range append(append([]string{}, s.Variants...), s.Name) {
			nv := []rune(NormalizeLabel(variant))
			if len(nv) == 0 {
				continue
			}
			for at := 0; at+len(nv) <= len(norm); at++ {
				if slices.Equal(norm[at:at+len(nv)], nv) {
					ms = append(ms, match{i, from[at], from[at+len(nv)-1] + 1})
				}
			}
		}
	}
	// Longer matches claim their text first; each option keeps its first
	// claimed occurrence.
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].end-ms[a].start > ms[b].end-ms[b].start })
	claimed := make([]bool, len(rs))
	best := map[int]match{}
	for _, m := range ms {
		free := true
		for k := m.start; k < m.end; k++ {
			if claimed[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := m.start; k < m.end; k++ {
			claimed[k] = true
		}
		if b, ok := best[m.opt]; !ok || m.start < b.start {
			best[m.opt] = m
		}
	}
	// Boxes stand after the options ("窗口自荐☑ 联名举荐☐") when the first
	// option in the text has none before it but one after it; then the box
	// before any later option belongs to its predecessor.
	after := false
	// The last option having a box after it too tells "窗口自荐 ☐联名举荐"
	// (the first option's box missing) from boxes after the options.
	first, last := -1, -1
	for i, m := range best {
		if first < 0 || m.start < best[first].start {
			first = i
		}
		if last < 0 || m.start > best[last].start {
			last = i
		}
	}
	if first >= 0 {
		_, before := boxBefore(rs, best[first].start)
		_, behind, _ := boxAfterRun(rs, best[first].end)
		_, lastBehind, _ := boxAfterRun(rs, best[last].end)
		after = before < 0 && behind >= 0 && lastBehind >= 0
	}
	// Read the options in text order, so a box taken as one option's
	// trailing box ("联名举荐√ 领导推荐") is not read again as the next
	// option's leading box.
	order := make([]int, 0, len(best))
	for i := range best {
		order = append(order, i)
	}
	sort.Slice(order, func(a, b int) bool { return best[order[a]].start < best[order[b]].start })
	takenFrom, takenTo := -1, -1
	boxed := false
	for _, i := range order {
		m := best[i]
		checked, at := boxBefore(rs, m.start)
		if after {
			checked, at, _ = boxAfterRun(rs, m.end)
		} else if at >= takenFrom && at <= takenTo {
			at = -1
		}
		if at < 0 && !after {
			// No box before it: a box right after it is its own when it
			// touches the option, stands nearer to it than to what
			// follows, or nothing follows the box.
			c, a, last := boxAfterRun(rs, m.end)
			left, right := spacesFrom(rs, m.end, 1), spacesFrom(rs, last+1, 1)
			if a >= 0 && (left == 0 || left < right || lineEndsAfter(rs, last+1)) {
				checked, at = c, a
				takenFrom, takenTo = m.end, last
			}
		}
		if at < 0 {
			continue
		}
		boxed = true
		out[i].Checked = checked
		out[i].Form = formAt(boxes, at, rs[at])
	}
	// An office that deleted the other options and left only its choice
	// ("领导推荐") chose that one.
	if !boxed && len(best) == 1 && !hasBox(rs) {
		for i := range best {
			out[i].Checked = true
			out[i].Form = FormWritten
		}
	}
	return out
}

// FormWritten is the Option.Form of an option taken as chosen because it
// was the only one written in 推荐形式, with no box anywhere.
const FormWritten = "written"

// spacesFrom counts the spaces from rune index k in direction step (a
// full-width space or a tab counts as two).
func spacesFrom(rs []rune, k, step int) int {
	n := 0
	for ; k >= 0 && k < len(rs) && isSpace(rs[k]) && rs[k] != '\n'; k += step {
		n++
		if rs[k] == 0x3000 || rs[k] == '\t' {
			n++
		}
	}
	return n
}

// lineEndsAfter reports that only spaces stand from rune index k to the
// end of the text, a line break or a cell break.
func lineEndsAfter(rs []rune, k int) bool {
	for ; k < len(rs); k++ {
		switch {
		case rs[k] == '\n' || rs[k] == '\t':
			return true
		case !isSpace(rs[k]):
			return false
		}
	}
	return true
}

// hasBox reports any box glyph or bracketed box in rs.
func hasBox(rs []rune) bool {
	for k, r := range rs {
		if isBox(r) {
			return true
		}
		if _, _, ok := bracketBox(rs, k, 1); ok {
			return true
		}
	}
	return false
}

// isBox reports a checkbox glyph or a typed tick.
func isBox(r rune) bool {
	return string(r) == word.Checked || string(r) == word.Unchecked || strings.ContainsRune(typedTicks, r)
}

func isTick(r rune) bool { return string(r) == word.Checked || strings.ContainsRune(typedTicks, r) }

// boxBefore looks at the glyphs right before rune index i (spaces allowed):
// checked when any of them is a tick ("☑☐窗口自荐" counts). at is the index of
// the deciding glyph, -1 when there is no box before the option.
func boxBefore(rs []rune, i int) (checked bool, at int) { return boxRun(rs, i-1, -1) }

// boxAfterRun looks at the glyphs right after the option ("窗口自荐☑");
// last is the index of the run's last box rune.
func boxAfterRun(rs []rune, i int) (checked bool, at, last int) {
	checked, at, last = boxRunLast(rs, i, 1)
	return checked, at, last
}

// boxRun reads the run of box glyphs starting at rune index k and going in
// direction step (-1 backwards, 1 forwards), spaces allowed between them.
func boxRun(rs []rune, k, step int) (checked bool, at int) {
	checked, at, _ = boxRunLast(rs, k, step)
	return checked, at
}

// boxRunLast is boxRun that also returns the index of the run's last box
// rune (its closing bracket for a bracketed box), -1 when there is none.
func boxRunLast(rs []rune, k, step int) (checked bool, at, last int) {
	at, last = -1, -1
	for ; k >= 0 && k < len(rs); k += step {
		r := rs[k]
		if r == ' ' || r == '\t' || r == 0x3000 || r == 0xA0 {
			continue
		}
		if end, tick, ok := bracketBox(rs, k, step); ok {
			// "窗口自荐（√）", "（ ）联名举荐": brackets holding only a
			// tick or nothing are the option's box.
			switch {
			case tick >= 0 && !checked:
				at, checked = tick, true
			case at < 0:
				at = k
			}
			k, last = end, end
			continue
		}
		if !isBox(r) {
			break
		}
		last = k
		if at < 0 || isTick(r) && !checked {
			at = k
		}
		if isTick(r) {
			checked = true
		}
	}
	return checked, at, last
}

// maxBracketBox bounds the runes inside a bracketed box: "（ √ ）".
const maxBracketBox = 6

// bracketBox reads a bracket pair starting at rs[k] and going in direction
// step that holds only spaces and box glyphs. ok is false when rs[k] opens
// no such pair; end is the index of the closing bracket; tick is the index
// of a tick inside, -1 when there is none.
func bracketBox(rs []rune, k, step int) (end, tick int, ok bool) {
	open, closing := '(', ')'
	if step < 0 {
		open, closing = ')', '('
	}
	if foldBracket(foldWidth(rs[k])) != open {
		return 0, -1, false
	}
	tick = -1
	for j := k + step; j >= 0 && j < len(rs) && (j-k)*step <= maxBracketBox+1; j += step {
		r := rs[j]
		switch {
		case foldBracket(foldWidth(r)) == closing:
			return j, tick, true
		case isTick(r):
			if tick < 0 {
				tick = j
			}
		case isBox(r) || isSpace(r):
		default:
			return 0, -1, false
		}
	}
	return 0, -1, false
}

// boxRef is a checkbox record placed at a rune offset of the cells' text.
type boxRef struct {
	offset int
	box    word.Checkbox
}

// cellsText joins the cells with "\t" and their top-level paragraphs with
// "\n", and places each paragraph's checkboxes at their offset in the
// joined text.
func cellsText(cells []*word.Cell) (string, []boxRef) {
	var b strings.Builder
	var boxes []boxRef
	n := 0
	for ci, c := range cells {
		if ci > 0 {
			b.WriteByte('\t') // a box may sit in its own cell before the option
			n++
		}
		for bi, blk := range c.Blocks {
			if bi > 0 {
				b.WriteByte('\n')
				n++
			}
			var s string
			switch {
			case blk.Paragraph != nil:
				s = blk.Paragraph.Text
				for _, cb := range blk.Paragraph.Checkboxes {
					boxes = append(boxes, boxRef{n + cb.Offset, cb})
				}
			case blk.Table != nil:
				s = (&word.Cell{Blocks: []word.Block{blk}}).Text()
			}
			b.WriteString(s)
			n += len([]rune(s))
		}
	}
	return b.String(), boxes
}

// formAt names the checkbox form of the glyph at rune offset at.
func formAt(boxes []boxRef, at int, r rune) string {
	for _, b := range boxes {
		if b.offset == at {
			if b.box.Form == word.FormUnicode && strings.ContainsRune(typedTicks, []rune(b.box.Glyph + " ")[0]) {
				return "typed-tick"
			}
			return b.box.Form
		}
	}
	if strings.ContainsRune(typedTicks, r) {
		return "typed-tick"
	}
	return word.FormUnicode
}

// placeholder is a printed template text to remove from opinion cells,
// matched with width, bracket and spacing differences allowed.
type placeholder struct {
	re *regexp.Regexp
	// first holds every rune a match can start with; a text with none of
	// them is not searched.
	first string
}

// lastCompiled keeps the last list compilePlaceholders compiled: a run
// reads thousands of 初审表 against one profile, and compiling the
// expressions anew for each was 3% of a 10,000-window run. (*regexp.Regexp
// is safe for concurrent use.)
var lastCompiled atomic.Pointer[compiledPlaceholders]

type compiledPlaceholders struct {
	from []string
	out  []placeholder
}

func compilePlaceholders(ps []string) []placeholder {
	if c := lastCompiled.Load(); c != nil && slices.Equal(c.from, ps) {
		return c.out
	}
	out := compileFresh(ps)
	lastCompiled.Store(&compiledPlaceholders{from: slices.Clone(ps), out: out})
	return out
}

func compileFresh(ps []string) []placeholder {
	sorted := append([]string{}, ps...)
	sortLongestFirst(sorted)
	var out []placeholder
	for _, p := range sorted {
		var b strings.Builder
		var first string
		for _, r := range p {
			if isSpace(r) {
				continue
			}
			if first != "" {
				b.WriteString(`[ \t\x{3000}]*`)
			} else {
				first = runeForms(r)
			}
			b.WriteString(runeClass(r))
		}
		if b.Len() == 0 {
			continue
		}
		if strings.HasSuffix(strings.TrimRightFunc(p, isSpace), "：") || strings.HasSuffix(strings.TrimRightFunc(p, isSpace), ":") {
			// A prompt such as "签字：" takes the signer's typed name
			// after it ("签字：张三"): a name, not part of the opinion.
			b.WriteString(`(?:[ \t\x{3000}]*\p{Han}{2,4}(?:·\p{Han}{1,4})?[ \t\x{3000}]*(?m:$))?`)
		}
		re, err := regexp.Compile(b.String())
		if err != nil {
			continue
		}
		out = append(out, placeholder{re: re, first: first})
	}
	return out
}

// runeForms lists the forms of r a placeholder matches: r in either width
// and, for brackets, every bracket form.
func runeForms(r rune) string {
	f := foldBracket(foldWidth(r))
	switch f {
	case '(':
		return "(（〔【[［"
	case ')':
		return ")）〕】]］"
	}
	if f != r || (f >= 0x21 && f <= 0x7E) {
		return string(f) + string(f+0xFEE0)
	}
	return string(r)
}

// runeClass matches the runeForms of r.
func runeClass(r rune) string {
	forms := runeForms(r)
	if utf8.RuneCountInString(forms) == 1 {
		return regexp.QuoteMeta(forms)
	}
	var b strings.Builder
	b.WriteByte('[')
	for _, f := range forms {
		b.WriteString(regexp.QuoteMeta(string(f)))
	}
	b.WriteByte(']')
	return b.String()
}

func (p placeholder) remove(s string) string {
	if !strings.ContainsAny(s, p.first) {
		return s
	}
	return p.re.ReplaceAllString(s, "")
}
