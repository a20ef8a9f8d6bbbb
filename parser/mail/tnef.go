package mail

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

const (
	tnefSignature     = 0x223E9F78
	attAttachRenddata = 0x00069002
	attAttachTitle    = 0x00018010
	attAttachData     = 0x0006800F
	attAttachment     = 0x00069005
	maxTNEFParts      = 500
)

// IsTNEF reports whether data is a TNEF stream (winmail.dat).
func IsTNEF(data []byte) bool {
	return len(data) >= 6 && binary.LittleEndian.Uint32(data) == tnefSignature
}

// ReadTNEF extracts the attachments of a TNEF stream (winmail.dat): their
// names (the long name from the attachment's MAPI properties when present,
// else attAttachTitle) and data (attAttachData). A stream cut short returns
// the attachments read so far; an error only when none can be read.
func ReadTNEF(data []byte) ([]Part, error) {
	if !IsTNEF(data) {
		return nil, errors.New("mail: not TNEF (winmail.dat)")
	}
	b := data[6:] // signature and key
	var parts []Part
	var cur *Part
	truncated := false
	for len(b) > 0 {
		if len(b) < 9 {
			truncated = true
			break
		}
		level := b[0]
		id := binary.LittleEndian.Uint32(b[1:])
		n := binary.LittleEndian.Uint32(b[5:])
		if uint64(n)+11 > uint64(len(b)) {
			truncated = true
			break
		}
		val := b[9 : 9+n]
		b = b[9+n+2:] // value and checksum
		if level != 2 {
			continue
		}
		if cur == nil && (id == attAttachTitle || id == attAttachData || id == attAttachment) {
			// some writers omit attAttachRenddata before the first attachment
			parts = append(parts, Part{ContentType: "application/octet-stream"})
			cur = &parts[len(parts)-1]
		}
		switch id {
		case attAttachRenddata:
			if len(parts) >= maxTNEFParts {
				b = nil
				break
			}
			parts = append(parts, Part{ContentType: "application/octet-stream"})
			cur = &parts[len(parts)-1]
		case attAttachTitle:
			if cur != nil && cur.Name == "" {
				cur.Name = baseName(fixRaw(strings.TrimRight(string(val), "\x00")))
			}
		case attAttachData:
			if cur != nil {
				cur.Data = val
			}
		case attAttachment:
			if cur != nil {
				if long := mapiLongName(val); long != "" {
					cur.Name = baseName(long)
				}
			}
		}
	}
	out := parts[:0]
	for _, p := range parts {
		if p.Data == nil {
			continue
		}
		if p.Name == "" {
			p.Name = fmt.Sprintf("附件%d.bin", len(out)+1)
		}
		if strings.HasSuffix(strings.ToLower(p.Name), ".eml") {
			p.Message = true
			p.ContentType = "message/rfc822"
		}
		out = append(out, p)
	}
	if len(out) == 0 && truncated {
		return nil, errors.New("mail: TNEF (winmail.dat) data incomplete, attachments unreadable")
	}
	return out, nil
}

// mapiLongName reads PR_ATTACH_LONG_FILENAME (0x3707) from a TNEF
// attAttachment MAPI property list; "" when absent or unreadable.
func mapiLongName(b []byte) string {
	if len(b) < 4 {
		return ""
	}
	count := binary.LittleEndian.Uint32(b)
	b = b[4:]
	for i := uint32(0); i < count && i < 1000 && len(b) >= 4; i++ {
		typ := binary.LittleEndian.Uint16(b)
		id := binary.LittleEndian.Uint16(b[2:])
		b = b[4:]
		if id >= 0x8000 { // named property: GUID, kind, id or name
			if len(b) < 20 {
				return ""
			}
			kind := binary.LittleEndian.Uint32(b[16:])
			b = b[20:]
			if kind == 0 {
				if len(b) < 4 {
					return ""
				}
				b = b[4:]
			} else {
				if len(b) < 4 {
					return ""
				}
				nl := int(binary.LittleEndian.Uint32(b))
				if nl < 0 || nl > len(b)-4 {
					return ""
				}
				b = b[4+pad4(nl):]
			}
		}
		multi := typ&0x1000 != 0
		typ &^= 0x1000
		vals := 1
		if multi || typ == 0x001E || typ == 0x001F || typ == 0x0102 || typ == 0x000D {
			if len(b) < 4 {
				return ""
			}
			vals = int(binary.LittleEndian.Uint32(b))
			b = b[4:]
			if vals < 0 || vals > 1000 {
				return ""
			}
		}
		for v := 0; v < vals; v++ {
			var size int
			switch typ {
			case 0x0002, 0x0003, 0x0004, 0x000A, 0x000B:
				size = 4
			case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040:
				size = 8
			case 0x0048:
				size = 16
			case 0x001E, 0x001F, 0x0102, 0x000D:
				if len(b) < 4 {
					return ""
				}
				l := int(binary.LittleEndian.Uint32(b))
				if l < 0 || l > len(b)-4 {
					return ""
				}
				val := b[4 : 4+l]
				if id == 0x3707 {
					if typ == 0x001F {
						return cleanText(utf16String(val))
					}
					return cleanText(fixRaw(strings.TrimRight(string(val), "\x00")))
				}
				b = b[4:]
				size = pad4(l)
			default:
				return ""
			}
			if size > len(b) {
				return ""
			}
			b = b[size:]
		}
	}
	return ""
}

func pad4(n int) int { return (n + 3) &^ 3 }
