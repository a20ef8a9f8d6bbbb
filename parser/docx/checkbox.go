package docx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// symFont is a symbol font whose code points are checkbox glyphs.
type symFont int

const (
	fontNone symFont = iota
	fontWingdings
	fontWingdings2
)

func fontOf(name string) symFont {
	switch strings.ToLower(strings.ReplaceAll(name, " ", "")) {
	case "wingdings":
		return fontWingdings
	case "wingdings2":
		return fontWingdings2
	}
	return fontNone
}

// symBox says whether code in font f draws a checkbox, and whether checked.
// Codes are taken as the font's 8-bit code, from either the plain form
// (00FE) or the private-use form Word writes (F0FE). The tables follow the
// Unicode mappings of the Wingdings fonts (Unicode 7.0 Wingdings proposal).
func symBox(f symFont, code rune) (checked, ok bool) {
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	switch f {
	case fontWingdings:
		switch code {
		case 0x6F, 0x70, 0x71, 0x72, 0xA8: // □ white square, bold □, ❑, ❒, ◻ white medium square
			return false, true
		case 0x6E, 0x78, 0xFC, 0xFD, 0xFE: // ■, ⌧ X in a box, ✓ check, ☒ box with X, ☑ box with check
			return true, true
		}
	case fontWingdings2:
		switch code {
		case 0xA3: // ⬜ white large square
			return false, true
		case 0x50, 0x51, 0x52, 0x53, 0x54, 0xA2: // ✓, 🗵, ☑, ☒, ☒ bold, ⬛ black large square
			return true, true
		}
	}
	return false, false
}

// unicodeBox says whether ch is a checkbox symbol typed as text.
func unicodeBox(ch rune) (checked, ok bool) {
	switch ch {
	case '□', '☐':
		return false, true
	case '☑', '☒', '■', '√', '✓', '✔':
		return true, true
	}
	return false, false
}

// glyphBox turns one character of run text into a checkbox when it is one.
func (r *reader) glyphBox(ch rune, rs *runState) (word.Checkbox, bool) {
	if b := r.openBox(); b != nil {
		_, sym := symBox(rs.font, ch)
		_, uni := unicodeBox(ch)
		if b.isGlyph(ch) || sym || uni {
			b.used = true
			return word.Checkbox{Checked: b.checked, Form: word.FormSDT, Glyph: string(ch)}, true
		}
	}
	if rs.font != fontNone {
		if checked, ok := symBox(rs.font, ch); ok {
			return word.Checkbox{Checked: checked, Form: word.FormSym, Glyph: string(ch), Font: rs.fontName}, true
		}
	}
	if checked, ok := unicodeBox(ch); ok {
		return word.Checkbox{Checked: checked, Form: word.FormUnicode, Glyph: string(ch)}, true
	}
	return word.Checkbox{}, false
}

// sym handles w:sym: a checkbox when the font and code are known ones,
// otherwise "?" and a warning.
func (r *reader) sym(se xml.StartElement) {
	if r.cur == nil || !r.visible() {
		return
	}
	font, _ := wAttr(se, "font")
	char, _ := wAttr(se, "char")
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil || code > 0xFFFF {
		code = 0
	}
	checked, ok := symBox(fontOf(font), rune(code))
	glyph := strings.ToUpper(char)
	// In a checkbox control the symbol of its checked or unchecked state
	// stands for the control whatever font it is drawn in.
	if b := r.openBox(); b != nil && (ok || b.isGlyph(rune(code))) {
		b.used = true
		r.cur.box(word.Checkbox{Checked: b.checked, Form: word.FormSDT, Glyph: glyph, Font: font})
		return
	}
	if !ok {
		r.warn(problem.UnknownSymbol, "w:sym font %q char %q is not a known checkbox; written as \"?\"", font, char)
		r.cur.write("?")
		return
	}
	r.cur.box(word.Checkbox{Checked: checked, Form: word.FormSym, Glyph: glyph, Font: font})
}

// sdtBox is an open w14:checkbox content control. Its state comes from
// w14:checked, never from the glyph shown; the first checkbox-like glyph in
// its content stands for it.
type sdtBox struct {
	checked                      bool
	checkedGlyph, uncheckedGlyph rune
	used                         bool
}

// isGlyph reports whether code is the control's checked or unchecked
// symbol, in plain or private-use (F0xx) form.
func (b *sdtBox) isGlyph(code rune) bool {
	if code <= 0 {
		return false
	}
	for _, g := range []rune{b.checkedGlyph, b.uncheckedGlyph} {
		if g > 0 && (code == g || code == g|0xF000 || code|0xF000 == g) {
			return true
		}
	}
	return false
}

// openBox returns the innermost open checkbox control whose glyph has not
// been met yet.
func (r *reader) openBox() *sdtBox {
	if n := len(r.boxes); n > 0 && !r.boxes[n-1].used {
		return r.boxes[n-1]
	}
	return nil
}

