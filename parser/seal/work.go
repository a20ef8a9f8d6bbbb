package seal

import (
	"image"
	"image/color"
	"math"
)

// workLong is the long side, in pixels, of the reduced page the analysis
// runs on: about 85 dpi for A4, where a 0.3 mm rule is still a dark line and
// a 40 mm seal is a 130-pixel ring, at a tenth of the pixels of a 300 dpi scan.
const workLong = 1000

// raster is a small RGB image, three bytes per pixel.
type raster struct {
	w, h int
	pix  []uint8
}

func newRaster(w, h int) *raster { return &raster{w: w, h: h, pix: make([]uint8, w*h*3)} }

// reduce box-filters img down by an integer factor so the long side is
// about workLong. It reads the decoder's own pixel layout where it can
// (YCbCr from JPEG, grey, paletted, RGBA), which keeps it cheap next to the
// decode itself. colour is false when the image has no colour channels.
func reduce(img image.Image) (r *raster, f int, colour bool) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	f = max(1, int(math.Round(float64(max(w, h))/workLong)))
	ow, oh := max(1, w/f), max(1, h/f)
	r = newRaster(ow, oh)
	sum := make([]uint32, ow*3)
	row := make([]uint8, w*3)
	colour = true
	switch m := img.(type) {
	case *image.Gray, *image.Gray16:
		colour = false
	case *image.Paletted:
		colour = false
		for _, c := range m.Palette {
			cr, cg, cb, _ := c.RGBA()
			if cr != cg || cg != cb {
				colour = true
			}
		}
	case *image.YCbCr:
		if len(m.Cb) == 0 {
			colour = false
		}
	}
	n := uint32(f * f)
	for oy := range oh {
		clear(sum)
		for dy := range f {
			readRow(img, b.Min.Y+oy*f+dy, row)
			for ox := range ow {
				s := sum[ox*3 : ox*3+3]
				for dx := range f {
					i := (ox*f + dx) * 3
					s[0] += uint32(row[i])
					s[1] += uint32(row[i+1])
					s[2] += uint32(row[i+2])
				}
			}
		}
		o := r.pix[oy*ow*3:]
		for i := range ow * 3 {
			o[i] = uint8(sum[i] / n)
		}
	}
	return r, f, colour
}

// readRow writes row y of img as RGB bytes.
func readRow(img image.Image, y int, out []uint8) {
	b := img.Bounds()
	w := b.Dx()
	switch m := img.(type) {
	case *image.YCbCr:
		yi := (y - m.Rect.Min.Y) * m.YStride
		for x := range w {
			yy := m.Y[yi+x]
			if len(m.Cb) == 0 {
				out[x*3], out[x*3+1], out[x*3+2] = yy, yy, yy
				continue
			}
			ci := m.COffset(b.Min.X+x, y)
			rr, gg, bb := color.YCbCrToRGB(yy, m.Cb[ci], m.Cr[ci])
			out[x*3], out[x*3+1], out[x*3+2] = rr, gg, bb
		}
	case *image.Gray:
		p := m.Pix[(y-m.Rect.Min.Y)*m.Stride:]
		for x := range w {
			v := p[x]
			out[x*3], out[x*3+1], out[x*3+2] = v, v, v
		}
	case *image.RGBA:
		p := m.Pix[(y-m.Rect.Min.Y)*m.Stride:]
		for x := range w {
			out[x*3], out[x*3+1], out[x*3+2] = p[x*4], p[x*4+1], p[x*4+2]
		}
	case *image.NRGBA:
		p := m.Pix[(y-m.Rect.Min.Y)*m.Stride:]
		for x := range w {
			a := uint32(p[x*4+3])
			// composite over white paper
			out[x*3] = uint8((uint32(p[x*4])*a + 255*(255-a)) / 255)
			out[x*3+1] = uint8((uint32(p[x*4+1])*a + 255*(255-a)) / 255)
			out[x*3+2] = uint8((uint32(p[x*4+2])*a + 255*(255-a)) / 255)
		}
	case *image.Paletted:
		var pal [256][3]uint8
		for i, c := range m.Palette {
			cr, cg, cb, _ := c.RGBA()
			pal[i] = [3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}
		}
		p := m.Pix[(y-m.Rect.Min.Y)*m.Stride:]
		for x := range w {
			c := pal[p[x]]
			out[x*3], out[x*3+1], out[x*3+2] = c[0], c[1], c[2]
		}
	default:
		for x := range w {
			cr, cg, cb, ca := img.At(b.Min.X+x, y).RGBA()
			// composite over white
			inv := 0xffff - ca
			out[x*3] = uint8((cr + inv) >> 8)
			out[x*3+1] = uint8((cg + inv) >> 8)
			out[x*3+2] = uint8((cb + inv) >> 8)
		}
	}
}

