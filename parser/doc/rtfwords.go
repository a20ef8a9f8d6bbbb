package doc

import (
	"encoding/hex"
	"fmt"
	"strings"

	"shenbao/parser/word"
)

// skippedDests are destinations whose text is not body text.
var skippedDests = map[string]bool{
	"colortbl": true, "stylesheet": true, "info": true, "header": true, "footer": true,
	"headerl": true, "headerr": true, "headerf": true, "footerl": true, "footerr": true,
	"footerf": true, "footnote": true, "annotation": true, "listtable": true,
	"listoverridetable": true, "revtbl": true, "rsidtbl": true, "generator": true,
	"xmlnstbl": true, "themedata": true, "colorschememapping": true, "datastore": true,
	"latentstyles": true, "pgdsctbl": true, "nonshppict": true, "object": true,
	"txbxcontent": true, "filetbl": true, "pn": true, "pntext": true, "listtext": true,
	"bkmkstart": true, "bkmkend": true, "atnid": true, "atnauthor": true, "mmathPr": true,
	"userprops": true, "docvar": true, "picprop": true, "blipuid": true,
	"nonesttables": true,
	// what a shape shows to readers that do not know shapes: a copy of
	// its text box (a \do) or picture, read from \shpinst instead
	"shprslt": true,
	// list definitions belong in \listtable; a producer that writes them
	// elsewhere still does not mean them as text
	"list": true, "listlevel": true, "leveltext": true, "levelnumbers": true, "listoverride": true,
	"listpicture": true, "listname": true, "pnseclvl": true,
}

// parentSkip reports whether the enclosing group is skipped.
func (p *rtfParser) parentSkip() bool {
	return len(p.stack) > 0 && p.stack[len(p.stack)-1].skip
}

// dest starts a destination this reader reads inside a skipped-by-default
// \* group (or a plain one).
func (p *rtfParser) dest(name string) {
	p.st.dest = name
	p.st.skip = p.parentSkip()
}

func (p *rtfParser) word(name string, arg int, hasArg bool) {
	if p.boxWord(name) {
		return
	}
	if skippedDests[name] {
		p.st.dest, p.st.skip = name, true
		return
	}
	switch name {
	case "fonttbl":
		p.st.dest, p.st.skip = "fonttbl", true
		return
	case "f":
		if p.st.dest == "fonttbl" {
			p.fontNum = arg
			p.fontTbl = &rtfFont{codepage: 0}
			p.fonts[arg] = *p.fontTbl
			return
		}
		p.st.font = arg
		return
	case "af":
		p.st.afont = arg
		return
	case "dbch":
		p.st.dbch = true
		return
	case "loch", "hich":
		p.st.dbch = false
		return
	case "fcharset":
		if p.st.dest == "fonttbl" && p.fontTbl != nil {
			p.fontTbl.codepage = charsetCodepage(arg)
			p.fonts[p.fontNum] = *p.fontTbl
		}
		return
	case "ansicpg":
		if arg > 0 {
			p.codepage = arg
		}
		return
	case "uc":
		p.st.uc = max(arg, 0)
		return
	case "bin":
		// \binN: N raw bytes follow (picture data); never text.
		if hasArg && arg > 0 {
			p.pos += min(arg, len(p.src)-p.pos)
		}
		return
	case "u":
		if p.st.skip && p.st.dest != "fonttbl" {
			p.skipN = p.st.uc
			return
		}
		r := rune(arg)
		if r < 0 {
			r += 0x10000
		}
		p.flushBytes()
		defer func() { p.skipN = p.st.uc }() // the fallback characters that follow
		switch {
		case r >= 0xD800 && r < 0xDC00:
			// the first half of a character outside the BMP (𡈼, 𪚥),
			// written as two \u words
			p.highSurrogate = r
			return
		case r >= 0xDC00 && r < 0xE000 && p.highSurrogate != 0:
			r = (p.highSurrogate-0xD800)<<10 + (r - 0xDC00) + 0x10000
		case r >= 0xD800 && r < 0xE000:
			p.highSurrogate = 0
			return // half a pair: nothing to show
		}
		p.highSurrogate = 0
		p.char(r, false)
		return
	}
	if p.st.dest == "*" || p.st.skip {
		switch name {
		case "fldinst", "nesttableprops", "formfield", "shppict", "shp", "shpinst", "sp", "sv":
			p.dest(name)
		default:
			if p.st.dest == "*" {
				p.st.dest = name
			}
			p.fieldWord(name, arg, hasArg)
			return
		}
	}
	p.bodyWord(name, arg, hasArg)
}

