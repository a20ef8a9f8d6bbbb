package doc

import "shenbao/parser/word"

// rtfBox is a text box of an RTF document being read: the text of a shape
// (\shptxt), of a Word 6/95 drawing object (\dptxbxtext) or of WordArt (the
// gtextUNICODE shape property). While its group is open, the paragraph of
// the main text that anchors it is kept aside here with the table state
// around it.
type rtfBox struct {
	level       int // len(p.stack) inside the box's group
	para        paraBuilder
	pendingPara bool
	intbl       bool
	depth       int
	rowDefs     map[int]*rtfRowDef
}

// enterBox starts reading the current group as a text box. Its text is body
// text (the group may sit in a shape's \shpinst or a skipped \do); hidden
// text stays hidden.
func (p *rtfParser) enterBox() {
	p.boxes = append(p.boxes, rtfBox{level: len(p.stack), para: p.para, pendingPara: p.pendingPara,
		intbl: p.intbl, depth: p.depth, rowDefs: p.rowDefs})
	p.para = paraBuilder{}
	p.pendingPara, p.intbl, p.depth = false, false, 0
	p.rowDefs = map[int]*rtfRowDef{}
	p.st.dest, p.st.skip, p.st.drawing = "", false, false
	p.st.field, p.st.inResult, p.st.pict = nil, false, nil
}

// leaveBoxes ends the text boxes whose groups have closed (all of them when
// the text ends with groups open), keeping their last paragraph.
func (p *rtfParser) leaveBoxes(all bool) {
	for n := len(p.boxes); n > 0 && (all || len(p.stack) < p.boxes[n-1].level); n = len(p.boxes) {
		if !p.para.empty() {
			para, cut := p.para.take()
			if cut {
				p.paragraphCut()
			}
			p.keepBoxParagraph(para)
		}
		b := p.boxes[n-1]
		p.boxes = p.boxes[:n-1]
		p.para, p.pendingPara, p.intbl, p.depth, p.rowDefs = b.para, b.pendingPara, b.intbl, b.depth, b.rowDefs
	}
}

// keepBoxParagraph keeps a paragraph of a text box until the paragraph
// that anchors the box ends; empty ones are dropped, as in .doc text boxes.
func (p *rtfParser) keepBoxParagraph(para *word.Paragraph) {
	if para.Text == "" && len(para.Images) == 0 && len(para.Checkboxes) == 0 {
		return
	}
	if len(p.boxParas) >= maxParagraphs {
		p.asm.dropped = true
		return
	}
	p.boxParas = append(p.boxParas, para)
}

// boxWord handles the words that start a text box or feed the shape
// properties a text box is found by. It reports whether name was one.
func (p *rtfParser) boxWord(name string) bool {
	switch name {
	case "shptxt":
		if p.parentSkip() {
			p.st.dest, p.st.skip = name, true
		} else {
			p.enterBox()
		}
	case "do":
		// {\*\do ...}: a Word 6/95 drawing object; only its text box text
		// is read, and not when it is the fallback of a shape (\shprslt)
		p.st.dest, p.st.skip, p.st.drawing = "do", true, !p.parentSkip()
	case "dptxbxtext":
		if p.st.dest != "do" || !p.st.drawing {
			return false
		}
		p.enterBox()
	case "sp":
		if p.st.dest != "shpinst" || p.st.skip {
			return false
		}
		p.spName = ""
	case "sn":
		if p.st.dest != "shpinst" || p.st.skip {
			return false
		}
		p.st.dest, p.spName = "sn", ""
	case "sv":
		if p.st.dest != "shpinst" || p.st.skip || p.spName != "gtextUNICODE" {
			return false
		}
		// WordArt, and LibreOffice's custom shapes with text
		p.enterBox()
	default:
		return false
	}
	return true
}
