// Package sealtest renders synthetic scanned 初审表 pages with seals,
// red distractors and scanner or phone distortions, each with its truth, so
// the seal detector can be tuned on one set of seeds and scored on another.
// It is deterministic: the same Case gives the same bytes.
package sealtest

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
)

// Classes are the difficulty classes, each stressing one part of the job.
var Classes = []string{
	"clean", "ink", "shapes", "straddle", "distractors", "layout",
	"geometry", "scanner", "grey", "bitonal", "phone",
}

// Case says which page to render.
type Case struct {
	Seed  uint64
	Class string
	Roles []string // the review rows in order, as the profile names them
	Needs []string // per role, "盖章" or "签字"
	DPI   int      // 0: chosen by the class and seed (150–300)
	// Stamp, when set, says per role whether the row gets a seal (a
	// sample with planted gaps); nil: chosen by the class and seed.
	Stamp []bool
}

// RowTruth is what a row really carries.
type RowTruth struct {
	Role    string `json:"role"`
	Stamped bool   `json:"stamped"` // a real seal impression is in the row
	// Want is the answer a careful detector gives: true, false, or nil when
	// only a person can tell (greyscale, a lone 名章).
	Want *bool `json:"want"`
	// NullOK says an uncertain answer is acceptable here (a faint seal, a
	// seal straddling into this row, a seal-sized pen circle).
	NullOK bool `json:"null_ok,omitempty"`
}

// SealTruth is one impression in output pixel coordinates.
type SealTruth struct {
	X, Y, R float64
	Kind    string `json:"kind"`
	Row     string `json:"row"`
}

// Truth is the answer sheet of one page.
type Truth struct {
	Class    string      `json:"class"`
	Seed     uint64      `json:"seed"`
	DPI      int         `json:"dpi"`
	Rotation int         `json:"rotation"` // quarter turn applied, degrees clockwise
	Skew     float64     `json:"skew"`
	Ext      string      `json:"ext"`
	Rows     []RowTruth  `json:"rows"`
	Seals    []SealTruth `json:"seals"`
	Notes    []string    `json:"notes,omitempty"`
}

// band is one table row in millimetres.
type band struct {
	y0, y1 float64
	role   int // index into Roles, -1 for header rows and 备注
}

type page struct {
	c       *canvas
	rng     *rand.Rand
	cs      Case
	x0, x1  float64 // table left and right
	labelW  float64
	bands   []band
	line    rgb
	lineW   float64
	marks   []sealMark
	markRow []int
	truth   Truth
}

func bptr(b bool) *bool { return &b }

// Render draws the page and returns its encoded bytes and truth.
func Render(cs Case) ([]byte, Truth) {
	h := fnv.New64a()
	h.Write([]byte(cs.Class))
	rng := rand.New(rand.NewPCG(cs.Seed, h.Sum64()))
	dpi := cs.DPI
	if dpi == 0 {
		dpi = []int{150, 150, 200, 200, 300}[rng.IntN(5)]
		if cs.Class == "phone" {
			dpi = 200
		}
	}
	paper := rgb{0.97, 0.97, 0.96}
	if cs.Class == "scanner" || cs.Class == "phone" || rng.IntN(6) == 0 {
		y := 0.05 + 0.1*rng.Float64()
		paper = rgb{0.97, 0.95 - y/3, 0.92 - y}
	}
	p := &page{c: newCanvas(dpi, paper), rng: rng, cs: cs, line: inkBlack, lineW: 0.3 + 0.3*rng.Float64()}
	p.truth = Truth{Class: cs.Class, Seed: cs.Seed, DPI: dpi}
	p.layout()
	p.drawTable()
	p.stamp()
	p.distract()
	data, ext := p.finish()
	p.truth.Ext = ext
	return data, p.truth
}

func (p *page) is(classes ...string) bool {
	for _, c := range classes {
		if p.cs.Class == c {
			return true
		}
	}
	return false
}

