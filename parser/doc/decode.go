package doc

import (
	"fmt"
	"sort"
	"strings"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// Special characters of the main text.
const (
	chPicture   = 0x01
	chCellMark  = 0x07
	chDrawn     = 0x08
	chTab       = 0x09
	chLineBreak = 0x0B
	chPageBreak = 0x0C
	chParaEnd   = 0x0D
	chFieldBeg  = 0x13
	chFieldSep  = 0x14
	chFieldEnd  = 0x15
	chNBHyphen  = 0x1E
	chSoftHyph  = 0x1F
	chSymbol    = 0x28
	maxFields   = 64
)

// chp is the character formatting this reader needs.
type chp struct {
	spec, data, ole, deleted, vanish bool
	picLocation                      int64
	hasPic                           bool
	symFtc                           int
	symChar                          uint16
	hasSym                           bool
	ftc                              int   // sprmCRgFtc0 (ASCII font)
	ftcOther                         []int // sprmCRgFtc1, sprmCRgFtc2, sprmCFtcBi
}

// chpOf reads the character properties of the grpprls, later ones
// overriding earlier ones.
func chpOf(gs ...[]byte) chp {
	c := chp{ftc: -1}
	eachSprms(gs, func(op uint16, arg []byte) {
		switch op {
		case sprmCFSpec:
			c.spec = arg[0]&1 != 0
		case sprmCFData:
			c.data = arg[0]&1 != 0
		case sprmCFOle2:
			c.ole = arg[0]&1 != 0
		case sprmCFRMarkDel:
			c.deleted = arg[0]&1 != 0
		case sprmCFVanish:
			c.vanish = arg[0]&1 != 0
		case sprmCPicLocation:
			c.picLocation, c.hasPic = int64(le32(arg, 0)), true
		case sprmCSymbol:
			c.symFtc, c.symChar, c.hasSym = int(le16(arg, 0)), le16(arg, 2), true
		case sprmCRgFtc0:
			c.ftc = int(le16(arg, 0))
		case sprmCRgFtc1, sprmCRgFtc2, sprmCFtcBi:
			c.ftcOther = append(c.ftcOther, int(le16(arg, 0)))
		}
	})
	return c
}

// pap is the paragraph formatting this reader needs.
type pap struct {
	depth                    int
	ttp, innerCell, innerTtp bool
	cols                     []gridCell
}

// papOf reads the paragraph properties of the grpprls in order.
func papOf(gs ...[]byte) pap {
	var p pap
	inTable := false
	eachSprms(gs, func(op uint16, arg []byte) {
		switch op {
		case sprmPFInTable:
			inTable = arg[0] != 0
		case sprmPFTtp:
			p.ttp = arg[0] != 0
		case sprmPItap:
			p.depth = int(int32(le32(arg, 0)))
		case sprmPDtap:
			p.depth += int(int32(le32(arg, 0)))
		case sprmPFInnerTableCell:
			p.innerCell = arg[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = arg[0] != 0
		case sprmTDefTable:
			p.cols = parseTDefTable(arg)
		case sprmTMerge:
			if len(arg) == 2 {
				for i := int(arg[0]) + 1; i < int(arg[1]) && i < len(p.cols); i++ {
					p.cols[i].hmerge = true
				}
			}
		case sprmTVertMerge:
			if len(arg) == 3 && int(arg[1]) < len(p.cols) {
				p.cols[arg[1]].vcont = arg[2] == 1
			}
		}
	})
	if p.depth < 0 || p.depth > maxDepth {
		p.depth = maxDepth
	}
	if inTable && p.depth == 0 {
		p.depth = 1
	}
	return p
}

// parseTDefTable reads a TDefTableOperand: cb, NumberOfColumns,
// rgdxaCenter (n+1 XAS) and up to n TC80 (20 bytes, tcgrf first).
func parseTDefTable(arg []byte) []gridCell {
	if len(arg) < 3 {
		return nil
	}
	n := int(arg[2])
	b := arg[3:]
	if len(b) < 2*(n+1) {
		return nil
	}
	cells := make([]gridCell, n)
	for i := range n {
		cells[i].left = int(int16(le16(b, 2*i)))
		cells[i].right = int(int16(le16(b, 2*i+2)))
	}
	tcs := b[2*(n+1):]
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		grf := le16(tcs, 20*i)
		cells[i].hmerge = grf&3 >= 2
		cells[i].vcont = (grf>>5)&3 == 1
	}
	return cells
}

// fieldFrame is one open field: its instruction so far and, for a form
// field, the state read from its FFData.
type fieldFrame struct {
	instr   strings.Builder
	result  bool // past the separator
	ffState int  // -1 unknown, 0 unchecked, 1 checked
}

// decoder walks the main text of a Word binary document.
type decoder struct {
	st     *streams
	pieces []piece
	papx   []propRun
	chpx   []propRun
	fonts  []string
	art    *officeArt
	asm    assembler
	para   paraBuilder
	fields []*fieldFrame
	// deepFields counts fields opened past maxFields, which are ignored.
	deepFields int
	doc        *word.Document
	// boxes are the text boxes not yet read, by anchor; cp is the
	// character being decoded. collect, while a text box is read, gathers
	// its paragraphs instead of the assembler.
	boxes   []textBox
	cp      int64
	collect *[]*word.Paragraph
	cut     bool // a paragraph was cut at word.MaxParagraphBytes
	// budget is what is left of maxChars, for the text boxes.
	budget int64
}

// maxChars bounds the characters decoded of one document, main text and
// text boxes together. Overlapping pieces can make a small file declare
// billions; a real form has a few thousand.
const maxChars = 1 << 22

func decode(f *fib, st *streams) (*word.Document, error) {
	d := &decoder{st: st, doc: &word.Document{Format: "doc"}}
	var err error
	if d.pieces, err = parseClx(st.table, f.clx, len(st.word)); err != nil {
		return nil, fmt.Errorf("read piece table: %w", err)
	}
	if d.papx, err = parseFKPs(st, f.btePapx, true); err != nil {
		return nil, fmt.Errorf("read paragraph properties: %w", err)
	}
	if d.chpx, err = parseFKPs(st, f.bteChpx, false); err != nil {
		return nil, fmt.Errorf("read character properties: %w", err)
	}
	d.fonts = parseFonts(st.table, f.ffn)
	d.art = parseOfficeArt(st, f.spaMom, f.dggInfo)
	end := f.ccpText
	if n := len(d.pieces); n == 0 || end > d.pieces[n-1].cpEnd {
		last := int64(0)
		if n > 0 {
			last = d.pieces[n-1].cpEnd
		}
		d.warn(problem.TextCut, "main text of %d characters exceeds the piece table (%d); read up to there", end, last)
		end = last
	}
	if end > maxChars {
		d.warn(problem.TextCut, "main text of %d characters is longer than %d; read up to there", end, maxChars)
		end = maxChars
	}
	d.budget = maxChars
	if n := len(d.pieces); n > 0 {
		d.boxes = parseTextBoxes(f, st.table, d.art, d.pieces[n-1].cpEnd)
	}
	for cp := int64(0); cp < end; cp++ {
		d.budget--
		ch, fc, prm, ok := charAt(d.pieces, st.word, cp)
		if !ok {
			d.warn(problem.TextCut, "character %d is in no piece; text ends there", cp)
			break
		}
		d.char(ch, cp, fc, prm)
	}
	if !d.para.empty() {
		d.endParagraph(chParaEnd, -1, nil)
	}
	rest := d.boxesIn(-1)
	if d.art != nil {
		rest = append(rest, d.art.paras...)
	}
	for _, p := range rest {
		d.asm.paragraph(p, 0, false)
	}
	d.asm.finishInto(d.doc)
	return d.doc, nil
}

// paragraphCut records, once, that a paragraph was cut.
func (d *decoder) paragraphCut() {
	if !d.cut {
		d.cut = true
		d.doc.Warnings = append(d.doc.Warnings, paragraphCut())
	}
}

func (d *decoder) warn(code problem.Code, format string, args ...any) {
	if len(d.doc.Warnings) < 100 {
		d.doc.Warnings = append(d.doc.Warnings, problem.Problem{Code: code, Detail: fmt.Sprintf(format, args...)})
	}
}

// visible reports whether text goes to the paragraph now: not inside the
// instruction part of any open field.
func (d *decoder) visible() bool {
	for _, f := range d.fields {
		if !f.result {
			return false
		}
	}
	return true
}

func (d *decoder) char(ch uint16, cp, fc int64, prm []byte) {
	d.cp = cp
	switch ch {
	case chParaEnd, chCellMark:
		d.endParagraph(ch, fc, prm)
		return
	case chPageBreak:
		// A section mark ends its paragraph (its PAPX run ends right after
		// it); a manual page break inside a paragraph does not.
		if d.sectionMark(cp, fc) {
			d.endParagraph(ch, fc, prm)
			return
		}
	case chFieldBeg:
		if len(d.fields) < maxFields {
			d.fields = append(d.fields, &fieldFrame{ffState: -1})
		} else {
			d.deepFields++
		}
		return
	case chFieldSep:
		if n := len(d.fields); n > 0 && d.deepFields == 0 {
			d.fields[n-1].result = true
		}
		return
	case chFieldEnd:
		if d.deepFields > 0 {
			d.deepFields--
			return
		}
		d.endField()
		return
	}
	c := chpOf(lookup(d.chpx, fc), prm)
	if c.deleted {
		return
	}
	if n := len(d.fields); n > 0 && !d.fields[n-1].result {
		top := d.fields[n-1]
		if ch == chPicture && c.spec && c.data && c.hasPic {
			top.ffState = checkboxState(d.st.data, c.picLocation)
		} else if ch >= 0x20 {
			top.instr.WriteRune(rune(ch))
		}
		return
	}
	if c.vanish || !d.visible() {
		return
	}
	d.visibleChar(ch, cp, c)
}

func (d *decoder) visibleChar(ch uint16, cp int64, c chp) {
	switch {
	case c.spec && ch == chPicture:
		if c.hasPic && !c.data && !c.ole {
			d.para.image(pictureAt(d.st.data, c.picLocation))
		}
	case c.spec && ch == chDrawn:
		if img, ok := d.shapeAt(cp); ok {
			d.para.image(img)
		}
		if s := d.shapeText(cp); s != "" && len(d.art.paras) < maxTextBoxes {
			// WordArt: its text follows the paragraph, as a text box's does
			var p paraBuilder
			p.text(s)
			para, _ := p.take() // shorter than a paragraph may be
			d.art.paras = append(d.art.paras, para)
		}
	case c.hasSym && (c.spec || ch == chSymbol):
		d.symbol(d.font(c.symFtc), c.symChar, false)
	case ch == chTab:
		d.para.text("\t")
	case ch == chLineBreak, ch == chPageBreak:
		d.para.text("\n")
	case ch == chNBHyphen:
		d.para.text("-")
	case ch < 0x20 || ch == chSoftHyph:
	case ch >= 0xF020 && ch <= 0xF0FF && d.symbolFontOf(c) != "":
		d.symbol(d.symbolFontOf(c), ch, true)
	case ch >= 0xD800 && ch <= 0xDFFF:
		d.surrogate(ch)
	default:
		d.para.rune(rune(ch))
	}
}

// surrogate joins UTF-16 surrogate pairs split over two characters.
func (d *decoder) surrogate(ch uint16) {
	if ch < 0xDC00 {
		d.para.pendingHigh = ch
		return
	}
	if d.para.pendingHigh != 0 {
		r := (rune(d.para.pendingHigh)-0xD800)<<10 + (rune(ch) - 0xDC00) + 0x10000
		d.para.pendingHigh = 0
		d.para.rune(r)
	}
}

// symbol writes a symbol-font glyph: a checkbox when it is a known one,
// otherwise "?" and a warning, as the .docx reader does for w:sym. typed
// is set for a character typed in a symbol-font run rather than inserted
// as a symbol (sprmCSymbol); such characters are kept when not checkboxes.
func (d *decoder) symbol(font string, code uint16, typed bool) {
	if checked, ok := symbolBox(font, code); ok {
		glyph := symbolCode(code)
		if typed {
			glyph = string(rune(code))
		}
		d.para.checkbox(word.Checkbox{Checked: checked, Form: word.FormSym, Glyph: glyph, Font: font})
		return
	}
	if typed {
		d.para.rune(rune(code))
		return
	}
	d.warn(problem.UnknownSymbol, "symbol font %q char %s is not a known checkbox; written as \"?\"", font, symbolCode(code))
	d.para.text("?")
}

// symbolFontOf returns the symbol font among a run's fonts, or "".
func (d *decoder) symbolFontOf(c chp) string {
	for _, ftc := range append([]int{c.ftc}, c.ftcOther...) {
		if f := d.font(ftc); symbolFont(f) {
			return f
		}
	}
	return ""
}

func (d *decoder) font(ftc int) string {
	if ftc < 0 || ftc >= len(d.fonts) {
		return ""
	}
	return d.fonts[ftc]
}

func (d *decoder) endField() {
	n := len(d.fields)
	if n == 0 {
		return
	}
	f := d.fields[n-1]
	d.fields = d.fields[:n-1]
	instr := strings.TrimSpace(f.instr.String())
	if !strings.HasPrefix(strings.ToUpper(instr), "FORMCHECKBOX") || !d.visible() {
		return
	}
	d.para.checkbox(word.Checkbox{Checked: f.ffState == 1, Form: word.FormFormField, Instr: instr})
}

// endParagraph closes the paragraph whose mark (0x0D or 0x07) is at fc and
// hands it to the assembler with its table properties.
//
// The text boxes anchored in the paragraph follow it, in the same cell.
func (d *decoder) endParagraph(mark uint16, fc int64, prm []byte) {
	para, cut := d.para.take()
	if cut {
		d.paragraphCut()
	}
	if d.collect != nil {
		*d.collect = append(*d.collect, para)
		return
	}
	p := papOf(lookup(d.papx, fc), prm)
	var cellEnd bool
	switch {
	case p.depth == 1 && mark == chCellMark && p.ttp:
		d.asm.row(1, p.cols)
		return
	case p.depth > 1 && p.innerTtp:
		d.asm.row(p.depth, p.cols)
		return
	case p.depth == 1:
		cellEnd = mark == chCellMark
	case p.depth > 1:
		cellEnd = p.innerCell || mark == chCellMark
	}
	cp := d.cp
	if fc < 0 {
		cp = -1 // the end of the text: every box left
	}
	boxes := d.boxesIn(cp)
	if d.art != nil {
		boxes = append(boxes, d.art.paras...)
		d.art.paras = nil
	}
	d.asm.paragraph(para, p.depth, cellEnd && len(boxes) == 0)
	for i, b := range boxes {
		d.asm.paragraph(b, p.depth, cellEnd && i == len(boxes)-1)
	}
}

// symbolCode writes a symbol code as .docx w:sym does: "F052".
func symbolCode(code uint16) string {
	if code < 0x100 {
		code |= 0xF000
	}
	return fmt.Sprintf("%04X", code)
}

// sectionMark reports whether the 0x0C at cp ends a paragraph.
func (d *decoder) sectionMark(cp, fc int64) bool {
	_, next, _, ok := charAt(d.pieces, d.st.word, cp+1)
	k := sort.Search(len(d.papx), func(i int) bool { return d.papx[i].fcStart > fc }) - 1
	if k < 0 || fc >= d.papx[k].fcEnd {
		return false
	}
	end := d.papx[k].fcEnd
	return end == fc+1 || end == fc+2 && (!ok || next != fc+1)
}
