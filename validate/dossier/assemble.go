package dossier

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"shenbao/parser/classify"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/parser/text"
	"shenbao/validate/profile"
)

// group collects the parsed items of one window before superseding.
type group struct {
	key      string
	fold     string // text.Fold of the name, for tolerant matching; "" for unnamed forms
	name     string // window name from the first item that named the window
	nameRank int    // where name came from: 0 申报表, 1 初审表, 2 non-Word 申报表, 3 photo
	apps     []*Piece
	reviews  []*Piece
	nonWord  []*intake.Item
	photos   []*Piece
	failed   []*intake.Item
	images   []*intake.Item
	records  []scan.Record
	pages    []seal.Page
}

// rankUnnamed is the name rank of a window made for a form that names none.
const rankUnnamed = 4

// assembler holds the state of one Assemble call.
type assembler struct {
	p      *profile.Profile
	groups map[string]*group
	// mails maps an email's path to the keys of the windows its forms name.
	mails map[string][]string
	names *nameIndex // the windows by folded name
}

// Assemble groups parsed items into dossiers, one per window, sorted by Unit
// then Window (then Key). It sets Item.Status = intake.Superseded (with a
// Chinese Reason naming the newer item) on replaced items, and returns the
// window each item was attributed to (by item Path) for 文件清单. Records
// whose window matches no dossier are returned as unmatched.
func Assemble(items []*Piece, records []scan.Record, p *profile.Profile) (ds []*Dossier, windowOf map[string]string, unmatched []scan.Record) {
	if p == nil {
		p = &profile.Profile{}
	}
	a := &assembler{p: p, groups: map[string]*group{}, mails: map[string][]string{}, names: newNameIndex()}
	sorted := make([]*Piece, 0, len(items))
	for _, it := range items {
		if it != nil && it.Item != nil {
			sorted = append(sorted, it)
		}
	}
	slices.SortStableFunc(sorted, func(x, y *Piece) int { return intake.ComparePos(x.Item.Pos, y.Item.Pos) })

	// Forms first: they name the windows that photos, scans and failed
	// items are attributed to.
	for _, it := range sorted {
		if it.Kind == classify.Application {
			a.addApplication(it)
		}
	}
	for _, it := range sorted {
		if it.Kind == classify.NonWordApplication {
			a.addNonWord(it)
		}
	}
	for _, it := range sorted {
		if it.Kind == classify.Review {
			a.addReview(it)
		}
	}
	for _, it := range sorted {
		switch it.Kind {
		case classify.Photo:
			a.addPhoto(it)
		case classify.Failed:
			if g := a.attribute(it, false); g != nil {
				g.failed = append(g.failed, it.Item)
			}
		}
	}
	unmatched = a.addRecords(records)
	files := newFileIndex(a.groups)
	for _, it := range sorted {
		if it.Kind == classify.ScanImage {
			unmatched = append(unmatched, a.addScanImage(it, files)...)
		}
	}

	windowOf = map[string]string{}
	for _, g := range a.groups {
		d := a.build(g)
		for _, it := range d.Items {
			windowOf[it.Path] = d.Window
		}
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(x, y *Dossier) int {
		return cmp.Or(cmp.Compare(x.Unit, y.Unit), cmp.Compare(x.Window, y.Window), cmp.Compare(x.Key, y.Key))
	})
	return ds, windowOf, unmatched
}

// get returns the group of key, creating it with name.
func (a *assembler) get(key, name string, rank int) *group {
	g := a.groups[key]
	if g == nil {
		g = &group{key: key, name: name, nameRank: rank}
		if rank < rankUnnamed {
			a.setFold(g, name)
		}
		a.groups[key] = g
	} else if rank < g.nameRank && name != "" {
		g.name, g.nameRank = name, rank
		if g.fold == "" && rank < rankUnnamed {
			a.setFold(g, name)
		}
	}
	return g
}

// setFold gives g the fold of name and indexes it; a window's fold is set
// once.
func (a *assembler) setFold(g *group, name string) {
	g.fold = text.Fold(name)
	a.names.add(g)
}

// noteMail records that it's email carries window key.
func (a *assembler) noteMail(it *intake.Item, key string) {
	if it.Mail == nil || it.Mail.Path == "" {
		return
	}
	if !slices.Contains(a.mails[it.Mail.Path], key) {
		a.mails[it.Mail.Path] = append(a.mails[it.Mail.Path], key)
	}
}

// mailWindow returns the one window it's email carries, nil when none or
// several.
func (a *assembler) mailWindow(it *intake.Item) *group {
	if it.Mail == nil {
		return nil
	}
	if keys := a.mails[it.Mail.Path]; len(keys) == 1 {
		return a.groups[keys[0]]
	}
	return nil
}

