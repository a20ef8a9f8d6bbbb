package sealtest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
)

// finish turns the drawn page into what a scanner or phone delivers.
func (p *page) finish() ([]byte, string) {
	c, rng := p.c, p.rng
	W, H := float64(c.w), float64(c.h)
	bg := rgb{0.98, 0.98, 0.98}
	// Damage on the paper itself: folds, punch holes.
	if p.is("scanner", "phone") {
		for range 1 + rng.IntN(2) {
			p.fold(20 + rng.Float64()*257)
		}
		p.note("fold")
	}
	adf := p.is("scanner") && rng.IntN(2) == 0
	if adf {
		bg = rgb{0.05, 0.05, 0.05}
		p.note("ADF border")
	}
	if p.is("scanner") && rng.IntN(2) == 0 {
		for _, y := range []float64{108, 188} {
			p.c.area(9-3, y-3, 9+3, y+3, func(x, yy int, mx, my float64) {
				if math.Hypot(mx-9, my-y) < 3 {
					i := (yy*c.w + x) * 3
					c.pix[i], c.pix[i+1], c.pix[i+2] = float32(bg.r), float32(bg.g), float32(bg.b)
				}
			})
		}
		p.note("punch holes")
	}

	// Geometry: page corners to output corners.
	quarter, skew, persp := 0, 0.0, 0.0
	ow, oh := W, H
	scale, offx, offy := 1.0, 0.0, 0.0
	switch p.cs.Class {
	case "geometry":
		quarter = []int{0, 0, 90, 180, 270}[rng.IntN(5)]
		skew = (rng.Float64()*2 - 1) * 5
		persp = 0.02 * rng.Float64()
	case "phone":
		quarter = []int{0, 0, 0, 90}[rng.IntN(4)]
		skew = (rng.Float64()*2 - 1) * 4
		persp = 0.03 + 0.04*rng.Float64()
		scale, bg = 0.8, rgb{0.35, 0.3, 0.26}
	case "scanner", "layout", "distractors":
		skew = (rng.Float64()*2 - 1) * 2
	default:
		skew = (rng.Float64()*2 - 1) * 0.8
	}
	if adf {
		scale = 0.96
		offx, offy = (rng.Float64()-0.5)*0.02*W, (rng.Float64()-0.5)*0.02*H
	}
	if quarter == 90 || quarter == 270 {
		ow, oh = H, W
	}
	p.truth.Rotation, p.truth.Skew = quarter, skew
	src := [4][2]float64{{0, 0}, {W, 0}, {W, H}, {0, H}}
	var dst [4][2]float64
	for i, s := range src {
		x, y := s[0], s[1]
		switch quarter {
		case 90:
			x, y = H-s[1], s[0]
		case 180:
			x, y = W-s[0], H-s[1]
		case 270:
			x, y = s[1], W-s[0]
		}
		// scale about the centre, skew, perspective jitter
		cx, cy := ow/2, oh/2
		x, y = (x-cx)*scale, (y-cy)*scale
		a := skew * math.Pi / 180
		x, y = x*math.Cos(a)-y*math.Sin(a), x*math.Sin(a)+y*math.Cos(a)
		x += cx + offx + (rng.Float64()*2-1)*persp*ow
		y += cy + offy + (rng.Float64()*2-1)*persp*oh
		dst[i] = [2]float64{x, y}
	}
	fwd := homography(src, dst)
	inv := invert3(fwd)
	out := image.NewRGBA(image.Rect(0, 0, int(ow), int(oh)))
	shade := 0.0
	if p.is("scanner", "phone") {
		shade = 0.1 + 0.2*rng.Float64()
	}
	sx, sy := rng.Float64(), rng.Float64()
	noise := uint64(rng.Uint64())
	streak := -1
	if p.is("scanner") && rng.IntN(2) == 0 {
		streak = rng.IntN(int(ow))
		p.note("scanner streak")
	}
	for y := 0; y < int(oh); y++ {
		for x := 0; x < int(ow); x++ {
			u, v := apply(inv, float64(x)+0.5, float64(y)+0.5)
			r, g, b := c.sample(u, v, bg)
			if shade > 0 {
				d := math.Hypot(float64(x)/ow-sx, float64(y)/oh-sy)
				f := 1 - shade*d*d
				r, g, b = r*f, g*f, b*f
			}
			if x == streak || x == streak+1 {
				r, g, b = r*0.95, g*0.7, b*0.8
			}
			noise = noise*6364136223846793005 + 1442695040888963407
			n := (float64(noise>>40)/float64(1<<24) - 0.5) * 0.04
			i := out.PixOffset(x, y)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = to8(float32(r+n)), to8(float32(g+n)), to8(float32(b+n)), 255
		}
	}
	if p.is("phone") {
		out = blur(out)
	}
	// Truth seals in output pixels.
	for i, m := range p.marks {
		x, y := apply(fwd, m.cx*c.px, m.cy*c.px)
		x2, y2 := apply(fwd, (m.cx+m.r)*c.px, m.cy*c.px)
		p.truth.Seals = append(p.truth.Seals, SealTruth{X: x, Y: y, R: math.Hypot(x2-x, y2-y), Kind: m.kind, Row: p.cs.Roles[p.markRow[i]]})
	}
	colourless := p.is("grey", "bitonal")
	if colourless {
		for i := range p.truth.Rows {
			// Colour is gone: a careful answer is doubtful everywhere.
			p.truth.Rows[i].NullOK = true
			if p.truth.Rows[i].Stamped {
				p.truth.Rows[i].Want = nil
			}
		}
	}
	var buf bytes.Buffer
	switch {
	case p.is("grey"):
		g := image.NewGray(out.Bounds())
		for i := range g.Pix {
			j := i * 4
			g.Pix[i] = uint8((299*int(out.Pix[j]) + 587*int(out.Pix[j+1]) + 114*int(out.Pix[j+2])) / 1000)
		}
		jpeg.Encode(&buf, g, &jpeg.Options{Quality: 60 + rng.IntN(30)})
		return buf.Bytes(), "jpg"
	case p.is("bitonal"):
		pal := image.NewPaletted(out.Bounds(), color.Palette{color.Gray{0}, color.Gray{255}})
		for i := range pal.Pix {
			j := i * 4
			l := (299*int(out.Pix[j]) + 587*int(out.Pix[j+1]) + 114*int(out.Pix[j+2])) / 1000
			if l > 150 {
				pal.Pix[i] = 1
			}
		}
		png.Encode(&buf, pal)
		return buf.Bytes(), "png"
	}
	q := 85 + rng.IntN(10)
	if p.is("scanner") {
		q = 50 + rng.IntN(45)
	}
	if p.is("phone") {
		q = 70 + rng.IntN(20)
	}
	if p.is("layout") && rng.IntN(3) == 0 {
		png.Encode(&buf, out)
		return buf.Bytes(), "png"
	}
	jpeg.Encode(&buf, out, &jpeg.Options{Quality: q})
	return buf.Bytes(), "jpg"
}

