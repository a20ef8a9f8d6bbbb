package seal

import (
	"image"
	"math"
	"slices"
)

// Options say what to look for.
type Options struct {
	// Roles are the review rows of the 初审表 from top to bottom, as the
	// profile names them. Required.
	Roles  []string
	Limits Limits
}

// Row is the verdict on one review row.
type Row struct {
	Role string `json:"role"`
	// Stamped is true (a seal is in the row), false (none), or nil when
	// the page does not settle it: a faint or straddling seal, a lone 名章,
	// a ring on a colourless scan, or rows that could not be located.
	Stamped    *bool   `json:"stamped"`
	Confidence float64 `json:"confidence"`
}

// Seal is one mark found, in pixels of the page as decoded.
type Seal struct {
	X          float64 `json:"x"`
	Y          float64 `json:"y"`
	R          float64 `json:"r"`
	Row        string  `json:"row"` // the role of the row holding most of it; "" outside the review rows
	Kind       string  `json:"kind"`
	Confidence float64 `json:"confidence"`
}

// Band is a located review row, as the four corners (top left, top right,
// bottom right, bottom left) in pixels of the page as decoded.
type Band struct {
	Role    string
	Corners [4][2]float64
}

// Page is what one scanned page shows (SPEC §2 scan_pages).
type Page struct {
	File string `json:"file"`
	Page int    `json:"page"`
	// Window is the window the page belongs to; the pipeline fills it in.
	Window string `json:"window"`
	// Source is the scan file as the run found it (the item's whole
	// provenance chain); the pipeline fills it in.
	Source string `json:"-"`
	// Rotation is the clockwise turn, in degrees (-180, 180], that makes
	// the page as decoded read upright, deskew included.
	Rotation float64 `json:"rotation"`
	Rows     []Row   `json:"rows"`
	Seals    []Seal  `json:"seals"`
	// Trouble is why rows are not judged (the page could not be decoded,
	// or its review rows not located); nil when they are.
	Trouble *Error `json:"-"`
	// Problem is Trouble in the clerk's words; parser/classify fills it in.
	Problem string `json:"problem,omitempty"`
	// Colourless is true for a greyscale or bitonal scan: seals there are
	// never sure.
	Colourless bool `json:"-"`
	// Bands are the located review rows, for drawing; nil when not found.
	Bands []Band `json:"-"`
}

// Sure is the confidence from which a row's answer is taken as settled;
// below it a person looks (SPEC S01).
const Sure = 0.7

// RowsFound says whether the review rows were located (SPEC S05 otherwise).
func (p *Page) RowsFound() bool { return p.Trouble == nil }

// Analyze reads every page of a scan file. It returns an error only when the
// file cannot be opened at all; a page that cannot be decoded is a Page with
// a Problem and no verdicts.
func Analyze(name string, data []byte, opt Options) ([]Page, error) {
	src, err := Open(data, opt.Limits)
	if err != nil {
		return nil, err
	}
	var pages []Page
	for n := 1; n <= src.Pages(); n++ {
		img, err := src.Page(n)
		var p Page
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				e = &Error{Kind: Undecodable, Err: err}
			}
			p = unjudged(opt.Roles, e)
		} else {
			p = AnalyzeImage(img, opt)
		}
		img = nil
		p.File, p.Page = name, n
		pages = append(pages, p)
	}
	return pages, nil
}

func unjudged(roles []string, why *Error) Page {
	p := Page{Trouble: why, Rows: make([]Row, len(roles)), Seals: []Seal{}}
	for i, r := range roles {
		p.Rows[i] = Row{Role: r}
	}
	return p
}

