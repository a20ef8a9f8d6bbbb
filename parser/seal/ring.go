package seal

import (
	"encoding/binary"
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

// mask is a binary plane, kept as inkBytes gives it: one byte per pixel,
// 1 for ink, with a border of inkPad pixels of 0 all round.
type mask struct {
	w, h int
	pw   int // w + 2·inkPad
	ink  []uint8
}

func (m *mask) at(x, y int) bool {
	return x >= 0 && y >= 0 && x < m.w && y < m.h && m.ink[(y+inkPad)*m.pw+x+inkPad] != 0
}

func (m *mask) atf(x, y float64) bool { return m.at(int(x), int(y)) }

// inkMask marks seal ink: red chroma on a colour page, any dark ink on a
// colourless one; the table's own rules are taken out so a red-ruled table
// is not one huge mark.
func inkMask(p *planes, t *table, colour bool) *mask {
	m := newMask(p.w, p.h)
	src, least := p.chroma, uint8(45)
	if !colour {
		src, least = p.dark, 100
	}
	// Eight pixels at a time: a word with no byte as large as least
	// (most of a page) leaves its eight bytes of the mask 0. Bit 7 of
	// each byte of (x&0x7f…)+(128−least) is set when its low 7 bits reach
	// least, and bit 7 of x when the byte is 128 or more; no carry
	// crosses bytes.
	const ones, high = 0x0101010101010101, 0x8080808080808080
	add := uint64(128-int(least)) * ones
	for y := range m.h {
		row, in := m.row(y), src[y*m.w:(y+1)*m.w]
		x := 0
		for ; x+8 <= len(in); x += 8 {
			if v := binary.LittleEndian.Uint64(in[x : x+8]); ((v&^high)+add|v)&high == 0 {
				continue
			}
			for k, v := range in[x : x+8] {
				row[x+k] = byte01(v >= least)
			}
		}
		for ; x < len(in); x++ {
			row[x] = byte01(in[x] >= least)
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
					m.ink[(y+inkPad)*m.pw+x+inkPad] = 0
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
// Votes go into cells of 2×2 pixels: a candidate centre needs no finer
// place (fitSeal finds the ring from it), and the smaller accumulator
// stays in cache.
func centres(src []uint8, w, h int, rmin, rmax float64) [][2]float64 {
	aw, ah := (w+1)/2, (h+1)/2
	acc := make([]int32, aw*ah)
	// A Sobel response of 120 needs a neighbour of at least 120/4/√2 ≈ 21:
	// stretches of 32 pixels of a row with no such value in them or in
	// the stretches around them (most of a page's chroma) are skipped
	// whole. strong says which stretches have one.
	const chunk = 32
	nc := (w + chunk - 1) / chunk
	strong := make([]bool, h*nc)
	for y := range h {
		row := src[y*w : (y+1)*w]
		for c := range nc {
			m := 0
			for _, v := range row[c*chunk : min((c+1)*chunk, w)] {
				m = max(m, int(v)) // over ints: no branch
			}
			strong[y*nc+c] = m > 20
		}
	}
	// One vote per 2 px of radius: a cell is 2 px wide.
	var rs []float64
	for r := rmin; r <= rmax; r += 2 {
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return nil
	}
	r0, r1 := rs[0], rs[len(rs)-1]
	fw, fh := float64(w), float64(h)
	in := func(x, y float64) bool { return x >= 0 && y >= 0 && x < fw && y < fh }
	for y := 1; y < h-1; y++ {
		for c := range nc {
			near := false
			for _, s := range [3][]bool{strong[(y-1)*nc : y*nc], strong[y*nc : (y+1)*nc], strong[(y+1)*nc : (y+2)*nc]} {
				for _, on := range s[max(0, c-1):min(nc, c+2)] {
					near = near || on
				}
			}
			if !near {
				continue
			}
			for x := max(1, c*chunk); x < min(w-1, (c+1)*chunk); x++ {
				i := y*w + x
				u, c, d := src[i-w-1:i-w+2:i-w+2], src[i-1:i+2:i+2], src[i+w-1:i+w+2:i+w+2]
				gx := int(u[2]) + 2*int(c[2]) + int(d[2]) - int(u[0]) - 2*int(c[0]) - int(d[0])
				gy := int(d[0]) + 2*int(d[1]) + int(d[2]) - int(u[0]) - 2*int(u[1]) - int(u[2])
				g2 := gx*gx + gy*gy
				if g2 < 120*120 {
					continue
				}
				g := math.Sqrt(float64(g2))
				dx, dy := float64(gx)/g, float64(gy)/g
				fx, fy := float64(x)+0.5, float64(y)+0.5
				// fx ± dx·r moves one way as r grows, so when the votes at
				// both ends of the radii fall on the page, all of them do.
				if in(fx+dx*r0, fy+dy*r0) && in(fx-dx*r0, fy-dy*r0) && in(fx+dx*r1, fy+dy*r1) && in(fx-dx*r1, fy-dy*r1) {
					for _, r := range rs {
						ox, oy := dx*r, dy*r
						acc[int(fy+oy)>>1*aw+int(fx+ox)>>1]++
						acc[int(fy-oy)>>1*aw+int(fx-ox)>>1]++
					}
					continue
				}
				for _, r := range rs {
					ox, oy := dx*r, dy*r
					if vx, vy := fx+ox, fy+oy; in(vx, vy) {
						acc[int(vy)/2*aw+int(vx)/2]++
					}
					if vx, vy := fx-ox, fy-oy; in(vx, vy) {
						acc[int(vy)/2*aw+int(vx)/2]++
					}
				}
			}
		}
	}
	// A 3×3 cell window is about the 7×7 pixel one the threshold of 40 was
	// set on, with half the votes.
	sm := boxBlur(acc, aw, ah, 1, 2)
	type peak struct {
		x, y int
		v    int32
	}
	var ps []peak
	nms := max(3, int(rmin*0.3))
	for y := nms; y < ah-nms; y++ {
		for x := nms; x < aw-nms; x++ {
			v := sm[y*aw+x]
			if v < 40 {
				continue
			}
			// A cell on the slope of a peak has a higher neighbour: the
			// eight next to it are looked at first.
			best := true
			for dy := -1; dy <= 1 && best; dy++ {
				for _, o := range sm[(y+dy)*aw+x-1 : (y+dy)*aw+x+2] {
					if o > v {
						best = false
						break
					}
				}
			}
			for dy := -nms; dy <= nms && best; dy++ {
				for _, o := range sm[(y+dy)*aw+x-nms : (y+dy)*aw+x+nms+1] {
					if o > v {
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
	slices.SortStableFunc(ps, func(a, b peak) int { return int(b.v - a.v) })
	var out [][2]float64
	for _, p := range ps[:min(len(ps), 80)] {
		// The centre is the votes' centroid over the peak's 3×3 cells.
		var sx, sy, n float64
		for y := p.y - 1; y <= p.y+1; y++ {
			for x := p.x - 1; x <= p.x+1; x++ {
				v := float64(acc[y*aw+x])
				sx += v * float64(2*x+1)
				sy += v * float64(2*y+1)
				n += v
			}
		}
		out = append(out, [2]float64{sx / n, sy / n})
	}
	return out
}

// boxBlur sums over a (2r+1)² window and divides by 2^shift. The sums are
// of vote counts, never negative, so the shift is the division (without
// the cost of dividing by a variable).
func boxBlur(a []int32, w, h, r int, shift uint) []int32 {
	// Running sums along rows, then down columns (all columns of a row at
	// once, so memory is read in order).
	tmp := make([]int32, len(a))
	for y := range h {
		row, o := a[y*w:(y+1)*w], tmp[y*w:(y+1)*w]
		var s int32
		for x := range min(r, w) {
			s += row[x]
		}
		for x := range w {
			if x+r < w {
				s += row[x+r]
			}
			if x-r-1 >= 0 {
				s -= row[x-r-1]
			}
			o[x] = s
		}
	}
	out := make([]int32, len(a))
	col := make([]int32, w)
	for y := range min(r, h) {
		for x, v := range tmp[y*w : (y+1)*w] {
			col[x] += v
		}
	}
	for y := range h {
		if y+r < h {
			for x, v := range tmp[(y+r)*w : (y+r+1)*w] {
				col[x] += v
			}
		}
		if y-r-1 >= 0 {
			for x, v := range tmp[(y-r-1)*w : (y-r)*w] {
				col[x] -= v
			}
		}
		o := out[y*w : (y+1)*w]
		for x, v := range col {
			o[x] = v >> shift
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

// fitConic fits A x² + B xy + C y² + D x + E y = 1 (points relative to
// origin o) and returns the ellipse, or false.
func fitConic(pts [][2]float64, ox, oy float64) (ellipse, bool) {
	var m [5][6]float64
	for _, p := range pts {
		x, y := p[0]-ox, p[1]-oy
		r := [5]float64{x * x, x * y, y * y, x, y}
		for i := range 5 {
			for j := i; j < 5; j++ {
				m[i][j] += r[i] * r[j]
			}
			m[i][5] += r[i]
		}
	}
	// The matrix is symmetric: each sum below the diagonal is the same
	// products in the same order as its mirror.
	for i := range 5 {
		for j := range i {
			m[i][j] = m[j][i]
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

// measure is an ellipse ready for many distances: its angle's sine and
// cosine, and the reciprocals of its axes, worked out once.
func (e ellipse) measure() ellipseDist {
	return ellipseDist{e: e, ca: math.Cos(e.ang), sa: math.Sin(e.ang), ia: 1 / e.a, ib: 1 / e.b}
}

type ellipseDist struct {
	e      ellipse
	ca, sa float64
	ia, ib float64
}

// within says whether dist(x, y) <= tol. RANSAC asks it some hundred
// thousand times a page, so it first compares the squares (one square
// root), then works the distance out with two square roots and
// multiplications where dist takes two hypotenuses and three divisions;
// each decides only when clear of tol by far more than the few ulps it
// differs from dist by, and dist itself decides the rest, so the answer is
// always dist's.
func (d ellipseDist) within(x, y, tol float64) bool {
	e := d.e
	dx, dy := x-e.cx, y-e.cy
	u, v := dx*d.ca+dy*d.sa, -dx*d.sa+dy*d.ca
	p, q := u*d.ia, v*d.ib
	if rho2 := p*p + q*q; rho2 > 0 {
		// Squared, the distance r·|ρ−1|/ρ against tol needs one square
		// root and no division; that settles it wherever it lands further
		// from tol than any rounding could move it (most points).
		rho := math.Sqrt(rho2)
		a, b := (u*u+v*v)*(rho-1)*(rho-1), tol*tol*rho2
		if a < b*(1-1e-4) {
			return true
		}
		if a > b*(1+1e-4) {
			return false
		}
		r := math.Sqrt(u*u + v*v)
		fast := math.Abs(r - r/rho)
		if math.Abs(fast-tol) > 1e-6*(1+tol) {
			return fast <= tol
		}
	}
	return d.dist(x, y) <= tol
}

// inside says whether (x, y) is within the ellipse scaled by s.
func (d ellipseDist) inside(x, y, s float64) bool {
	e := d.e
	dx, dy := x-e.cx, y-e.cy
	u, v := dx*d.ca+dy*d.sa, -dx*d.sa+dy*d.ca
	return (u*u)/(e.a*e.a*s*s)+(v*v)/(e.b*e.b*s*s) <= 1
}

// dist approximates the distance of (x, y) from the ellipse outline.
func (d ellipseDist) dist(x, y float64) float64 {
	e := d.e
	dx, dy := x-e.cx, y-e.cy
	u, v := dx*d.ca+dy*d.sa, -dx*d.sa+dy*d.ca
	rho := math.Hypot(u/e.a, v/e.b)
	r := math.Hypot(u, v)
	if rho == 0 {
		return math.Min(e.a, e.b)
	}
	return math.Abs(r - r/rho)
}
