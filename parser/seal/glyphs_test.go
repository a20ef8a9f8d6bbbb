package seal

import (
	"fmt"
	"image"
	"image/color"
	"testing"
)

// TestLabelGlyphs holds the embedded font to the overlay's labels: every
// character they can hold has a glyph (none is drawn as a box), and a
// label draws ink inside its white box.
func TestLabelGlyphs(t *testing.T) {
	labels := []string{"未找到审核栏（S05）", "栏外"}
	for _, v := range []string{"已盖章", "未盖章", "不确定"} {
		labels = append(labels, fmt.Sprintf("第%d栏 %s %.2f", 12, v, 0.85))
	}
	for _, k := range []string{KindRound, KindOval, KindSquare, "其他"} {
		labels = append(labels, fmt.Sprintf("%s %.2f 第%d栏", kindLabel(k), 0.5, 3))
	}
	for _, s := range labels {
		for _, r := range s {
			if _, ok := glyphs[r]; !ok {
				t.Errorf("%q in label %q has no glyph: rerun go generate ./parser/seal with it in glyphgen's chars", r, s)
			}
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, 200, 30))
	label(img, 4, 18, "第1栏 已盖章 0.92", color.RGBA{0, 90, 40, 255})
	ink := 0
	for y := range 30 {
		for x := range 200 {
			if img.RGBAAt(x, y) == (color.RGBA{0, 90, 40, 255}) {
				ink++
			}
		}
	}
	if ink < 100 {
		t.Errorf("the label drew %d pixels of ink", ink)
	}
}
