package export

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"path"
	"path/filepath"
	"strings"

	"shenbao/export/fsname"
	"shenbao/parser/seal"
)

// OverlayName is the file name of the drawn page n of a scan file:
// 材料_初审表_第2页.png (the scan's base name without extension).
func OverlayName(file string, n int) string {
	stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(file, `\`, "/")), path.Ext(file))
	return fsname.Clean(fmt.Sprintf("%s_第%d页.png", stem, n), 200, fmt.Sprintf("扫描件_第%d页.png", n))
}

// WriteOverlays draws each analysed page of one scan file (its bytes in
// data) with its rows and seals (seal.Overlay) and writes it, atomically,
// into dir under name(page). Pages are decoded one at a time. It returns
// the paths written; a page that cannot be decoded again is left out and
// its error joined into err, which does not stop the others.
func WriteOverlays(dir string, data []byte, pages []seal.Page, name func(seal.Page) string) (written []string, err error) {
	src, err := seal.Open(data, seal.Limits{})
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, pg := range pages {
		img, err := src.Page(pg.Page)
		if err != nil {
			errs = append(errs, fmt.Errorf("第%d页无法解码：%w", pg.Page, err))
			continue
		}
		path := filepath.Join(dir, name(pg))
		if err := WritePNG(path, seal.Overlay(img, pg)); err != nil {
			errs = append(errs, fmt.Errorf("无法写入“%s”：%w", path, err))
			continue
		}
		written = append(written, path)
	}
	return written, errors.Join(errs...)
}

// WritePNG writes img as a PNG at path, atomically.
func WritePNG(path string, img image.Image) error {
	return writeAtomic(path, func(w io.Writer) error {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(w, img)
	})
}