// layout chooses the template variant: label width, row heights, extra cells.
func (p *page) layout() {
	rng := p.rng
	p.x0, p.x1 = 22+4*rng.Float64(), 186+4*rng.Float64()
	p.labelW = 30 + 8*rng.Float64()
	if p.is("layout") && rng.IntN(2) == 0 {
		p.labelW = 20 + 3*rng.Float64() // narrow: labels in three lines
		p.truth.Notes = append(p.truth.Notes, "narrow label column")
	}
	if p.is("layout") {
		switch rng.IntN(3) {
		case 0:
			p.line = rgb{0.85, 0.2, 0.2}
			p.truth.Notes = append(p.truth.Notes, "red table lines")
		case 1:
			p.line = rgb{0.55, 0.55, 0.55}
			p.truth.Notes = append(p.truth.Notes, "grey table lines")
		}
	}
	top := 42 + 8*rng.Float64()
	y := top
	for range 2 {
		hh := 10 + 4*rng.Float64()
		p.bands = append(p.bands, band{y, y + hh, -1})
		y += hh
	}
	remark := p.is("layout") && rng.IntN(2) == 0
	avail := 297 - 18 - y
	if remark {
		avail -= 16
	}
	hs := make([]float64, len(p.cs.Roles))
	sum := 0.0
	for i := range hs {
		hs[i] = 24 + 12*rng.Float64()
		if p.is("layout", "straddle") {
			hs[i] = 21 + 18*rng.Float64()
		}
		sum += hs[i]
	}
	scale := math.Min(1, avail/sum)
	for i, hh := range hs {
		hh *= scale
		p.bands = append(p.bands, band{y, y + hh, i})
		y += hh
	}
	if remark {
		hh := 11 + 5*rng.Float64()
		p.bands = append(p.bands, band{y, y + hh, -1})
		p.truth.Notes = append(p.truth.Notes, "备注 row")
	}
}

func (p *page) drawTable() {
	c, rng := p.c, p.rng
	title := inkBlack
	if p.is("distractors") && rng.IntN(2) == 0 {
		title = inkPen
		c.line(15, 34, 195, 34, 1.2, inkPen, 0.95)
		c.line(15, 35.6, 195, 35.6, 0.4, inkPen, 0.95)
		p.truth.Notes = append(p.truth.Notes, "红头 title and double rule")
	}
	c.text(rng, 18, 12, 4, 3, inkBlack, 0)
	c.text(rng, 45, 22, 6.5, 16, title, 0)
	top, bot := p.bands[0].y0, p.bands[len(p.bands)-1].y1
	lw, k := p.lineW, p.line
	for _, b := range p.bands {
		c.line(p.x0, b.y0, p.x1, b.y0, lw, k, 1)
	}
	c.line(p.x0, bot, p.x1, bot, lw, k, 1)
	c.line(p.x0, top, p.x0, bot, lw, k, 1)
	c.line(p.x1, top, p.x1, bot, lw, k, 1)
	lx := p.x0 + p.labelW
	c.line(lx, top, lx, bot, lw, k, 1)
	phone := p.is("layout") && rng.IntN(2) == 0
	if phone { // an extra 联系电话 cell in the first row
		b := p.bands[0]
		mx := p.x0 + (p.x1-p.x0)*0.62
		c.line(mx, b.y0, mx, b.y1, lw, k, 1)
		c.line(mx+24, b.y0, mx+24, b.y1, lw, k, 1)
		c.text(rng, mx+2, b.y0+(b.y1-b.y0)/2-2, 4, 4, inkBlack, 0)
		c.text(rng, mx+27, b.y0+(b.y1-b.y0)/2-2, 2.4, 11, inkBlack, 0.5)
		p.truth.Notes = append(p.truth.Notes, "联系电话 cell")
	}
	gs := 4.2
	for _, b := range p.bands {
		hh := b.y1 - b.y0
		lines := 1
		if b.role >= 0 {
			lines = 2
			if p.labelW < 24 {
				lines = 3
			}
		}
		per := int((p.labelW - 3) / (gs * 1.1))
		for l := range lines {
			yy := b.y0 + hh/2 - float64(lines)*gs*0.65 + float64(l)*gs*1.3
			c.text(rng, p.x0+1.5, yy, gs, max(1, min(per, 2+rng.IntN(per))), inkBlack, 0)
		}
		if b.role < 0 {
			if rng.IntN(3) > 0 {
				c.text(rng, lx+4, b.y0+hh/2-2.5, 5, 4+rng.IntN(6), inkBlack, 0.6)
			}
			continue
		}
		// Opinion, signature or 盖章 hint, date.
		op := inkBlack
		if rng.IntN(3) == 0 {
			op = inkBlue
		}
		c.text(rng, lx+3, b.y0+2.5, 4.5, 6+rng.IntN(14), op, 0.7)
		if hh > 26 && rng.IntN(2) == 0 {
			c.text(rng, lx+3, b.y0+8.5, 4.5, 4+rng.IntN(10), op, 0.7)
		}
		dy := b.y1 - 6.5
		c.text(rng, p.x1-48, dy, 4.2, 10, op, 0.4)
		if p.cs.Needs[b.role] == "签字" {
			c.text(rng, p.x1-85, dy-7, 4.2, 3, inkBlack, 0)
			c.scribble(rng, p.x1-70, dy-10, 22, 8, op, 0.45)
		} else {
			c.text(rng, p.x1-85, dy-7, 4.2, 4, inkBlack, 0)
		}
	}
}

