package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// maxWarnings caps Document.Warnings; one more entry says that some were
// left out.
const maxWarnings = 50

// Reading bounds beyond Limits: encoding/xml decodes some three million
// tokens a second, and every paragraph costs about a hundred bytes, so a
// small compressed part of millions of empty elements would otherwise take
// minutes and gigabytes. A real form has a few thousand of each. Past either
// bound the document ends there, with a warning.
const (
	maxTokens = 1 << 22 // XML tokens read from the main part
	maxBlocks = 1 << 17 // paragraphs kept, in the body and in cells
)

// errTruncated stops the read at maxTokens or maxBlocks; what was read
// before it is kept.
var errTruncated = errors.New("docx: document too large; the rest was not read")

// reader holds the state of one pass over the main document part.
type reader struct {
	pkg   *pkg
	part  string        // the main part's name, e.g. "word/document.xml"
	d     *xml.Decoder  // the part's decoder, unless plain is set
	plain *plainScanner // the scanner of a plain part
	names *names        // interned names of a plain part
	attrs []xml.Attr    // the array newAttrs cuts attributes from
	depth int
	ns    []nsBinding // namespace declarations in scope, "" the default
	open  []xml.Name  // the open elements' raw names, innermost last
	rels  map[string]rel
	doc   *word.Document

	tables   int       // tables started so far, for Table.Index
	slots    int       // grid slots laid out so far, against maxDocSlots
	tokens   int       // XML tokens read, against maxTokens
	paras    int       // paragraphs kept, against maxBlocks
	cur      *para     // the paragraph being read, nil between paragraphs
	fields   []*field  // open complex fields, innermost last
	overflow int       // field begins past maxFields, not pushed
	boxes    []*sdtBox // open checkbox content controls, innermost last
	// placeholders are the open content controls flagged as showing their
	// placeholder (w:showingPlcHdr), each plcUndecided until its first text
	// says whether that is the prompt or text someone typed over it.
	placeholders []plcState
	drawName     string             // docPr name of the drawing being read
	vmlAlt       string             // alt text of the VML shape being read
	images       map[string]imgInfo // media parts already measured
	warned       map[string]bool
}

// nsBinding is one xmlns:prefix declaration in scope, needed to resolve the
// prefixes listed in mc:Choice Requires.
type nsBinding struct {
	prefix, uri string
	depth       int
}

// limitError is a violated Limits bound; it is returned as is, not wrapped.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// readDocument reads the body of the main part f.
func (p *pkg) readDocument(f *zip.File) (*word.Document, error) {
	in, c, err := p.open(f)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	r := &reader{
		pkg:    p,
		part:   f.Name,
		doc:    &word.Document{Format: "docx"},
		images: map[string]imgInfo{},
		warned: map[string]bool{},
	}
	defer p.tokenize(r, in)()
	rels, err := p.readRels(f.Name)
	if err != nil {
		r.warn(problem.PictureUnread, "%v; images cannot be resolved", err)
		rels = map[string]rel{}
	}
	r.rels = rels
	err = r.document()
	if errors.Is(err, errTruncated) && len(r.doc.Blocks) > 0 {
		r.warn(problem.TextCut, "the document has more than %d paragraphs or %d XML elements; only the start was read", maxBlocks, maxTokens/2)
		err = nil
	}
	if err != nil {
		var le *limitError
		if errors.As(err, &le) || errors.Is(err, ErrNotDocx) {
			return nil, err
		}
		return nil, fmt.Errorf("docx: read %s: %w", f.Name, err)
	}
	if len(r.doc.Blocks) == 0 {
		return nil, fmt.Errorf("docx: document body of %s is empty", f.Name)
	}
	r.doc.MarkChoices()
	return r.doc, nil
}

