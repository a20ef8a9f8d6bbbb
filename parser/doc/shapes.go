package doc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"shenbao/parser/word"
)

// officeArt is what the reader keeps of the drawing layer to describe
// floating pictures: the shape anchors of the main text and, per shape id,
// the BLIP store entry it shows.
type officeArt struct {
	anchorCP []int64           // PlcfSpa character positions
	anchorID []uint32          // shape id per anchor
	blip     map[uint32]int    // shape id -> 1-based BStore index
	gtext    map[uint32]string // shape id -> WordArt text
	paras    []*word.Paragraph // WordArt text met, waiting for its paragraph to end
	fbse     [][]byte          // BStore FBSE records
	word     []byte            // for BLIPs stored at foDelay
}

// parseOfficeArt reads PlcSpaMom and OfficeArtContent; nil when absent or
// unreadable (floating pictures are then not reported).
func parseOfficeArt(st *streams, spa, dgg fcLcb) *officeArt {
	plc, ok := slice(st.table, spa.fc, spa.lcb)
	if !ok || spa.lcb < 4+26 || (spa.lcb-4)%30 != 0 {
		return nil
	}
	content, ok := slice(st.table, dgg.fc, dgg.lcb)
	if !ok {
		return nil
	}
	n := int((spa.lcb - 4) / 30)
	a := &officeArt{blip: map[uint32]int{}, gtext: map[uint32]string{}, word: st.word}
	for i := range n {
		a.anchorCP = append(a.anchorCP, int64(le32(plc, 4*i)))
		a.anchorID = append(a.anchorID, le32(plc, 4*(n+1)+26*i))
	}
	// OfficeArtContent: a DggContainer, then drawings, each a dgglbl byte
	// and a DgContainer.
	for i, rest := 0, content; len(rest) >= 8 && i < maxArtRecords; i++ {
		if i > 0 {
			rest = rest[1:]
		}
		rs := records(rest)
		if len(rs) == 0 {
			break
		}
		r := rs[0]
		rest = rest[8+len(r.data):]
		switch r.typ {
		case rtDggContainer:
			for _, c := range records(r.data) {
				if c.typ == rtBStoreContainer {
					for _, f := range records(c.data) {
						if f.typ == rtFBSE {
							a.fbse = append(a.fbse, f.data)
						}
					}
				}
			}
		case rtDgContainer:
			a.shapes(r.data, 0)
		}
	}
	return a
}

// shapes walks a drawing's containers and records each shape's picture.
func (a *officeArt) shapes(b []byte, depth int) {
	if depth > 16 {
		return
	}
	for _, r := range records(b) {
		switch r.typ {
		case rtSpgrContainer:
			a.shapes(r.data, depth+1)
		case rtSpContainer:
			var id uint32
			pib, text := 0, ""
			for _, c := range records(r.data) {
				switch c.typ {
				case rtFSP:
					id = le32(c.data, 0)
				case rtFOPT:
					pib = fopt(c.data, int(c.inst))
					text = foptText(c.data, int(c.inst), propGtextUNICODE)
				}
			}
			if pib > 0 {
				a.blip[id] = pib
			}
			if text != "" {
				a.gtext[id] = text
			}
		}
	}
}

// fopt returns the pib (BLIP index) property of an OfficeArtFOPT with n
// properties, or 0.
func fopt(b []byte, n int) int {
	for i := 0; i < n && 6*i+6 <= len(b); i++ {
		if le16(b, 6*i)&0x3FFF == 0x0104 {
			return int(le32(b, 6*i+2))
		}
	}
	return 0
}

// propGtextUNICODE is the OfficeArt property holding WordArt text.
const propGtextUNICODE = 0x00C0

// maxShapeText bounds the UTF-16 bytes of one shape's text property.
const maxShapeText = 64 << 10

// foptText returns the string of complex property pid of an OfficeArtFOPT
// with n properties: UTF-16LE in the complex data after the property
// table, in property order, up to its first NUL.
func foptText(b []byte, n int, pid uint16) string {
	off := 6 * n
	for i := 0; i < n && 6*i+6 <= len(b); i++ {
		id, size := le16(b, 6*i), int(le32(b, 6*i+2))
		if id&0x8000 == 0 {
			continue
		}
		if size < 0 || size > len(b) || off > len(b)-size {
			return ""
		}
		if id&0x3FFF == pid {
			u := make([]uint16, 0, min(size, maxShapeText)/2)
			for j := off; j+1 < off+min(size, maxShapeText); j += 2 {
				c := le16(b, j)
				if c == 0 {
					break
				}
				u = append(u, c)
			}
			return strings.TrimSpace(string(utf16.Decode(u)))
		}
		off += size
	}
	return ""
}

// shapeText returns the WordArt text of the shape anchored at cp.
func (d *decoder) shapeText(cp int64) string {
	a := d.art
	if a == nil {
		return ""
	}
	k := sort.Search(len(a.anchorCP), func(i int) bool { return a.anchorCP[i] >= cp })
	if k == len(a.anchorCP) || a.anchorCP[k] != cp {
		return ""
	}
	return a.gtext[a.anchorID[k]]
}

// shapeAt returns the picture of the floating shape anchored at cp.
func (d *decoder) shapeAt(cp int64) (word.Image, bool) {
	a := d.art
	if a == nil {
		return word.Image{}, false
	}
	k := sort.Search(len(a.anchorCP), func(i int) bool { return a.anchorCP[i] >= cp })
	if k == len(a.anchorCP) || a.anchorCP[k] != cp {
		return word.Image{}, false
	}
	id := a.anchorID[k]
	pib, ok := a.blip[id]
	if !ok || pib < 1 || pib > len(a.fbse) {
		return word.Image{}, false
	}
	img := word.Image{Target: fmt.Sprintf("shape@%d", id), ContentType: "image/unknown"}
	fillFromFBSE(&img, a.fbse[pib-1], a.word)
	return img, true
}
