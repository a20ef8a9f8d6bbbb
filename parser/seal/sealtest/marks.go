package sealtest

import (
	"math"
	"math/rand/v2"
)

// Ink colours of seal pads seen in real offices, as reflectance.
var (
	inkRed     = rgb{0.93, 0.16, 0.18}
	inkOrange  = rgb{0.98, 0.52, 0.42}
	inkCrimson = rgb{0.72, 0.08, 0.24}
	inkPurple  = rgb{0.58, 0.16, 0.60}
	inkMagenta = rgb{0.90, 0.22, 0.66}
	inkBlack   = rgb{0.12, 0.12, 0.13}
	inkBlue    = rgb{0.20, 0.25, 0.62}
	inkPen     = rgb{0.85, 0.12, 0.12}
)

var sealInks = []rgb{inkRed, inkOrange, inkCrimson, inkPurple, inkMagenta}

// Seal kinds as the detector names them.
const (
	Round  = "round"
	Oval   = "oval"
	Square = "square"
)

// sealMark is one impression to draw.
type sealMark struct {
	kind   string
	cx, cy float64 // mm on the upright page
	r      float64 // outer radius (round), semi-major axis (oval), half side (square)
	ang    float64 // radians
	ink    rgb
	op     float64 // overall opacity 0–1
	gaps   int     // broken ring: number of gaps
	mirror bool    // seen through the paper from the back
}

// drawSeal draws one impression: ring, arc text, star, bottom text.
func (c *canvas) drawSeal(rng *rand.Rand, s sealMark) {
	type gap struct{ a, w float64 }
	var gs []gap
	for range s.gaps {
		gs = append(gs, gap{rng.Float64() * 2 * math.Pi, 0.15 + 0.5*rng.Float64()})
	}
	// Uneven inking: a slow sinusoid around the ring plus the gaps.
	ph, amp := rng.Float64()*6, 0.25*rng.Float64()
	ringOp := func(th float64) float64 {
		o := s.op * (1 - amp + amp*math.Sin(th*2+ph))
		for _, g := range gs {
			d := math.Abs(math.Remainder(th-g.a, 2*math.Pi))
			if d < g.w/2 {
				o *= 0.08
			}
		}
		return o
	}
	rot := func(u, v float64) (float64, float64) {
		if s.mirror {
			u = -u
		}
		ca, sa := math.Cos(s.ang), math.Sin(s.ang)
		return s.cx + u*ca - v*sa, s.cy + u*sa + v*ca
	}
	glyphOp := s.op * (0.75 + 0.25*rng.Float64())
	switch s.kind {
	case Round:
		c.ring(s.cx, s.cy, s.r, s.r, s.ang, s.r*(0.055+0.025*rng.Float64()), s.ink, ringOp)
		n := 9 + rng.IntN(6)
		span := (200 + 60*rng.Float64()) * math.Pi / 180
		gs := s.r * 0.24
		for i := range n {
			th := -math.Pi/2 - span/2 + span*(float64(i)+0.5)/float64(n)
			x, y := rot(math.Cos(th)*s.r*0.7, math.Sin(th)*s.r*0.7)
			c.glyph(rng, x, y, gs, th+math.Pi/2+s.ang, gs*0.13, s.ink, glyphOp, 0)
		}
		var star [][2]float64
		for i := range 10 {
			rr := s.r * 0.27
			if i%2 == 1 {
				rr *= 0.4
			}
			th := -math.Pi/2 + float64(i)*math.Pi/5
			x, y := rot(math.Cos(th)*rr, math.Sin(th)*rr)
			star = append(star, [2]float64{x, y})
		}
		c.poly(star, s.ink, glyphOp)
		for i := range 3 + rng.IntN(2) {
			x, y := rot((float64(i)-1.5)*s.r*0.2, s.r*0.5)
			c.glyph(rng, x, y, s.r*0.17, s.ang, s.r*0.022, s.ink, glyphOp, 0)
		}
	case Oval:
		rx, ry := s.r, s.r*0.68
		c.ring(s.cx, s.cy, rx, ry, s.ang, 0.9+0.3*rng.Float64(), s.ink, ringOp)
		c.ring(s.cx, s.cy, rx*0.9, ry*0.86, s.ang, 0.35, s.ink, ringOp)
		n := 8 + rng.IntN(5)
		for i := range n {
			th := -math.Pi/2 - 1.3 + 2.6*(float64(i)+0.5)/float64(n)
			x, y := rot(math.Cos(th)*rx*0.72, math.Sin(th)*ry*0.66)
			c.glyph(rng, x, y, ry*0.26, th+math.Pi/2+s.ang, 0.3, s.ink, glyphOp, 0)
		}
		for i := range 4 {
			x, y := rot((float64(i)-1.5)*rx*0.22, ry*0.25)
			c.glyph(rng, x, y, ry*0.28, s.ang, 0.32, s.ink, glyphOp, 0)
		}
	case Square:
		h := s.r
		var pts [][2]float64
		for _, p := range [][2]float64{{-h, -h}, {h, -h}, {h, h}, {-h, h}} {
			x, y := rot(p[0], p[1])
			pts = append(pts, [2]float64{x, y})
		}
		for i := range pts {
			a, b := pts[i], pts[(i+1)%4]
			c.line(a[0], a[1], b[0], b[1], h*0.14, s.ink, ringOp(float64(i)))
		}
		for _, p := range [][2]float64{{-0.45, -0.45}, {0.45, -0.45}, {-0.45, 0.45}, {0.45, 0.45}} {
			x, y := rot(p[0]*h, p[1]*h)
			c.glyph(rng, x, y, h*0.8, s.ang, h*0.13, s.ink, glyphOp, 0)
		}
	}
}

