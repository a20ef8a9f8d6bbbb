package docx

import (
	"encoding/xml"
	"io"
)

// The main part is read with xml.Decoder.RawToken, and the reader does the
// two things Token would add, in the same way: it resolves namespace
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
	tok, err := r.d.RawToken()
	if err != nil {
		if err == io.EOF && len(r.open) > 0 {
			line, _ := r.d.InputPos()
			return token{}, &xml.SyntaxError{Msg: "unexpected EOF", Line: line}
		}
		return token{}, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
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
		return token{kind: startToken, start: t}, nil
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

// close ends the innermost open element with the end tag name, failing as
// Token fails on a mismatched tag, and leaves the element's namespace
// scope.
func (r *reader) close(name xml.Name) error {
	line, _ := r.d.InputPos()
	if len(r.open) == 0 {
		return &xml.SyntaxError{Msg: "unexpected end element </" + name.Local + ">", Line: line}
	}
	open := r.open[len(r.open)-1]
	switch {
	case open.Local != name.Local:
		return &xml.SyntaxError{Msg: "element <" + open.Local + "> closed by </" + name.Local + ">", Line: line}
	case open.Space != name.Space:
		space := name.Space
		if space == "" {
			space = `""`
		}
		return &xml.SyntaxError{Msg: "element <" + open.Local + "> in space " + open.Space +
			" closed by </" + name.Local + "> in space " + space, Line: line}
	}
	for len(r.ns) > 0 && r.ns[len(r.ns)-1].depth >= len(r.open) {
		r.ns = r.ns[:len(r.ns)-1]
	}
	r.open = r.open[:len(r.open)-1]
	return nil
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
