package doc

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// charsetCodepage maps an RTF \fcharset to a Windows code page (42 for
// symbol fonts, 0 for "use the document's").
func charsetCodepage(cs int) int {
	switch cs {
	case 0:
		return 1252
	case 2:
		return 42
	case 128:
		return 932
	case 129:
		return 949
	case 134:
		return 936
	case 136:
		return 950
	case 161:
		return 1253
	case 162:
		return 1254
	case 177:
		return 1255
	case 178:
		return 1256
	case 186:
		return 1257
	case 204:
		return 1251
	case 222:
		return 874
	case 238:
		return 1250
	}
	return 0
}

func codepageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 936:
		return simplifiedchinese.GB18030
	case 950:
		return traditionalchinese.Big5
	case 932:
		return japanese.ShiftJIS
	case 949:
		return korean.EUCKR
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 874:
		return charmap.Windows874
	}
	return charmap.Windows1252
}

// currentCodepage is the code page of \'hh bytes here: the font's, else
// the document's \ansicpg.
func (p *rtfParser) currentCodepage() int {
	if p.st.dest == "fonttbl" && p.fontTbl != nil && p.fontTbl.codepage != 0 {
		return p.fontTbl.codepage
	}
	cp := p.codepage
	if f, ok := p.fonts[p.st.font]; ok && f.codepage != 0 {
		cp = f.codepage
	}
	if f, ok := p.fonts[p.st.afont]; ok && p.st.dbch && dbcs(f.codepage) {
		cp = f.codepage
	}
	if cp == 1252 && dbcs(p.codepage) {
		// A Latin font over DBCS bytes in a Chinese (or Japanese, Korean)
		// document: the bytes are in the document's code page.
		cp = p.codepage
	}
	return cp
}

func dbcs(cp int) bool { return cp == 936 || cp == 950 || cp == 932 || cp == 949 }

// flushBytes decodes the pending \'hh bytes as one run.
func (p *rtfParser) flushBytes() {
	if len(p.bytesBuf) == 0 {
		return
	}
	b := p.bytesBuf
	p.bytesBuf = nil
	cp := p.currentCodepage()
	if cp == 42 {
		for _, c := range b {
			p.char(0xF000|rune(c), false)
		}
		return
	}
	s, err := codepageEncoding(cp).NewDecoder().Bytes(b)
	if err != nil {
		s = b
	}
	for _, r := range string(s) {
		p.char(r, false)
	}
}

// char handles one character of text in the current destination. raw is
// set for bytes >= 0x80 written unescaped (decoded with the code page).
func (p *rtfParser) char(r rune, raw bool) {
	if raw {
		p.bytesBuf = append(p.bytesBuf, byte(r))
		return
	}
	if p.skipN > 0 {
		p.skipN--
		return
	}
	switch p.st.dest {
	case "fonttbl":
		if p.fontTbl != nil && len(p.fontTbl.name) < 256 {
			p.fontTbl.name += string(r)
		}
		return
	case "pict":
		if p.st.pict != nil && len(p.st.pict.hex) < maxPictHex && isHexDigit(r) {
			p.st.pict.hex = append(p.st.pict.hex, byte(r))
		}
		return
	case "fldinst":
		if f := p.st.field; f != nil && f.instr.Len() < 4096 {
			f.instr.WriteRune(r)
		}
		return
	case "sn":
		if len(p.spName) < 64 {
			p.spName += string(r)
		}
		return
	case "", "fldrslt":
	default:
		return
	}
	if p.st.skip || p.st.hidden {
		return
	}
	if p.st.field != nil && p.st.inResult {
		p.st.field.result = true
	}
	font := p.fonts[p.st.font].name
	if r >= 0xF020 && r <= 0xF0FF {
		if !symbolFont(font) && symbolFont(p.fonts[p.st.afont].name) {
			font = p.fonts[p.st.afont].name
		}
		p.symbol(font, uint16(r), true)
		return
	}
	p.para.rune(r)
	p.pendingPara = true
}

func isHexDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

func (p *rtfParser) text(s string) {
	if p.st.skip || p.st.hidden || (p.st.dest != "" && p.st.dest != "fldrslt") {
		return
	}
	p.para.text(s)
	p.pendingPara = true
}

// symbol writes a symbol-font glyph as the Word reader does.
func (p *rtfParser) symbol(font string, code uint16, typed bool) {
	if checked, ok := symbolBox(font, code); ok {
		glyph := string(rune(code))
		if !typed {
			glyph = symbolCode(code)
		}
		p.para.checkbox(word.Checkbox{Checked: checked, Form: word.FormSym, Glyph: glyph, Font: font})
	} else if typed {
		p.para.rune(rune(code))
	} else {
		p.warn(problem.UnknownSymbol, "symbol font %q char %s is not a known checkbox; written as \"?\"", font, symbolCode(code))
		p.para.text("?")
	}
	p.pendingPara = true
}

// endParagraph closes the current paragraph, in a table cell when \intbl.
// In a text box it is kept for later (tables in text boxes are read as
// their cells' paragraphs); the text boxes anchored in a paragraph of the
// main text follow it, in the same cell, as .doc text boxes do.
func (p *rtfParser) endParagraph(cellEnd bool) {
	para, cut := p.para.take()
	if cut {
		p.paragraphCut()
	}
	p.pendingPara = false
	if len(p.boxes) > 0 {
		p.keepBoxParagraph(para)
		return
	}
	depth := 0
	if p.intbl {
		depth = max(p.depth, 1)
	}
	boxes := p.boxParas
	p.boxParas = nil
	p.asm.paragraph(para, depth, cellEnd && len(boxes) == 0)
	for i, b := range boxes {
		p.asm.paragraph(b, depth, cellEnd && i == len(boxes)-1)
	}
}