// planes is the page normalised by its paper: ink darkness 0 (paper) to
// 255 (black), and red chroma 0 (none) to 255 (pure seal red).
type planes struct {
	w, h   int
	dark   []uint8
	chroma []uint8
}

// normalise divides each channel by the local paper colour, so yellowed
// paper, scanner shading and a phone's uneven light all become white, then
// measures darkness and redness.
func normalise(r *raster) *planes {
	const blk = 24
	bw, bh := (r.w+blk-1)/blk, (r.h+blk-1)/blk
	bg := make([][3]float32, bw*bh)
	// Paper colour per block: a high percentile of each channel.
	var hist [3][256]int
	for by := range bh {
		for bx := range bw {
			hist = [3][256]int{}
			n := 0
			for y := by * blk; y < min(r.h, (by+1)*blk); y++ {
				for x := bx * blk; x < min(r.w, (bx+1)*blk); x++ {
					i := (y*r.w + x) * 3
					hist[0][r.pix[i]]++
					hist[1][r.pix[i+1]]++
					hist[2][r.pix[i+2]]++
					n++
				}
			}
			for c := range 3 {
				k, acc := 255, 0
				for ; k > 0; k-- {
					acc += hist[c][k]
					if acc*10 >= n {
						break
					}
				}
				bg[by*bw+bx][c] = float32(k)
			}
		}
	}
	// A block that is all ink (a seal, a black border) takes its
	// neighbours' paper: max over 5x5 blocks.
	sm := make([][3]float32, len(bg))
	for by := range bh {
		for bx := range bw {
			var m [3]float32
			for y := max(0, by-2); y <= min(bh-1, by+2); y++ {
				for x := max(0, bx-2); x <= min(bw-1, bx+2); x++ {
					for c := range 3 {
						m[c] = max(m[c], bg[y*bw+x][c])
					}
				}
			}
			for c := range 3 {
				m[c] = max(m[c], 40)
			}
			sm[by*bw+bx] = m
		}
	}
	p := &planes{w: r.w, h: r.h, dark: make([]uint8, r.w*r.h), chroma: make([]uint8, r.w*r.h)}
	for y := range r.h {
		fy := (float32(y)+0.5)/blk - 0.5
		y0 := max(0, min(bh-1, int(fy)))
		y1 := min(bh-1, y0+1)
		ty := max(0, min(1, fy-float32(y0)))
		for x := range r.w {
			fx := (float32(x)+0.5)/blk - 0.5
			x0 := max(0, min(bw-1, int(fx)))
			x1 := min(bw-1, x0+1)
			tx := max(0, min(1, fx-float32(x0)))
			i := (y*r.w + x) * 3
			var n [3]float32
			for c := range 3 {
				a := sm[y0*bw+x0][c]*(1-tx) + sm[y0*bw+x1][c]*tx
				b := sm[y1*bw+x0][c]*(1-tx) + sm[y1*bw+x1][c]*tx
				n[c] = min(1, float32(r.pix[i+c])/(a*(1-ty)+b*ty))
			}
			l := 0.299*n[0] + 0.587*n[1] + 0.114*n[2]
			p.dark[y*r.w+x] = uint8(255 * (1 - l))
			// Red, crimson, orange, pink, magenta and purple ink: red well
			// above green, blue not above red (blue ink is not a seal).
			c := n[0] - n[1]
			if n[2] > n[0]+0.12 {
				c = 0
			}
			if c > 0 {
				p.chroma[y*r.w+x] = uint8(min(255, 255*c*1.4))
			}
		}
	}
	return p
}
