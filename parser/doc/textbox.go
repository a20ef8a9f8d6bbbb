package doc

import (
	"sort"

	"shenbao/parser/problem"

	"shenbao/parser/word"
)

// textBox is one text box of the main text: its characters in the textbox
// story and the character position of its anchor in the main text (-1 when
// no anchor names it).
type textBox struct {
	start, end int64
	anchor     int64
}

// maxTextBoxes bounds the text boxes read of one document.
const maxTextBoxes = 4096

// parseTextBoxes reads PlcftxbxTxt: the textbox story (after the main text
// and the footnote, header, comment and endnote stories) split into text
// boxes, each matched through its shape id (FTXBXS.lid) to the PlcfSpa
// anchor of its shape in the main text. Many Chinese forms and résumés are
// laid out in text boxes, so their text belongs with the body. The last
// entry of the PLC is a placeholder (lid 0) and is skipped. Boxes are
// sorted by anchor; unanchored ones come last.
func parseTextBoxes(f *fib, table []byte, art *officeArt, lastCP int64) []textBox {
	if f.ccpTxbx <= 0 {
		return nil
	}
	plc, ok := slice(table, f.txbx.fc, f.txbx.lcb)
	if !ok || len(plc) < 4+22 || (len(plc)-4)%26 != 0 {
		return nil
	}
	n := min((len(plc)-4)/26, maxTextBoxes)
	story := f.ccpText + f.ccpStories
	anchors := map[uint32]int64{}
	if art != nil {
		for i, id := range art.anchorID {
			anchors[id] = art.anchorCP[i]
		}
	}
	var boxes []textBox
	for i := range n {
		start, end := int64(le32(plc, 4*i)), int64(le32(plc, 4*(i+1)))
		lid := le32(plc, 4*((len(plc)-4)/26+1)+22*i+14)
		if lid == 0 || start >= end || end > f.ccpTxbx || story+end > lastCP {
			continue
		}
		at, ok := anchors[lid]
		if !ok {
			at = -1
		}
		boxes = append(boxes, textBox{start: story + start, end: story + end, anchor: at})
	}
	sort.SliceStable(boxes, func(i, j int) bool {
		a, b := boxes[i].anchor, boxes[j].anchor
		return a >= 0 && (b < 0 || a < b)
	})
	return boxes
}

// boxesIn returns the paragraphs of the text boxes anchored in the main
// text up to cp that have not been read yet, in order; all remaining ones
// when cp is -1.
func (d *decoder) boxesIn(cp int64) []*word.Paragraph {
	var out []*word.Paragraph
	for len(d.boxes) > 0 && (cp < 0 || d.boxes[0].anchor >= 0 && d.boxes[0].anchor <= cp) {
		out = append(out, d.readBox(d.boxes[0])...)
		d.boxes = d.boxes[1:]
	}
	return out
}

// readBox decodes one text box's characters into paragraphs (tables inside
// text boxes are read as their cells' paragraphs). The state of the main
// text around it is kept aside.
func (d *decoder) readBox(b textBox) []*word.Paragraph {
	var paras []*word.Paragraph
	saved, savedFields, savedDeep := d.para, d.fields, d.deepFields
	d.para, d.fields, d.deepFields = paraBuilder{}, nil, 0
	d.collect = &paras
	for cp := b.start; cp < b.end; cp++ {
		if d.budget <= 0 {
			if d.budget == 0 {
				d.warn(problem.TextCut, "text boxes past %d characters of text were not read", maxChars)
				d.budget = -1
			}
			break
		}
		d.budget--
		ch, fc, prm, ok := charAt(d.pieces, d.st.word, cp)
		if !ok {
			break
		}
		d.char(ch, cp, fc, prm)
	}
	if !d.para.empty() {
		para, cut := d.para.take()
		if cut {
			d.paragraphCut()
		}
		paras = append(paras, para)
	}
	d.collect = nil
	d.para, d.fields, d.deepFields = saved, savedFields, savedDeep
	out := paras[:0]
	for _, p := range paras {
		if p.Text != "" || len(p.Images) > 0 || len(p.Checkboxes) > 0 {
			out = append(out, p)
		}
	}
	return out
}
