package seal

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
)

// line is a ruled line found on the upright page. For a horizontal line the
// position is y = a + b·x over x in [lo, hi]; for a vertical one the roles
// of x and y swap.
type line struct {
	lo, hi float64
	a, b   float64
	ink    float64 // pixels of the line found (its length where unbroken)
}

func (l line) at(t float64) float64 { return l.a + l.b*t }
func (l line) span() float64        { return l.hi - l.lo }

// findLines finds horizontal ruled lines in a darkness plane: thin dark
// strokes with paper above and below (a step edge such as an ADF border or
// the shadow of a fold is not a line), in runs longer than any character
// stroke, linked across rows so slanted and slightly curved lines (a phone
// photo's perspective) hold together, and joined across gaps (folds,
// punch holes, a seal covering the line).
//
// With tilt, lines up to about 14° off level are found: a phone photo's
// perspective leaves the rules at the top and bottom of the table at
// different angles, so no single turn makes them all level. Each row's
// marks are then those of the rows next to it as well, so a slanted thin
// rule still makes long runs, and each line's fit starts from its own
// slope.
func findLines(dark []uint8, w, h int, minSpan float64, tilt bool) []line {
	const k = 4
	minRun := max(10, w/45)
	mark := make([]uint8, w) // 1: marked
	var prev, cur, next []uint8
	if tilt {
		prev, cur, next = make([]uint8, w), make([]uint8, w), make([]uint8, w)
		markRow(dark, w, h, k, k, cur)
		markRow(dark, w, h, k, k+1, next)
	}
	var runs []run
	rowStart := make([]int, h+1)
	for y := range h {
		rowStart[y] = len(runs)
		if y < k || y >= h-k {
			continue
		}
		if tilt {
			prev, cur, next = cur, next, prev
			markRow(dark, w, h, k, y+1, next)
			for x := range mark {
				mark[x] = prev[x] | cur[x] | next[x]
			}
		} else {
			markRow(dark, w, h, k, y, mark)
		}
		// A run is marks with gaps of at most two pixels between them.
		// Most of a row is unmarked, so the next run is looked for by
		// IndexByte and then followed mark by mark.
		for x := 0; x < w; {
			i := bytes.IndexByte(mark[x:], 1)
			if i < 0 {
				break
			}
			start, end := x+i, x+i
			for {
				j := end + 1
				if j < w && mark[j] != 0 {
					end = j
				} else if j+1 < w && mark[j+1] != 0 {
					end = j + 1
				} else if j+2 < w && mark[j+2] != 0 {
					end = j + 2
				} else {
					break
				}
			}
			if end-start+1 >= minRun {
				runs = append(runs, run{y: y, x0: start, x1: end})
			}
			x = end + 1
		}
	}
	rowStart[h] = len(runs)
	// Link runs that touch across one or two rows.
	parent := make([]int, len(runs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, r := range runs {
		for dy := 1; dy <= 2 && r.y-dy >= 0; dy++ {
			for j := rowStart[r.y-dy]; j < rowStart[r.y-dy+1]; j++ {
				q := runs[j]
				if q.x1 >= r.x0-1 && q.x0 <= r.x1+1 {
					parent[find(i)] = find(j)
				}
			}
		}
	}
	// Fit each component by weighted least squares on its runs' midpoints,
	// twice dropping runs off the line (text or a seal ring touching it).
	members := map[int][]int{}
	for i := range runs {
		c := find(i)
		members[c] = append(members[c], i)
	}
	var ls []line
	for _, idx := range members {
		// Start flat through the longest run: rules are near level after
		// deskew, and the longest run is surely on the rule.
		top := idx[0]
		for _, i := range idx {
			if runs[i].x1-runs[i].x0 > runs[top].x1-runs[top].x0 {
				top = i
			}
		}
		l, ok := fitRuns(runs, idx, 0, float64(runs[top].y), 8)
		maxSlope := 0.12
		if tilt {
			// Start from the slope of the whole component.
			l, ok = fitRuns(runs, idx, 0, 0, math.Inf(1))
			if ok {
				l, ok = fitRuns(runs, idx, l.b, l.a, 8)
			}
			maxSlope = 0.25
		}
		for iter := 0; ok && iter < 2; iter++ {
			l, ok = fitRuns(runs, idx, l.b, l.a, 3)
		}
		if ok && math.Abs(l.b) <= maxSlope {
			ls = append(ls, l)
		}
	}
	long := ls[:0]
	for _, l := range ls {
		if l.span() >= float64(minRun)*2.5 {
			long = append(long, l)
		}
	}
	ls = joinLines(long, float64(h)*0.003+2)
	out := ls[:0]
	for _, l := range ls {
		// The thickness of a genuine rule is its ink over its length; a
		// block of text that happens to link up is much thicker.
		if l.span() >= minSpan && l.ink >= l.span()*0.55 && l.ink <= l.span()*6 {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(p, q line) int {
		return cmpFloat(p.at((p.lo+p.hi)/2), q.at((q.lo+q.hi)/2))
	})
	return out
}

type run struct{ y, x0, x1 int }

// markRow marks the pixels of row y that may lie on a thin rule: dark, with
// paper k rows above and below, or, for a thin rule with text close to it
// (a date printed just over the line), paper two rows away. Rows too near
// the edge have no marks.
func markRow(dark []uint8, w, h, k, y int, mark []uint8) {
	if y < k || y >= h-k {
		clear(mark)
		return
	}
	row := dark[y*w : (y+1)*w]
	up, down := dark[(y-k)*w:(y-k+1)*w], dark[(y+k)*w:(y+k+1)*w]
	up2, down2 := dark[(y-2)*w:(y-1)*w], dark[(y+2)*w:(y+3)*w]
	mark, up, down, up2, down2 = mark[:len(row)], up[:len(row)], down[:len(row)], up2[:len(row)], down2[:len(row)]
	// Eight pixels at a time: where all eight are lighter than 32 (paper,
	// most of a page) none is marked. Elsewhere each is decided without
	// branches, which the edges of text would mispredict.
	x := 0
	for ; x+8 <= len(row); x += 8 {
		if binary.LittleEndian.Uint64(row[x:x+8])&0xE0E0E0E0E0E0E0E0 == 0 {
			binary.LittleEndian.PutUint64(mark[x:x+8], 0)
			continue
		}
		markPixels(row, up, down, up2, down2, mark, x, x+8)
	}
	markPixels(row, up, down, up2, down2, mark, x, len(row))
}

// markPixels is markRow for pixels x0 to x1 of the row.
func markPixels(row, up, down, up2, down2, mark []uint8, x0, x1 int) {
	for x := x0; x < x1; x++ {
		d := int(row[x])
		n := max(int(up[x]), int(down[x]))
		n2 := max(int(up2[x]), int(down2[x]))
		mark[x] = byte01(d >= 32) & (byte01(d-n >= 20) | byte01(d-n2 >= 24))
	}
}

// fitRuns fits y = a + b·x to the runs idx, weighted by length; with a
// previous fit (a, b) it keeps only runs within tol pixels of it.
func fitRuns(runs []run, idx []int, b, a, tol float64) (line, bool) {
	l := line{lo: math.Inf(1), hi: math.Inf(-1)}
	var sw, sx, sy, sxx, sxy float64
	for _, i := range idx {
		r := runs[i]
		xm := float64(r.x0+r.x1) / 2
		if math.Abs(float64(r.y)-(a+b*xm)) > tol {
			continue
		}
		wt := float64(r.x1 - r.x0 + 1)
		l.lo, l.hi = min(l.lo, float64(r.x0)), max(l.hi, float64(r.x1))
		sw += wt
		sx += wt * xm
		sy += wt * float64(r.y)
		sxx += wt * (xm*xm + wt*wt/12) // a run is a segment, not a point
		sxy += wt * xm * float64(r.y)
	}
	if sw == 0 {
		return l, false
	}
	mx, my := sx/sw, sy/sw
	vx := sxx/sw - mx*mx
	if vx > 1 {
		l.b = (sxy/sw - mx*my) / vx
	}
	l.a, l.ink = my-l.b*mx, sw
	return l, true
}

// joinLines merges collinear pieces of one rule broken by gaps.
func joinLines(ls []line, tol float64) []line {
	slices.SortFunc(ls, func(p, q line) int { return cmpFloat(p.lo, q.lo) })
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(ls); i++ {
			for j := i + 1; j < len(ls); j++ {
				p, q := ls[i], ls[j]
				// Compare where they meet or overlap.
				t1 := max(p.lo, q.lo)
				t2 := min(p.hi, q.hi)
				if t1 > t2 { // a gap between them
					t1, t2 = min(p.hi, q.hi), max(p.lo, q.lo)
				}
				if math.Abs(p.at(t1)-q.at(t1)) > tol || math.Abs(p.at(t2)-q.at(t2)) > tol {
					continue
				}
				wp, wq := p.ink, q.ink
				m := line{lo: min(p.lo, q.lo), hi: max(p.hi, q.hi), ink: wp + wq}
				m.b = (p.b*wp + q.b*wq) / (wp + wq)
				cp := (p.lo + p.hi) / 2
				cq := (q.lo + q.hi) / 2
				cm := (cp*wp + cq*wq) / (wp + wq)
				m.a = (p.at(cm)*wp+q.at(cm)*wq)/(wp+wq) - m.b*cm
				ls[i] = m
				ls = append(ls[:j], ls[j+1:]...)
				changed = true
				j--
			}
		}
	}
	return ls
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// transpose swaps the axes of a plane: blocks of 8×8 bytes are read as
// eight words, transposed by swapping bytes, pairs and quads between them,
// and written as eight words; the edges a byte at a time.
func transpose(p []uint8, w, h int) []uint8 {
	out := make([]uint8, len(p))
	w8, h8 := w&^7, h&^7
	var r [8]uint64
	for y0 := 0; y0 < h8; y0 += 8 {
		for x0 := 0; x0 < w8; x0 += 8 {
			for k := range r {
				r[k] = binary.LittleEndian.Uint64(p[(y0+k)*w+x0:])
			}
			transpose8(&r)
			for k, v := range r {
				binary.LittleEndian.PutUint64(out[(x0+k)*h+y0:], v)
			}
		}
	}
	for y := range h {
		x0 := w8
		if y >= h8 {
			x0 = 0
		}
		for x := x0; x < w; x++ {
			out[x*h+y] = p[y*w+x]
		}
	}
	return out
}

// transpose8 transposes the 8×8 bytes of r: byte j of word i becomes byte
// i of word j. Bytes, then pairs, then quads are swapped between words.
func transpose8(r *[8]uint64) {
	swap := func(a, b *uint64, sh uint, mask uint64) {
		t := (*a>>sh ^ *b) & mask
		*b ^= t
		*a ^= t << sh
	}
	const m1, m2, m4 = 0x00ff00ff00ff00ff, 0x0000ffff0000ffff, 0x00000000ffffffff
	swap(&r[0], &r[1], 8, m1)
	swap(&r[2], &r[3], 8, m1)
	swap(&r[4], &r[5], 8, m1)
	swap(&r[6], &r[7], 8, m1)
	swap(&r[0], &r[2], 16, m2)
	swap(&r[1], &r[3], 16, m2)
	swap(&r[4], &r[6], 16, m2)
	swap(&r[5], &r[7], 16, m2)
	swap(&r[0], &r[4], 32, m4)
	swap(&r[1], &r[5], 32, m4)
	swap(&r[2], &r[6], 32, m4)
	swap(&r[3], &r[7], 32, m4)
}
