package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"

	"shenbao/export"
	"shenbao/parser/seal"
)

// drawOverlays draws the analysed pages of one scan file into
// opt.Overlays under names made from the file's path, one page decoded at
// a time. A page that cannot be decoded again is left out: its entry in
// scan_pages says why.
func drawOverlays(opt Options, source string, data []byte, pages []seal.Page) {
	_, err := export.WriteOverlays(opt.Overlays, data, pages, func(pg seal.Page) string { return drawnName(source, pg.Page) })
	if err != nil && opt.Log != nil {
		opt.Log.Warn("overlay not written", "err", err)
	}
}

// drawnName is the name a drawn page has until the run knows its place.
func drawnName(source string, page int) string {
	h := sha256.Sum256([]byte(source))
	return ".page-" + hex.EncodeToString(h[:12]) + "-" + strconv.Itoa(page) + ".png"
}

// nameOverlays gives each drawn page its final name, from its place in
// scan_pages.
func nameOverlays(opt Options, pages []seal.Page) {
	name := opt.OverlayName
	if name == nil {
		name = func(i int, _ seal.Page) string { return strconv.Itoa(i+1) + ".png" }
	}
	for i, pg := range pages {
		from := filepath.Join(opt.Overlays, drawnName(pg.Source, pg.Page))
		if _, err := os.Stat(from); err != nil {
			continue
		}
		if err := os.Rename(from, filepath.Join(opt.Overlays, name(i, pg))); err != nil && opt.Log != nil {
			opt.Log.Warn("overlay not renamed", "page", pg.Page, "err", err)
		}
	}
}
