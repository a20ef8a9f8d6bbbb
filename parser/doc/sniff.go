package doc

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

var (
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// Sniff tells a Word-ish file's real format from its first bytes (at least
// 8 KiB should be given when the file has them), by content and never by
// name:
//
//	"docx"            a zip holding word/ parts or a main officeDocument part
//	"doc"             a compound file with a WordDocument stream
//	"works"           a compound file with a CONTENTS stream (MS Works .wps)
//	"encrypted-ooxml" a compound file with EncryptionInfo/EncryptedPackage
//	"rtf"             a file starting with {\rtf
//	"html"            an HTML page or MHT archive (often saved as .doc)
//	""                anything else
//
// A compound file whose directory lies beyond the given bytes is judged by
// the stream names found in them; when none is found it is reported as
// "doc", and Read then tells what it really is.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, cfbMagic):
		return sniffCFB(data)
	case bytes.HasPrefix(data, zipMagic):
		if zipIsWord(data) {
			return "docx"
		}
		return ""
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		head = utf16Head(head)
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if bytes.HasPrefix(trimmed, []byte(`{\rtf`)) {
		return "rtf"
	}
	if isHTML(head) {
		return "html"
	}
	return ""
}

func sniffCFB(data []byte) string {
	names := map[string]bool{}
	if r, err := openCFB(bytes.NewReader(data)); err == nil {
		for _, f := range r.File {
			if len(f.Path) == 0 {
				names[strings.ToLower(f.Name)] = true
			}
		}
	} else {
		for _, n := range []string{"WordDocument", "CONTENTS", "EncryptedPackage", "EncryptionInfo"} {
			if bytes.Contains(data, utf16Bytes(n)) || bytes.Contains(data, utf16Bytes(strings.ToLower(n))) {
				names[strings.ToLower(n)] = true
			}
		}
	}
	switch {
	case names["encryptedpackage"] || names["encryptioninfo"]:
		return "encrypted-ooxml"
	case names["worddocument"]:
		return "doc"
	case names["contents"]:
		return "works"
	case len(names) == 0:
		return "doc"
	}
	return ""
}

// openCFB opens a compound file, turning a panic inside the third-party
// parser into an error so that no input can crash the caller.
func openCFB(ra io.ReaderAt) (r *mscfb.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, errCorruptCFB
		}
	}()
	return mscfb.New(ra)
}

func utf16Bytes(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// zipIsWord reports whether a zip holds a WordprocessingML package. With the
// whole file the central directory is read; with a prefix the local file
// headers in it are walked.
func zipIsWord(data []byte) bool {
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		// The names first: a word/ part answers without inflating the
		// content types, which most packages list before it.
		for _, f := range zr.File {
			if wordEntry(f.Name) {
				return true
			}
		}
		for _, f := range zr.File {
			if f.Name == "[Content_Types].xml" && f.UncompressedSize64 < 1<<20 {
				if rc, err := f.Open(); err == nil {
					b, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
					rc.Close()
					if bytes.Contains(b, []byte("wordprocessingml.document.main+xml")) {
						return true
					}
				}
			}
		}
		return false
	}
	for off := 0; off+30 <= len(data); {
		if !bytes.Equal(data[off:off+4], zipMagic) {
			break
		}
		n := int(le16(data, off+26))
		extra := int(le16(data, off+28))
		csize := int(le32(data, off+18))
		if off+30+n > len(data) {
			break
		}
		if wordEntry(string(data[off+30 : off+30+n])) {
			return true
		}
		if le16(data, off+6)&0x08 != 0 {
			break // sizes follow the data: cannot skip to the next header
		}
		off += 30 + n + extra + csize
	}
	return bytes.Contains(data, []byte("word/document.xml")) ||
		bytes.Contains(data, []byte("wordprocessingml.document.main+xml"))
}

func wordEntry(name string) bool {
	return strings.HasPrefix(name, "word/")
}

func isHTML(head []byte) bool {
	// Lowering the ASCII letters matches as strings.ToLower does, which
	// lowers only two non-ASCII runes to ASCII letters: İ to i and the
	// Kelvin sign to k. A head without them (every photo) is lowered
	// byte by byte, sparing the UTF-8 decoding of 4 KB on every call.
	var b []byte
	if bytes.Contains(head, []byte("\u0130")) || bytes.Contains(head, []byte("\u212A")) {
		b = bytes.ToLower(head)
	} else {
		var buf [4096]byte
		b = buf[:0]
		if len(head) > len(buf) {
			b = make([]byte, 0, len(head))
		}
		for _, c := range head {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	lower := b
	s := bytes.TrimLeft(lower, " \t\r\n")
	if bytes.HasPrefix(s, []byte("mime-version:")) || bytes.Contains(lower, []byte("content-type: multipart/related")) {
		return true
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta"} {
		if bytes.HasPrefix(s, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(s, []byte("<?xml")) || bytes.HasPrefix(s, []byte("<!--")) {
		return bytes.Contains(lower, []byte("<html"))
	}
	return false
}

// utf16Head decodes the ASCII of a UTF-16 text with a byte-order mark, for
// telling a UTF-16 HTML page (Word's "Unicode" web page) by its start.
func utf16Head(b []byte) []byte {
	big := b[0] == 0xFE
	var out []byte
	for i := 2; i+1 < len(b); i += 2 {
		lo, hi := b[i], b[i+1]
		if big {
			lo, hi = hi, lo
		}
		if hi != 0 || lo >= 0x80 {
			out = append(out, '?')
			continue
		}
		out = append(out, lo)
	}
	return out
}
