package docx

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// tokenSeeds are main parts that exercise what rawNext does in Token's
// stead: prefixes declared, redeclared, undeclared and left scope, the
// default namespace, the xml prefix, and every way an end tag can be wrong.
var tokenSeeds = []string{
	`<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve">a</w:t></w:r></w:p></w:body></w:document>`,
	`<document xmlns="urn:d" xmlns:w="urn:w"><body w:x="1" y="2"><w:p/></body></document>`,
	`<a xmlns:p="urn:1"><p:b xmlns:p="urn:2"><p:c/></p:b><p:d/></a>`,
	`<a><q:b q:c="1"/></a>`,
	`<a xmlns:q=""><q:b/></a>`,
	`<a xmlns="urn:x"><b xmlns=""><c/></b><d/></a>`,
	`<a xmlns:xmlns="urn:odd" xmlns:xml="urn:xml"><xml:b/><xmlns:c/></a>`,
	`<a><b></a>`,
	`<a><b></c></a>`,
	`<p:a xmlns:p="urn:p"></q:a>`,
	`<a></p:a>`,
	`</a>`,
	`<a><b>`,
	`<a>text`,
	`<a>&bogus;</a>`,
	`<a><!-- c --><?pi x?><![CDATA[d]]><!DOCTYPE x></a>`,
	"<a>\n\n<b>\n</c>",
	`<a xmlns:w="urn:w" w:b="1" w:b="2"/>`,
	`<a:b:c/>`,
	``,
	`<?xml version="1.0"?>`,
}

// dumpTokens lists the tokens of s as Token gives them, or as rawNext does,
// up to the first error.
func dumpTokens(s string, raw bool) string {
	d := xml.NewDecoder(strings.NewReader(s))
	r := &reader{d: d}
	var b strings.Builder
	for range 1000 {
		if raw {
			tok, err := r.rawNext()
			if err != nil {
				fmt.Fprintf(&b, "error %T %v\n", err, err)
				return b.String()
			}
			switch tok.kind {
			case startToken:
				if len(tok.start.Attr) == 0 {
					tok.start.Attr = nil // Token gives nil, RawToken empty: no reader tells them apart
				}
				fmt.Fprintf(&b, "start %#v\n", tok.start)
			case endToken:
				b.WriteString("end\n")
			case textToken:
				fmt.Fprintf(&b, "text %q\n", tok.text)
			}
			continue
		}
		tok, err := d.Token()
		if err != nil {
			fmt.Fprintf(&b, "error %T %v\n", err, err)
			return b.String()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(t.Attr) == 0 {
				t.Attr = nil
			}
			fmt.Fprintf(&b, "start %#v\n", t)
		case xml.EndElement:
			b.WriteString("end\n")
		case xml.CharData:
			fmt.Fprintf(&b, "text %q\n", t)
		}
	}
	return b.String()
}

func TestTokensAsDecoderToken(t *testing.T) {
	for _, s := range tokenSeeds {
		if got, want := dumpTokens(s, true), dumpTokens(s, false); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\nrawNext:\n%s\nToken:\n%s", s, got, want)
		}
	}
}

// FuzzTokens checks that rawNext reads every input as Token does.
func FuzzTokens(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dumpTokens(s, true), dumpTokens(s, false); got != want {
			t.Errorf("%q:\nrawNext:\n%s\nToken:\n%s", s, got, want)
		}
	})
}