// handCircle is a pen circle drawn around something: thin, wobbly, open.
func (c *canvas) handCircle(rng *rand.Rand, cx, cy, r float64) {
	ph := rng.Float64() * 6
	steps := 48
	open := 0.3 * rng.Float64()
	var px, py float64
	for i := 0; i <= steps; i++ {
		th := ph + (2*math.Pi+open)*float64(i)/float64(steps)
		rr := r * (1 + 0.06*math.Sin(3*th+ph) + 0.03*rng.NormFloat64())
		x, y := cx+math.Cos(th)*rr*1.15, cy+math.Sin(th)*rr*0.9
		if i > 0 {
			c.line(px, py, x, y, 0.5, inkPen, 0.9)
		}
		px, py = x, y
	}
}

// tick is a red check mark.
func (c *canvas) tick(x, y, s float64) {
	c.line(x, y, x+s*0.35, y+s*0.4, 0.6, inkPen, 0.9)
	c.line(x+s*0.35, y+s*0.4, x+s, y-s*0.6, 0.6, inkPen, 0.9)
}

// readBox is a rectangular 「已阅」 stamp.
func (c *canvas) readBox(rng *rand.Rand, x, y float64) {
	w, h := 24+6*rng.Float64(), 10+3*rng.Float64()
	k := inkRed
	c.line(x, y, x+w, y, 0.8, k, 0.85)
	c.line(x+w, y, x+w, y+h, 0.8, k, 0.85)
	c.line(x+w, y+h, x, y+h, 0.8, k, 0.85)
	c.line(x, y+h, x, y, 0.8, k, 0.85)
	c.glyph(rng, x+w*0.3, y+h/2, h*0.65, 0, 0.6, k, 0.85, 0)
	c.glyph(rng, x+w*0.7, y+h/2, h*0.65, 0, 0.6, k, 0.85, 0)
}

// highlighter is a wide translucent stroke.
func (c *canvas) highlighter(x0, y0, x1 float64) {
	c.line(x0, y0, x1, y0+1, 5, rgb{1, 0.55, 0.75}, 0.45)
}

// paperClip is a red plastic-coated clip over the top edge.
func (c *canvas) paperClip(x, y float64) {
	k := rgb{0.85, 0.15, 0.15}
	w, l := 8.0, 32.0
	c.line(x, y, x, y+l, 1, k, 1)
	c.line(x+w, y+4, x+w, y+l-3, 1, k, 1)
	c.line(x+2, y+8, x+2, y+l-6, 1, k, 1)
	c.ring(x+w/2, y+l, w/2, w/2, 0, 1, k, func(th float64) float64 {
		if th < 0 {
			return 0
		}
		return 1
	})
	c.ring(x+w/2+1, y+4, w/2-1, 3, 0, 1, k, func(th float64) float64 {
		if th > 0 {
			return 0
		}
		return 1
	})
}
