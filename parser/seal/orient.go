package seal

import "math"

// estimateTurn finds the rotation α (degrees, clockwise) that makes the
// page's ruled lines and text rows horizontal: the sharpest row profile
// within ±6° of around (0 or 90), refined to a tenth of a degree. It cannot
// tell 0 from 180 (or 90 from 270); the table does that.
func estimateTurn(p *planes, around float64) float64 {
	// Sample the ink: every other pixel in each direction is plenty.
	var xs, ys []float32
	cx, cy := float32(p.w)/2, float32(p.h)/2
	for y := 0; y < p.h; y += 2 {
		for x := 0; x < p.w; x += 2 {
			if p.dark[y*p.w+x] > 110 {
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
	for v := range h {
		for u := range w {
			x, y := t.toReduced(float64(u)+0.5, float64(v)+0.5)
			x, y = x-0.5, y-0.5
			if quarter {
				xi, yi := int(math.Round(x)), int(math.Round(y))
				if xi >= 0 && yi >= 0 && xi < p.w && yi < p.h {
					out.dark[v*w+u] = p.dark[yi*p.w+xi]
					out.chroma[v*w+u] = p.chroma[yi*p.w+xi]
				}
				continue
			}
			x0, y0 := int(math.Floor(x)), int(math.Floor(y))
			if x0 < 0 || y0 < 0 || x0+1 >= p.w || y0+1 >= p.h {
				continue
			}
			fx, fy := x-float64(x0), y-float64(y0)
			i := y0*p.w + x0
			// Darkness takes the darkest of the four neighbours: a thin
			// rule (one pixel at 150 dpi, half a pixel once reduced)
			// interpolated across two rows would fall below the line
			// finder's threshold on a turned page.
			out.dark[v*w+u] = max(p.dark[i], p.dark[i+1], p.dark[i+p.w], p.dark[i+p.w+1])
			out.chroma[v*w+u] = bilerp(p.chroma, i, p.w, fx, fy)
		}
	}
	return t
}

func bilerp(p []uint8, i, w int, fx, fy float64) uint8 {
	a := float64(p[i])*(1-fx) + float64(p[i+1])*fx
	b := float64(p[i+w])*(1-fx) + float64(p[i+w+1])*fx
	return uint8(a*(1-fy) + b*fy + 0.5)
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
