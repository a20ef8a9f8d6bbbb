package docx

import (
	"encoding/xml"
	"image"
	_ "image/gif" // register GIF for image.DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"path"
	"strings"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// imgInfo is what is known of one media part.
type imgInfo struct {
	name          string // the part name as stored in the zip
	contentType   string
	width, height int
	size          int64
	missing       bool
}

// drawing reads the descendants of w:drawing, w:pict or w:object: picture
// references, their names, and text boxes.
func (r *reader) drawing() error { return r.children(r.drawingEl) }

func (r *reader) drawingEl(se xml.StartElement) error {
	switch {
	case isWP(se.Name) && se.Name.Local == "docPr":
		r.drawName = firstNonEmpty(anyAttr(se, "descr"), anyAttr(se, "title"), anyAttr(se, "name"))
		return r.skip()
	case isA(se.Name) && se.Name.Local == "blip":
		if id := attr(se, "embed", isR); id != "" {
			r.addImage(id, r.drawName)
		}
		return r.skip()
	case isV(se.Name) && se.Name.Local == "imagedata":
		id := attr(se, "id", isR)
		if id == "" {
			id = attr(se, "relid", func(n xml.Name) bool { return n.Space == nsO })
		}
		if id != "" {
			r.addImage(id, firstNonEmpty(r.vmlAlt, attr(se, "title", func(n xml.Name) bool { return n.Space == nsO })))
		}
		return r.skip()
	case isV(se.Name):
		prev := r.vmlAlt
		if alt := anyAttr(se, "alt"); alt != "" {
			r.vmlAlt = alt
		}
		err := r.drawing()
		r.vmlAlt = prev
		return err
	case wEl(se, "txbxContent"):
		return r.textBox()
	case isMC(se.Name) && se.Name.Local == "AlternateContent":
		return r.alternate(r.drawing)
	}
	return r.drawing()
}

// textBox reads w:txbxContent: its blocks go after the current paragraph.
func (r *reader) textBox() error {
	pa := r.cur
	if pa == nil {
		return r.skip()
	}
	return r.blocks(&pa.after)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// addImage records the picture of relationship id in the current paragraph.
func (r *reader) addImage(id, name string) {
	pa := r.cur
	if pa == nil {
		return
	}
	rl, ok := r.rels[id]
	if !ok {
		r.warn(problem.PictureUnread, "picture relationship %q of %s not found", id, r.part)
		return
	}
	if rl.External {
		return // linked, not embedded: nothing in the package to measure
	}
	target := resolve(r.part, rl.Target)
	info := r.imageInfo(target)
	img := word.Image{
		Target:      info.name,
		ContentType: info.contentType,
		Width:       info.width,
		Height:      info.height,
		Size:        info.size,
		Name:        name,
	}
	pa.imgs = append(pa.imgs, img)
}

// imageInfo measures a media part once: content type, byte size and, for
// PNG, JPEG and GIF, pixel size from the image header.
func (r *reader) imageInfo(target string) imgInfo {
	key := partKey(target)
	if info, ok := r.images[key]; ok {
		return info
	}
	info := imgInfo{name: target, contentType: r.pkg.contentTypes().of(target)}
	f := r.pkg.file(target)
	if f == nil {
		info.missing = true
		r.warn(problem.PictureUnread, "picture part %s is missing from the package", target)
		r.images[key] = info
		return info
	}
	info.name = f.Name
	info.size = int64(f.UncompressedSize64)
	if info.size < 0 {
		info.size = 0
	}
	switch strings.ToLower(info.contentType) {
	case "image/png", "image/jpeg", "image/jpg", "image/gif":
		r.measure(f.Name, &info)
	case "":
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".png", ".jpg", ".jpeg", ".gif":
			r.measure(f.Name, &info)
		}
	}
	r.images[key] = info
	return info
}

func (r *reader) measure(name string, info *imgInfo) {
	f := r.pkg.file(name)
	in, c, err := r.pkg.open(f)
	if err != nil {
		r.warn(problem.PictureUnread, "picture %s not measured: %v", name, err)
		return
	}
	defer c.Close()
	cfg, _, err := image.DecodeConfig(in)
	if err != nil {
		r.warn(problem.PictureUnread, "picture %s not measured: %v", name, err)
		return
	}
	info.width, info.height = cfg.Width, cfg.Height
}
