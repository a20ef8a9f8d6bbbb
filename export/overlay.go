package export

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"path"
	"strings"

	"shenbao/export/fsname"
)

// OverlayName is the file name of the drawn page n of a scan file:
// 材料_初审表_第2页.png (the scan's base name without extension).
func OverlayName(file string, n int) string {
	stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(file, `\`, "/")), path.Ext(file))
	return fsname.Clean(fmt.Sprintf("%s_第%d页.png", stem, n), 200, fmt.Sprintf("扫描件_第%d页.png", n))
}

// WritePNG writes img as a PNG at path, atomically.
func WritePNG(path string, img image.Image) error {
	return writeAtomic(path, func(w io.Writer) error {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(w, img)
	})
}
