// Command genphotos writes the two sample photos of every window under
// samples/forms (and samples/forms-zhengfeng): 环境照片.jpg and 工作照片.jpg,
// 1280×960 synthetic scenes, deterministic for a given window name. The
// window named by -small gets an 800×600 环境照片 (M10).
//
//	go run ./samples/forms/genphotos samples/forms samples/forms-zhengfeng
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	small := flag.String("small", "医保经办服务窗口", "window whose 环境照片 is only 800 px wide")
	flag.Parse()
	for _, root := range flag.Args() {
		if err := genRoot(root, *small); err != nil {
			fmt.Fprintln(os.Stderr, "genphotos:", err)
			os.Exit(1)
		}
	}
}

func genRoot(root, small string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "genphotos" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		for i, kind := range []string{"环境照片", "工作照片"} {
			w, h := 1280, 960
			if n == small && i == 0 {
				w, h = 800, 600
			}
			img := scene(n+kind, w, h, i == 1)
			if err := save(filepath.Join(root, n, kind+".jpg"), img); err != nil {
				return err
			}
		}
	}
	return nil
}

func save(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 70}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// rng is a small xorshift generator seeded from the window name.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return x
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// scene draws a hall: a wall gradient, a floor, service counters and, for
// work photos, figures in front of them.
func scene(seed string, w, h int, people bool) *image.RGBA {
	hs := fnv.New64a()
	hs.Write([]byte(seed))
	r := rng(hs.Sum64() | 1)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := color.RGBA{uint8(170 + r.intn(60)), uint8(170 + r.intn(60)), uint8(160 + r.intn(70)), 255}
	horizon := h * 3 / 5
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := base
			if y > horizon {
				c = color.RGBA{base.R / 2, base.G / 2, base.B / 3, 255}
			}
			shade := uint8((x+y)*40/(w+h)) + uint8(r.intn(28)) // grain, as a camera gives
			img.SetRGBA(x, y, color.RGBA{c.R - shade/2, c.G - shade/2, c.B - shade/3, 255})
		}
	}
	// Counters along the horizon.
	n := 3 + r.intn(4)
	for i := 0; i < n; i++ {
		x0 := w * i / n
		fill(img, x0+w/(4*n), horizon-h/8, x0+w*3/(4*n), horizon+h/10,
			color.RGBA{uint8(60 + r.intn(120)), uint8(90 + r.intn(100)), uint8(140 + r.intn(100)), 255})
		fill(img, x0+w/(3*n), horizon-h/4, x0+w*2/(3*n), horizon-h/5, color.RGBA{200, 30, 30, 255}) // sign
	}
	// Ceiling lights.
	for i := 0; i < 8; i++ {
		x := r.intn(w - 60)
		fill(img, x, h/12, x+60, h/12+10, color.RGBA{250, 250, 235, 255})
	}
	if people {
		for i := 0; i < 2+r.intn(4); i++ {
			x := w/8 + r.intn(w*3/4)
			c := color.RGBA{uint8(20 + r.intn(80)), uint8(30 + r.intn(60)), uint8(60 + r.intn(80)), 255}
			fill(img, x, horizon-h/6, x+w/20, horizon+h/6, c)
			fill(img, x+w/80, horizon-h/6-h/14, x+w/20-w/80, horizon-h/6, color.RGBA{230, 190, 160, 255})
		}
	}
	return img
}

func fill(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	b := img.Bounds()
	for y := max(y0, b.Min.Y); y < min(y1, b.Max.Y); y++ {
		for x := max(x0, b.Min.X); x < min(x1, b.Max.X); x++ {
			img.SetRGBA(x, y, c)
		}
	}
}