// document reads the root element and its w:body elements (every one, when
// a producer wrote more than one); nothing else of the part is read.
func (r *reader) document() error {
	for {
		tok, err := r.next()
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return fmt.Errorf("%w: main part %s has no root element", ErrNotDocx, r.part)
			}
			return err
		}
		if tok.kind != startToken {
			continue
		}
		se := tok.start
		if !wEl(se, "document") {
			return fmt.Errorf("%w: main part %s is <%s>, not a WordprocessingML document", ErrNotDocx, r.part, se.Name.Local)
		}
		found := false
		err = r.children(func(se xml.StartElement) error {
			if wEl(se, "body") {
				// Some producers split the document into several bodies;
				// each is read, in order.
				found = true
				return r.blocks(&r.doc.Blocks)
			}
			return r.skip()
		})
		if err != nil {
			return err
		}
		if !found {
			return errors.New("document has no body")
		}
		return nil
	}
}

// next returns the next token, keeping depth and enforcing the nesting
// limit. EOF inside the document is an error.
func (r *reader) next() (token, error) {
	if r.tokens++; r.tokens > maxTokens {
		return token{}, errTruncated
	}
	tok, err := r.rawNext()
	if err != nil {
		if err == io.EOF {
			return token{}, io.ErrUnexpectedEOF
		}
		return token{}, err
	}
	switch tok.kind {
	case startToken:
		r.depth++
		if r.depth > r.pkg.lim.MaxDepth {
			return token{}, &limitError{fmt.Sprintf("docx: part %s nests deeper than %d elements", r.part, r.pkg.lim.MaxDepth)}
		}
	case endToken:
		r.depth--
	}
	return tok, nil
}

// lookup resolves a namespace prefix in the current scope; "" when it is
// not declared.
func (r *reader) lookup(prefix string) string {
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == prefix {
			return r.ns[i].uri
		}
	}
	return ""
}

// skip consumes the rest of the element whose start was just read.
func (r *reader) skip() error {
	for n := 1; n > 0; {
		tok, err := r.next()
		if err != nil {
			return err
		}
		switch tok.kind {
		case startToken:
			n++
		case endToken:
			n--
		}
	}
	return nil
}

// children calls fn for each child element of the element whose start was
// just read, up to and including its end. fn must consume the child whole.
func (r *reader) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := r.next()
		if err != nil {
			return err
		}
		switch tok.kind {
		case startToken:
			if err := fn(tok.start); err != nil {
				return err
			}
		case endToken:
			return nil
		}
	}
}

// text returns the character data of the element whose start was just read,
// skipping any child elements.
func (r *reader) text() (string, error) {
	var s string
	var buf []byte
	parts := 0
	for {
		tok, err := r.next()
		if err != nil {
			return "", err
		}
		switch tok.kind {
		case textToken:
			t := tok.text
			// Keep no more than a paragraph may hold (and a character
			// more, so that the paragraph sees the cut): a 50 MB text
			// node costs the decoder's buffer, not copies of it.
			room := word.MaxParagraphBytes + utf8.UTFMax - max(len(s), len(buf))
			if room <= 0 {
				continue
			}
			t = cutBytes(t, room)
			if parts == 0 {
				s = string(t)
			} else {
				if parts == 1 {
					buf = append(buf, s...)
				}
				buf = append(buf, t...)
			}
			parts++
		case startToken:
			if err := r.skip(); err != nil {
				return "", err
			}
		case endToken:
			if parts > 1 {
				return string(buf), nil
			}
			return s, nil
		}
	}
}

// warn records a recoverable problem once.
func (r *reader) warn(code problem.Code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if r.warned[msg] {
		return
	}
	r.warned[msg] = true
	switch n := len(r.doc.Warnings); {
	case n < maxWarnings:
		r.doc.Warnings = append(r.doc.Warnings, problem.Problem{Code: code, Detail: msg})
	case n == maxWarnings:
		r.doc.Warnings = append(r.doc.Warnings, problem.Problem{Code: problem.More, Detail: "further warnings omitted"})
	}
}

// cutBytes is word.CutText for bytes.
func cutBytes(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return b[:n]
}
