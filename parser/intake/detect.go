package intake

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"

	"shenbao/parser/archive"
	"shenbao/parser/mail"
)

// Kinds of content, beyond the archive formats archive.Detect names.
const (
	kindLeaf       = ""
	kindMbox       = "mbox"
	kindEmail      = "email"
	kindMsg        = "msg"
	kindTNEF       = "tnef"
	kindBadArchive = "bad-archive" // named like an archive, content is not one
	kindBadMbox    = "bad-mbox"    // named .mbox, content is not one
)

// officeExt are zip-based document formats: leaves, never opened as archives.
var officeExt = map[string]bool{
	".docx": true, ".docm": true, ".dotx": true, ".dotm": true,
	".xlsx": true, ".xlsm": true, ".xltx": true, ".pptx": true, ".ppsx": true,
	".odt": true, ".ods": true, ".odp": true, ".ofd": true, ".epub": true,
}

// notMailExt are names whose content is never taken for an email even if it
// starts like one (a text file quoting headers, say).
var notMailExt = map[string]bool{
	".doc": true, ".docx": true, ".wps": true, ".pdf": true, ".jpg": true, ".jpeg": true,
	".png": true, ".xls": true, ".xlsx": true, ".txt": true, ".csv": true, ".html": true, ".htm": true,
}

var archiveExt = map[string]string{".zip": "zip", ".7z": "7z", ".rar": "rar"}

var cfbMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// classify says what data (named name) holds: content first, then the name.
func classify(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	head := data[:min(len(data), headSize)]
	if format := archive.Detect(head); format != "" {
		if isOfficeZip(format, name, bytes.NewReader(data), int64(len(data))) {
			return kindLeaf
		}
		return format
	}
	switch {
	case bytes.HasPrefix(data, cfbMagic):
		if mail.IsMsg(data) {
			return kindMsg
		}
		return kindLeaf // .doc, .wps, .xls …
	case mail.IsTNEF(data):
		return kindTNEF
	case mail.IsMbox(head):
		return kindMbox
	case !notMailExt[ext] && mail.IsEML(head):
		return kindEmail
	}
	switch ext {
	case ".eml":
		return kindEmail // Parse will say what is wrong with it
	case ".mbox":
		return kindBadMbox
	}
	if archiveExt[ext] != "" {
		return kindBadArchive
	}
	return kindLeaf
}

// isOfficeZip reports whether a zip is really an office document: its name
// says so, or it holds [Content_Types].xml (OOXML), word/document.xml,
// mimetype (ODF, EPUB) or OFD.xml.
func isOfficeZip(format, name string, r io.ReaderAt, size int64) bool {
	if format != "zip" {
		return false
	}
	if officeExt[strings.ToLower(path.Ext(name))] {
		return true
	}
	zr, err := zip.NewReader(r, size)
	if zr == nil || err != nil && err != zip.ErrInsecurePath {
		return false
	}
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml", "word/document.xml", "xl/workbook.xml", "mimetype", "OFD.xml":
			return true
		}
	}
	return false
}