// byFileName returns the known window whose key is contained in the item's
// file name, else in the nearest folder, archive or other element of its
// path that names one (photos sent as 企业登记注册窗口/环境照片.jpg);
// the longest key wins within one element. nil when none.
func (a *assembler) byFileName(it *intake.Item) *group {
	if g := a.containing(text.Fold(stem(it.Name))); g != nil {
		return g
	}
	elems := strings.FieldsFunc(strings.ReplaceAll(it.Path, intake.Sep, "/"), func(r rune) bool { return r == '/' || r == '\\' })
	for i := len(elems) - 2; i >= 0; i-- {
		if g := a.containing(text.Fold(stem(elems[i]))); g != nil {
			return g
		}
	}
	return nil
}

// containing returns the window with the longest folded name contained in
// the folded text name (of at least minContain runes); between folds of one
// length, the smallest key.
func (a *assembler) containing(name string) *group {
	var best *group
	a.names.within(name, func(g *group) bool {
		if best == nil || len(g.fold) > len(best.fold) || (len(g.fold) == len(best.fold) && g.key < best.key) {
			best = g
		}
		return true
	})
	return best
}

// byName returns the known window named name: the same key, else the one
// window whose folded name equals name's, contains it or is contained in
// it (不动产登记窗口 for 市政务服务中心不动产登记窗口). nil when none or
// several.
func (a *assembler) byName(name string) *group {
	key := nameKey(name)
	if key == "" {
		return nil
	}
	if g := a.groups[key]; g != nil {
		return g
	}
	f := text.Fold(name)
	var found *group
	ambiguous := false
	note := func(g *group) bool {
		if found != nil && found != g {
			ambiguous = true
			return false
		}
		found = g
		return true
	}
	for _, g := range a.names.byFold[f] {
		if !note(g) {
			return nil
		}
	}
	a.names.within(f, note)
	if !ambiguous {
		a.names.holding(f, note)
	}
	if ambiguous {
		return nil
	}
	return found
}

// attribute finds the window of an item that does not name one itself:
// by its file name or path, by the window name its WindowHint (a file name)
// suggests, then by its email when that carries one window. create makes a
// window from the hint when nothing matches (a window that sent only
// photos).
func (a *assembler) attribute(it *Piece, create bool) *group {
	if g := a.byFileName(it.Item); g != nil {
		return g
	}
	hint := a.hintName(it)
	if g := a.byName(hint); g != nil {
		return g
	}
	if g := a.mailWindow(it.Item); g != nil {
		return g
	}
	if create && plausibleWindow(hint) {
		return a.get(nameKey(hint), hint, 3)
	}
	return nil
}

// hintName is the window name an item's WindowHint suggests, "" for none.
func (a *assembler) hintName(it *Piece) string {
	var extra []string
	if it.Kind == classify.Photo {
		extra = append(slices.Clone(a.p.Photos.EnvironmentHints), a.p.Photos.WorkHints...)
	}
	return windowFromFile(it.WindowHint, extra)
}

