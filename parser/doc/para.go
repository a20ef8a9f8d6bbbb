package doc

import (
	"strings"
	"unicode/utf8"

	"shenbao/parser/word"
)

// paraBuilder collects one paragraph's text, checkboxes and images, keeping
// the rune offset that Checkbox.Offset needs.
type paraBuilder struct {
	sb    strings.Builder
	runes int
	cbs   []word.Checkbox
	imgs  []word.Image
	// pendingHigh is a high surrogate waiting for its pair.
	pendingHigh uint16
}

// unicodeBoxes are the typed characters read as checkboxes, with their state.
var unicodeBoxes = map[rune]bool{
	'□': false, '☐': false,
	'☑': true, '☒': true, '■': true, '√': true, '✓': true, '✔': true,
}

// text appends visible text, turning typed checkbox characters into
// word.Checked or word.Unchecked.
func (p *paraBuilder) text(s string) {
	for _, r := range s {
		if checked, ok := unicodeBoxes[r]; ok {
			p.checkbox(word.Checkbox{Checked: checked, Form: word.FormUnicode, Glyph: string(r)})
			continue
		}
		p.sb.WriteRune(r)
		p.runes++
	}
}

func (p *paraBuilder) rune(r rune) {
	if r == utf8.RuneError {
		return
	}
	p.text(string(r))
}

// checkbox appends a checkbox glyph and records it at the current offset.
func (p *paraBuilder) checkbox(cb word.Checkbox) {
	cb.Offset = p.runes
	if cb.Checked {
		p.sb.WriteString(word.Checked)
	} else {
		p.sb.WriteString(word.Unchecked)
	}
	p.runes++
	p.cbs = append(p.cbs, cb)
}

func (p *paraBuilder) image(img word.Image) { p.imgs = append(p.imgs, img) }

// take returns the paragraph built so far and resets the builder.
func (p *paraBuilder) take() *word.Paragraph {
	para := &word.Paragraph{Text: p.sb.String(), Checkboxes: p.cbs, Images: p.imgs}
	*p = paraBuilder{}
	return para
}

func (p *paraBuilder) empty() bool { return p.runes == 0 && len(p.imgs) == 0 }

// symbolBox tells whether a symbol-font glyph is a checkbox and its state.
// code is the glyph code in the F0xx private-use range.
func symbolBox(font string, code uint16) (checked, ok bool) {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, "wingdings 2"):
		switch code {
		case 0xF0A3, 0xF02A, 0xF0A2:
			return false, true
		case 0xF052, 0xF053, 0xF054, 0xF051, 0xF050:
			return true, true
		}
	case strings.HasPrefix(f, "wingdings"):
		switch code {
		case 0xF0A8, 0xF06F, 0xF071, 0xF070:
			return false, true
		case 0xF0FE, 0xF0FD, 0xF078, 0xF0FC, 0xF06E:
			return true, true
		}
	case f == "symbol":
		if code == 0xF0D6 {
			return true, true
		}
	}
	return false, false
}

// symbolFont reports whether text in this font is symbol glyphs.
func symbolFont(font string) bool {
	f := strings.ToLower(font)
	return strings.HasPrefix(f, "wingdings") || f == "symbol" || strings.HasPrefix(f, "webdings")
}
