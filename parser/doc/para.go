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
	// cut is set once text past word.MaxParagraphBytes was dropped.
	cut bool
}

// unicodeBoxes are the typed characters read as checkboxes, with their state.
var unicodeBoxes = map[rune]bool{
	'□': false, '☐': false,
	'☑': true, '☒': true, '■': true, '√': true, '✓': true, '✔': true,
}

// text appends visible text, turning typed checkbox characters into
// word.Checked or word.Unchecked.
//
// A paragraph keeps at most word.MaxParagraphBytes of text; the rest is
// dropped and the cut reported by take.
func (p *paraBuilder) text(s string) {
	for _, r := range s {
		if checked, ok := unicodeBoxes[r]; ok {
			p.checkbox(word.Checkbox{Checked: checked, Form: word.FormUnicode, Glyph: string(r)})
			continue
		}
		if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
			continue // control characters are no text (and no XML for the register)
		}
		if !p.room(utf8.RuneLen(r)) {
			return
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

// room reports whether n more bytes of text fit in the paragraph, and
// records the cut when they do not.
func (p *paraBuilder) room(n int) bool {
	if p.cut || p.sb.Len()+n > word.MaxParagraphBytes {
		p.cut = true
		return false
	}
	return true
}

// checkbox appends a checkbox glyph and records it at the current offset.
func (p *paraBuilder) checkbox(cb word.Checkbox) {
	if !p.room(len(word.Checked)) {
		return
	}
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

// take returns the paragraph built so far, and whether its text was cut at
// word.MaxParagraphBytes, and resets the builder.
func (p *paraBuilder) take() (*word.Paragraph, bool) {
	para := &word.Paragraph{Text: p.sb.String(), Checkboxes: p.cbs, Images: p.imgs}
	cut := p.cut
	*p = paraBuilder{}
	return para, cut
}

func (p *paraBuilder) empty() bool { return p.runes == 0 && len(p.imgs) == 0 }

// symbolBox tells whether a symbol-font glyph is a checkbox and its state,
// with the same tables as the .docx reader. code is the 8-bit font code or
// its F0xx private-use form.
func symbolBox(font string, code uint16) (checked, ok bool) {
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	switch symbolFontKey(font) {
	case "wingdings":
		switch code {
		case 0x6F, 0x70, 0x71, 0x72, 0xA8: // □ ❑ ❒ ◻
			return false, true
		case 0x6E, 0x78, 0xFC, 0xFD, 0xFE: // ■ ⌧ ✓ ☒ ☑
			return true, true
		}
	case "wingdings2":
		switch code {
		case 0xA3: // ⬜
			return false, true
		case 0x50, 0x51, 0x52, 0x53, 0x54, 0xA2: // ✓ 🗵 ☑ ☒ ☒ ⬛
			return true, true
		}
	}
	return false, false
}

func symbolFontKey(font string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(font), " ", ""))
}

// symbolFont reports whether text in this font is symbol glyphs.
func symbolFont(font string) bool {
	switch symbolFontKey(font) {
	case "wingdings", "wingdings2", "wingdings3", "symbol", "webdings":
		return true
	}
	return false
}
