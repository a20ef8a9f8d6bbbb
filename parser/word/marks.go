package word

import (
	"slices"
	"strings"
)

// Choice marks that are not square boxes: filled and hollow circles, which
// forms use as radio buttons ("〇是 ●否", "○同意 ●不同意", "◯/◉").
const (
	filledMarks = "●◉⦿"
	hollowMarks = "○◯〇"
)

// instructionTicks are typed ticks that a reader turns into checkboxes;
// quoted or after 打 they are the form's instruction ("在相应栏内打“√”"), not
// a ticked box.
const instructionTicks = "√✓✔"

// MarkChoices is the last step of every reader: in each paragraph it turns
// circle choice marks into checkboxes like □/■, and turns back into text the
// ticks of an instruction that a reader took for ticked boxes. Circles count
// only as a choice: at least one filled and one hollow mark in the
// paragraph, or two hollow ○/◯ each followed by an option. 〇 is also the
// numeral zero (二〇二四年), so it counts only beside a filled mark and never
// next to a numeral.
func (d *Document) MarkChoices() {
	var walk func([]Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			if b.Paragraph != nil {
				b.Paragraph.markChoices()
			}
			if b.Table == nil {
				continue
			}
			for r, row := range b.Table.Rows {
				for c, cell := range row {
					if cell != nil && cell.Row == r && cell.Col == c {
						walk(cell.Blocks)
					}
				}
			}
		}
	}
	walk(d.Blocks)
}

func (p *Paragraph) markChoices() {
	if !strings.ContainsAny(p.Text, filledMarks+hollowMarks+Checked) {
		return
	}
	runes := []rune(p.Text)
	changed := false
	// Instruction ticks back to text.
	kept := p.Checkboxes[:0]
	for _, cb := range p.Checkboxes {
		if cb.Form == FormUnicode && strings.Contains(instructionTicks, cb.Glyph) && cb.Glyph != "" &&
			cb.Offset < len(runes) && instruction(runes, cb.Offset) {
			runes[cb.Offset] = []rune(cb.Glyph)[0]
			changed = true
			continue
		}
		kept = append(kept, cb)
	}
	p.Checkboxes = kept
	// Circles to checkboxes.
	var filled, hollow, circles []int
	for i, r := range runes {
		switch {
		case strings.ContainsRune(filledMarks, r):
			filled = append(filled, i)
		case r == '〇' && numeralNear(runes, i):
		case strings.ContainsRune(hollowMarks, r):
			hollow = append(hollow, i)
			if r != '〇' && optionAfter(runes, i) {
				circles = append(circles, i)
			}
		}
	}
	if len(filled) > 0 && len(hollow) > 0 || len(circles) >= 2 {
		for _, i := range slices.Concat(filled, hollow) {
			checked := strings.ContainsRune(filledMarks, runes[i])
			glyph := string(runes[i])
			runes[i] = []rune(Unchecked)[0]
			if checked {
				runes[i] = []rune(Checked)[0]
			}
			p.Checkboxes = append(p.Checkboxes, Checkbox{Checked: checked, Form: FormUnicode, Glyph: glyph, Offset: i})
		}
		slices.SortStableFunc(p.Checkboxes, func(a, b Checkbox) int { return a.Offset - b.Offset })
		changed = true
	}
	if changed {
		p.Text = string(runes)
	}
}

// instruction reports whether the tick at i is quoted or follows 打/划/画
// (an instruction to tick, not a tick).
func instruction(runes []rune, i int) bool {
	j := i - 1
	for j >= 0 && runes[j] == ' ' {
		j--
	}
	if j < 0 {
		return false
	}
	switch runes[j] {
	case '“', '"', '‘', '\'', '「', '『', '＂':
		return true
	case '打', '划', '画':
		return true
	}
	return false
}

// numeralNear reports whether a Chinese or Arabic numeral is next to i.
func numeralNear(runes []rune, i int) bool {
	const numerals = "〇零一二三四五六七八九十0123456789０１２３４５６７８９"
	return i > 0 && strings.ContainsRune(numerals, runes[i-1]) ||
		i+1 < len(runes) && strings.ContainsRune(numerals, runes[i+1])
}

// optionAfter reports whether an option's word follows the mark at i.
func optionAfter(runes []rune, i int) bool {
	j := i + 1
	for j < len(runes) && runes[j] == ' ' {
		j++
	}
	return j < len(runes) && !strings.ContainsRune(filledMarks+hollowMarks+" \t\n", runes[j])
}
