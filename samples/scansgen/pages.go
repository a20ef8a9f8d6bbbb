package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
)

// writePages writes stand-in scan pages for the windows whose records name
// them (the metadata's 文件 column), plus one page named only by its
// window, so both ways of attributing a scan image are exercised. The
// pages are white A4 sheets at 72 dpi with the table's ruled lines and, on
// page 2, a red ring where the 推荐单位 seal sits.
func writePages(outDir string, windows []string, byName string) error {
	dir := filepath.Join(outDir, "扫描件")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, w := range windows {
		for page := 1; page <= 2; page++ {
			data, err := scanPage(page == 2)
			if err != nil {
				return err
			}
			name := filepath.Join(dir, fmt.Sprintf("%s_初审表_第%d页.jpg", w, page))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				return err
			}
		}
	}
	data, err := scanPage(true)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, byName+"初审表扫描件.jpg"), data, 0o644)
}

func scanPage(seal bool) ([]byte, error) {
	const w, h = 595, 842
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.White)
		}
	}
	black := color.RGBA{40, 40, 40, 255}
	for y := 120; y <= 760; y += 160 {
		for x := 60; x < w-60; x++ {
			img.Set(x, y, black)
		}
	}
	for y := 120; y <= 760; y++ {
		img.Set(60, y, black)
		img.Set(180, y, black)
		img.Set(w-60, y, black)
	}
	if seal {
		red := color.RGBA{210, 30, 30, 255}
		cx, cy := 420, 520
		for y := cy - 50; y <= cy+50; y++ {
			for x := cx - 50; x <= cx+50; x++ {
				d := (x-cx)*(x-cx) + (y-cy)*(y-cy)
				if d <= 50*50 && d >= 44*44 {
					img.Set(x, y, red)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 60}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
