package dossier

import (
	"cmp"
	"slices"
	"strings"

	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/text"
)

// Photo categories.
const (
	Environment = "environment"
	Work        = "work"
)

// newer compares two items by arrival: the later email date, then the
// later email position; items of the same email, or not from email, by Pos.
func newer(a, b *intake.Item) int {
	am, bm := a.Mail, b.Mail
	if am != nil && bm != nil && am.Path != bm.Path {
		if !am.Date.IsZero() && !bm.Date.IsZero() && !am.Date.Equal(bm.Date) {
			return am.Date.Compare(bm.Date)
		}
		if c := intake.ComparePos(am.Pos, bm.Pos); c != 0 {
			return c
		}
	}
	return intake.ComparePos(a.Pos, b.Pos)
}

// newest returns the newest of forms and marks the others superseded.
func (d *Dossier) newest(forms []*Piece) *Piece {
	if len(forms) == 0 {
		return nil
	}
	win := forms[0]
	for _, f := range forms[1:] {
		if newer(f.Item, win.Item) > 0 {
			win = f
		}
	}
	for _, f := range forms {
		if f != win {
			d.supersede(f.Item, win.Item)
		}
	}
	return win
}

// supersede marks old as replaced by the newer item by. A byte-identical
// copy (the same email exported twice, or kept in an archive too) is the
// same submission received again, not a resend: it is set aside without an
// M08.
func (d *Dossier) supersede(old, by *intake.Item) {
	old.Status = intake.Superseded
	if old.SHA256 != "" && old.SHA256 == by.SHA256 {
		old.Reason = "与“" + by.Path + "”内容完全相同（重复收到），按一份处理"
		return
	}
	old.Reason = "已被新版本替代：" + by.Path
	d.Replaced = append(d.Replaced, Replacement{Old: old, New: by})
}

// build turns a group into a dossier.
func (a *assembler) build(g *group) *Dossier {
	d := &Dossier{Key: g.key, Window: g.name}
	if app := d.newest(g.apps); app != nil {
		packed, _, staff, staffLoc := app.packedParts()
		d.Application = &AppDoc{Item: app.Item, Format: app.Format, Form: app.Application, Warnings: app.Warnings,
			packed: packed, staff: staff, staffLoc: staffLoc}
		if app.hasApplication() {
			if w := strings.TrimSpace(app.applicationValue("window_name")); w != "" {
				d.Window = w
			}
			d.Unit = strings.TrimSpace(app.applicationValue("unit"))
		}
	}
	if rev := d.newest(g.reviews); rev != nil {
		_, packed, _, _ := rev.packedParts()
		d.Review = &ReviewDoc{Item: rev.Item, Format: rev.Format, Form: rev.Review, Warnings: rev.Warnings, packed: packed}
	}
	d.NonWord = g.nonWord
	d.Failed = g.failed
	d.ScanImages = g.images
	d.ScanPages = g.pages
	d.Scans = slices.Clone(g.records)
	slices.SortStableFunc(d.Scans, func(x, y scan.Record) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Row, y.Row))
	})
	d.Photos = a.photos(d, g.photos)
	d.merge = a.p // in Open

	var all []*intake.Item
	for _, f := range g.apps {
		all = append(all, f.Item)
	}
	for _, f := range g.reviews {
		all = append(all, f.Item)
	}
	for _, f := range g.photos {
		all = append(all, f.Item)
	}
	all = append(all, g.nonWord...)
	all = append(all, g.failed...)
	all = append(all, g.images...)
	slices.SortStableFunc(all, func(x, y *intake.Item) int { return intake.ComparePos(x.Pos, y.Pos) })
	d.Items = slices.CompactFunc(all, func(x, y *intake.Item) bool { return x == y })
	slices.SortStableFunc(d.Replaced, func(x, y Replacement) int { return intake.ComparePos(x.Old.Pos, y.Old.Pos) })
	return d
}

// photos sorts the window's photos into categories and, per category,
// keeps those of the newest email that carried one: a corrected 环境照片
// sent alone replaces the older 环境照片 and leaves the 工作照片. Photos of
// older emails are superseded; photos that did not come by mail are all
// kept.
func (a *assembler) photos(d *Dossier, ps []*Piece) []Photo {
	all := make([]Photo, 0, len(ps))
	latest := map[string]*intake.Item{} // category → a photo of the newest email
	for _, p := range ps {
		ph := Photo{Item: p.Item, Width: p.Width, Height: p.Height, Category: a.category(p.Item.Name, d.Window)}
		all = append(all, ph)
		if l := latest[ph.Category]; p.Item.Mail != nil && (l == nil || newer(p.Item, l) > 0) {
			latest[ph.Category] = p.Item
		}
	}
	var kept []Photo
	for _, ph := range all {
		l := latest[ph.Category]
		if ph.Item.Mail != nil && l != nil && ph.Item.Mail.Path != l.Mail.Path {
			d.supersede(ph.Item, l)
			continue
		}
		kept = append(kept, ph)
	}
	return kept
}

// category tells environment from work photos by the profile's hints in
// the file name (with the window's own name taken out, since 服务 or 大厅
// may be part of it). When both kinds are hinted, the hint nearest the end
// of the name wins (…大厅工作照片 is a work photo); neither gives "".
func (a *assembler) category(fileName, window string) string {
	name := text.Fold(stem(fileName))
	if w := text.Fold(window); w != "" {
		name = strings.ReplaceAll(name, w, "/")
	}
	env := lastHint(name, a.p.Photos.EnvironmentHints)
	work := lastHint(name, a.p.Photos.WorkHints)
	switch {
	case env < 0 && work < 0:
		return ""
	case env > work:
		return Environment
	}
	return Work
}

// lastHint returns the end offset of the last hint found in name, -1 when
// none.
func lastHint(name string, hints []string) int {
	end := -1
	for _, h := range hints {
		h = text.Fold(h)
		if h == "" {
			continue
		}
		if i := strings.LastIndex(name, h); i >= 0 && i+len(h) > end {
			end = i + len(h)
		}
	}
	return end
}