// AnalyzeImage finds the review rows and the seals on one decoded page.
func AnalyzeImage(img image.Image, opt Options) Page {
	r, f, colour := reduce(img)
	if colour && !hasColour(r) {
		colour = false
	}
	pl := normalise(r)
	alpha, t, tab, ok := orient(pl, f)
	var bands []band
	var why *Error
	if ok {
		bands, ok = tab.reviewBands(len(opt.Roles))
		if !ok {
			if a2, t2, tab2, bands2, ok2 := retilt(pl, f, alpha, tab, len(opt.Roles)); ok2 {
				alpha, t, tab, bands, ok = a2, t2, tab2, bands2, true
			}
		}
		if !ok {
			why = &Error{Kind: NoReviewRows, N: len(opt.Roles)}
		}
	} else {
		why = &Error{Kind: NoTable}
		tab = table{pxPerMM: float64(min(t.w, t.h)) / 210}
	}
	fs := detectSeals(t.planes, &tab, colour)
	p := place(fs, bands, opt.Roles, colour)
	p.Rotation = normAngle(alpha)
	p.Colourless = !colour
	if why != nil {
		p.Trouble = why
		for i := range p.Rows {
			p.Rows[i] = Row{Role: opt.Roles[i]}
		}
	}
	for i := range p.Seals {
		p.Seals[i].X, p.Seals[i].Y = t.toPage(p.Seals[i].X, p.Seals[i].Y)
		p.Seals[i].R *= t.f
		p.Seals[i].X, p.Seals[i].Y, p.Seals[i].R = round1(p.Seals[i].X), round1(p.Seals[i].Y), round1(p.Seals[i].R)
	}
	if ok {
		for i, b := range bands {
			var c [4][2]float64
			for k, pr := range [4][2]line{{b.top, tab.left}, {b.top, tab.right}, {b.bot, tab.right}, {b.bot, tab.left}} {
				x, y := cross(pr[0], pr[1])
				c[k][0], c[k][1] = t.toPage(x, y)
				c[k][0], c[k][1] = round1(c[k][0]), round1(c[k][1])
			}
			p.Bands = append(p.Bands, Band{Role: opt.Roles[i], Corners: c})
		}
	}
	return p
}

// orient turns the page upright: the skew from the row profile, the
// quarter turn from where a table with rules is found (the page's shape
// says which to try first), and upside down from the table's label column.
func orient(pl *planes, f int) (float64, *turned, table, bool) {
	// The skew near the other quarter turn is only estimated when the
	// first one finds no table.
	order := []float64{0, 90}
	if pl.w > pl.h {
		order = []float64{90, 0}
	}
	// attempt turns the page by the skew estimated near around and looks
	// for the table, upside down too; loose allows more tilt.
	attempt := func(around float64, loose bool) (float64, *turned, table, bool) {
		alpha := estimateTurn(pl, around)
		t := turn(pl, alpha, f)
		tab, ok := findTable(t.planes, loose)
		if ok && tab.upsideDown(t.planes) {
			alpha += 180
			t = turn(pl, alpha, f)
			tab, ok = findTable(t.planes, loose)
		}
		return alpha, t, tab, ok && len(tab.hs) >= 5
	}
	var first *turned
	var firstTab table
	for i, around := range order {
		alpha, t, tab, ok := attempt(around, false)
		if ok {
			return alpha, t, tab, true
		}
		if i == 0 {
			first, firstTab = t, tab
		}
	}
	// A phone photo taken at a slant tilts the rules at the top and bottom
	// of the table so differently that too few of them lie near level for
	// either turn; allowing more tilt finds them (retilt then levels the
	// page by the rules found).
	for _, around := range order {
		if alpha, t, tab, ok := attempt(around, true); ok {
			return alpha, t, tab, true
		}
	}
	return first.alpha, first, firstTab, false
}

// retilt tries again where the review rows were not told apart on the
// turned page: a phone photo's perspective tilts the rules at the top and
// bottom of the table differently, so some were too far off level to be
// found. The page is turned by the median slope of the rules that were
// found, and the rules are looked for again allowing more tilt.
func retilt(pl *planes, f int, alpha float64, tab table, n int) (float64, *turned, table, []band, bool) {
	if len(tab.hs) == 0 {
		return 0, nil, table{}, nil, false
	}
	slopes := make([]float64, len(tab.hs))
	for i, h := range tab.hs {
		slopes[i] = h.b
	}
	slices.Sort(slopes)
	alpha -= math.Atan(slopes[len(slopes)/2]) * 180 / math.Pi
	t := turn(pl, alpha, f)
	tab, ok := findTable(t.planes, true)
	// The first look may have found too few of the rules to find the label
	// column's divider, and so told upside down from the margins alone;
	// the divider, now found, says it better.
	if ok && tab.labelSide(float64(t.h)/2) > 0 {
		alpha += 180
		t = turn(pl, alpha, f)
		tab, ok = findTable(t.planes, true)
	}
	if !ok || len(tab.hs) < 5 {
		return 0, nil, table{}, nil, false
	}
	bands, ok := tab.reviewBands(n)
	return alpha, t, tab, bands, ok
}

