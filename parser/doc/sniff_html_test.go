package doc

import (
	"strings"
	"testing"
)

// isHTMLUnicode is isHTML as it was, lowering with strings.ToLower: the
// reference the ASCII lowering must agree with.
func isHTMLUnicode(head []byte) bool {
	lower := strings.ToLower(string(head))
	s := strings.TrimLeft(lower, " \t\r\n")
	if strings.HasPrefix(s, "mime-version:") || strings.Contains(lower, "content-type: multipart/related") {
		return true
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	if strings.HasPrefix(s, "<?xml") || strings.HasPrefix(s, "<!--") {
		return strings.Contains(lower, "<html")
	}
	return false
}

var htmlHeads = []string{
	"", "<HTML>", "  \r\n<!DOCTYPE HTML>", "MIME-Version: 1.0\r\n", "x Content-Type: Multipart/Related; b",
	"<?xml version=\"1.0\"?><HTML", "<!-- c --><html", "<?xml ?><w:document>", "<Meta charset=gbk>",
	"M\u0130ME-Version:", "m\u0130me-version:", "<\u212Aead>", "<h\u0130tml", "\xff\xd8\xff\xe0 JFIF <html",
	"\xef\xbb\xbf<html", "<BODY", "<bOdY", "\u0130<html", "<?xml \xff\xfe <HTML>",
}

func TestIsHTMLAsBefore(t *testing.T) {
	for _, h := range htmlHeads {
		if got, want := isHTML([]byte(h)), isHTMLUnicode([]byte(h)); got != want {
			t.Errorf("isHTML(%q) = %v, strings.ToLower gives %v", h, got, want)
		}
	}
}

func FuzzIsHTMLAsBefore(f *testing.F) {
	for _, h := range htmlHeads {
		f.Add([]byte(h))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		if got, want := isHTML(head), isHTMLUnicode(head); got != want {
			t.Errorf("isHTML(%q) = %v, strings.ToLower gives %v", head, got, want)
		}
	})
}
