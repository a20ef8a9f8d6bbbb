package seal

import (
	"math"
	"slices"
)

// Kinds of mark.
const (
	KindRound  = "round"  // 公章: a ring with arc text and a star
	KindOval   = "oval"   // 专用章 (财务、合同…): an elliptic ring
	KindSquare = "square" // 名章: a person's seal, not a unit's
)

// found is a seal on the upright page, in upright pixels.
type found struct {
	cx, cy, a, b, ang float64 // ellipse: centre, semi-axes, angle of a
	kind              string
	conf              float64
}

// sizes, in millimetres, of the marks looked for.
const (
	minSemi  = 9.0  // smallest semi-axis (an oval's minor one)
	maxSemi  = 27.0 // largest semi-axis (a 50 mm seal, a little spread)
	minMajor = 12.0
)

// mask is a binary plane.
type mask struct {
	w, h int
	on   []bool
}

func (m *mask) at(x, y int) bool {
	return x >= 0 && y >= 0 && x < m.w && y < m.h && m.on[y*m.w+x]
}

func (m *mask) atf(x, y float64) bool { return m.at(int(x), int(y)) }

// inkMask marks seal ink: red chroma on a colour page, any dark ink on a
// colourless one; the table's own rules are taken out so a red-ruled table
// is not one huge mark.
func inkMask(p *planes, t *table, colour bool) *mask {
	m := &mask{w: p.w, h: p.h, on: make([]bool, p.w*p.h)}
	for i := range m.on {
		if colour {
			m.on[i] = p.chroma[i] >= 45
		} else {
			m.on[i] = p.dark[i] >= 100
		}
	}
	if t == nil {
		return m
	}
	clearLine := func(l line, vertical bool) {
		for s := int(l.lo); s <= int(l.hi); s++ {
			c := l.at(float64(s))
			for d := -2; d <= 2; d++ {
				x, y := s, int(math.Round(c))+d
				if vertical {
					x, y = y, x
				}
				if x >= 0 && y >= 0 && x < m.w && y < m.h {
					m.on[y*m.w+x] = false
				}
			}
		}
	}
	for _, l := range t.hs {
		clearLine(l, false)
	}
	for _, l := range t.vs {
		clearLine(l, true)
	}
	return m
}

// centres votes for ring centres along the ink's edge normals (a circular
// Hough transform using the gradient), and returns the strongest peaks.
func centres(src []uint8, w, h int, rmin, rmax float64) [][2]float64 {
	acc := make([]int32, w*h)
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			i := y*w + x
			gx := int(src[i-w+1]) + 2*int(src[i+1]) + int(src[i+w+1]) - int(src[i-w-1]) - 2*int(src[i-1]) - int(src[i+w-1])
			gy := int(src[i+w-1]) + 2*int(src[i+w]) + int(src[i+w+1]) - int(src[i-w-1]) - 2*int(src[i-w]) - int(src[i-w+1])
			g2 := gx*gx + gy*gy
			if g2 < 120*120 {
				continue
			}
			g := math.Sqrt(float64(g2))
			dx, dy := float64(gx)/g, float64(gy)/g
			for r := rmin; r <= rmax; r += 1 {
				for _, sgn := range [2]float64{1, -1} {
					vx, vy := int(float64(x)+sgn*dx*r), int(float64(y)+sgn*dy*r)
					if vx >= 0 && vy >= 0 && vx < w && vy < h {
						acc[vy*w+vx]++
					}
				}
			}
		}
	}
	sm := boxBlur(acc, w, h, 3)
	type peak struct {
		x, y int
		v    int32
	}
	var ps []peak
	nms := max(6, int(rmin*0.6)) &^ 1 // even: the scan and the window both step by 2
	for y := nms; y < h-nms; y += 2 {
		for x := nms; x < w-nms; x += 2 {
			v := sm[y*w+x]
			if v < 40 {
				continue
			}
			best := true
			for dy := -nms; dy <= nms && best; dy += 2 {
				for dx := -nms; dx <= nms; dx += 2 {
					if sm[(y+dy)*w+x+dx] > v {
						best = false
						break
					}
				}
			}
			if best {
				ps = append(ps, peak{x, y, v})
			}
		}
	}
	slices.SortFunc(ps, func(a, b peak) int { return int(b.v - a.v) })
	var out [][2]float64
	for _, p := range ps[:min(len(ps), 80)] {
		out = append(out, [2]float64{float64(p.x), float64(p.y)})
	}
	return out
}