// plausibleWindow reports whether a name derived from a photo's file name
// may be a window name (…窗口, …办税服务厅, …服务中心) rather than a word
// like 鞍山风景.
func plausibleWindow(name string) bool {
	if utf8.RuneCountInString(nameKey(name)) < minContain || strings.Contains(name, "照片") {
		return false
	}
	if strings.Contains(name, "窗口") {
		return true
	}
	for _, suffix := range []string{"厅", "中心", "站", "专区"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

func (a *assembler) addApplication(it *Piece) {
	name := strings.TrimSpace(it.applicationValue("window_name"))
	g := a.formGroup(it, name, 0)
	g.apps = append(g.apps, it)
	a.noteMail(it.Item, g.key)
}

// addNonWord places a 申报表 that came as PDF or image: by the window its
// file name names, its email's one window, else a window named after the
// file.
func (a *assembler) addNonWord(it *Piece) {
	g := a.byFileName(it.Item)
	hint := a.hintName(it)
	if g == nil {
		g = a.byName(hint)
	}
	if g == nil {
		g = a.mailWindow(it.Item)
	}
	if g == nil {
		g = a.formGroup(it, hint, 2)
	}
	g.nonWord = append(g.nonWord, it.Item)
	a.noteMail(it.Item, g.key)
}

// formGroup is the window of a form that names name; a form without a
// window name goes by its file name or email, else gets a window of its own
// named after the file.
func (a *assembler) formGroup(it *Piece, name string, rank int) *group {
	if key := nameKey(name); key != "" {
		if a.groups[key] == nil {
			if g := a.sameFold(name); g != nil {
				return g
			}
		}
		return a.get(key, name, rank)
	}
	if g := a.byFileName(it.Item); g != nil {
		return g
	}
	if g := a.mailWindow(it.Item); g != nil {
		return g
	}
	return a.get("file:"+it.Item.Path, "未填写窗口名称（"+it.Item.Name+"）", rankUnnamed)
}

// sameFold returns the window whose folded name equals name's, so
// 铁东区税务局（办税服务厅） and 铁东区税务局办税服务厅 are one window.
// Between several, the smallest key.
func (a *assembler) sameFold(name string) *group {
	f := text.Fold(name)
	if f == "" {
		return nil
	}
	var best *group
	for _, g := range a.names.byFold[f] {
		if best == nil || g.key < best.key {
			best = g
		}
	}
	return best
}

// addReview joins a 初审表 to its window: the same name; else the one
// window its email carries (so a misspelt name is still compared, P07);
// else a window whose name contains it or the reverse; else its own.
func (a *assembler) addReview(it *Piece) {
	name := strings.TrimSpace(it.reviewWindow())
	key := nameKey(name)
	g := a.groups[key]
	if g == nil && key != "" {
		g = a.sameFold(name)
	}
	if g == nil || key == "" {
		g = a.mailWindow(it.Item)
	}
	if g == nil {
		g = a.byName(name)
	}
	if g == nil {
		g = a.formGroup(it, name, 1)
	}
	if g.nameRank > 1 && key != "" {
		g.name, g.nameRank = name, 1
		if g.fold == "" {
			a.setFold(g, name)
		}
	}
	g.reviews = append(g.reviews, it)
	a.noteMail(it.Item, g.key)
}

func (a *assembler) addPhoto(it *Piece) {
	if g := a.attribute(it, true); g != nil {
		g.photos = append(g.photos, it)
	}
}

// addRecords attributes metadata records by their window name.
func (a *assembler) addRecords(records []scan.Record) (unmatched []scan.Record) {
	for _, r := range records {
		if g := a.byName(r.Window); g != nil {
			g.records = append(g.records, r)
		} else {
			unmatched = append(unmatched, r)
		}
	}
	return unmatched
}

// addScanImage attributes a scan image: by a record that names its file
// (the window of the smallest key when several do), else like a photo
// (without creating a window). Each analysed page goes to the window of a
// record naming the file and that 页码 (a batch PDF holding several windows'
// 初审表 is split so, and then a page no record names goes to none), else
// to the image's window, and becomes one record
// per review row it judged. Pages that reach no window are returned as
// unmatched records (S03, naming the file and page).
func (a *assembler) addScanImage(it *Piece, files *fileIndex) (unmatched []scan.Record) {
	g := files.window(it.Item)
	if g == nil {
		g = a.attribute(it, false)
	}
	if g != nil {
		g.images = append(g.images, it.Item)
	}
	// A one-page image is the page its records mean, whatever 页码 they
	// give (the page of the paper form); only a file of several pages is
	// split.
	split := len(it.ScanPages) > 1 && files.split(it.Item)
	for _, pg := range it.ScanPages {
		t := g
		if split {
			t = files.windowPage(it.Item, pg.Page) // nil: a page no record names
		}
		if t == nil {
			unmatched = append(unmatched, scan.Record{Source: it.Item.Path, File: it.Item.Name, Page: pg.Page, Stamped: scan.Unknown, Confidence: -1, Image: true})
			continue
		}
		if !slices.Contains(t.images, it.Item) {
			t.images = append(t.images, it.Item)
		}
		pg.Window = t.name
		t.pages = append(t.pages, pg)
		t.records = append(t.records, pageRecords(it.Item, pg, a.p)...)
	}
	return unmatched
}

// pageRecords turns the seal verdicts of a page whose rows were located
// into one scan record per review row (Image set): Stamped is Yes, No, or
// Unknown when doubtful, with the verdict's confidence. Signed stays
// Unknown: the page analysis does not judge signatures, opinions or dates.
func pageRecords(it *intake.Item, pg seal.Page, p *profile.Profile) []scan.Record {
	if !pg.RowsFound() {
		return nil
	}
	var out []scan.Record
	for _, row := range pg.Rows {
		if !slices.ContainsFunc(p.ReviewRows, func(r profile.ReviewRow) bool { return r.Name == row.Role }) {
			continue
		}
		r := scan.Record{Source: it.Path, Window: pg.Window, File: it.Name, Page: pg.Page, Field: row.Role,
			Stamped: scan.Unknown, Confidence: row.Confidence, Image: true}
		if row.Stamped != nil && row.Confidence >= seal.Sure {
			r.Stamped = scan.No
			if *row.Stamped {
				r.Stamped = scan.Yes
			}
		}
		out = append(out, r)
	}
	return out
}

func stem(name string) string { return strings.TrimSuffix(name, path.Ext(name)) }