// sdt reads a w:sdt; content reads the children of its w:sdtContent in the
// caller's context. With emit, a checkbox control whose content shows no
// glyph still yields its checkbox in the current paragraph.
func (r *reader) sdt(content func() error, emit bool) error {
	var box *sdtBox
	placeholder := false
	err := r.children(func(se xml.StartElement) error {
		switch {
		case wEl(se, "sdtPr"):
			b, ph, err := r.sdtPr()
			box, placeholder = b, ph && b == nil
			return err
		case wEl(se, "sdtContent"):
			if placeholder {
				// The content is normally the control's prompt
				// ("单击此处输入文字"), not something the user wrote: keep
				// the structure, drop the text. But WPS and older Word
				// leave the flag on text typed over the prompt, so the
				// first text decides (see placeholderText).
				r.placeholders = append(r.placeholders, plcUndecided)
				defer func() { r.placeholders = r.placeholders[:len(r.placeholders)-1] }()
			}
			if box == nil {
				return content()
			}
			r.boxes = append(r.boxes, box)
			err := content()
			r.boxes = r.boxes[:len(r.boxes)-1]
			return err
		}
		return r.skip()
	})
	if err != nil {
		return err
	}
	if box != nil && !box.used && emit && r.cur != nil && r.visible() {
		r.cur.box(word.Checkbox{Checked: box.checked, Form: word.FormSDT})
	}
	return nil
}

// sdtPr reads content-control properties: a w14:checkbox, and whether the
// control shows its placeholder (w:showingPlcHdr). The rest is ignored.
func (r *reader) sdtPr() (box *sdtBox, placeholder bool, err error) {
	err = r.children(func(se xml.StartElement) error {
		if wEl(se, "showingPlcHdr") {
			v, present := wAttr(se, "val")
			placeholder = onOff(v, present)
			return r.skip()
		}
		if !isW14(se.Name) || se.Name.Local != "checkbox" {
			return r.skip()
		}
		box = &sdtBox{checkedGlyph: -1, uncheckedGlyph: -1}
		return r.children(func(se xml.StartElement) error {
			if isW14(se.Name) {
				val, present := "", false
				for _, a := range se.Attr {
					if a.Name.Local == "val" {
						val, present = a.Value, true
					}
				}
				switch se.Name.Local {
				case "checked":
					box.checked = onOff(val, present)
				case "checkedState":
					box.checkedGlyph = hexRune(val)
				case "uncheckedState":
					box.uncheckedGlyph = hexRune(val)
				}
			}
			return r.skip()
		})
	})
	return box, placeholder, err
}

func hexRune(s string) rune {
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || v == 0 {
		return -1
	}
	return rune(v)
}

// formBox is the w:ffData/w:checkBox of a legacy form field.
type formBox struct{ checked bool }

// ffData reads w:ffData inside a field's begin character.
func (r *reader) ffData(f *field) error {
	return r.children(func(se xml.StartElement) error {
		if !wEl(se, "checkBox") {
			return r.skip()
		}
		var checked, def *bool
		err := r.children(func(se xml.StartElement) error {
			if isW(se.Name) && (se.Name.Local == "checked" || se.Name.Local == "default") {
				v, present := wAttr(se, "val")
				b := onOff(v, present)
				if se.Name.Local == "checked" {
					checked = &b
				} else {
					def = &b
				}
			}
			return r.skip()
		})
		box := &formBox{}
		switch {
		case checked != nil:
			box.checked = *checked
		case def != nil:
			box.checked = *def
		}
		f.box = box
		return err
	})
}

// plcState is what is known of a content control flagged as showing its
// placeholder.
type plcState int8

const (
	plcUndecided plcState = iota
	plcPrompt             // its text is the prompt: dropped
	plcTyped              // someone typed over the prompt: kept
)

// promptStarts begin the prompts Word, WPS and LibreOffice put into content
// controls ("单击或点击此处输入文字。", "Click or tap here to enter text.").
var promptStarts = []string{"单击", "点击", "轻触", "click", "tap", "选择一项", "choose an item", "输入", "enter "}

// decidePlaceholder settles the innermost undecided placeholder control
// with the first text met inside it: the prompt when the run has a
// placeholder character style or the text reads like a prompt, typed text
// otherwise.
func (r *reader) decidePlaceholder(s string, rs *runState) {
	n := len(r.placeholders)
	if n == 0 || r.placeholders[n-1] != plcUndecided || strings.TrimSpace(s) == "" {
		return
	}
	state := plcTyped
	lower := strings.ToLower(strings.TrimSpace(s))
	if rs.placeholderStyle {
		state = plcPrompt
	}
	for _, p := range promptStarts {
		if strings.HasPrefix(lower, p) {
			state = plcPrompt
		}
	}
	r.placeholders[n-1] = state
}

// inPrompt reports whether text read now belongs to a control's prompt (or
// to one not yet decided, for text that cannot decide: tabs, breaks).
func (r *reader) inPrompt() bool {
	for _, st := range r.placeholders {
		if st != plcTyped {
			return true
		}
	}
	return false
}
