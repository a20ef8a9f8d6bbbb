package doc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// ReadRTF reads an RTF document (often saved with a .doc name) into the
// shared model. Document.Format is "rtf". Tables come from \intbl, \cell,
// \row, \itap, \nestcell and \nestrow with the row layout of \trowd and
// \cellx (merges \clmgf/\clmrg, \clvmgf/\clvmrg); fields give their
// results; FORMCHECKBOX state comes from \ffres or \ffdefres; pictures
// (\pict) are reported as images.
func ReadRTF(data []byte) (*word.Document, error) {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if !bytes.HasPrefix(t, []byte(`{\rtf`)) {
		return nil, fmt.Errorf("read rtf: no {\\rtf header: %w", ErrUnsupported)
	}
	p := &rtfParser{src: t, doc: &word.Document{Format: "rtf"}, codepage: 1252, st: rtfState{uc: 1}}
	p.fonts = map[int]rtfFont{}
	p.rowDefs = map[int]*rtfRowDef{}
	if err := p.run(); err != nil {
		return nil, fmt.Errorf("read rtf: %w", err)
	}
	p.leaveBoxes(true)
	if !p.para.empty() || p.pendingPara || len(p.boxParas) > 0 {
		p.endParagraph(false)
	}
	p.asm.finishInto(p.doc)
	return p.doc, nil
}

// Limits of the RTF reader.
const (
	maxRTFDepth   = 512
	maxPictHex    = 32 << 20
	maxRTFWarning = 100
)

var errRTFDepth = errors.New("groups nested too deep")

type rtfFont struct {
	name     string
	codepage int
}

// rtfState is the part of the reader state saved and restored by groups.
type rtfState struct {
	dest     string // "" body text; otherwise the destination being read
	skip     bool   // ignore text and most words in this group
	uc       int    // fallback characters after \u
	font     int
	afont    int
	dbch     bool // \dbch: text in the associated (double-byte) font
	hidden   bool
	field    *rtfField // the field whose parts this group belongs to
	inResult bool
	pict     *rtfPict
	// drawing is set in a Word 6/95 drawing object (\do) whose text box
	// text is read: one not inside a skipped group such as \shprslt.
	drawing bool
}

type rtfField struct {
	instr  strings.Builder
	ffres  int // -1 unset
	ffdef  int
	result bool // some result text was written
}

type rtfPict struct {
	kind string
	hex  []byte
	w, h int
}

type rtfCellDef struct {
	right         int
	hmerge, vcont bool
}

type rtfRowDef struct {
	left  int
	cells []rtfCellDef
	next  rtfCellDef // properties gathered for the next \cellx
}

type rtfParser struct {
	src      []byte
	pos      int
	doc      *word.Document
	st       rtfState
	stack    []rtfState
	codepage int
	fonts    map[int]rtfFont
	fontTbl  *rtfFont // font being defined in \fonttbl
	fontNum  int
	bytesBuf []byte // \'hh bytes waiting to be decoded together
	skipN    int    // fallback characters still to skip after \u
	// highSurrogate is the first \u of a surrogate pair, waiting for the
	// second; fresh is set at the start of a group, until its first word
	// or text.
	highSurrogate rune
	fresh         bool
	para          paraBuilder
	asm           assembler
	depth         int  // \itap of the current paragraph
	intbl         bool // \intbl seen for the current paragraph
	rowDefs       map[int]*rtfRowDef
	// pendingPara is set when text or a \par-less paragraph is open.
	pendingPara bool
	// boxes are the text boxes being read, innermost last; boxParas their
	// paragraphs, waiting for the paragraph that anchors them to end.
	boxes    []rtfBox
	boxParas []*word.Paragraph
	spName   string // the \sn of the shape property being read
	cut      bool   // a paragraph was cut at word.MaxParagraphBytes
}

func (p *rtfParser) warn(code problem.Code, format string, args ...any) {
	if len(p.doc.Warnings) < maxRTFWarning {
		p.doc.Warnings = append(p.doc.Warnings, problem.Problem{Code: code, Detail: fmt.Sprintf(format, args...)})
	}
}

// paragraphCut records, once, that a paragraph was cut.
func (p *rtfParser) paragraphCut() {
	if !p.cut {
		p.cut = true
		p.doc.Warnings = append(p.doc.Warnings, paragraphCut())
	}
}

func (p *rtfParser) run() error {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch c {
		case '{':
			p.flushBytes()
			if len(p.stack) >= maxRTFDepth {
				return errRTFDepth
			}
			p.stack = append(p.stack, p.st)
			p.pos++
			p.fresh = true
			continue
		case '}':
			p.flushBytes()
			p.closeGroup()
			p.pos++
			if len(p.stack) == 0 {
				return nil // the document's group is closed: what follows is not the document
			}
		case '\\':
			p.control()
			continue // control clears fresh itself, after \*
		case '\r', '\n':
			p.pos++
			continue
		default:
			p.pos++
			p.flushBytes()
			p.char(rune(c), c >= 0x80)
		}
		p.fresh = false
	}
	p.flushBytes()
	return nil
}

// control reads one control word or symbol at p.pos.
func (p *rtfParser) control() {
	defer func() { p.fresh = false }()
	p.pos++
	if p.pos >= len(p.src) {
		return
	}
	c := p.src[p.pos]
	if !isLetter(c) {
		p.pos++
		if c == '\'' {
			if p.pos+2 <= len(p.src) {
				if v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+2]), 16, 8); err == nil {
					p.pos += 2
					if p.skipN > 0 {
						p.skipN--
						return
					}
					p.bytesBuf = append(p.bytesBuf, byte(v))
					return
				}
			}
			return
		}
		p.flushBytes()
		p.symbolWord(c)
		return
	}
	start := p.pos
	for p.pos < len(p.src) && isLetter(p.src[p.pos]) && p.pos-start < 32 {
		p.pos++
	}
	name := string(p.src[start:p.pos])
	arg, hasArg := 0, false
	ns := p.pos
	if p.pos < len(p.src) && p.src[p.pos] == '-' {
		p.pos++
	}
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' && p.pos-ns < 10 {
		p.pos++
	}
	if p.pos > ns {
		if v, err := strconv.Atoi(string(p.src[ns:p.pos])); err == nil {
			arg, hasArg = v, true
		}
	}
	if p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if name != "u" {
		p.flushBytes()
	}
	p.word(name, arg, hasArg)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// symbolWord handles control symbols (\\ \{ \} \~ \- \_ \*, …).
func (p *rtfParser) symbolWord(c byte) {
	switch c {
	case '\\', '{', '}':
		p.char(rune(c), false)
	case '~':
		p.char('\u00A0', false)
	case '_':
		p.char('-', false)
	case '*':
		// \* marks the group it opens as a destination to skip when
		// unknown; written anywhere else it would hide the rest of an
		// ordinary group, so it is ignored there
		if p.fresh {
			p.st.dest, p.st.skip = "*", true
		}
	}
}
