package docx

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// para collects one paragraph while its runs are read.
type para struct {
	sb    strings.Builder
	runes int
	boxes []word.Checkbox
	imgs  []word.Image
	after []word.Block // text-box content, placed after the paragraph
	cut   bool         // text past word.MaxParagraphBytes was dropped
}

func (p *para) write(s string) {
	if p.cut {
		return
	}
	s, p.cut = word.CutText(s, word.MaxParagraphBytes-p.sb.Len())
	p.sb.WriteString(s)
	p.runes += utf8.RuneCountInString(s)
}

// box writes a checkbox glyph and records the checkbox at its offset.
func (p *para) box(cb word.Checkbox) {
	if p.cut || p.sb.Len()+len(word.Checked) > word.MaxParagraphBytes {
		p.cut = true
		return
	}
	cb.Offset = p.runes
	if cb.Checked {
		p.write(word.Checked)
	} else {
		p.write(word.Unchecked)
	}
	p.boxes = append(p.boxes, cb)
}

func (p *para) paragraph() *word.Paragraph {
	return &word.Paragraph{Text: p.sb.String(), Checkboxes: p.boxes, Images: p.imgs}
}

// blocks reads the block-level children of the current element (body, cell,
// text box, content control) into out.
func (r *reader) blocks(out *[]word.Block) error {
	return r.children(func(se xml.StartElement) error { return r.block(se, out) })
}

func (r *reader) block(se xml.StartElement, out *[]word.Block) error {
	if isMC(se.Name) && se.Name.Local == "AlternateContent" {
		return r.alternate(func() error { return r.blocks(out) })
	}
	if !isW(se.Name) {
		return r.skip()
	}
	switch se.Name.Local {
	case "p":
		return r.paragraph(out)
	case "tbl":
		return r.table(out)
	case "sdt":
		return r.sdt(func() error { return r.blocks(out) }, false)
	case "customXml", "smartTag", "ins", "moveTo", "sdtContent":
		return r.blocks(out)
	case "r", "hyperlink", "pict", "drawing":
		return r.loose(se, out)
	case "altChunk":
		r.warn(problem.EmbeddedUnread, "an altChunk (imported HTML or RTF content) in %s was not read", r.part)
	}
	// w:del, w:moveFrom, w:sectPr, w:bookmarkStart, w:altChunk, unknown.
	return r.skip()
}

// paragraph reads a w:p and appends it, then any text-box content met in it.
func (r *reader) paragraph(out *[]word.Block) error {
	pa := &para{}
	prev := r.cur
	r.cur = pa
	err := r.inlines()
	r.cur = prev
	if err != nil {
		return err
	}
	r.endParagraph()
	return r.keep(out, pa)
}

// keep appends a finished paragraph and the text-box content met in it,
// counting them against maxBlocks.
func (r *reader) keep(out *[]word.Block, pa *para) error {
	if r.paras += 1 + len(pa.after); r.paras > maxBlocks {
		return errTruncated
	}
	if pa.cut {
		r.warn(problem.ParagraphCut, "a paragraph longer than %d bytes was cut there", word.MaxParagraphBytes)
	}
	*out = append(*out, word.Block{Paragraph: pa.paragraph()})
	*out = append(*out, pa.after...)
	return nil
}

// loose reads a run or picture written directly in a block container (some
// producers put w:pict in w:body) as a paragraph of its own.
func (r *reader) loose(se xml.StartElement, out *[]word.Block) error {
	pa := &para{}
	prev := r.cur
	r.cur = pa
	var err error
	if se.Name.Local == "pict" || se.Name.Local == "drawing" {
		err = r.drawing()
	} else {
		err = r.inline(se)
	}
	r.cur = prev
	if err != nil {
		return err
	}
	return r.keep(out, pa)
}

// inlines reads the paragraph-level children of the current element.
func (r *reader) inlines() error { return r.children(r.inline) }