// boxBlur averages over a (2r+1)² window (sums, not divided).
func boxBlur(a []int32, w, h, r int) []int32 {
	tmp := make([]int32, len(a))
	for y := range h {
		var s int32
		for x := -r; x < w; x++ {
			if x+r < w {
				s += a[y*w+x+r]
			}
			if x-r-1 >= 0 {
				s -= a[y*w+x-r-1]
			}
			if x >= 0 {
				tmp[y*w+x] = s
			}
		}
	}
	out := make([]int32, len(a))
	for x := range w {
		var s int32
		for y := -r; y < h; y++ {
			if y+r < h {
				s += tmp[(y+r)*w+x]
			}
			if y-r-1 >= 0 {
				s -= tmp[(y-r-1)*w+x]
			}
			if y >= 0 {
				out[y*w+x] = s / int32((2*r+1)*(2*r+1)/4+1)
			}
		}
	}
	return out
}

// ellipse is a fitted ring.
type ellipse struct{ cx, cy, a, b, ang float64 }

// point on the ellipse at parameter t.
func (e ellipse) point(t, scale float64) (float64, float64) {
	ca, sa := math.Cos(e.ang), math.Sin(e.ang)
	u, v := e.a*scale*math.Cos(t), e.b*scale*math.Sin(t)
	return e.cx + u*ca - v*sa, e.cy + u*sa + v*ca
}

// inside says whether (x, y) is within the ellipse scaled by s.
func (e ellipse) inside(x, y, s float64) bool {
	ca, sa := math.Cos(e.ang), math.Sin(e.ang)
	dx, dy := x-e.cx, y-e.cy
	u, v := dx*ca+dy*sa, -dx*sa+dy*ca
	return (u*u)/(e.a*e.a*s*s)+(v*v)/(e.b*e.b*s*s) <= 1
}

// fitConic fits A x² + B xy + C y² + D x + E y = 1 (points relative to
// origin o) and returns the ellipse, or false.
func fitConic(pts [][2]float64, ox, oy float64) (ellipse, bool) {
	var m [5][6]float64
	for _, p := range pts {
		x, y := p[0]-ox, p[1]-oy
		r := [5]float64{x * x, x * y, y * y, x, y}
		for i := range 5 {
			for j := range 5 {
				m[i][j] += r[i] * r[j]
			}
			m[i][5] += r[i]
		}
	}
	for c := range 5 {
		piv := c
		for r := c + 1; r < 5; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[piv][c]) {
				piv = r
			}
		}
		m[c], m[piv] = m[piv], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			return ellipse{}, false
		}
		for r := range 5 {
			if r != c {
				f := m[r][c] / m[c][c]
				for k := c; k < 6; k++ {
					m[r][k] -= f * m[c][k]
				}
			}
		}
	}
	A, B, C, D, E := m[0][5]/m[0][0], m[1][5]/m[1][1], m[2][5]/m[2][2], m[3][5]/m[3][3], m[4][5]/m[4][4]
	F := -1.0
	det := 4*A*C - B*B
	if det <= 0 {
		return ellipse{}, false
	}
	x0 := (B*E - 2*C*D) / det
	y0 := (B*D - 2*A*E) / det
	// Value at the centre gives the scale.
	f0 := A*x0*x0 + B*x0*y0 + C*y0*y0 + D*x0 + E*y0 + F
	if f0 >= 0 {
		return ellipse{}, false
	}
	ang := 0.5 * math.Atan2(B, A-C)
	ca, sa := math.Cos(ang), math.Sin(ang)
	// Coefficients in the rotated frame.
	ap := A*ca*ca + B*ca*sa + C*sa*sa
	cp := A*sa*sa - B*ca*sa + C*ca*ca
	if ap <= 0 || cp <= 0 {
		return ellipse{}, false
	}
	a, b := math.Sqrt(-f0/ap), math.Sqrt(-f0/cp)
	if b > a {
		a, b = b, a
		ang += math.Pi / 2
	}
	return ellipse{cx: x0 + ox, cy: y0 + oy, a: a, b: b, ang: ang}, true
}

// dist approximates the distance of (x, y) from the ellipse outline.
func (e ellipse) dist(x, y float64) float64 {
	ca, sa := math.Cos(e.ang), math.Sin(e.ang)
	dx, dy := x-e.cx, y-e.cy
	u, v := dx*ca+dy*sa, -dx*sa+dy*ca
	rho := math.Hypot(u/e.a, v/e.b)
	r := math.Hypot(u, v)
	if rho == 0 {
		return math.Min(e.a, e.b)
	}
	return math.Abs(r - r/rho)
}
