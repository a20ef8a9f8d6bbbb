package doc

import (
	"archive/zip"
	"bytes"
	"testing"
)

func TestSniff(t *testing.T) {
	zipOf := func(names ...string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, n := range names {
				w, err := zw.Create(n)
				if err != nil {
					t.Fatal(err)
				}
				w.Write([]byte("<x/>"))
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	prefix := func(f func(testing.TB) []byte, n int) func(testing.TB) []byte {
		return func(t testing.TB) []byte { b := f(t); return b[:min(n, len(b))] }
	}
	text := func(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }
	tests := []struct {
		name string
		data func(testing.TB) []byte
		want string
	}{
		{"shenbao.doc", fixture("shenbao.doc"), "doc"},
		{"doc first 8 KiB", prefix(fixture("shenbao.doc"), 8192), "doc"},
		{"wps name, doc bytes", fixture("shenbao-saved-as.wps"), "doc"},
		{"encrypted.doc", fixture("encrypted.doc"), "doc"},
		{"nested.doc", fixture("nested.doc"), "doc"},
		{"docx", fixture("shenbao.docx"), "docx"},
		{"docx first 8 KiB", prefix(fixture("chushen.docx"), 8192), "docx"},
		{"zip without word parts", zipOf("a.txt", "b/c.xml"), ""},
		{"zip with word part", zipOf("[Content_Types].xml", "word/document.xml"), "docx"},
		{"rtf", fixture("shenbao.rtf"), "rtf"},
		{"html", fixture("shenbao.html"), "html"},
		{"mht saved as .doc", fixture("chushen-saved-as.doc"), "html"},
		{"encrypted ooxml", renamed("WordDocument", "EncryptedPackage"), "encrypted-ooxml"},
		{"works", renamed("WordDocument", "CONTENTS"), "works"},
		{"cfb header only", prefix(fixture("shenbao.doc"), 512), "doc"},
		{"pdf", text("%PDF-1.7\n"), ""},
		{"plain text", text("窗口名称：税务窗口"), ""},
		{"html with bom", text("\xEF\xBB\xBF<!DOCTYPE html><html><body>x</body></html>"), "html"},
		{"utf-16 html", text("\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00"), "html"},
		{"empty", text(""), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sniff(tc.data(t)); got != tc.want {
				t.Errorf("Sniff = %q, want %q", got, tc.want)
			}
		})
	}
}
