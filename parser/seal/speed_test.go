package seal

import (
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

// TestWithinIsDist checks the fast inlier test against dist itself, on
// points scattered around random ellipses and on points placed right at
// the tolerance, where the two ways of working the distance out differ in
// their last bits.
func TestWithinIsDist(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const tol = 2.5
	near := 0
	for range 2000 {
		a := 5 + rng.Float64()*200
		e := ellipse{cx: rng.Float64() * 600, cy: rng.Float64() * 800, a: a, b: a * (0.3 + 0.7*rng.Float64()), ang: rng.Float64() * 2 * math.Pi}
		d := e.measure()
		for range 50 {
			th := rng.Float64() * 2 * math.Pi
			x, y := e.point(th, 1)
			// Along the ray from the centre, so dist is the radial gap.
			s := 1 + (rng.Float64()*2-1)*4/e.b
			if rng.IntN(2) == 0 {
				r := math.Hypot(x-e.cx, y-e.cy)
				s = 1 + tol/r*[]float64{-1, 1}[rng.IntN(2)]*(1+(rng.Float64()-0.5)*1e-12)
			}
			px, py := e.cx+(x-e.cx)*s, e.cy+(y-e.cy)*s
			want := d.dist(px, py) <= tol
			if got := d.within(px, py, tol); got != want {
				t.Fatalf("ellipse %+v point (%v, %v): within %v, dist %v (%v)", e, px, py, got, want, d.dist(px, py))
			}
			if math.Abs(d.dist(px, py)-tol) < 1e-9 {
				near++
			}
		}
	}
	if near < 1000 {
		t.Fatalf("only %d points at the tolerance", near)
	}
	// The centre itself, and a degenerate ellipse.
	for _, e := range []ellipse{{cx: 10, cy: 10, a: 3, b: 2}, {cx: 0, cy: 0, a: math.Inf(1), b: 1}} {
		d := e.measure()
		if got, want := d.within(e.cx, e.cy, tol), d.dist(e.cx, e.cy) <= tol; got != want {
			t.Fatalf("%+v centre: within %v, dist %v", e, got, want)
		}
	}
}

// TestYCCToRGB checks the branchless conversion against the standard
// library's on every input.
func TestYCCToRGB(t *testing.T) {
	for i := range 1 << 24 {
		y, cb, cr := uint8(i>>16), uint8(i>>8), uint8(i)
		r, g, b := yccToRGB(y, cb, cr)
		if wr, wg, wb := color.YCbCrToRGB(y, cb, cr); r != wr || g != wg || b != wb {
			t.Fatalf("YCbCr %d %d %d: %d %d %d, want %d %d %d", y, cb, cr, r, g, b, wr, wg, wb)
		}
	}
}

// TestInkMaskWords checks inkMask's eight-at-a-time test against the
// threshold itself, on planes with values at and around the thresholds
// and widths that are not a multiple of eight.
func TestInkMaskWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vals := []uint8{0, 1, 44, 45, 46, 99, 100, 101, 127, 128, 129, 200, 255}
	for _, w := range []int{1, 7, 8, 9, 61} {
		h := 13
		p := &planes{w: w, h: h, dark: make([]uint8, w*h), chroma: make([]uint8, w*h)}
		for i := range p.dark {
			if rng.IntN(3) > 0 { // runs of paper, as on a page
				p.dark[i], p.chroma[i] = vals[rng.IntN(len(vals))], vals[rng.IntN(len(vals))]
			}
		}
		for _, colour := range []bool{true, false} {
			m := inkMask(p, nil, colour)
			for y := range h {
				for x := range w {
					want := p.dark[y*w+x] >= 100
					if colour {
						want = p.chroma[y*w+x] >= 45
					}
					if m.at(x, y) != want {
						t.Fatalf("w %d colour %v (%d, %d): %v, want %v", w, colour, x, y, m.at(x, y), want)
					}
				}
			}
		}
	}
}

// TestTranspose checks the blockwise transpose against the definition on
// sizes with and without whole blocks.
func TestTranspose(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {8, 8}, {16, 8}, {9, 17}, {23, 40}, {64, 7}} {
		w, h := sz[0], sz[1]
		p := make([]uint8, w*h)
		for i := range p {
			p[i] = uint8(i*37 + i/7)
		}
		out := transpose(p, w, h)
		for y := range h {
			for x := range w {
				if out[x*h+y] != p[y*w+x] {
					t.Fatalf("%d×%d: (%d, %d) is %d, want %d", w, h, x, y, out[x*h+y], p[y*w+x])
				}
			}
		}
	}
}
