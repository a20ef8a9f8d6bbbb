package seal

import (
	"bytes"
	"slices"
)

// inkPad is the border of inkBytes.
const inkPad = 2

// inkBytes is the mask as one byte per pixel with a border of inkPad
// pixels all round: 1 for ink, 0 for paper and the border. A flood fill on
// it needs no bounds checks and one load per neighbour, and the next pixel
// to start one from is found by IndexByte. It is worked out once; each
// call returns a copy of its own to fill.
func (m *mask) inkBytes() []uint8 {
	if m.bytes == nil {
		pw := m.w + 2*inkPad
		m.bytes = make([]uint8, pw*(m.h+2*inkPad))
		for y := range m.h {
			row := m.bytes[(y+inkPad)*pw+inkPad : (y+inkPad)*pw+inkPad+m.w]
			for x, on := range m.on[y*m.w : (y+1)*m.w] {
				row[x] = byte01(on)
			}
		}
	}
	return slices.Clone(m.bytes)
}

// nextInk is the index of the first 1 in b at or after k, or -1.
func nextInk(b []uint8, k int) int {
	if i := bytes.IndexByte(b[k:], 1); i >= 0 {
		return k + i
	}
	return -1
}

// byte01 is 1 for true, 0 for false (a zero extension, not a branch).
func byte01(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