// fold lightens a band across the page, wearing off ink, with a crease line.
func (p *page) fold(y float64) {
	c := p.c
	horizontal := p.rng.IntN(2) == 0
	c.area(0, 0, 210, 297, func(x, yy int, mx, my float64) {
		d := math.Abs(my - y)
		if !horizontal {
			d = math.Abs(mx - y*210/297)
		}
		if d > 1.2 {
			return
		}
		i := (yy*c.w + x) * 3
		e := float32(0.65 * (1 - d/1.2))
		for k := range 3 {
			c.pix[i+k] = c.pix[i+k]*(1-e) + 0.9*e
		}
		if d < 0.15 {
			for k := range 3 {
				c.pix[i+k] *= 0.8
			}
		}
	})
}

// sample reads the canvas bilinearly at pixel coordinates.
func (c *canvas) sample(u, v float64, bg rgb) (float64, float64, float64) {
	u, v = u-0.5, v-0.5
	x0, y0 := int(math.Floor(u)), int(math.Floor(v))
	if x0 < 0 || y0 < 0 || x0+1 >= c.w || y0+1 >= c.h {
		return bg.r, bg.g, bg.b
	}
	fx, fy := float32(u-float64(x0)), float32(v-float64(y0))
	i := (y0*c.w + x0) * 3
	j := i + c.w*3
	var out [3]float64
	for k := range 3 {
		a := c.pix[i+k]*(1-fx) + c.pix[i+3+k]*fx
		b := c.pix[j+k]*(1-fx) + c.pix[j+3+k]*fx
		out[k] = float64(a*(1-fy) + b*fy)
	}
	return out[0], out[1], out[2]
}

func blur(img *image.RGBA) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(b)
	w, h := b.Dx(), b.Dy()
	for y := range h {
		for x := range w {
			var s [3]int
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := x+dx, y+dy
					if xx < 0 || yy < 0 || xx >= w || yy >= h {
						continue
					}
					i := img.PixOffset(xx, yy)
					s[0] += int(img.Pix[i])
					s[1] += int(img.Pix[i+1])
					s[2] += int(img.Pix[i+2])
					n++
				}
			}
			i := out.PixOffset(x, y)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = uint8(s[0]/n), uint8(s[1]/n), uint8(s[2]/n), 255
		}
	}
	return out
}

type mat3 [9]float64

func apply(m mat3, x, y float64) (float64, float64) {
	w := m[6]*x + m[7]*y + m[8]
	return (m[0]*x + m[1]*y + m[2]) / w, (m[3]*x + m[4]*y + m[5]) / w
}

// homography solves the projective map taking src[i] to dst[i].
func homography(src, dst [4][2]float64) mat3 {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := src[i][0], src[i][1], dst[i][0], dst[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for col := range 8 {
		piv := col
		for r := col + 1; r < 8; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[piv][col]) {
				piv = r
			}
		}
		a[col], a[piv] = a[piv], a[col]
		for r := range 8 {
			if r == col {
				continue
			}
			f := a[r][col] / a[col][col]
			for k := col; k < 9; k++ {
				a[r][k] -= f * a[col][k]
			}
		}
	}
	var m mat3
	for i := range 8 {
		m[i] = a[i][8] / a[i][i]
	}
	m[8] = 1
	return m
}

func invert3(m mat3) mat3 {
	a, b, c, d, e, f, g, h, i := m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
	det := a*(e*i-f*h) - b*(d*i-f*g) + c*(d*h-e*g)
	return mat3{
		(e*i - f*h) / det, (c*h - b*i) / det, (b*f - c*e) / det,
		(f*g - d*i) / det, (a*i - c*g) / det, (c*d - a*f) / det,
		(d*h - e*g) / det, (b*g - a*h) / det, (a*e - b*d) / det,
	}
}
