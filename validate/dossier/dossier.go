package dossier

import (
	"errors"
	"time"

	"shenbao/parser/classify"
	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/problem"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// Piece is what the parse stage made of one item, the input to Assemble:
// one per item, two for a Word file holding both forms (see Pieces).
type Piece struct {
	Item *intake.Item
	// Kind is classify's kind; never classify.BothForms (Pieces splits it).
	// Assemble uses Application, Review, NonWordApplication, Photo,
	// ScanImage and Failed and passes over the rest.
	Kind        classify.Kind
	Format      string // "docx", "doc", "wps", "jpeg", "png", "pdf", …
	Application *form.Application
	Review      *form.Review
	Width       int // photos and scan images: pixel size
	Height      int
	ScanPages   []seal.Page // scan images: what each page shows
	// WindowHint is a window name the parse stage read from a non-Word
	// item (a PDF 申报表's name, a photo's name); "" when none.
	WindowHint string
	// Warnings are the recoverable problems met reading a Word form.
	Warnings []problem.Problem

	// packed holds the forms between Pack and the window's check; nil for
	// the pieces without forms (most are photos).
	packed *packedForms
}

// packedForms are a piece's forms packed, with what assembly and the
// checks across windows read of them before the window is checked: the
// names of the window and unit, the staff.
type packedForms struct {
	app, review                stored
	appWindow, appUnit, revWin string
	staff                      []form.Person
	staffLoc                   string
}

// Pack puts the piece's forms away as bytes (form.Pack), in st (nil: in
// memory as bytes the garbage collector need not walk): thousands of them
// wait between the parse of their item and the check of their window. The
// window's dossier brings them back (Dossier.Open).
func (p *Piece) Pack(st *Store) {
	if p.Application == nil && p.Review == nil {
		return
	}
	pk := &packedForms{}
	if a := p.Application; a != nil {
		pk.appWindow, pk.appUnit = a.Value("window_name"), a.Value("unit")
		pk.staff, pk.staffLoc = a.Staff, a.Fields["staff"].Location
		pk.app, p.Application = st.put(a.Pack()), nil
	}
	if r := p.Review; r != nil {
		pk.revWin = r.Value("window_name")
		pk.review, p.Review = st.put(r.Pack()), nil
	}
	p.packed = pk
}

// DropForms lets go of the piece's forms, packed or not, once assembly has
// given them to the dossiers.
func (p *Piece) DropForms() { p.Application, p.Review, p.packed = nil, nil, nil }

// hasApplication tells whether the piece holds a 申报表, packed or not.
func (p *Piece) hasApplication() bool {
	return p.Application != nil || p.packed != nil && p.packed.app.present()
}

// applicationValue is the 申报表's window_name or unit, packed or not.
func (p *Piece) applicationValue(key string) string {
	switch {
	case p.Application != nil:
		return p.Application.Value(key)
	case p.packed == nil:
		return ""
	case key == "unit":
		return p.packed.appUnit
	}
	return p.packed.appWindow
}

// reviewWindow is the 初审表's window_name, packed or not.
func (p *Piece) reviewWindow() string {
	switch {
	case p.Review != nil:
		return p.Review.Value("window_name")
	case p.packed == nil:
		return ""
	}
	return p.packed.revWin
}

// packedParts are the piece's packed forms and the staff kept beside, nil
// when it holds none.
func (p *Piece) packedParts() (app, review stored, staff []form.Person, staffLoc string) {
	if p.packed == nil {
		return stored{}, stored{}, nil, ""
	}
	return p.packed.app, p.packed.review, p.packed.staff, p.packed.staffLoc
}

// Pieces is what Assemble takes from one leaf item: r, what the parse stage
// made of it, or nil when the walk already judged the item (failed or
// ignored) and it was not parsed. A file holding both forms gives a
// 申报表 and a 初审表 of the same item.
func Pieces(it *intake.Item, r *classify.Result) []*Piece {
	if r == nil {
		kind := classify.Failed
		if it.Status == intake.Ignored {
			kind = classify.Ignored
		}
		return []*Piece{{Item: it, Kind: kind}}
	}
	p := &Piece{Item: it, Kind: r.Kind, Format: r.Format, Application: r.Application, Review: r.Review,
		Width: r.Width, Height: r.Height, WindowHint: r.WindowHint, ScanPages: r.ScanPages}
	for i := range p.ScanPages {
		p.ScanPages[i].Source = it.Path
	}
	if r.Document != nil {
		p.Warnings = r.Document.Warnings
	}
	if r.Kind != classify.BothForms {
		return []*Piece{p}
	}
	p.Kind, p.Review = classify.Application, nil
	return []*Piece{p, {Item: it, Kind: classify.Review, Format: r.Format, Review: r.Review, Warnings: p.Warnings}}
}

// AppDoc is a 申报表 in a dossier.
type AppDoc struct {
	Item   *intake.Item
	Format string
	// Form is nil while the form is packed: until Dossier.Open, only Staff
	// and StaffLocation can be read.
	Form     *form.Application
	Warnings []problem.Problem // met while reading the document

	packed   stored
	staff    []form.Person
	staffLoc string
}

// Staff is the 申报表's staff, packed or not.
func (a *AppDoc) Staff() []form.Person {
	if a.Form != nil {
		return a.Form.Staff
	}
	return a.staff
}

// StaffLocation is where the staff field was found, packed or not.
func (a *AppDoc) StaffLocation() string {
	if a.Form != nil {
		return a.Form.Fields["staff"].Location
	}
	return a.staffLoc
}

// ReviewDoc is a Word 初审表 in a dossier.
type ReviewDoc struct {
	Item   *intake.Item
	Format string
	// Form is nil while the form is packed (until Dossier.Open).
	Form     *form.Review
	Warnings []problem.Problem // met while reading the document

	packed stored
}

// unpack is the 初审表, unpacked for the moment if it is packed; nil when
// there is none.
func (r *ReviewDoc) unpack() (*form.Review, error) {
	if r.Form != nil || !r.packed.present() {
		return r.Form, nil
	}
	b, err := r.packed.bytes()
	if err != nil {
		return nil, err
	}
	return form.UnpackReview(b)
}

// form is unpack's form, nil when it cannot be unpacked.
func (r *ReviewDoc) form() *form.Review {
	f, _ := r.unpack()
	return f
}

// unpack is the 申报表, unpacked if it is packed; nil when there is none.
func (a *AppDoc) unpack() (*form.Application, error) {
	if a.Form != nil || !a.packed.present() {
		return a.Form, nil
	}
	b, err := a.packed.bytes()
	if err != nil {
		return nil, err
	}
	return form.UnpackApplication(b)
}

// Open unpacks the dossier's forms for its window's check. An error is a
// fault of the program or of the temporary file the forms wait in (a disk
// failing), never of an input; the form it names stays nil.
//
// Open also merges the rows (Rows, and their Findings) if assembly left
// them; it does so even when a form cannot be unpacked, without that form.
func (d *Dossier) Open() error {
	var errs []error
	if a := d.Application; a != nil {
		f, err := a.unpack()
		if err == nil {
			a.Form, a.packed = f, stored{}
		}
		errs = append(errs, err)
	}
	if r := d.Review; r != nil {
		f, err := r.unpack()
		if err == nil {
			r.Form, r.packed = f, stored{}
		}
		errs = append(errs, err)
	}
	if d.merge != nil {
		d.Rows, d.Findings = mergeRows(d, d.merge)
		d.merge = nil
	}
	return errors.Join(errs...)
}

// Photo is a photo attributed to a window.
type Photo struct {
	Item     *intake.Item
	Width    int
	Height   int
	Category string // "environment", "work", or "" when the name says neither
}

// Replacement records that New superseded Old (M08).
type Replacement struct {
	Old, New *intake.Item
}

// Row is the merged evidence for one review row, from the Word 初审表 and the
// scan records together.
type Row struct {
	Role  string // the profile's row name
	Needs string // "签字" or "盖章"
	Found bool   // the row exists in the Word 初审表 or in a scan record

	Opinion     string
	OpinionFrom string // "电子版", "扫描", or "" when none
	Date        time.Time
	DateText    string
	DateInvalid bool
	DateFrom    string

	Signed     scan.Tri // from scan records, or Yes from an image in the Word row
	Stamped    scan.Tri
	MarkFrom   string  // "扫描", "电子版" (seal/signature image), or ""
	Confidence float64 // of the scan record that gave the mark; -1 when none
	// ScanPage is the page of a scan image the mark was seen on (the seal
	// analysis of the page itself); 0 when it came from metadata or Word.
	ScanPage int
	// Unread says the row is known only from a scan page's seal analysis:
	// its opinion, signature and date were not read (neither a Word 初审表
	// row nor a metadata record gives them), so they are not missing.
	Unread bool

	Location string // where the row was read: file and cell, or metadata file and row
}

// Dossier is everything that arrived for one window.
type Dossier struct {
	Key    string // normalised window name: the grouping key
	Window string // window name as the 申报表 writes it (else 初审表, scan, photo)
	Unit   string // 所属单位 from the 申报表

	Application *AppDoc        // the newest Word 申报表, nil when none
	Review      *ReviewDoc     // the newest Word 初审表, nil when none
	NonWord     []*intake.Item // 申报表 that came as PDF or image (M02)
	Photos      []Photo
	Scans       []scan.Record  // metadata records attributed here
	ScanImages  []*intake.Item // scan images attributed here
	ScanPages   []seal.Page    // their analysed pages, Window set, in input order
	// Rows are one per profile review row, in profile order. Assembly
	// leaves them, and the Findings of the merge, to Open: made while the
	// window is checked, they are not held for the whole batch at once.
	Rows     []Row
	Failed   []*intake.Item // items attributed here that could not be read (M09)
	Replaced []Replacement  // older submissions replaced by newer ones (M08)
	Items    []*intake.Item // every item attributed to the window, by Pos

	// Findings made while assembling (S02 contradictions found in the merge,
	// for example); validate adds the rest.
	Findings []finding.Finding

	// merge is the profile the rows are still to be merged by (in Open);
	// nil once they are.
	merge *profile.Profile
}

// Mail returns the email the window's 申报表 came in (else its 初审表's),
// nil when neither came by mail.
func (d *Dossier) Mail() *intake.Mail {
	if d.Application != nil && d.Application.Item.Mail != nil {
		return d.Application.Item.Mail
	}
	if d.Review != nil && d.Review.Item.Mail != nil {
		return d.Review.Item.Mail
	}
	return nil
}
