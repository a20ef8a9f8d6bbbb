package doc

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"shenbao/parser/word"
)

// maxHTMLNodes bounds the elements walked in one page.
const maxHTMLNodes = 1 << 20

// ReadHTML reads an HTML page, or an MHT (MIME HTML) archive, saved as a
// Word document into the shared model. Document.Format is "html". Block
// elements become paragraphs, tables become grids (colspan and rowspan
// resolved, nested tables kept), <input type=checkbox> and typed or
// Wingdings checkbox glyphs become checkboxes, <img> becomes an image.
func ReadHTML(data []byte) (*word.Document, error) {
	page, contentType, parts, err := htmlPage(data)
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	enc, _, _ := charset.DetermineEncoding(page, contentType)
	if utf8, err := enc.NewDecoder().Bytes(page); err == nil {
		page = utf8
	}
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	w := &htmlWalker{doc: &word.Document{Format: "html"}, parts: parts}
	body := findBody(root)
	if body == nil {
		return nil, fmt.Errorf("read html: no body: %w", ErrUnsupported)
	}
	w.doc.Blocks = w.blocks(body, "")
	if w.doc.Blocks == nil {
		w.doc.Blocks = []word.Block{}
	}
	if w.cut {
		w.doc.Warnings = append(w.doc.Warnings, paragraphCut())
	}
	numberTables(w.doc)
	w.doc.MarkChoices()
	return w.doc, nil
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

type htmlWalker struct {
	doc   *word.Document
	parts map[string]mhtPart // MHT parts by Content-Location and Content-ID
	nodes int
	slots int // grid slots of the tables laid out so far
	cut   bool
}

// htmlBlock is the paragraph being filled while walking inline content.
type htmlBlock struct {
	out   []word.Block
	para  paraBuilder
	space bool  // the last thing written was collapsible white space
	cut   *bool // set when a paragraph was cut at word.MaxParagraphBytes
}

func (b *htmlBlock) flush() {
	if b.para.empty() && len(b.para.cbs) == 0 {
		b.para = paraBuilder{}
		b.space = false
		return
	}
	p, cut := b.para.take()
	if cut {
		*b.cut = true
	}
	p.Text = strings.TrimRight(p.Text, " ")
	p.Text = strings.TrimSuffix(p.Text, "\n") // a closing <br> adds no line
	b.out = append(b.out, word.Block{Paragraph: p})
	b.space = false
}

// write appends text with HTML white-space collapsing.
func (b *htmlBlock) write(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			if !b.space && !b.para.empty() {
				b.para.text(" ")
			}
			b.space = true
			continue
		case '\u00A0':
			r = ' '
		}
		b.para.rune(r)
		b.space = false
	}
}

// blocks returns the blocks of n's content; font is the inherited
// font-family, for symbol-font checkboxes.
func (w *htmlWalker) blocks(n *html.Node, font string) []word.Block {
	b := &htmlBlock{cut: &w.cut}
	w.inline(n, b, font)
	b.flush()
	return b.out
}

func (w *htmlWalker) inline(n *html.Node, b *htmlBlock, font string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.nodes++
		if w.nodes > maxHTMLNodes {
			return
		}
		switch c.Type {
		case html.TextNode:
			w.text(c.Data, b, font)
		case html.ElementNode:
			w.element(c, b, font)
		}
	}
}

func (w *htmlWalker) text(s string, b *htmlBlock, font string) {
	if !symbolFont(font) {
		b.write(s)
		return
	}
	for _, r := range s {
		code := r
		if r >= 0x20 && r <= 0xFF {
			code |= 0xF000
		}
		if code >= 0xF020 && code <= 0xF0FF {
			if checked, ok := symbolBox(font, uint16(code)); ok {
				b.para.checkbox(word.Checkbox{Checked: checked, Form: word.FormSym, Glyph: string(r), Font: font})
				b.space = false
				continue
			}
		}
		b.write(string(r))
	}
}

var skippedElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Title: true,
	atom.Noscript: true, atom.Template: true, atom.Select: true, atom.Textarea: true,
}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dd: true, atom.Dt: true, atom.Blockquote: true, atom.Pre: true, atom.Address: true,
	atom.Center: true, atom.Section: true, atom.Article: true, atom.Hr: true,
}

