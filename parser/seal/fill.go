package seal

import "bytes"

// inkBytes is mask m as one byte per pixel with a border of pad pixels all
// round: 1 for ink, 0 for paper and the border. A flood fill on it needs
// no bounds checks and one load per neighbour, and the next pixel to start
// one from is found by IndexByte.
func inkBytes(m *mask, pad int) []uint8 {
	pw := m.w + 2*pad
	b := make([]uint8, pw*(m.h+2*pad))
	for y := range m.h {
		row := b[(y+pad)*pw+pad : (y+pad)*pw+pad+m.w]
		for x, on := range m.on[y*m.w : (y+1)*m.w] {
			row[x] = byte01(on)
		}
	}
	return b
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