// stamp decides which rows carry seals and draws them.
func (p *page) stamp() {
	rng := p.rng
	p.truth.Rows = make([]RowTruth, len(p.cs.Roles))
	for i, r := range p.cs.Roles {
		p.truth.Rows[i] = RowTruth{Role: r, Want: bptr(false)}
	}
	for _, b := range p.bands {
		if b.role < 0 {
			continue
		}
		stamp := p.cs.Needs[b.role] == "盖章" && rng.IntN(4) > 0
		if p.cs.Needs[b.role] == "签字" && rng.IntN(10) == 0 {
			stamp = true // a 签字 row that carries a seal is fine
		}
		if p.cs.Stamp != nil {
			stamp = p.cs.Stamp[b.role]
		}
		if !stamp {
			continue
		}
		m := p.sealFor(b)
		p.add(m, b.role)
		if p.is("ink") && rng.IntN(5) == 0 { // a double impression
			d := m
			d.cx += 1 + 2*rng.Float64()
			d.cy += 1 + 2*rng.Float64()
			d.op *= 0.6
			p.add(d, b.role)
		}
		if p.is("shapes") && rng.IntN(4) == 0 { // two seals touching
			d := m
			d.kind = Round
			d.r = 19 + 2*rng.Float64()
			d.cx = m.cx - m.r - d.r + 1
			d.ink = sealInks[rng.IntN(len(sealInks))]
			p.add(d, b.role)
		}
	}
}

func (p *page) sealFor(b band) sealMark {
	rng := p.rng
	hh := b.y1 - b.y0
	m := sealMark{kind: Round, r: 19 + 2.5*rng.Float64(), ang: rng.Float64() * 2 * math.Pi, ink: inkRed, op: 0.8 + 0.2*rng.Float64()}
	m.cx = p.x1 - 30 - 25*rng.Float64()
	m.cy = b.y0 + hh*(0.4+0.2*rng.Float64())
	switch {
	case p.is("ink"):
		m.ink = sealInks[rng.IntN(len(sealInks))]
		if rng.IntN(3) == 0 {
			m.op = 0.45 + 0.2*rng.Float64()
			m.gaps = 1 + rng.IntN(3)
		}
		if rng.IntN(3) == 0 { // over the date and across the right border
			m.cx = p.x1 - 10 + 8*rng.Float64()
			m.cy = b.y1 - 6
		}
	case p.is("shapes"):
		switch rng.IntN(3) {
		case 0:
			m.kind, m.r = Oval, 21+3*rng.Float64()
			m.ang = (rng.Float64() - 0.5) * 0.8
		case 1:
			m.kind, m.r = Square, 7+2*rng.Float64()
			m.ang = (rng.Float64() - 0.5) * 0.3
		}
	case p.is("straddle"):
		if rng.IntN(2) == 0 {
			m.cy = b.y0 + hh*0.3
		} else {
			m.cy = b.y1 - hh*0.3
		}
	default:
		m.ink = sealInks[rng.IntN(3)]
	}
	return m
}

