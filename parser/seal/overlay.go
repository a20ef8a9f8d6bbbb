package seal

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
)

// overlayLong is the long side of an overlay; larger pages are scaled down.
const overlayLong = 1800

// Overlay draws what Analyze saw on the page image: each located review row
// banded (green: stamped, orange: not stamped, yellow: doubtful) and
// numbered in profile order, each seal ringed in blue and labelled with its
// kind, confidence and row number. A page whose rows were not located gets
// a red frame. The result is at most overlayLong pixels on its long side.
func Overlay(img image.Image, p Page) *image.RGBA {
	b := img.Bounds()
	s := math.Min(1, overlayLong/float64(max(b.Dx(), b.Dy())))
	w, h := max(1, int(float64(b.Dx())*s)), max(1, int(float64(b.Dy())*s))
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(out, out.Bounds(), img, b, draw.Src, nil)
	rowNo := map[string]int{}
	for i, r := range p.Rows {
		rowNo[r.Role] = i + 1
	}
	for i, bd := range p.Bands {
		var row Row
		if i < len(p.Rows) {
			row = p.Rows[i]
		}
		fill := color.RGBA{255, 200, 0, 255} // doubtful
		verdict := "不确定"
		if row.Stamped != nil && *row.Stamped {
			fill, verdict = color.RGBA{0, 200, 80, 255}, "已盖章"
		} else if row.Stamped != nil {
			fill, verdict = color.RGBA{255, 120, 0, 255}, "未盖章"
		}
		var pts [4][2]float64
		for k, c := range bd.Corners {
			pts[k] = [2]float64{c[0] * s, c[1] * s}
		}
		tint(out, pts, fill, 0.18)
		for k := range 4 {
			a, c := pts[k], pts[(k+1)%4]
			segment(out, a[0], a[1], c[0], c[1], 2, fill)
		}
		label(out, int(pts[0][0])+4, int(pts[0][1])+14, fmt.Sprintf("第%d栏 %s %.2f", i+1, verdict, row.Confidence), color.RGBA{0, 90, 40, 255})
	}
	if !p.RowsFound() {
		for _, q := range [][4]float64{{0, 0, float64(w), 0}, {float64(w), 0, float64(w), float64(h)}, {float64(w), float64(h), 0, float64(h)}, {0, float64(h), 0, 0}} {
			segment(out, q[0], q[1], q[2], q[3], 6, color.RGBA{220, 0, 0, 255})
		}
		label(out, 10, 20, "未找到审核栏（S05）", color.RGBA{200, 0, 0, 255})
	}
	for _, sl := range p.Seals {
		cx, cy, r := sl.X*s, sl.Y*s, sl.R*s
		blue := color.RGBA{0, 60, 255, 255}
		for k := range 72 {
			t0, t1 := float64(k)*math.Pi/36, float64(k+1)*math.Pi/36
			segment(out, cx+r*math.Cos(t0), cy+r*math.Sin(t0), cx+r*math.Cos(t1), cy+r*math.Sin(t1), 3, blue)
		}
		where := "栏外"
		if n := rowNo[sl.Row]; n > 0 {
			where = fmt.Sprintf("第%d栏", n)
		}
		label(out, int(cx-r), int(cy-r)-4, fmt.Sprintf("%s %.2f %s", kindLabel(sl.Kind), sl.Confidence, where), blue)
	}
	return out
}

// tint blends colour c over the convex quadrilateral pts.
func tint(img *image.RGBA, pts [4][2]float64, c color.RGBA, a float64) {
	x0, y0, x1, y1 := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
	for _, p := range pts {
		x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	b := img.Bounds()
	for y := max(b.Min.Y, int(y0)); y <= min(b.Max.Y-1, int(y1)); y++ {
		for x := max(b.Min.X, int(x0)); x <= min(b.Max.X-1, int(x1)); x++ {
			if !inQuad(pts, float64(x)+0.5, float64(y)+0.5) {
				continue
			}
			i := img.PixOffset(x, y)
			img.Pix[i] = uint8(float64(img.Pix[i])*(1-a) + float64(c.R)*a)
			img.Pix[i+1] = uint8(float64(img.Pix[i+1])*(1-a) + float64(c.G)*a)
			img.Pix[i+2] = uint8(float64(img.Pix[i+2])*(1-a) + float64(c.B)*a)
		}
	}
}

func inQuad(pts [4][2]float64, x, y float64) bool {
	sign := 0.0
	for k := range 4 {
		a, b := pts[k], pts[(k+1)%4]
		c := (b[0]-a[0])*(y-a[1]) - (b[1]-a[1])*(x-a[0])
		if c != 0 {
			if sign != 0 && (c > 0) != (sign > 0) {
				return false
			}
			sign = c
		}
	}
	return true
}

// segment draws a thick line.
func segment(img *image.RGBA, x0, y0, x1, y1, wd float64, c color.RGBA) {
	n := int(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))) + 1
	r := int(wd / 2)
	b := img.Bounds()
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		x, y := int(x0+(x1-x0)*t), int(y0+(y1-y0)*t)
		for dy := -r; dy <= r; dy++ {
			for dx := -r; dx <= r; dx++ {
				if (image.Point{x + dx, y + dy}).In(b) {
					img.SetRGBA(x+dx, y+dy, c)
				}
			}
		}
	}
}

// kindLabel names a seal's kind as the overlay shows it.
func kindLabel(kind string) string {
	switch kind {
	case KindRound:
		return "公章"
	case KindOval:
		return "专用章"
	case KindSquare:
		return "名章"
	}
	return "疑似印章"
}
