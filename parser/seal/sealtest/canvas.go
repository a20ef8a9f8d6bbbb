package sealtest

import (
	"math"
	"math/rand/v2"
)

// rgb is a reflectance colour, each channel 0 (absorbs all) to 1 (paper white).
type rgb struct{ r, g, b float64 }

// canvas is an upright A4 page in reflectance, drawn on in millimetres. Ink
// multiplies what is under it, so a seal over black text leaves the text
// black, as on paper.
type canvas struct {
	w, h int
	px   float64 // pixels per millimetre
	pix  []float32
}

func newCanvas(dpi int, paper rgb) *canvas {
	px := float64(dpi) / 25.4
	c := &canvas{w: int(210 * px), h: int(297 * px), px: px}
	c.pix = make([]float32, c.w*c.h*3)
	for i := 0; i < len(c.pix); i += 3 {
		c.pix[i], c.pix[i+1], c.pix[i+2] = float32(paper.r), float32(paper.g), float32(paper.b)
	}
	return c
}

// ink lays colour k with coverage a (0–1) on pixel (x, y).
func (c *canvas) ink(x, y int, k rgb, a float64) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h || a <= 0 {
		return
	}
	if a > 1 {
		a = 1
	}
	i := (y*c.w + x) * 3
	c.pix[i] *= float32(1 - a*(1-k.r))
	c.pix[i+1] *= float32(1 - a*(1-k.g))
	c.pix[i+2] *= float32(1 - a*(1-k.b))
}

// area calls f for every pixel of the millimetre box, with the pixel's
// centre in millimetres.
func (c *canvas) area(x0, y0, x1, y1 float64, f func(x, y int, mx, my float64)) {
	ix0, iy0 := int(math.Floor(x0*c.px)), int(math.Floor(y0*c.px))
	ix1, iy1 := int(math.Ceil(x1*c.px)), int(math.Ceil(y1*c.px))
	ix0, iy0 = max(ix0, 0), max(iy0, 0)
	ix1, iy1 = min(ix1, c.w-1), min(iy1, c.h-1)
	for y := iy0; y <= iy1; y++ {
		for x := ix0; x <= ix1; x++ {
			f(x, y, (float64(x)+0.5)/c.px, (float64(y)+0.5)/c.px)
		}
	}
}

// line strokes a segment of width wd (mm) with opacity op.
func (c *canvas) line(x0, y0, x1, y1, wd float64, k rgb, op float64) {
	m := wd/2 + 1/c.px
	c.area(min(x0, x1)-m, min(y0, y1)-m, max(x0, x1)+m, max(y0, y1)+m, func(x, y int, mx, my float64) {
		d := segDist(mx, my, x0, y0, x1, y1)
		a := (wd/2-d)*c.px + 0.5
		if a > 0 {
			c.ink(x, y, k, min(a, 1)*op)
		}
	})
}

func segDist(px, py, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	l := dx*dx + dy*dy
	t := 0.0
	if l > 0 {
		t = ((px-x0)*dx + (py-y0)*dy) / l
		t = max(0, min(1, t))
	}
	ex, ey := px-(x0+t*dx), py-(y0+t*dy)
	return math.Hypot(ex, ey)
}

// ring strokes an ellipse outline (semi-axes rx, ry, turned by ang) of width
// wd; op(θ) gives the opacity along it, so rings can be faint or broken.
func (c *canvas) ring(cx, cy, rx, ry, ang, wd float64, k rgb, op func(th float64) float64) {
	m := max(rx, ry) + wd + 1
	ca, sa := math.Cos(ang), math.Sin(ang)
	c.area(cx-m, cy-m, cx+m, cy+m, func(x, y int, mx, my float64) {
		dx, dy := mx-cx, my-cy
		u, v := dx*ca+dy*sa, -dx*sa+dy*ca
		rho := math.Hypot(u/rx, v/ry)
		if rho == 0 {
			return
		}
		r := math.Hypot(u, v)
		d := math.Abs(r - r/rho)
		a := (wd/2-d)*c.px + 0.5
		if a > 0 {
			c.ink(x, y, k, min(a, 1)*op(math.Atan2(v, u)))
		}
	})
}

// poly fills a polygon given in millimetres.
func (c *canvas) poly(pts [][2]float64, k rgb, op float64) {
	x0, y0, x1, y1 := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
	for _, p := range pts {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	c.area(x0, y0, x1, y1, func(x, y int, mx, my float64) {
		in := false
		for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
			a, b := pts[i], pts[j]
			if (a[1] > my) != (b[1] > my) && mx < (b[0]-a[0])*(my-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
		if in {
			c.ink(x, y, k, op)
		}
	})
}

// glyph draws a pseudo Chinese character of size s (mm) centred on (cx, cy),
// turned by ang: a few horizontal, vertical and slanted strokes, as a
// character looks at scan resolution. wob > 0 makes it handwritten.
func (c *canvas) glyph(rng *rand.Rand, cx, cy, s, ang, wd float64, k rgb, op, wob float64) {
	ca, sa := math.Cos(ang), math.Sin(ang)
	pt := func(u, v float64) (float64, float64) {
		u, v = (u-0.5)*s, (v-0.5)*s
		return cx + u*ca - v*sa, cy + u*sa + v*ca
	}
	n := 3 + rng.IntN(4)
	for range n {
		var u0, v0, u1, v1 float64
		switch rng.IntN(4) {
		case 0, 1: // horizontal
			v0 = 0.1 + 0.8*rng.Float64()
			u0, u1, v1 = 0.05+0.3*rng.Float64(), 0.6+0.35*rng.Float64(), v0+0.05*(rng.Float64()-0.5)
		case 2: // vertical
			u0 = 0.1 + 0.8*rng.Float64()
			v0, v1, u1 = 0.05+0.3*rng.Float64(), 0.6+0.35*rng.Float64(), u0
		default: // slanted
			u0, v0 = rng.Float64(), 0.2*rng.Float64()
			u1, v1 = rng.Float64(), 0.7+0.3*rng.Float64()
		}
		u0, v0 = u0+wob*rng.NormFloat64()*0.05, v0+wob*rng.NormFloat64()*0.05
		u1, v1 = u1+wob*rng.NormFloat64()*0.05, v1+wob*rng.NormFloat64()*0.05
		ax, ay := pt(u0, v0)
		bx, by := pt(u1, v1)
		c.line(ax, ay, bx, by, wd, k, op)
	}
}

// text draws n pseudo characters from (x, y) (top left) at size s.
func (c *canvas) text(rng *rand.Rand, x, y, s float64, n int, k rgb, wob float64) float64 {
	for i := range n {
		c.glyph(rng, x+float64(i)*s*1.1+s/2, y+s/2, s, 0, s*0.08, k, 0.95, wob)
	}
	return x + float64(n)*s*1.1
}

// scribble draws a handwritten signature: a run of loops and strokes.
func (c *canvas) scribble(rng *rand.Rand, x, y, wdt, hgt float64, k rgb, wd float64) {
	px, py := x, y+hgt/2
	steps := 30 + rng.IntN(30)
	ph := rng.Float64() * 6
	for i := 1; i <= steps; i++ {
		t := float64(i) / float64(steps)
		nx := x + t*wdt + math.Sin(ph+t*25)*hgt*0.15
		ny := y + hgt/2 + math.Cos(ph+t*17)*hgt*0.45*rng.Float64()
		c.line(px, py, nx, ny, wd, k, 0.9)
		px, py = nx, ny
	}
}

func to8(v float32) uint8 {
	v *= 255
	if v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v + 0.5)
}
