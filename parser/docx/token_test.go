package docx

import (
	"encoding/xml"
	"fmt"
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
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"urn:w\">\r\n<w:t a=\"x\r\ny\ry\">a\r\nb\rc\r\r\n&amp;\r\n</w:t></w:document>",
	`<?xml version='1.0' encoding='UTF-8' standalone='yes'?><a b='&lt;'/>`,
	`<?xml version='1.0' encoding="UTF-8"?><a/>`,
	"<a>\r&amp;\n]]&gt;]&amp;]>\r</a>",
	`<r><t>a</t><t>&amp;&amp;&amp;&amp;bbbbbbbbbbbbbbbb</t><t>c</t><t>&lt;d&gt;</t></r>`,
}

// dumpTokens lists the tokens of s as Token gives them, or as rawNext does
// (over the decoder, or over the plain scanner when plain is set), up to
// the first error.
func dumpTokens(s string, raw, plain bool) string {
	d := xml.NewDecoder(strings.NewReader(s))
	r := &reader{d: d}
	if plain {
		// As tokenize does: the scanner reads the bytes isPlain checked.
		b := []byte(s)
		if !isPlain(b) {
			return "not plain"
		}
		r = &reader{plain: &plainScanner{b: b}, names: &names{}}
	}
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

// checkTokens fails when rawNext, over the decoder or (for a plain part)
// over the plain scanner, reads s otherwise than Token does.
func checkTokens(t *testing.T, s string) {
	want := dumpTokens(s, false, false)
	if got := dumpTokens(s, true, false); got != want {
		t.Errorf("%q:\nrawNext:\n%s\nToken:\n%s", s, got, want)
	}
	if isPlain([]byte(s)) {
		if got := dumpTokens(s, true, true); got != want {
			t.Errorf("%q:\nplain:\n%s\nToken:\n%s", s, got, want)
		}
	}
}

func TestTokensAsDecoderToken(t *testing.T) {
	for _, s := range tokenSeeds {
		checkTokens(t, s)
	}
}

func TestIsPlain(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{tokenSeeds[0], true},
		{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document xmlns:w="urn:w"><w:body/></w:document>`, true},
		{`<a x='1' y="&lt;&amp;&quot;">&gt;&apos;]]&gt;</a>`, true},
		{`<r><t>a</t><t>&amp;&amp;&amp;&amp;bbbbbbbbbbbbbbbb</t><t>c</t><t>&lt;d&gt;</t></r>`, true},
		{`<a><b></a>`, false},
		{`<a>`, false},
		{`<a/><b/>`, false},
		{`<a/>x`, false},
		{`<a>&#x41;</a>`, false},
		{`<a>&nbsp;</a>`, false},
		{`<a>]]></a>`, false},
		{"<a>\r\n</a>", true},
		{"<?xml version='1.0' encoding='utf-8'?>\r\n<a\r\nb=\"\r\"/>", true},
		{`<?xml version='1.0" encoding="UTF-8'?><a/>`, false},
		{"<a>\x01</a>", false},
		{"<a>\xff</a>", false},
		{"<a>\uFFFE</a>", false},
		{`<a x="<"/>`, false},
		{`<a x = "1"/>`, false},
		{`<a x="1"y="2"/>`, false},
		{`<a x/>`, false},
		{`<a:b:c/>`, false},
		{`<1a/>`, false},
		{`<a><!-- c --></a>`, false},
		{`<a><![CDATA[x]]></a>`, false},
		{`<?xml version="1.0" encoding="GBK"?><a/>`, false},
		{`<?xml version="1.1"?><a/>`, false},
		{`<a><?pi?></a>`, false},
		{"\uFEFF<a/>", false},
		{`<a></a >`, true},
		{"<a\n\tx=\"1\"\n/>", true},
	}
	for _, tc := range tests {
		if got := isPlain([]byte(tc.in)); got != tc.want {
			t.Errorf("isPlain(%q) = %v, want %v", tc.in, got, tc.want)
		}
		checkTokens(t, tc.in)
	}
}

// FuzzTokens checks that rawNext reads every input as Token does.
func FuzzTokens(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}