func (r *reader) inline(se xml.StartElement) error {
	switch {
	case isM(se.Name):
		switch {
		case se.Name.Local == "r":
			return r.run()
		case strings.HasSuffix(se.Name.Local, "Pr"):
			return r.skip()
		}
		return r.inlines() // oMathPara, oMath, f, num, den, e, sSup…
	case isMC(se.Name) && se.Name.Local == "AlternateContent":
		return r.alternate(r.inlines)
	case !isW(se.Name):
		return r.skip()
	}
	switch se.Name.Local {
	case "r":
		return r.run()
	case "hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo", "sdtContent", "rubyBase":
		return r.inlines()
	case "fldSimple":
		// The content of a simple field is its last result; the
		// instruction is an attribute and is not shown.
		return r.inlines()
	case "sdt":
		return r.sdt(r.inlines, true)
	}
	// w:pPr, w:del, w:moveFrom, w:rt, bookmarks, proofErr, comment ranges.
	return r.skip()
}

// runState is what a run's properties say about how to read its text.
type runState struct {
	font     symFont
	fontName string
	// placeholderStyle is set for a run in the placeholder character
	// style Word gives a content control's prompt.
	placeholderStyle bool
}

func (r *reader) run() error {
	var rs runState
	return r.runContent(&rs)
}

func (r *reader) runContent(rs *runState) error {
	return r.children(func(se xml.StartElement) error {
		switch {
		case isM(se.Name) && se.Name.Local == "t":
			s, err := r.text()
			if err == nil {
				r.emitText(s, rs)
			}
			return err
		case isMC(se.Name) && se.Name.Local == "AlternateContent":
			return r.alternate(func() error { return r.runContent(rs) })
		case !isW(se.Name):
			return r.skip()
		}
		switch se.Name.Local {
		case "rPr":
			return r.runProps(rs)
		case "t":
			s, err := r.text()
			if err == nil {
				r.emitText(s, rs)
			}
			return err
		case "tab", "ptab":
			r.emitPlain("\t")
		case "br", "cr":
			r.emitPlain("\n")
		case "noBreakHyphen":
			r.emitPlain("-")
		case "sym":
			r.sym(se)
		case "fldChar":
			return r.fldChar(se)
		case "instrText":
			s, err := r.text()
			if err == nil {
				r.instr(s)
			}
			return err
		case "drawing", "pict", "object":
			prevName, prevAlt := r.drawName, r.vmlAlt
			r.drawName, r.vmlAlt = "", ""
			err := r.drawing()
			r.drawName, r.vmlAlt = prevName, prevAlt
			return err
		case "ruby":
			return r.inlines()
		}
		// w:delText, w:footnoteReference, w:lastRenderedPageBreak, unknown.
		return r.skip()
	})
}

// runProps reads w:rPr for the symbol font of the run's text.
func (r *reader) runProps(rs *runState) error {
	return r.children(func(se xml.StartElement) error {
		if wEl(se, "rStyle") {
			v, _ := wAttr(se, "val")
			l := strings.ToLower(v)
			rs.placeholderStyle = strings.Contains(l, "placeholder") || strings.Contains(v, "占位符")
		}
		if wEl(se, "rFonts") {
			for _, key := range []string{"ascii", "hAnsi"} {
				name, _ := wAttr(se, key)
				if f := fontOf(name); f != fontNone {
					rs.font, rs.fontName = f, name
					break
				}
			}
		}
		return r.skip()
	})
}

// emitPlain writes text that cannot hold a checkbox (tab, break, hyphen).
func (r *reader) emitPlain(s string) {
	if r.cur != nil && r.visible() {
		r.cur.write(s)
	}
}

// emitText writes run text, turning every checkbox glyph into a checkbox.
func (r *reader) emitText(s string, rs *runState) {
	r.decidePlaceholder(s, rs)
	pa := r.cur
	if pa == nil || !r.visible() {
		return
	}
	start := 0
	for i := 0; i < len(s); {
		ch, size := utf8.DecodeRuneInString(s[i:])
		if cb, ok := r.glyphBox(ch, rs); ok {
			pa.write(s[start:i])
			pa.box(cb)
			start = i + size
		}
		i += size
	}
	pa.write(s[start:])
}