// add draws a seal and records it for the row whose area holds most of it.
func (p *page) add(m sealMark, role int) {
	p.c.drawSeal(p.rng, m)
	p.marks = append(p.marks, m)
	p.markRow = append(p.markRow, role)
	rt := &p.truth.Rows[role]
	rt.Stamped = true
	switch {
	case m.kind == Square && rt.Want != nil && !*rt.Want:
		rt.Want = nil
	case m.kind != Square:
		rt.Want = bptr(true)
	}
	if m.op < 0.6 {
		rt.NullOK = true
	}
	// A seal spilling far into a neighbour makes that neighbour doubtful.
	for _, b := range p.bands {
		if b.role < 0 || b.role == role {
			continue
		}
		ov := math.Min(b.y1, m.cy+m.r) - math.Max(b.y0, m.cy-m.r)
		if ov > m.r*0.5 {
			p.truth.Rows[b.role].NullOK = true
		}
	}
}

// distract draws red things that are not seals.
func (p *page) distract() {
	if !p.is("distractors", "scanner") {
		return
	}
	c, rng := p.c, p.rng
	review := p.bands[2:]
	pick := func() band { return review[rng.IntN(len(review))] }
	lx := p.x0 + p.labelW
	for _, d := range rng.Perm(9)[:4+rng.IntN(4)] {
		b := pick()
		hh := b.y1 - b.y0
		switch d {
		case 0: // red-pen signature and note
			c.scribble(rng, lx+40, b.y1-13, 28, 9, inkPen, 0.5)
			c.text(rng, lx+5, b.y0+hh/2, 4, 8, inkPen, 0.8)
			p.note("red pen")
		case 1:
			c.readBox(rng, lx+10+20*rng.Float64(), b.y0+hh*0.3)
			p.note("已阅 box")
		case 2:
			c.highlighter(lx+3, b.y0+4.5, lx+60+30*rng.Float64())
			p.note("highlighter")
		case 3:
			c.paperClip(20+100*rng.Float64(), -3)
			p.note("paper clip")
		case 4:
			if b.role >= 0 && !p.truth.Rows[b.role].Stamped {
				c.handCircle(rng, lx+30+30*rng.Float64(), b.y0+hh/2, 9+5*rng.Float64())
				p.truth.Rows[b.role].NullOK = true
				p.note("hand-drawn circle")
			}
		case 5:
			for range 3 {
				b := pick()
				c.tick(lx+2+rng.Float64()*100, b.y0+hh/2, 5)
			}
			p.note("ticks")
		case 6: // 骑缝章: a slice of a seal at the right edge
			m := sealMark{kind: Round, r: 20, cx: 210 + 12, cy: 60 + 180*rng.Float64(), ink: inkRed, op: 0.9}
			c.drawSeal(rng, m)
			p.note("骑缝章 slice")
		case 7: // bleed-through from the back, in a row with no seal
			if b.role >= 0 && !p.truth.Rows[b.role].Stamped {
				m := sealMark{kind: Round, r: 20, cx: lx + 60 + 40*rng.Float64(), cy: b.y0 + hh/2, ink: rgb{0.95, 0.75, 0.75}, op: 0.35, mirror: true, ang: rng.Float64() * 6}
				c.drawSeal(rng, m)
				p.truth.Rows[b.role].NullOK = true
				p.note("bleed-through")
			}
		case 8: // red handwritten note in the margin
			c.text(rng, 192, 80+100*rng.Float64(), 3.5, 3, inkPen, 0.9)
			p.note("margin note")
		}
	}
}

func (p *page) note(s string) { p.truth.Notes = append(p.truth.Notes, s) }