func (w *htmlWalker) element(n *html.Node, b *htmlBlock, font string) {
	if skippedElements[n.DataAtom] || strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none") {
		return
	}
	font = fontOf(n, font)
	switch {
	case n.DataAtom == atom.Br:
		b.para.text("\n")
		b.space = true
	case n.DataAtom == atom.Img:
		b.para.image(w.image(n))
	case n.DataAtom == atom.Input:
		if strings.EqualFold(attr(n, "type"), "checkbox") {
			_, checked := attrOK(n, "checked")
			b.para.checkbox(word.Checkbox{Checked: checked, Form: word.FormFormField, Instr: "input type=checkbox"})
			b.space = false
		}
	case n.DataAtom == atom.Table:
		b.flush()
		if t := w.table(n, font); t != nil {
			b.out = append(b.out, word.Block{Table: t})
		}
	case blockElements[n.DataAtom]:
		b.flush()
		w.inline(n, b, font)
		b.flush()
	default:
		w.inline(n, b, font)
	}
}

// table builds a grid from the rows of a <table> (its own rows only).
func (w *htmlWalker) table(n *html.Node, font string) *word.Table {
	var rows [][]gridCell
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			case atom.Tr:
				if spacerRow(c) {
					continue
				}
				var row []gridCell
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) {
						blocks := w.blocks(d, fontOf(d, font))
						if len(blocks) == 0 {
							blocks = []word.Block{{Paragraph: &word.Paragraph{}}}
						}
						row = append(row, gridCell{colSpan: spanAttr(d, "colspan", maxGridCols),
							rowSpan: spanAttr(d, "rowspan", 1000), blocks: blocks})
					}
				}
				rows = append(rows, row)
			}
		}
	}
	walk(n)
	if len(rows) == 0 {
		return nil
	}
	return layoutGrid(rows, false, &w.slots)
}

// spacerRow reports a <tr height=0> of empty cells, which Word's HTML
// export adds to fix column widths (inside <![if !supportMisalignedColumns]>).
func spacerRow(tr *html.Node) bool {
	if strings.TrimSpace(attr(tr, "height")) != "0" {
		return false
	}
	var text func(*html.Node) bool
	text = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && (c.DataAtom == atom.Img || c.DataAtom == atom.Input || text(c)) {
				return true
			}
		}
		return false
	}
	return !text(tr)
}

func spanAttr(n *html.Node, name string, limit int) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, name)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, limit)
}

func attr(n *html.Node, name string) string {
	v, _ := attrOK(n, name)
	return v
}

func attrOK(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			return a.Val, true
		}
	}
	return "", false
}

// fontOf returns the font-family set on n (style or <font face>), else the
// inherited one.
func fontOf(n *html.Node, inherited string) string {
	if n.DataAtom == atom.Font {
		if f := attr(n, "face"); f != "" {
			return firstFamily(f)
		}
	}
	for _, decl := range strings.Split(attr(n, "style"), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "font-family") {
			return firstFamily(v)
		}
	}
	return inherited
}

func firstFamily(v string) string {
	f, _, _ := strings.Cut(v, ",")
	return strings.Trim(strings.TrimSpace(f), `"'`)
}

func (w *htmlWalker) image(n *html.Node) word.Image {
	src := attr(n, "src")
	img := word.Image{Target: src, Name: attr(n, "alt"), ContentType: "image/unknown"}
	img.Width, _ = strconv.Atoi(attr(n, "width"))
	img.Height, _ = strconv.Atoi(attr(n, "height"))
	if p, ok := w.parts[strings.TrimPrefix(src, "cid:")]; ok {
		img.ContentType, img.Size = p.contentType, int64(len(p.body))
		return img
	}
	if ct, ok := imageTypes[strings.ToLower(src[strings.LastIndex(src, ".")+1:])]; ok {
		img.ContentType = ct
	}
	if strings.HasPrefix(src, "data:image/") {
		ct, _, _ := strings.Cut(src[5:], ";")
		img.ContentType = ct
	}
	return img
}

var imageTypes = map[string]string{
	"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
	"bmp": "image/bmp", "emf": "image/x-emf", "wmf": "image/x-wmf", "tif": "image/tiff",
	"tiff": "image/tiff",
}

// readLimited reads at most n bytes of r.
func readLimited(r io.Reader, n int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, n))
}