// fieldWord reads form field properties inside \*\formfield (skipped
// groups still carry them).
func (p *rtfParser) fieldWord(name string, arg int, hasArg bool) {
	f := p.st.field
	if f == nil {
		return
	}
	switch name {
	case "ffres":
		f.ffres = arg
	case "ffdefres":
		f.ffdef = arg
	}
}

func (p *rtfParser) bodyWord(name string, arg int, hasArg bool) {
	switch name {
	case "field":
		p.st.field = &rtfField{ffres: -1}
		p.st.inResult = false
	case "fldinst":
		p.st.dest = "fldinst"
	case "fldrslt":
		p.st.dest, p.st.inResult = "fldrslt", true
	case "ffres", "ffdefres":
		p.fieldWord(name, arg, hasArg)
	case "pict":
		p.st.dest = "pict"
		p.st.pict = &rtfPict{kind: "image/unknown"}
	case "pngblip", "jpegblip", "emfblip", "wmetafile", "dibitmap", "wbitmap", "macpict":
		if p.st.pict != nil {
			p.st.pict.kind = map[string]string{"pngblip": "image/png", "jpegblip": "image/jpeg",
				"emfblip": "image/x-emf", "wmetafile": "image/x-wmf", "dibitmap": "image/bmp",
				"wbitmap": "image/bmp", "macpict": "image/x-pict"}[name]
		}
	case "picw", "pich":
		if p.st.pict != nil && name == "picw" {
			p.st.pict.w = arg
		} else if p.st.pict != nil {
			p.st.pict.h = arg
		}
	case "v":
		p.st.hidden = !hasArg || arg != 0
	case "plain":
		// \plain resets character formatting, hidden text (\v) included
		p.st.hidden, p.st.dbch = false, false
	case "deleted":
		p.st.hidden = true
	case "par", "sect":
		p.endParagraph(false)
	case "pard":
		p.intbl, p.depth = false, 0
	case "intbl":
		p.intbl = true
		if p.depth == 0 {
			p.depth = 1
		}
	case "itap":
		p.depth = min(max(arg, 0), maxDepth)
		p.intbl = p.depth > 0
	case "cell", "nestcell":
		if p.depth == 0 {
			p.depth = 1
		}
		p.intbl = true
		p.endParagraph(true)
	case "row", "nestrow":
		if len(p.boxes) > 0 {
			return // a table in a text box: its cells' paragraphs are kept
		}
		d := max(p.depth, 1)
		if name == "row" {
			d = 1
		}
		p.asm.row(d, p.rowDefs[d].layout())
	case "trowd":
		p.rowDefs[max(p.depth, 1)] = &rtfRowDef{}
	case "trleft":
		if rd := p.rowDefs[max(p.depth, 1)]; rd != nil {
			rd.left = arg
		}
	case "clmgf", "clmrg", "clvmgf", "clvmrg":
		if rd := p.rowDefs[max(p.depth, 1)]; rd != nil {
			switch name {
			case "clmrg":
				rd.next.hmerge = true
			case "clvmrg":
				rd.next.vcont = true
			}
		}
	case "cellx":
		if rd := p.rowDefs[max(p.depth, 1)]; rd != nil && len(rd.cells) < maxGridCols {
			rd.next.right = arg
			rd.cells = append(rd.cells, rd.next)
			rd.next = rtfCellDef{}
		}
	case "tab":
		p.text("\t")
	case "line", "page":
		p.text("\n")
	case "emdash":
		p.text("—")
	case "endash":
		p.text("–")
	case "bullet":
		p.text("•")
	case "lquote":
		p.text("‘")
	case "rquote":
		p.text("’")
	case "ldblquote":
		p.text("“")
	case "rdblquote":
		p.text("”")
	case "emspace", "enspace", "qmspace":
		p.text(" ")
	}
}

