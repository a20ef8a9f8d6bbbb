package doc

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of embedded pictures
	_ "image/png"
	"unicode/utf16"

	"shenbao/parser/word"
)

// OfficeArt record types.
const (
	rtDggContainer    = 0xF000
	rtBStoreContainer = 0xF001
	rtDgContainer     = 0xF002
	rtSpgrContainer   = 0xF003
	rtSpContainer     = 0xF004
	rtFBSE            = 0xF007
	rtFSP             = 0xF00A
	rtFOPT            = 0xF00B
	maxArtRecords     = 1 << 16
)

// blipTypes maps BLIP record types (and FBSE btWin32 values) to MIME types.
var blipTypes = map[uint16]string{
	0xF01A: "image/x-emf", 0xF01B: "image/x-wmf", 0xF01C: "image/x-pict",
	0xF01D: "image/jpeg", 0xF01E: "image/png", 0xF01F: "image/bmp",
	0xF029: "image/tiff", 0xF02A: "image/jpeg",
}

var btWin32Types = map[byte]string{
	2: "image/x-emf", 3: "image/x-wmf", 4: "image/x-pict", 5: "image/jpeg",
	6: "image/png", 7: "image/bmp", 0x11: "image/tiff", 0x12: "image/jpeg",
}

// record is one OfficeArt record header with its data.
type record struct {
	ver, inst, typ uint16
	data           []byte
}

// records splits b into OfficeArt records; a truncated one ends the list.
func records(b []byte) []record {
	var out []record
	for len(b) >= 8 && len(out) < maxArtRecords {
		vi := le16(b, 0)
		n := int64(le32(b, 4))
		data, ok := slice(b, 8, n)
		if !ok {
			break
		}
		out = append(out, record{ver: vi & 0xF, inst: vi >> 4, typ: le16(b, 2), data: data})
		b = b[8+n:]
	}
	return out
}

// pictureAt describes the inline picture whose PICF is at offset at of the
// Data stream. Without a readable BLIP it is "image/unknown".
func pictureAt(data []byte, at int64) word.Image {
	img := word.Image{Target: fmt.Sprintf("Data@%d", at), ContentType: "image/unknown"}
	lcb := int64(le32(data, int(at)))
	hdr := int64(le16(data, int(at)+4))
	body, ok := slice(data, at+hdr, lcb-hdr)
	if !ok || hdr < 8 {
		return img
	}
	if mm := le16(data, int(at)+6); mm == 0x66 && len(body) > 0 {
		body = body[min(1+int(body[0]), len(body)):] // cchPicName + name
	}
	for _, r := range records(body) {
		if r.typ == rtFBSE {
			fillFromFBSE(&img, r.data, nil)
		}
	}
	return img
}

// fillFromFBSE takes the type and size from an FBSE and, when its BLIP is
// embedded (or found at foDelay in delayed), the picture's dimensions.
func fillFromFBSE(img *word.Image, fbse []byte, delayed []byte) {
	if len(fbse) < 36 {
		return
	}
	if ct, ok := btWin32Types[fbse[0]]; ok {
		img.ContentType = ct
	}
	img.Size = int64(le32(fbse, 20))
	rest := fbse[36+min(int(fbse[33]), len(fbse)-36):]
	if len(rest) < 8 && delayed != nil {
		rest, _ = slice(delayed, int64(le32(fbse, 28)), 8+int64(le32(delayed, int(le32(fbse, 28))+4)))
	}
	for _, b := range records(rest) {
		if ct, ok := blipTypes[b.typ]; ok {
			img.ContentType = ct
			blipConfig(img, b)
			break
		}
	}
}

// blipConfig reads the picture's size in bytes (as a file of its own) and,
// for PNG and JPEG, its dimensions from a BLIP record.
func blipConfig(img *word.Image, b record) {
	uids := 16 // rgbUid1
	if b.inst&1 == 1 {
		uids += 16 // rgbUid2
	}
	switch b.typ {
	case 0xF01A, 0xF01B, 0xF01C: // metafiles: cbSize opens the metafile header
		if uids+4 <= len(b.data) {
			img.Size = int64(le32(b.data, uids))
		}
		return
	}
	skip := uids + 1 // tag
	if skip > len(b.data) {
		return
	}
	payload := b.data[skip:]
	img.Size = int64(len(payload))
	if b.typ == 0xF01E || b.typ == 0xF01D || b.typ == 0xF02A {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(payload)); err == nil {
			img.Width, img.Height = cfg.Width, cfg.Height
		}
	}
}

// checkboxState reads the FFData of a form field (after the 68-byte
// NilPICFAndBinData header at offset at of the Data stream): 1 checked,
// 0 unchecked, -1 when it is not a readable checkbox.
func checkboxState(data []byte, at int64) int {
	hdr := int64(le16(data, int(at)+4))
	ff, ok := slice(data, at+hdr, 10)
	if !ok || hdr < 6 {
		return -1
	}
	bits := le16(ff, 4)
	if bits&3 != 1 {
		return -1
	}
	res := int(bits>>2) & 0x1F
	if res != 25 {
		return min(res, 1)
	}
	// iRes 25: the default state wDef follows xstzName.
	off := at + hdr + 10
	cch := int64(le16(data, int(off)))
	def, ok := slice(data, off+2+2*cch+2, 2)
	if !ok {
		return -1
	}
	if le16(def, 0) != 0 {
		return 1
	}
	return 0
}

// parseFonts reads the font names of the SttbfFfn; ftc indexes them.
func parseFonts(table []byte, loc fcLcb) []string {
	b, ok := slice(table, loc.fc, loc.lcb)
	if !ok || len(b) < 4 {
		return nil
	}
	n := int(le16(b, 0))
	var names []string
	for i, off := 0, 4; i < n && off < len(b); i++ {
		size := int(b[off])
		ffn, ok := slice(b, int64(off+1), int64(size))
		if !ok {
			break
		}
		off += 1 + size
		var u []uint16
		for j := 39; j+2 <= len(ffn); j += 2 {
			c := le16(ffn, j)
			if c == 0 {
				break
			}
			u = append(u, c)
		}
		names = append(names, string(utf16.Decode(u)))
	}
	return names
}
