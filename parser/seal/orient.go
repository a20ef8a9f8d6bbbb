package seal

import "math"

// estimateTurn finds the rotation α (degrees, clockwise) that makes the
// page's ruled lines and text rows horizontal: the sharpest row profile
// within ±6° of around (0 or 90), refined to a tenth of a degree. It cannot
// tell 0 from 180 (or 90 from 270); the table does that.
func estimateTurn(p *planes, around float64) float64 {
	// Sample the ink: every other pixel in each direction is plenty.
	// Only strokes count, ink with paper a few pixels off on some side: a
	// solid dark area (a scanner's black border or lid, a phone photo's
	// table top) is level with the image, not the paper, and its mass
	// would outweigh every rule on the page.
	var xs, ys []float32
	cx, cy := float32(p.w)/2, float32(p.h)/2
	const k = 4
	for y := 0; y < p.h; y += 2 {
		for x := 0; x < p.w; x += 2 {
			if i := y*p.w + x; p.dark[i] > 110 && p.paperNear(x, y, k) {
				xs = append(xs, float32(x)-cx)
				ys = append(ys, float32(y)-cy)
			}
		}
	}
	if len(xs) < 50 {
		return around
	}
	// Bins as wide as the sampling step: with narrower ones, at exactly 0°
	// every sample falls on an even bin and the profile looks twice as
	// sharp as it is, which beats the real skew of a page of thin rules.
	diag := int(math.Hypot(float64(p.w), float64(p.h)))/2 + 4
	hist := make([]int32, diag)
	energy := func(alpha float64) float64 {
		s, c := math.Sincos(alpha * math.Pi / 180)
		sf, cf := float32(s), float32(c)
		clear(hist)
		off := float32(diag / 2)
		for i := range xs {
			v := (sf*xs[i]+cf*ys[i])/2 + off
			hist[int(v)]++
		}
		e := 0.0
		for _, n := range hist {
			e += float64(n) * float64(n)
		}
		return e
	}
	best, bestE := 0.0, -1.0
	search := func(lo, hi, step float64) {
		for a := lo; a <= hi+1e-9; a += step {
			if e := energy(a); e > bestE {
				best, bestE = a, e
			}
		}
	}
	search(around-6, around+6, 0.5)
	c := best
	search(c-0.5, c+0.5, 0.1)
	return best
}

// paperNear says whether some pixel k away from (x, y) along a row or a
// column is paper; off the page counts as not paper.
func (p *planes) paperNear(x, y, k int) bool {
	const paper = 60
	return (y >= k && p.dark[(y-k)*p.w+x] < paper) ||
		(y+k < p.h && p.dark[(y+k)*p.w+x] < paper) ||
		(x >= k && p.dark[y*p.w+x-k] < paper) ||
		(x+k < p.w && p.dark[y*p.w+x+k] < paper)
}

// turned is the page resampled upright, and the map back to the pixels of
// the page as decoded.
type turned struct {
	*planes
	alpha      float64 // clockwise degrees applied
	f          float64 // reduction factor
	sw, sh     int     // size of the reduced page before turning
	cosA, sinA float64
}

// turn resamples p rotated clockwise by alpha about its centre.
func turn(p *planes, alpha float64, f int) *turned {
	s, c := math.Sincos(alpha * math.Pi / 180)
	w := int(math.Abs(float64(p.w)*c) + math.Abs(float64(p.h)*s) + 0.5)
	h := int(math.Abs(float64(p.w)*s) + math.Abs(float64(p.h)*c) + 0.5)
	out := &planes{w: w, h: h, dark: make([]uint8, w*h), chroma: make([]uint8, w*h)}
	t := &turned{planes: out, alpha: alpha, f: float64(f), sw: p.w, sh: p.h, cosA: c, sinA: s}
	quarter := math.Mod(math.Abs(alpha), 90) == 0
	// Walk each row in the reduced page's coordinates, in 16.16 fixed
	// point: one step in u is (cos α, −sin α) there.
	const one = 1 << 16
	dxf, dyf := int64(math.Round(c*one)), int64(-math.Round(s*one))
	maxX, maxY := int64(p.w-1)<<16, int64(p.h-1)<<16
	pw := p.w
	for v := range h {
		x, y := t.toReduced(0.5, float64(v)+0.5)
		xf0, yf0 := int64(math.Round((x-0.5)*one)), int64(math.Round((y-0.5)*one))
		dark, chroma := out.dark[v*w:(v+1)*w], out.chroma[v*w:(v+1)*w]
		if quarter {
			xf, yf := xf0, yf0
			for u := range w {
				if u > 0 {
					xf, yf = xf+dxf, yf+dyf
				}
				xi, yi := int((xf+one/2)>>16), int((yf+one/2)>>16)
				if xi >= 0 && yi >= 0 && xi < p.w && yi < p.h {
					dark[u] = p.dark[yi*p.w+xi]
					chroma[u] = p.chroma[yi*p.w+xi]
				}
			}
			continue
		}
		// The pixels whose 2×2 neighbourhood lies on the page are one run
		// of the row (a line crosses a rectangle once); the rest stay 0.
		off := func(u int) bool {
			xf, yf := xf0+int64(u)*dxf, yf0+int64(u)*dyf
			return xf < 0 || yf < 0 || xf >= maxX || yf >= maxY
		}
		lo, hi := 0, w
		for lo < hi && off(lo) {
			lo++
		}
		for hi > lo && off(hi-1) {
			hi--
		}
		xf, yf := xf0+int64(lo)*dxf, yf0+int64(lo)*dyf
		for u := lo; u < hi; u, xf, yf = u+1, xf+dxf, yf+dyf {
			i := int(yf>>16)*pw + int(xf>>16)
			d := p.dark[i : i+pw+2 : i+pw+2]
			// Darkness takes the darkest of the four neighbours: a thin
			// rule (one pixel at 150 dpi, half a pixel once reduced)
			// interpolated across two rows would fall below the line
			// finder's threshold on a turned page.
			// (As ints: on bytes max compiles to branches, which the
			// edges of text mispredict.)
			dark[u] = uint8(max(int(d[0]), int(d[1]), int(d[pw]), int(d[pw+1])))
			cs := p.chroma[i : i+pw+2 : i+pw+2]
			c00, c01, c10, c11 := cs[0], cs[1], cs[pw], cs[pw+1]
			if c00|c01|c10|c11 == 0 {
				continue // no red near: most of the page
			}
			// Chroma is interpolated in 8-bit fixed point.
			fx, fy := int32(xf>>8)&255, int32(yf>>8)&255
			a := int32(c00)*(256-fx) + int32(c01)*fx
			b := int32(c10)*(256-fx) + int32(c11)*fx
			chroma[u] = uint8((a*(256-fy) + b*fy + 1<<15) >> 16)
		}
	}
	return t
}

// toReduced maps upright coordinates to the reduced page before turning.
func (t *turned) toReduced(u, v float64) (float64, float64) {
	du, dv := u-float64(t.w)/2, v-float64(t.h)/2
	// inverse of a clockwise rotation by alpha
	x := du*t.cosA + dv*t.sinA
	y := -du*t.sinA + dv*t.cosA
	return x + float64(t.sw)/2, y + float64(t.sh)/2
}

// toPage maps upright coordinates to pixels of the page as decoded.
func (t *turned) toPage(u, v float64) (float64, float64) {
	x, y := t.toReduced(u, v)
	return x * t.f, y * t.f
}
