package seal

import (
	"math"
	"testing"
)

// drawing is a chroma plane to paint red marks on, at the working
// resolution.
type drawing struct {
	p   *planes
	ppm float64
}

func newDrawing(wmm, hmm, ppm float64) *drawing {
	w, h := int(wmm*ppm), int(hmm*ppm)
	return &drawing{p: &planes{w: w, h: h, dark: make([]uint8, w*h), chroma: make([]uint8, w*h)}, ppm: ppm}
}

// paint inks every pixel for which in says so (arguments in mm).
func (d *drawing) paint(in func(x, y float64) bool) {
	for y := range d.p.h {
		for x := range d.p.w {
			if in((float64(x)+0.5)/d.ppm, (float64(y)+0.5)/d.ppm) {
				d.p.chroma[y*d.p.w+x] = 160
				d.p.dark[y*d.p.w+x] = 120
			}
		}
	}
}

// ring paints a circle of radius r(θ) and the given stroke width, in mm.
func (d *drawing) ring(cx, cy float64, r func(th float64) float64, width float64) {
	d.paint(func(x, y float64) bool {
		dist := math.Hypot(x-cx, y-cy)
		rr := r(math.Atan2(y-cy, x-cx))
		return dist <= rr && dist >= rr-width
	})
}

// strokes paints short bars around a circle of radius r, as arc text or
// handwriting in a circle: n of them over the given arc (radians).
func (d *drawing) strokes(cx, cy, r, from, arc float64, n int) {
	for k := range n {
		th := from + arc*(float64(k)+0.5)/float64(n)
		bx, by := cx+r*math.Cos(th), cy+r*math.Sin(th)
		d.paint(func(x, y float64) bool {
			u := (x-bx)*math.Cos(th) + (y-by)*math.Sin(th)
			v := -(x-bx)*math.Sin(th) + (y-by)*math.Cos(th)
			return math.Abs(u) <= 1.6 && math.Abs(v) <= 0.35
		})
	}
}

// TestRingJudged draws marks on an empty chroma plane and asks whether
// each, fitted from its true centre, is a sure seal. The marks are the
// red things on 初审表 pages that are not seals (issue 10), against seals
// that must stay sure; sizes are those of the marks in the synthetic
// pages (a 40 mm seal with a 1.2 mm ring, a 0.5 mm pen line).
func TestRingJudged(t *testing.T) {
	const ppm = 3.4 // the working resolution of an A4 page
	round := func(r float64) func(float64) float64 { return func(float64) float64 { return r } }
	cases := []struct {
		name string
		draw func(d *drawing)
		sure bool // a seal found with a sure confidence
	}{
		{"seal: ring, arc text and star", func(d *drawing) {
			d.ring(40, 40, round(20), 1.2)
			d.strokes(40, 40, 15.5, math.Pi*0.8, math.Pi*1.4, 14)
			d.paint(func(x, y float64) bool { return math.Hypot(x-40, y-40) < 3.5 })
		}, true},
		{"seal with a broken ring", func(d *drawing) {
			d.ring(40, 40, func(th float64) float64 {
				if math.Sin(3*th) > 0.75 {
					return 0 // a gap where the stamp did not print
				}
				return 20
			}, 1.2)
			d.strokes(40, 40, 15.5, math.Pi*0.8, math.Pi*1.4, 14)
			d.paint(func(x, y float64) bool { return math.Hypot(x-40, y-40) < 3.5 })
		}, true},
		{"hand-drawn pen circle round a note", func(d *drawing) {
			// One stroke of a 0.5 mm pen (0.6 mm as the scan spreads it),
			// an oval 28×22 mm whose radius wanders by 6 %, round a few
			// words in red pen.
			d.ring(40, 40, func(th float64) float64 {
				c, s := math.Cos(th)/14, math.Sin(th)/11
				return (1 + 0.06*math.Sin(3*th+1)) / math.Hypot(c, s)
			}, 0.6)
			d.strokes(40, 40, 6, math.Pi*0.9, math.Pi*1.2, 8)
			d.strokes(40, 40, 3, 0, math.Pi*2, 4)
		}, false},
		{"已阅 box with text", func(d *drawing) {
			// A 30×20 mm box of 0.9 mm lines with two characters in it.
			d.paint(func(x, y float64) bool {
				in := x >= 25 && x <= 55 && y >= 30 && y <= 50
				inner := x >= 25.9 && x <= 54.1 && y >= 30.9 && y <= 49.1
				return in && !inner
			})
			for _, c := range []float64{33, 47} {
				d.paint(func(x, y float64) bool {
					return (math.Abs(x-c) < 0.4 && math.Abs(y-40) < 5) || (math.Abs(y-40) < 0.4 && math.Abs(x-c) < 5) ||
						(math.Abs(y-36) < 0.4 && math.Abs(x-c) < 4) || (math.Abs(y-44) < 0.4 && math.Abs(x-c) < 4)
				})
			}
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newDrawing(80, 80, ppm)
			tc.draw(d)
			m := inkMask(d.p, nil, true)
			f, ok := fitSeal(m, d.p, 40*ppm, 40*ppm, ppm)
			sure := ok && f.conf >= Sure
			t.Logf("ok %v conf %.2f", ok, f.conf)
			if sure != tc.sure {
				t.Errorf("found %v, confidence %.2f; want sure %v", ok, f.conf, tc.sure)
			}
		})
	}
}
