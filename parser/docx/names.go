package docx

import (
	"encoding/xml"
	"strings"
)

// Namespace URIs, transitional and Strict. Elements are matched by local name
// within a namespace family so both flavours read the same way.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsAStrict = "http://purl.oclc.org/ooxml/drawingml/main"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsWPStrct = "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsW14     = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsV       = "urn:schemas-microsoft-com:vml"
	nsO       = "urn:schemas-microsoft-com:office:office"

	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOfficeDocumentStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)

// isMainContentType reports whether ct is the content type of a
// word-processing main part (document, template, macro-enabled variants).
func isMainContentType(ct string) bool {
	switch strings.ToLower(ct) {
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
		"application/vnd.ms-word.document.macroenabled.main+xml",
		"application/vnd.ms-word.template.macroenabledtemplate.main+xml":
		return true
	}
	return false
}

// understoodNS reports whether an mc:Choice requiring namespace uri can be
// taken: the markup inside is either read (text boxes, pictures) or safely
// skipped. Anything else falls back to mc:Fallback.
func understoodNS(uri string) bool {
	switch uri {
	case nsW, nsWStrict, nsW14, nsA, nsAStrict, nsWP, nsWPStrct, nsV, nsO, nsM, nsMStrict,
		"http://schemas.microsoft.com/office/word/2012/wordml",                // w15
		"http://schemas.microsoft.com/office/word/2010/wordprocessingShape",   // wps
		"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",   // wpg
		"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",  // wpc
		"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing", // wp14
		"http://schemas.microsoft.com/office/drawing/2010/main",               // a14
		"http://schemas.openxmlformats.org/drawingml/2006/picture":            // pic
		return true
	}
	return false
}

// understoodPrefix is used when a Requires prefix has no declaration in
// scope: the conventional prefixes of the namespaces understoodNS accepts.
func understoodPrefix(p string) bool {
	switch p {
	case "w", "w14", "w15", "wps", "wpg", "wpc", "wp14", "a14", "pic", "a", "wp", "v", "o", "m":
		return true
	}
	return false
}

func isW(n xml.Name) bool   { return n.Space == nsW || n.Space == nsWStrict }
func isR(n xml.Name) bool   { return n.Space == nsR || n.Space == nsRStrict }
func isA(n xml.Name) bool   { return n.Space == nsA || n.Space == nsAStrict }
func isWP(n xml.Name) bool  { return n.Space == nsWP || n.Space == nsWPStrct }
func isM(n xml.Name) bool   { return n.Space == nsM || n.Space == nsMStrict }
func isMC(n xml.Name) bool  { return n.Space == nsMC }
func isW14(n xml.Name) bool { return n.Space == nsW14 }
func isV(n xml.Name) bool   { return n.Space == nsV }

// wEl reports whether se is the WordprocessingML element local.
func wEl(se xml.StartElement, local string) bool { return se.Name.Local == local && isW(se.Name) }

// wAttr returns a w:-namespaced (or unqualified) attribute.
func wAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// attr returns the attribute local in namespace family ok.
func attr(se xml.StartElement, local string, ok func(xml.Name) bool) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && ok(a.Name) {
			return a.Value
		}
	}
	return ""
}

// anyAttr returns the first attribute named local in any namespace.
func anyAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// onOff reads an ST_OnOff value; an absent value means true.
func onOff(v string, present bool) bool {
	if !present {
		return true
	}
	switch v {
	case "0", "false", "off", "False", "FALSE", "Off":
		return false
	}
	return true
}