// layout turns the row definition into grid cells for the assembler.
func (rd *rtfRowDef) layout() []gridCell {
	if rd == nil {
		return nil
	}
	out := make([]gridCell, len(rd.cells))
	left := rd.left
	for i, c := range rd.cells {
		out[i] = gridCell{left: left, right: c.right, hmerge: c.hmerge, vcont: c.vcont}
		left = c.right
	}
	return out
}

// closeGroup ends a group: a field, a picture or a font entry may end here.
func (p *rtfParser) closeGroup() {
	if len(p.stack) == 0 {
		return
	}
	old := p.st
	p.st = p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	switch {
	case old.dest == "fonttbl" && p.st.dest == "fonttbl" && p.fontTbl != nil:
		p.fontTbl.name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.fontTbl.name), ";"))
		p.fonts[p.fontNum] = *p.fontTbl
		p.fontTbl = nil
	case old.pict != nil && p.st.pict == nil:
		p.picture(old.pict)
	case old.field != nil && p.st.field != old.field:
		p.endField(old.field)
	}
	p.leaveBoxes(false)
}

func (p *rtfParser) picture(pic *rtfPict) {
	img := word.Image{Target: fmt.Sprintf("pict@%d", p.pos), ContentType: pic.kind}
	raw := make([]byte, hex.DecodedLen(len(pic.hex)))
	if n, err := hex.Decode(raw, pic.hex); err == nil || n > 0 {
		blipConfig(&img, record{typ: 0xF01E, data: append(make([]byte, 17), raw[:n]...)})
	}
	if img.Width == 0 && (pic.kind == "image/png" || pic.kind == "image/jpeg") {
		img.Width, img.Height = pic.w, pic.h
	}
	p.para.image(img)
	p.pendingPara = true
}

func (p *rtfParser) endField(f *rtfField) {
	instr := strings.TrimSpace(f.instr.String())
	up := strings.ToUpper(instr)
	if p.st.skip || p.st.hidden {
		return
	}
	switch {
	case strings.HasPrefix(up, "FORMCHECKBOX"):
		state := f.ffres
		if state < 0 || state == 25 {
			state = f.ffdef
		}
		p.para.checkbox(word.Checkbox{Checked: state == 1, Form: word.FormFormField, Instr: instr})
		p.pendingPara = true
	case strings.HasPrefix(up, "SYMBOL") && !f.result:
		code, font := parseSymbolField(instr)
		if code > 0 {
			p.symbol(font, code, false)
		}
	}
}

// parseSymbolField reads `SYMBOL 82 \f "Wingdings 2"`.
func parseSymbolField(instr string) (uint16, string) {
	fs := strings.Fields(instr)
	var code uint16
	if len(fs) > 1 {
		var v int
		if _, err := fmt.Sscanf(fs[1], "%d", &v); err == nil && v > 0 && v < 0x10000 {
			code = uint16(v)
		} else if _, err := fmt.Sscanf(fs[1], "0x%x", &v); err == nil && v > 0 && v < 0x10000 {
			code = uint16(v)
		}
	}
	font := ""
	if i := strings.Index(instr, `\f`); i >= 0 {
		rest := strings.TrimSpace(instr[i+2:])
		if strings.HasPrefix(rest, `"`) {
			if j := strings.Index(rest[1:], `"`); j >= 0 {
				font = rest[1 : 1+j]
			}
		}
	}
	return code, font
}
