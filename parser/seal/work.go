package seal

import (
	"image"
	"math"
	"math/bits"
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
	if m, ok := img.(*image.YCbCr); ok && len(m.Cb) > 0 {
		reduceYCbCr(m, f, r)
		return r, f, colour
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

// reduceYCbCr is reduce for a JPEG's own planes: it averages luma and
// chroma over each f×f block and converts to RGB once per reduced pixel,
// not once per decoded one. The conversion is affine, so averaging first
// gives the same colour up to rounding.
func reduceYCbCr(m *image.YCbCr, f int, r *raster) {
	b := m.Rect
	hx, vy := chromaStep(m.SubsampleRatio)
	if b.Min == (image.Point{}) && f%hx == 0 && f%vy == 0 {
		reduceYCbCrAligned(m, f, hx, vy, r)
		return
	}
	// Chroma column of each luma column, from the subsampling ratio.
	cx := make([]int32, r.w*f)
	for x := range cx {
		cx[x] = int32(m.COffset(b.Min.X+x, b.Min.Y) - m.COffset(b.Min.X, b.Min.Y))
	}
	sum := make([]uint32, r.w*3)
	n := uint32(f * f)
	for oy := range r.h {
		clear(sum)
		for dy := range f {
			y := b.Min.Y + oy*f + dy
			yrow := m.Y[(y-b.Min.Y)*m.YStride:]
			c0 := m.COffset(b.Min.X, y)
			cb, cr := m.Cb[c0:], m.Cr[c0:]
			for ox := range r.w {
				s := sum[ox*3 : ox*3+3 : ox*3+3]
				x0 := ox * f
				for x := x0; x < x0+f; x++ {
					c := cx[x]
					s[0] += uint32(yrow[x])
					s[1] += uint32(cb[c])
					s[2] += uint32(cr[c])
				}
			}
		}
		o := r.pix[oy*r.w*3 : (oy+1)*r.w*3]
		for ox := range r.w {
			s := sum[ox*3 : ox*3+3 : ox*3+3]
			o[ox*3], o[ox*3+1], o[ox*3+2] = yccToRGB(uint8(s[0]/n), uint8(s[1]/n), uint8(s[2]/n))
		}
	}
}

// yccToRGB is color.YCbCrToRGB, to the bit, without its branches: on
// white paper the red and blue sums straddle the top of the range with the
// JPEG's noise, where a branch is mispredicted about every other pixel.
// Clamping compiles to conditional moves on ints, and the call is inlined.
func yccToRGB(y, cb, cr uint8) (uint8, uint8, uint8) {
	yy1 := int(y) * 0x10101
	cb1, cr1 := int(cb)-128, int(cr)-128
	r := (yy1 + 91881*cr1) >> 16
	g := (yy1 - 22554*cb1 - 46802*cr1) >> 16
	b := (yy1 + 116130*cb1) >> 16
	return uint8(min(max(r, 0), 255)), uint8(min(max(g, 0), 255)), uint8(min(max(b, 0), 255))
}

// chromaStep is how many luma pixels across and down share one chroma
// sample.
func chromaStep(r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// reduceYCbCrAligned is reduceYCbCr when each f×f block holds whole chroma
// samples: chroma is summed at its own resolution, each sample counted for
// the hx·vy luma pixels it covers, which is the same sum.
func reduceYCbCrAligned(m *image.YCbCr, f, hx, vy int, r *raster) {
	if f == 2 && hx == 2 && vy == 2 {
		reduce420Half(m, r)
		return
	}
	sy := make([]uint32, r.w)
	sc := make([]uint32, r.w*2)
	n := uint32(f * f)
	fc, fr := f/hx, f/vy
	wgt := uint32(hx * vy)
	for oy := range r.h {
		clear(sy)
		clear(sc)
		for dy := range f {
			yrow := m.Y[(oy*f+dy)*m.YStride:]
			yrow = yrow[:r.w*f]
			if f == 2 { // 150 dpi A4, the commonest scan
				for ox := range r.w {
					sy[ox] += uint32(yrow[2*ox]) + uint32(yrow[2*ox+1])
				}
				continue
			}
			for ox := range r.w {
				var s uint32
				for _, v := range yrow[ox*f : ox*f+f] {
					s += uint32(v)
				}
				sy[ox] += s
			}
		}
		for dy := range fr {
			ci := (oy*fr + dy) * m.CStride
			cb, cr := m.Cb[ci:ci+r.w*fc], m.Cr[ci:ci+r.w*fc]
			if fc == 1 {
				for ox := range r.w {
					sc[ox*2] += uint32(cb[ox])
					sc[ox*2+1] += uint32(cr[ox])
				}
				continue
			}
			for ox := range r.w {
				var b, c uint32
				for k := ox * fc; k < ox*fc+fc; k++ {
					b += uint32(cb[k])
					c += uint32(cr[k])
				}
				sc[ox*2] += b
				sc[ox*2+1] += c
			}
		}
		o := r.pix[oy*r.w*3 : (oy+1)*r.w*3]
		if n&(n-1) == 0 { // f a power of two (150, 300 dpi): a shift, not a division
			sh := uint(bits.TrailingZeros32(n))
			for ox := range r.w {
				o[ox*3], o[ox*3+1], o[ox*3+2] = yccToRGB(uint8(sy[ox]>>sh),
					uint8(sc[ox*2]*wgt>>sh), uint8(sc[ox*2+1]*wgt>>sh))
			}
			continue
		}
		for ox := range r.w {
			o[ox*3], o[ox*3+1], o[ox*3+2] = yccToRGB(uint8(sy[ox]/n),
				uint8(sc[ox*2]*wgt/n), uint8(sc[ox*2+1]*wgt/n))
		}
	}
}

// reduce420Half is reduceYCbCrAligned for the commonest scan, 150 dpi A4
// with 4:2:0 chroma: each reduced pixel is the mean of 2×2 luma and one
// chroma sample (counted four times over four, so itself), in one pass.
func reduce420Half(m *image.YCbCr, r *raster) {
	for oy := range r.h {
		y0 := m.Y[2*oy*m.YStride : 2*oy*m.YStride+2*r.w]
		y1 := m.Y[(2*oy+1)*m.YStride : (2*oy+1)*m.YStride+2*r.w]
		cb := m.Cb[oy*m.CStride : oy*m.CStride+r.w]
		cr := m.Cr[oy*m.CStride : oy*m.CStride+r.w]
		o := r.pix[oy*r.w*3 : (oy+1)*r.w*3]
		cr = cr[:len(cb)]
		for ox, b := range cb {
			a, c := y0[2*ox:2*ox+2:2*ox+2], y1[2*ox:2*ox+2:2*ox+2]
			s := uint32(a[0]) + uint32(a[1]) + uint32(c[0]) + uint32(c[1])
			q := o[3*ox : 3*ox+3 : 3*ox+3]
			q[0], q[1], q[2] = yccToRGB(uint8(s>>2), b, cr[ox])
		}
	}
}

// readRow writes row y of img as RGB bytes.
func readRow(img image.Image, y int, out []uint8) {
	b := img.Bounds()
	w := b.Dx()
	switch m := img.(type) {
	case *image.YCbCr: // luma only: reduceYCbCr takes those with chroma
		p := m.Y[(y-m.Rect.Min.Y)*m.YStride:]
		for x := range w {
			v := p[x]
			out[x*3], out[x*3+1], out[x*3+2] = v, v, v
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
	var hist [3][256]uint8 // at most 144 samples a block
	for by := range bh {
		for bx := range bw {
			hist = [3][256]uint8{}
			n := 0
			// Every other pixel each way: 144 samples set a percentile
			// well enough, at a quarter of the cost.
			for y := by * blk; y < min(r.h, (by+1)*blk); y += 2 {
				for x := bx * blk; x < min(r.w, (bx+1)*blk); x += 2 {
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
					acc += int(hist[c][k])
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
	// The paper colour is interpolated bilinearly between block centres:
	// down the page once per row for every block column, then across,
	// in reciprocal so that each pixel costs multiplications only.
	xs0 := make([]int32, r.w)
	txs := make([]float32, r.w)
	for x := range r.w {
		fx := (float32(x)+0.5)/blk - 0.5
		x0 := max(0, min(bw-1, int(fx)))
		xs0[x] = int32(x0)
		txs[x] = max(0, min(1, fx-float32(x0)))
	}
	inv := make([][3]float32, bw+1)
	// seg[bx] is, on this row, the reciprocal paper colour at block
	// centre bx and the step from it to the next centre's.
	seg := make([][6]float32, bw)
	for y := range r.h {
		fy := (float32(y)+0.5)/blk - 0.5
		y0 := max(0, min(bh-1, int(fy)))
		y1 := min(bh-1, y0+1)
		ty := max(0, min(1, fy-float32(y0)))
		for bx := range bw {
			for c := range 3 {
				inv[bx][c] = 1 / (sm[y0*bw+bx][c]*(1-ty) + sm[y1*bw+bx][c]*ty)
			}
		}
		inv[bw] = inv[bw-1]
		for bx := range bw {
			a, b := inv[bx], inv[bx+1]
			seg[bx] = [6]float32{a[0], a[1], a[2], b[0] - a[0], b[1] - a[1], b[2] - a[2]}
		}
		px := r.pix[y*r.w*3 : (y+1)*r.w*3]
		dark := p.dark[y*r.w : (y+1)*r.w]
		chroma := p.chroma[y*r.w : (y+1)*r.w]
		chroma, xs0, txs := chroma[:len(dark)], xs0[:len(dark)], txs[:len(dark)]
		for x := range dark {
			s, tx := &seg[xs0[x]], txs[x]
			q := px[x*3 : x*3+3 : x*3+3]
			n0 := min(1, float32(q[0])*(s[0]+s[3]*tx))
			n1 := min(1, float32(q[1])*(s[1]+s[4]*tx))
			n2 := min(1, float32(q[2])*(s[2]+s[5]*tx))
			l := 0.299*n0 + 0.587*n1 + 0.114*n2
			dark[x] = uint8(255 * (1 - l))
			// Red, crimson, orange, pink, magenta and purple ink: red well
			// above green, blue not above red (blue ink is not a seal).
			// Worked out without branches: on paper the sign of n0 − n1
			// is JPEG noise, which no branch predictor guesses.
			// (Clamped as an int after truncating, which is the same and
			// cheaper than clamping the float.)
			v := uint8(min(max(int(255*(n0-n1)*1.4), 0), 255))
			var keep uint8
			if n2 <= n0+0.12 {
				keep = 255
			}
			chroma[x] = v & keep
		}
	}
	return p
}
