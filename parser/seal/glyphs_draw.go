package seal

import (
	"image"
	"image/color"
	"image/draw"
)

//go:generate sh -c "go run ./glyphgen /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc > glyphs.go"

// glyph is one character of the labels' font (glyphs.go).
type glyph struct {
	w    int
	rows [16]uint16
}

// label writes s on a white box with its baseline at y, in the embedded
// font; a character the font lacks is drawn as a box.
func label(img *image.RGBA, x, y int, s string, c color.RGBA) {
	w := 0
	for _, r := range s {
		w += glyphOf(r).w
	}
	draw.Draw(img, image.Rect(x-2, y-13, x+w+2, y+5), image.White, image.Point{}, draw.Src)
	for _, r := range s {
		g := glyphOf(r)
		for row, bits := range g.rows {
			for col := range g.w {
				if bits&(1<<col) != 0 {
					img.SetRGBA(x+col, y-12+row, c)
				}
			}
		}
		x += g.w
	}
}

// missing is the glyph of a character the font lacks.
var missing = glyph{12, [16]uint16{0, 0xffe, 0x802, 0x802, 0x802, 0x802, 0x802, 0x802, 0x802, 0x802, 0x802, 0x802, 0xffe}}

func glyphOf(r rune) glyph {
	if g, ok := glyphs[r]; ok {
		return g
	}
	return missing
}
