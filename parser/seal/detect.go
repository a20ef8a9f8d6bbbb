package seal

import (
	"math"
	"slices"
)

// detectSeals finds ring-shaped marks on the upright page. On a colour page
// a ring of red ink with something inside it (arc text, a star) is a seal;
// a pen circle (nothing inside), a 「已阅」 box (square corners), a streak or a
// highlighter (no ring) is not. On a colourless page a ring is reported but
// never with the confidence of a sure seal.
func detectSeals(p *planes, t *table, colour bool) []found {
	ppm := t.pxPerMM
	m := inkMask(p, t, colour)
	src := p.chroma
	if !colour {
		src = p.dark
	}
	cands := centres(src, p.w, p.h, minSemi*ppm*0.9, maxSemi*ppm)
	cands = append(cands, blobCentres(m, ppm)...)
	var out []found
	for _, c := range cands {
		var f found
		var ok bool
		if colour {
			f, ok = fitSeal(m, p, c[0], c[1], ppm)
		} else {
			f, ok = fitGreyRing(m, c[0], c[1], ppm)
		}
		if !ok {
			continue
		}
		dup := false
		for i, o := range out {
			if math.Hypot(o.cx-f.cx, o.cy-f.cy) < 0.5*min(o.b, f.b) {
				dup = true
				if f.conf > o.conf {
					out[i] = f
				}
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	if colour {
		out = append(out, squares(m, ppm, out)...)
	}
	slices.SortFunc(out, func(a, b found) int { return cmpFloat(a.cy, b.cy)*2 + cmpFloat(a.cx, b.cx) })
	return out
}

// fitSeal fits an elliptic ring around candidate centre (cx, cy) and
// says whether it is a seal.
func fitSeal(m *mask, p *planes, cx, cy, ppm float64) (found, bool) {
	e, ok := fitRing(m, cx, cy, ppm)
	if !ok {
		return found{}, false
	}
	return measureRing(m, p, e).judge(e)
}

// fitRing fits the ring around (cx, cy): from outside in, the first ink
// met on each of 72 rays is the ring's outer edge; a robust conic fit
// through those points is the ring. It fails when the fit is no ring of a
// seal's size and shape.
func fitRing(m *mask, cx, cy, ppm float64) (ellipse, bool) {
	const rays = 72
	rmax := maxSemi * ppm * 1.1
	rmin := minSemi * ppm * 0.6
	var pts [][2]float64
	for k := range rays {
		if len(pts)+rays-k < rays/2 {
			return ellipse{}, false // too few hits even if every ray left hits
		}
		dx, dy := rays72[k][0], rays72[k][1]
		// Each step's inner sample is the next step's outer one.
		on := m.atf(cx+dx*rmax, cy+dy*rmax)
		for d := rmax; d >= rmin; d-- {
			in := m.atf(cx+dx*(d-1), cy+dy*(d-1))
			if on && in {
				pts = append(pts, [2]float64{cx + dx*d, cy + dy*d})
				break
			}
			on = in
		}
	}
	if len(pts) < rays/2 {
		return ellipse{}, false
	}
	e, ok := ransacEllipse(pts, cx, cy)
	if !ok {
		return ellipse{}, false
	}
	a, b := e.a/ppm, e.b/ppm
	if a > maxSemi || b < minSemi || a < minMajor || b/a < 0.5 {
		return ellipse{}, false
	}
	return e, true
}

// ringStats is what the ink around and inside a fitted ring looks like.
type ringStats struct {
	cov    float64 // share of the outline inked
	edge   float64 // of the inked outline, the share where the ring's outer edge lies where the rest of it does
	outer  float64 // share of a slightly larger outline inked
	thick  int     // median thickness of the ring, in pixels
	inner  float64 // share of the inside inked
	core   int     // inked samples well inside
	chroma float64 // mean chroma on the inked outline
}

// measureRing measures how much of the outline is inked, how thick the
// ring is, what is inside, and that it is not one patch of a larger red
// area.
func measureRing(m *mask, p *planes, e ellipse) ringStats {
	const n = 120
	hit, outer, chroma := 0, 0, 0
	var thick []int
	for k := range n {
		t := 2 * math.Pi * float64(k) / n
		x, y := e.point(t, 1)
		on := false
		for _, s := range []float64{-2, -1, 0, 1} {
			xs, ys := e.point(t, 1+s/e.b)
			if m.atf(xs, ys) {
				on = true
			}
		}
		if on {
			hit++
			// The outline may run past the page edge while a point just
			// inside it is inked.
			if xi, yi := int(x), int(y); x >= 0 && y >= 0 && xi < p.w && yi < p.h {
				chroma += int(p.chroma[yi*p.w+xi])
			}
			th := 0
			for s := -1.0; s >= -10; s-- {
				xs, ys := e.point(t, 1+s/e.b)
				if !m.atf(xs, ys) {
					break
				}
				th++
			}
			thick = append(thick, th)
		}
		xo, yo := e.point(t, 1+0.16)
		if m.atf(xo, yo) {
			outer++
		}
	}
	st := ringStats{cov: float64(hit) / n, outer: float64(outer) / n, chroma: float64(chroma) / float64(max(hit, 1))}
	if len(thick) > 0 {
		slices.Sort(thick)
		st.thick = thick[len(thick)/2]
	}
	if !st.ringLike() {
		return st // no seal, whatever is inside
	}
	// A seal's ring is one sharp edge all round: where it is inked, its
	// outer edge is within a pixel of the same place. Ink that only passes
	// near the outline (a box's sides and the text in it, a wobbly pen line,
	// a misfit through a seal's text) has its edge all over the place.
	// The edge per angle is the first ink met from 4 pixels outside the
	// outline in to 6 inside it; hist counts the angles per offset.
	var hist [11]int // offsets +4 … -6
	edged := 0
	for k := range n {
		t := 2 * math.Pi * float64(k) / n
		for i := range hist {
			xs, ys := e.point(t, 1+float64(4-i)/e.b)
			if m.atf(xs, ys) {
				hist[i]++
				edged++
				break
			}
		}
	}
	med, below := 0, 0
	for i, c := range hist {
		if below+c > edged/2 {
			med = i
			break
		}
		below += c
	}
	agree := 0
	for i := max(0, med-1); i <= min(len(hist)-1, med+1); i++ {
		agree += hist[i]
	}
	st.edge = float64(agree) / float64(max(hit, 1))
	// A seal has ink well inside its ring (a star, a centred name); a pen
	// circle's only ink inside is its own wobbly line near the edge.
	in, tot := 0, 0
	step := max(1.0, e.b/12)
	d := e.measure()
	for y := e.cy - e.a; y <= e.cy+e.a; y += step {
		for x := e.cx - e.a; x <= e.cx+e.a; x += step {
			if d.inside(x, y, 0.8) {
				tot++
				if m.atf(x, y) {
					in++
					if d.inside(x, y, 0.55) {
						st.core++
					}
				}
			}
		}
	}
	st.inner = float64(in) / float64(max(tot, 1))
	return st
}

// ringLike says whether the outline is inked like a ring: for the most
// part, not as one patch of a larger red area, and with some thickness.
func (st ringStats) ringLike() bool {
	return st.cov >= 0.5 && st.outer <= 0.45 && st.thick >= 1
}

// judge says whether the measured ring is a seal, and how sure.
func (st ringStats) judge(e ellipse) (found, bool) {
	if !st.ringLike() {
		return found{}, false
	}
	if st.inner < 0.03 || st.inner > 0.7 || st.core < 2 {
		return found{}, false
	}
	// Where most of the ink near the outline has no common edge, the
	// ellipse was fitted through something else: a 「已阅」 box's sides and
	// characters, or a seal's text off its true ring.
	if st.edge < 0.5 {
		return found{}, false
	}
	kind := KindRound
	if e.b/e.a < 0.85 {
		kind = KindOval
	}
	// Confidence: the share of the ring inked, how much of that is one
	// clean edge, and how strongly.
	conf := 0.5 + 0.5*math.Min(1, (st.cov-0.5)/0.35)
	conf *= math.Min(1, st.edge/0.75)
	// At the working resolution (about 3.4 pixels a millimetre) a seal's
	// ring, 1 mm of ink or more, runs at least two pixels in from its
	// outline; a pen line (0.3–0.7 mm) does not. A ring that thin, or
	// whose edge wanders, is a pen circle, a box or a misfit, or else a
	// faint seal half hidden under others: never sure, either way.
	if st.thick < 2 || st.edge < 0.6 {
		conf = math.Min(conf, 0.5)
	}
	if st.chroma < 110 {
		conf *= 0.6 + 0.4*math.Max(0, (st.chroma-45)/65)
	}
	return found{cx: e.cx, cy: e.cy, a: e.a, b: e.b, ang: e.ang, kind: kind, conf: math.Min(conf, 0.98)}, true
}

// rays72 and rays90 are the directions (cos, sin) of 72 and 90 rays evenly
// round a full turn, ray k at 2πk/n: fitRing and fitGreyRing ask for them
// for every candidate centre.
var rays72, rays90 = rayDirs(72), rayDirs(90)

func rayDirs(n int) [][2]float64 {
	d := make([][2]float64, n)
	for k := range d {
		th := 2 * math.Pi * float64(k) / float64(n)
		d[k] = [2]float64{math.Cos(th), math.Sin(th)}
	}
	return d
}

// fitGreyRing looks for a circular thin ring of ink around (cx, cy) on a
// colourless page, where text is ink too: the ring is a radius at which
// nearly every ray meets ink, with much less a few pixels in and out.
func fitGreyRing(m *mask, cx, cy, ppm float64) (found, bool) {
	const rays = 90
	r0, r1 := int(12*ppm), int(maxSemi*ppm)
	cov := make([]float64, r1+8)
	for r := r0 - 6; r < r1+6; r++ {
		n := 0
		for k := range rays {
			c, s := rays90[k][0], rays90[k][1]
			x, y := cx+c*float64(r), cy+s*float64(r)
			if m.atf(x, y) || m.atf(x+c, y+s) {
				n++
			}
		}
		cov[r] = float64(n) / rays
	}
	best, br := 0.0, 0
	for r := r0; r < r1; r++ {
		side := math.Max(cov[r-5], cov[r+5])
		if s := cov[r] - side; cov[r] >= 0.7 && s > best {
			best, br = s, r
		}
	}
	if best < 0.35 {
		return found{}, false
	}
	rr := float64(br) + 1
	return found{cx: cx, cy: cy, a: rr, b: rr, kind: KindRound, conf: 0.45}, true
}

// blobCentres adds the middle of every seal-sized patch of ink, for ovals
// whose edge normals do not meet in one point.
func blobCentres(m *mask, ppm float64) [][2]float64 {
	const pad = inkPad
	pw := m.pw
	todo := m.inkBytes() // 1: ink not yet reached
	var out [][2]float64
	var stack []int
	for k0 := nextInk(todo, 0); k0 >= 0; k0 = nextInk(todo, k0+1) {
		x0, y0, x1, y1 := m.w, m.h, 0, 0
		stack = append(stack[:0], k0)
		todo[k0] = 0
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := j%pw-pad, j/pw-pad
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			for dy := -2; dy <= 2; dy++ {
				r := j + dy*pw - 2
				for k, t := range todo[r : r+5] {
					if t != 0 {
						todo[r+k] = 0
						stack = append(stack, r+k)
					}
				}
			}
		}
		bw, bh := float64(x1-x0)/ppm, float64(y1-y0)/ppm
		if max(bw, bh) >= 2*minMajor && max(bw, bh) <= 2.3*maxSemi && min(bw, bh) >= 1.6*minSemi {
			out = append(out, [2]float64{float64(x0+x1) / 2, float64(y0+y1) / 2})
		}
	}
	return out
}

// squares finds square 名章: a square outline 10–24 mm with ink inside,
// not part of a ring already found. A 「已阅」 box is oblong, so it is not one.
func squares(m *mask, ppm float64, rings []found) []found {
	var out []found
	// A 名章 is often stamped beside the unit's seal and touches its ring
	// (or a piece of it cut off by a table rule); joined, the two are no
	// square. Marking the found rings' outlines as seen keeps the box a
	// component of its own.
	const pad = inkPad
	pw := m.pw
	todo := m.inkBytes() // 1: ink not yet seen
	for _, r := range rings {
		e := ellipse{cx: r.cx, cy: r.cy, a: r.a, b: r.b, ang: r.ang}.measure()
		in := max(0.5, 1-3*ppm/r.b)
		outer := 1 + ppm/r.b
		x0, x1 := max(0, int(r.cx-r.a*outer)-1), min(m.w-1, int(r.cx+r.a*outer)+1)
		y0, y1 := max(0, int(r.cy-r.a*outer)-1), min(m.h-1, int(r.cy+r.a*outer)+1)
		// Nearer the centre than the inner ellipse's minor semi-axis, or
		// further than the outer one's major semi-axis, a pixel is settled
		// without the exact test (the margins are far wider than rounding).
		rin2 := r.b * in * r.b * in * (1 - 1e-9)
		rout2 := r.a * outer * r.a * outer * (1 + 1e-9)
		// Elsewhere the test by multiplications with the axes' reciprocals
		// settles it when clear of the outline by far more than the few
		// ulps it differs from inside's divisions, and inside the rest.
		iao, ibo, iai, ibi := e.ia/outer, e.ib/outer, e.ia/in, e.ib/in
		for y := y0; y <= y1; y++ {
			fy := float64(y)
			dy2 := (fy - r.cy) * (fy - r.cy)
			for x := x0; x <= x1; x++ {
				fx := float64(x)
				if d2 := (fx-r.cx)*(fx-r.cx) + dy2; d2 < rin2 || d2 > rout2 {
					continue
				}
				dx, dy := fx-r.cx, fy-r.cy
				u, v := dx*e.ca+dy*e.sa, -dx*e.sa+dy*e.ca
				var inOuter, inInner bool
				if p, q := u*iao, v*ibo; math.Abs(p*p+q*q-1) > 1e-9 {
					inOuter = p*p+q*q < 1
				} else {
					inOuter = e.inside(fx, fy, outer)
				}
				if !inOuter {
					continue
				}
				if p, q := u*iai, v*ibi; math.Abs(p*p+q*q-1) > 1e-9 {
					inInner = p*p+q*q < 1
				} else {
					inInner = e.inside(fx, fy, in)
				}
				if !inInner {
					todo[(y+pad)*pw+x+pad] = 0
				}
			}
		}
	}
	var stack []int
	for k0 := nextInk(todo, 0); k0 >= 0; k0 = nextInk(todo, k0+1) {
		x0, y0, x1, y1, n := m.w, m.h, 0, 0, 0
		stack = append(stack[:0], k0)
		todo[k0] = 0
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := j%pw-pad, j/pw-pad
			n++
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			for dy := -1; dy <= 1; dy++ {
				r := j + dy*pw - 1
				for k, t := range todo[r : r+3] {
					if t != 0 {
						todo[r+k] = 0
						stack = append(stack, r+k)
					}
				}
			}
		}
		bw, bh := float64(x1-x0+1), float64(y1-y0+1)
		if min(bw, bh) < 10*ppm || max(bw, bh) > 24*ppm || max(bw, bh)/min(bw, bh) > 1.3 {
			continue
		}
		cx, cy := float64(x0+x1)/2, float64(y0+y1)/2
		inRing := false
		for _, r := range rings {
			if math.Hypot(r.cx-cx, r.cy-cy) < r.a {
				inRing = true
			}
		}
		if inRing {
			continue
		}
		// Each side of the box is mostly inked near the edge.
		sides := 0
		inset := 0.18
		for s := range 4 {
			hit := 0
			for k := range 20 {
				t := 0.1 + 0.8*float64(k)/19
				var x, y float64
				on := false
				for d := 0.0; d <= inset; d += 0.03 {
					switch s {
					case 0:
						x, y = float64(x0)+t*bw, float64(y0)+d*bh
					case 1:
						x, y = float64(x0)+t*bw, float64(y1)-d*bh
					case 2:
						x, y = float64(x0)+d*bw, float64(y0)+t*bh
					case 3:
						x, y = float64(x1)-d*bw, float64(y0)+t*bh
					}
					if m.atf(x, y) {
						on = true
					}
				}
				if on {
					hit++
				}
			}
			if hit >= 15 {
				sides++
			}
		}
		fill := float64(n) / (bw * bh)
		if sides >= 4 && fill > 0.15 && fill < 0.75 {
			r := math.Max(bw, bh) / 2
			out = append(out, found{cx: cx, cy: cy, a: r, b: r, kind: KindSquare, conf: 0.5})
		}
	}
	return out
}

// ransacEllipse fits an ellipse to ray hits of which some belong to
// something else (a touching seal, text, a red line): the five-point conic
// with most hits within 2.5 pixels, refined on those hits. The sampling is
// seeded from the centre, so the result is deterministic.
func ransacEllipse(pts [][2]float64, cx, cy float64) (ellipse, bool) {
	seed := uint64(cx*7919+cy*104729) | 1
	next := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	inliers := func(e ellipse, into [][2]float64) ([][2]float64, int) {
		d := e.measure()
		n := 0
		for _, q := range pts {
			if d.within(q[0], q[1], 2.5) {
				n++
				if into != nil {
					into = append(into, q)
				}
			}
		}
		return into, n
	}
	// count is the number of inliers of e if that is more than beat, else
	// at most beat: it stops once the hits left cannot make up the gap.
	count := func(e ellipse, beat int) int {
		d := e.measure()
		n := 0
		for i, q := range pts {
			if n+len(pts)-i <= beat {
				break
			}
			if d.within(q[0], q[1], 2.5) {
				n++
			}
		}
		return n
	}
	var best [][2]float64
	var bestE ellipse
	bestN := 0
	sample := make([][2]float64, 5)
	n := len(pts)
	for range 80 {
		// Five hits spread around the ring: one from each fifth.
		for k := range 5 {
			sample[k] = pts[(k*n/5+next(max(1, n/5)))%n]
		}
		e, ok := fitConic(sample, cx, cy)
		if !ok || e.a > 3*e.b || e.a > 1e4 {
			continue
		}
		if c := count(e, bestN); c > bestN {
			bestE, bestN = e, c
		}
	}
	if bestN > 0 {
		best, _ = inliers(bestE, make([][2]float64, 0, bestN))
	}
	if len(best) < 20 {
		return ellipse{}, false
	}
	e, ok := fitConic(best, cx, cy)
	if !ok {
		return ellipse{}, false
	}
	if in, _ := inliers(e, make([][2]float64, 0, len(pts))); len(in) >= len(best) {
		if e2, ok := fitConic(in, cx, cy); ok {
			e = e2
		}
	}
	return e, true
}
