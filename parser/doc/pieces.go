package doc

import (
	"fmt"
	"sort"

	"golang.org/x/text/encoding/charmap"
)

// piece is one entry of the piece table: the characters [cpStart, cpEnd)
// stored from byte offset fc of the WordDocument stream, one byte each
// (compressed, cp1252) or two (UTF-16LE).
type piece struct {
	cpStart, cpEnd int64
	fc             int64
	compressed     bool
	prm            []byte // sprms of a Prm1 (a Pcr of the CLX) applied to the piece
}

// maxPieces bounds the piece count; Word never writes nearly as many.
const maxPieces = 1 << 20

// parseClx reads the CLX at loc in the table stream: any number of Prc
// (property modifiers, skipped) and then the Pcdt holding the PlcPcd.
// Every piece must lie inside the WordDocument stream of wordLen bytes.
func parseClx(table []byte, loc fcLcb, wordLen int) ([]piece, error) {
	clx, ok := slice(table, loc.fc, loc.lcb)
	if !ok || loc.lcb == 0 {
		return nil, fmt.Errorf("clx at %d+%d outside the %d-byte table stream: %w", loc.fc, loc.lcb, len(table), errFormat)
	}
	i := 0
	var prcs [][]byte
	for i < len(clx) && clx[i] == 0x01 && len(prcs) < maxPieces {
		n := int(int16(le16(clx, i+1)))
		g, ok := slice(clx, int64(i+3), int64(n))
		if !ok {
			return nil, fmt.Errorf("clx prc of %d bytes: %w", n, errFormat)
		}
		prcs = append(prcs, g)
		i += 3 + n
	}
	if i >= len(clx) || clx[i] != 0x02 || i+5 > len(clx) {
		return nil, fmt.Errorf("clx has no piece table: %w", errFormat)
	}
	lcb := int64(le32(clx, i+1))
	plc, ok := slice(clx, int64(i+5), lcb)
	if !ok || lcb < 4 || (lcb-4)%12 != 0 {
		return nil, fmt.Errorf("piece table of %d bytes: %w", lcb, errFormat)
	}
	n := int((lcb - 4) / 12)
	if n > maxPieces {
		return nil, fmt.Errorf("%d pieces: %w", n, errFormat)
	}
	pcs := make([]piece, 0, n)
	for k := range n {
		p := piece{cpStart: int64(le32(plc, 4*k)), cpEnd: int64(le32(plc, 4*k+4))}
		pcd := 4*(n+1) + 8*k
		raw := le32(plc, pcd+2)
		if prm := le16(plc, pcd+6); prm&1 == 1 && int(prm>>1) < len(prcs) {
			p.prm = prcs[prm>>1]
		}
		p.compressed = raw&0x40000000 != 0
		p.fc = int64(raw & 0x3FFFFFFF)
		width := int64(2)
		if p.compressed {
			p.fc /= 2
			width = 1
		}
		if p.cpEnd < p.cpStart || (k > 0 && p.cpStart < pcs[k-1].cpEnd) {
			return nil, fmt.Errorf("piece %d has cp %d..%d out of order: %w", k, p.cpStart, p.cpEnd, errFormat)
		}
		if p.fc+(p.cpEnd-p.cpStart)*width > int64(wordLen) {
			return nil, fmt.Errorf("piece %d at %d+%d chars outside the %d-byte WordDocument stream: %w",
				k, p.fc, p.cpEnd-p.cpStart, wordLen, errFormat)
		}
		pcs = append(pcs, p)
	}
	return pcs, nil
}

// charAt returns the character at cp, its byte offset in WordDocument and
// the piece's property modifier. ok is false when no piece covers cp.
func charAt(pcs []piece, word []byte, cp int64) (ch uint16, fc int64, prm []byte, ok bool) {
	k := sort.Search(len(pcs), func(i int) bool { return pcs[i].cpEnd > cp })
	if k == len(pcs) || cp < pcs[k].cpStart {
		return 0, 0, nil, false
	}
	p := pcs[k]
	if p.compressed {
		fc = p.fc + (cp - p.cpStart)
		if fc >= int64(len(word)) {
			return 0, 0, nil, false
		}
		return uint16(cp1252(word[fc])), fc, p.prm, true
	}
	fc = p.fc + 2*(cp-p.cpStart)
	if fc+2 > int64(len(word)) {
		return 0, 0, nil, false
	}
	return le16(word, int(fc)), fc, p.prm, true
}

// cp1252 decodes one byte of a compressed piece.
func cp1252(b byte) rune {
	if b < 0x80 {
		return rune(b)
	}
	return charmap.Windows1252.DecodeByte(b)
}
