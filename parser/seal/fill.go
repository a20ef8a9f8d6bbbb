package seal

import (
	"bytes"
	"slices"
)

// inkPad is the border of a mask's bytes.
const inkPad = 2

func newMask(w, h int) *mask {
	pw := w + 2*inkPad
	return &mask{w: w, h: h, pw: pw, ink: make([]uint8, pw*(h+2*inkPad))}
}

// row is row y of the mask's bytes, without the border.
func (m *mask) row(y int) []uint8 {
	i := (y+inkPad)*m.pw + inkPad
	return m.ink[i : i+m.w]
}

// inkBytes is a copy of the mask's bytes to fill: a flood fill on them
// needs no bounds checks and one load per neighbour, and the next pixel to
// start one from is found by IndexByte.
func (m *mask) inkBytes() []uint8 { return slices.Clone(m.ink) }

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
