package docx

import (
	"bytes"
	"encoding/xml"
	"io"
)

// The main part is read with xml.Decoder.RawToken (or, for a plain part,
// the plain scanner), and the reader does the two things Token would add,
// in the same way: it resolves namespace
// prefixes and checks that every end tag closes the element it should.
// Token boxes each element anew for that, which was a quarter of the
// allocations of reading a form.

// tokenKind is what a token is; the reader skips every other kind
// (comments, processing instructions, directives).
type tokenKind int

const (
	otherToken tokenKind = iota
	startToken
	endToken
	textToken
)

// token is one XML token of the main part.
type token struct {
	kind  tokenKind
	start xml.StartElement // startToken: names resolved as Token resolves them
	text  xml.CharData     // textToken: valid until the next read
}

// xmlURL is the namespace the xml prefix is bound to.
const xmlURL = "http://www.w3.org/XML/1998/namespace"

// rawNext reads the next token. Namespace scope (r.ns) and the open
// elements (r.open) are kept here; depth and limits are next's.
func (r *reader) rawNext() (token, error) {
	if r.plain != nil {
		return r.plainNext()
	}
	tok, err := r.d.RawToken()
	if err != nil {
		if err == io.EOF && len(r.open) > 0 {
			return token{}, r.syntaxError("unexpected EOF")
		}
		return token{}, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		return r.started(t), nil
	case xml.EndElement:
		if err := r.close(t.Name); err != nil {
			return token{}, err
		}
		return token{kind: endToken}, nil
	case xml.CharData:
		return token{kind: textToken, text: t}, nil
	}
	return token{}, nil
}

// plainNext is rawNext for a plain part. The part was checked whole, so
// the scanner reads it to the end without error and every end tag closes
// the element it should.
func (r *reader) plainNext() (token, error) {
	s := r.plain
	kind, _ := s.scan()
	switch kind {
	case rawStart:
		var attr []xml.Attr
		if len(s.attrs) > 0 {
			attr = r.newAttrs(len(s.attrs))
			for i, a := range s.attrs {
				attr[i] = xml.Attr{Name: r.names.name(a.name), Value: r.names.value(a.value)}
			}
		}
		return r.started(xml.StartElement{Name: r.names.name(s.name), Attr: attr}), nil
	case rawEnd:
		if err := r.close(r.names.name(s.name)); err != nil {
			return token{}, err
		}
		return token{kind: endToken}, nil
	case rawText:
		return token{kind: textToken, text: s.text}, nil
	case rawDecl:
		return token{}, nil
	}
	return token{}, io.EOF
}

// newAttrs returns room for the n attributes of a start tag, cut from a
// larger array and capped, so no append on one slice reaches the next.
func (r *reader) newAttrs(n int) []xml.Attr {
	if len(r.attrs)+n > cap(r.attrs) {
		r.attrs = make([]xml.Attr, 0, max(n, 32))
	}
	i := len(r.attrs)
	r.attrs = r.attrs[:i+n]
	return r.attrs[i : i+n : i+n]
}

// started enters the element t starts: its namespace declarations come
// into scope and its names are resolved.
func (r *reader) started(t xml.StartElement) token {
	depth := len(r.open) + 1
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			r.ns = append(r.ns, nsBinding{a.Name.Local, a.Value, depth})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			r.ns = append(r.ns, nsBinding{"", a.Value, depth}) // the default namespace
		}
	}
	r.open = append(r.open, t.Name)
	r.resolve(&t.Name, true)
	for i := range t.Attr {
		r.resolve(&t.Attr[i].Name, false)
	}
	return token{kind: startToken, start: t}
}

// close ends the innermost open element with the end tag name, failing as
// Token fails on a mismatched tag, and leaves the element's namespace
// scope.
func (r *reader) close(name xml.Name) error {
	if len(r.open) == 0 {
		return r.syntaxError("unexpected end element </" + name.Local + ">")
	}
	open := r.open[len(r.open)-1]
	switch {
	case open.Local != name.Local:
		return r.syntaxError("element <" + open.Local + "> closed by </" + name.Local + ">")
	case open.Space != name.Space:
		space := name.Space
		if space == "" {
			space = `""`
		}
		return r.syntaxError("element <" + open.Local + "> in space " + open.Space +
			" closed by </" + name.Local + "> in space " + space)
	}
	for len(r.ns) > 0 && r.ns[len(r.ns)-1].depth >= len(r.open) {
		r.ns = r.ns[:len(r.ns)-1]
	}
	r.open = r.open[:len(r.open)-1]
	return nil
}

// syntaxError is an error of the part at the line being read, as the
// decoder reports it.
func (r *reader) syntaxError(msg string) error {
	var line int
	if r.plain != nil {
		line = 1 + bytes.Count(r.plain.b[:r.plain.pos], []byte("\n"))
	} else {
		line, _ = r.d.InputPos()
	}
	return &xml.SyntaxError{Msg: msg, Line: line}
}

// resolve turns the prefix of n into its namespace URI as Token does:
// xmlns attributes and unprefixed attributes keep their names, xml is the
// XML namespace, and an undeclared prefix is left as it is.
func (r *reader) resolve(n *xml.Name, element bool) {
	switch {
	case n.Space == "xmlns":
		return
	case n.Space == "" && !element:
		return
	case n.Space == "xml":
		n.Space = xmlURL
	case n.Space == "" && n.Local == "xmlns":
		return
	}
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == n.Space {
			n.Space = r.ns[i].uri
			return
		}
	}
}