// hasColour tells a colour scan from a grey one stored as RGB: on a colour
// scan some pixels (paper tint, ink, JPEG chroma) differ between channels.
func hasColour(r *raster) bool {
	// It stops at the first pixel that settles it: on a colour scan that
	// is a few rows in, not the whole page.
	n, need := 0, len(r.pix)/3
	for i := 0; i+2 < len(r.pix); i += 3 {
		a, b, c := int(r.pix[i]), int(r.pix[i+1]), int(r.pix[i+2])
		if max(a, b, c)-min(a, b, c) > 12 {
			n++
			if n*2000 > need {
				return true
			}
		}
	}
	return false
}

func normAngle(a float64) float64 {
	a = math.Mod(a, 360)
	if a > 180 {
		a -= 360
	}
	if a <= -180 {
		a += 360
	}
	return round1(a)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// place puts each seal in the row that holds most of its area and judges
// each row.
func place(fs []found, bands []band, roles []string, colour bool) Page {
	p := Page{Rows: make([]Row, len(roles)), Seals: []Seal{}}
	best := make([]float64, len(roles))  // best sure confidence per row
	doubt := make([]float64, len(roles)) // best doubtful confidence per row
	spill := make([]bool, len(roles))
	for _, f := range fs {
		frac := make([]float64, len(bands))
		total := 0
		e := ellipse{f.cx, f.cy, f.a, f.b, f.ang}.measure()
		step := max(1.0, f.b/8)
		for y := f.cy - f.a; y <= f.cy+f.a; y += step {
			for x := f.cx - f.a; x <= f.cx+f.a; x += step {
				if !e.inside(x, y, 1) {
					continue
				}
				total++
				for i, b := range bands {
					if b.contains(x, y) {
						frac[i]++
						break
					}
				}
			}
		}
		first, second := -1, -1
		for i := range frac {
			frac[i] /= float64(max(total, 1))
			if first < 0 || frac[i] > frac[first] {
				first, second = i, first
			} else if second < 0 || frac[i] > frac[second] {
				second = i
			}
		}
		s := Seal{X: f.cx, Y: f.cy, R: math.Sqrt(f.a * f.b), Kind: f.kind, Confidence: round2(f.conf)}
		if first >= 0 && frac[first] >= 0.3 {
			s.Row = roles[first]
			c := f.conf * math.Min(1, 0.55+frac[first]*0.6)
			if colour && f.kind != KindSquare && c >= 0.7 {
				best[first] = math.Max(best[first], c)
			} else {
				doubt[first] = math.Max(doubt[first], math.Min(c, 0.6))
			}
			if second >= 0 && frac[second] >= 0.3 {
				spill[second] = true
			}
		}
		p.Seals = append(p.Seals, s)
	}
	for i, r := range roles {
		row := Row{Role: r}
		switch {
		case best[i] > 0:
			row.Stamped, row.Confidence = ptr(true), round2(best[i])
		case doubt[i] > 0:
			row.Confidence = round2(doubt[i])
		case spill[i]:
			row.Confidence = 0.5
		case colour:
			row.Stamped, row.Confidence = ptr(false), 0.9
		default:
			// On a colourless scan a light seal can vanish: no ring is
			// not proof of no seal.
			row.Stamped, row.Confidence = ptr(false), 0.6
		}
		p.Rows[i] = row
	}
	return p
}

func ptr[T any](v T) *T { return &v }

// cross intersects horizontal rule h (y = a + b·x) with vertical rule v
// (x = a + b·y).
func cross(h, v line) (float64, float64) {
	y := (h.a + h.b*v.a) / (1 - h.b*v.b)
	return v.at(y), y
}
