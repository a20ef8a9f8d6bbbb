package seal

import (
	"math"
	"slices"
)

// table is the ruled frame found on the upright page.
type table struct {
	left, right line // vertical frame lines (x = a + b·y)
	hs          []line
	vs          []line // all long vertical lines, frame included
	labelX      float64
	top, bottom float64
	pxPerMM     float64
}

// findTable finds the review table: the horizontal rules that share the
// frame of the vertical ones. ok is false when there is no table to speak of.
// tilt lets the rules lie further off level (see findLines).
func findTable(p *planes, tilt bool) (t table, ok bool) {
	hs := findLines(p.dark, p.w, p.h, float64(p.w)*0.3, tilt)
	vt := transpose(p.dark, p.w, p.h)
	vs := findLines(vt, p.h, p.w, float64(p.h)*0.25, tilt)
	if len(hs) < 3 {
		return t, false
	}
	// The frame: leftmost and rightmost long vertical lines, else the
	// common extent of the horizontal rules.
	slices.SortFunc(vs, func(a, b line) int { return cmpFloat(a.at(float64(p.h)/2), b.at(float64(p.h)/2)) })
	mid := float64(p.h) / 2
	// framed says where the table ends is known: from its frame lines, or
	// from the rules' ends lining up.
	framed := false
	if len(vs) >= 2 {
		var ok bool
		t.left, t.right, ok = frameSides(vs, hs)
		t.vs = vs
		// The table spans what its frame spans: an interior line that runs
		// on past it (a fold crease, a scanner streak) does not widen it,
		// or a crease across the page above the table becomes a rule.
		t.top, t.bottom = min(t.left.lo, t.right.lo), max(t.left.hi, t.right.hi)
		framed = ok && t.right.at(mid)-t.left.at(mid) >= float64(p.w)*0.4
	}
	if !framed {
		var los, his []float64
		for _, h := range hs {
			los, his = append(los, h.lo), append(his, h.hi)
		}
		slices.Sort(los)
		slices.Sort(his)
		t.left = line{a: los[len(los)/2], lo: 0, hi: float64(p.h)}
		t.right = line{a: his[len(his)/2], lo: 0, hi: float64(p.h)}
		t.top, t.bottom = 0, float64(p.h)
		// With no frame found (the lens tilts a phone photo's frame lines
		// too far to be found, or only the label divider is), the rules'
		// ends still line up where the frame is, slanted as it is; a
		// fold's crease runs on past them.
		if l, r, ok := endLines(hs); ok {
			t.left, t.right, framed = l, r, true
			tol := 0.01 * float64(p.h)
			t.top, t.bottom = min(l.lo, r.lo)-tol, max(l.hi, r.hi)+tol
		}
	}
	width := t.right.at(mid) - t.left.at(mid)
	if width < float64(p.w)*0.35 {
		return t, false
	}
	tol := float64(p.h) * 0.012
	var crossing []int    // indices in t.hs of rules that run past the frame on both sides
	var crossIn []float64 // their darkness inside the frame
	for _, h := range hs {
		y := h.at((h.lo + h.hi) / 2)
		if y < t.top-tol || y > t.bottom+tol {
			continue
		}
		if h.span() < 0.6*width {
			continue
		}
		// A rule of the form runs from frame to frame; broken by a seal or
		// a fold it still reaches one side. A highlighter stroke or a
		// struck-through line of text in the opinion column reaches
		// neither.
		if h.lo > t.left.at(y)+0.1*width && h.hi < t.right.at(y)-0.1*width {
			continue
		}
		// A rule ends at the frame; a fold's crease runs on across the
		// paper past it on both sides (a rule joined up with a mark just
		// outside the frame runs past one). Only a found frame says where
		// the table ends.
		// A crease that runs along a rule joins it; the rule is then much
		// darker inside the frame than the crease is outside it.
		// A crease partly hidden (by a seal, by text it crosses) is found
		// only in part: it runs past the frame on one side and stops short
		// of the other, which no rule does.
		l, r := t.left.at(y), t.right.at(y)
		past := min(l-h.lo, h.hi-r) > 0.03*width ||
			(max(l-h.lo, h.hi-r) > 0.03*width && (h.lo > l+0.1*width || h.hi < r-0.1*width))
		if framed && past {
			in := p.lineDark(h, l+3, r-3)
			out := (p.lineDark(h, h.lo, l-3) + p.lineDark(h, r+3, h.hi)) / 2
			if in < 1.5*out+10 {
				continue
			}
			crossing = append(crossing, len(t.hs))
			crossIn = append(crossIn, in)
		}
		t.hs = append(t.hs, h)
	}
	// Outside the frame a crease may be lighter still (the paper shaded
	// towards the edge), so it passes the test above; it is then much
	// lighter inside the frame than the rules that end at the frame are.
	if len(crossing) > 0 && len(t.hs)-len(crossing) >= 3 {
		var ruleIn []float64
		for i, h := range t.hs {
			if !slices.Contains(crossing, i) {
				y := h.at((h.lo + h.hi) / 2)
				ruleIn = append(ruleIn, p.lineDark(h, t.left.at(y)+3, t.right.at(y)-3))
			}
		}
		slices.Sort(ruleIn)
		med := ruleIn[len(ruleIn)/2]
		kept := t.hs[:0]
		for i, h := range t.hs {
			if k := slices.Index(crossing, i); k >= 0 && crossIn[k] < 0.5*med {
				continue
			}
			kept = append(kept, h)
		}
		t.hs = kept
	}
	// A form's rules are drawn alike: one with a small part of the ink of
	// the others (along its length) is text that happened to link up into
	// a long thin run, not a rule.
	if len(t.hs) >= 4 {
		rs := make([]float64, len(t.hs))
		for i, h := range t.hs {
			rs[i] = h.ink / h.span()
		}
		slices.Sort(rs)
		med := rs[len(rs)/2]
		t.hs = slices.DeleteFunc(t.hs, func(h line) bool { return h.ink/h.span() < 0.3*med })
	}
	t.pxPerMM = width / 160
	// Rules closer than 2.5 mm are one rule drawn double.
	merged := t.hs[:0]
	for _, h := range t.hs {
		if n := len(merged); n > 0 && rowGap(merged[n-1], h) < 2.5*t.pxPerMM {
			continue
		}
		merged = append(merged, h)
	}
	t.hs = merged
	if len(t.hs) < 3 {
		return t, false
	}
	// The label column's divider: the long interior vertical line nearest
	// the left frame.
	// A line hugging the frame is not it: on a phone photo the frame
	// itself, bent by the lens, is often found twice a few pixels apart.
	t.labelX = math.NaN()
	l, r := t.left.at(mid), t.right.at(mid)
	for _, v := range t.vs {
		x := v.at(mid)
		if v.span() > 0.5*(t.bottom-t.top) && x-l > 0.08*(r-l) && r-x > 0.08*(r-l) {
			t.labelX = x
			break
		}
	}
	return t, true
}

// frameSides picks the table's left and right frame lines among the long
// vertical lines vs (sorted left to right): the ones where most horizontal
// rules end. The outermost lines need not be the frame: a page edge, a
// fold's crease or a 骑缝章 slice in the margin can be long and straight
// too, but the rules do not end on them. With no line that the rules
// clearly end on, the outermost ones are taken; ok is false when most
// rules run on past those, so the frame itself was not found (only the
// label divider, say).
func frameSides(vs, hs []line) (left, right line, ok bool) {
	left, right = vs[0], vs[len(vs)-1]
	longest := 0.0
	for _, h := range hs {
		longest = max(longest, h.span())
	}
	var rules []line
	for _, h := range hs {
		if h.span() >= 0.5*longest {
			rules = append(rules, h)
		}
	}
	if len(rules) < 3 {
		return left, right, true
	}
	tol := 0.02*longest + 2
	// ends counts the rules with an end (lo when first, else hi) on v,
	// and those that run on past v by more than tol.
	ends := func(v line, first bool) (on, past int) {
		for _, h := range rules {
			x := h.hi
			if first {
				x = h.lo
			}
			y := h.at(x)
			if y < v.lo-tol || y > v.hi+tol {
				continue
			}
			d := x - v.at(y)
			if !first {
				d = -d
			}
			switch {
			case math.Abs(d) <= tol:
				on++
			case d < -tol:
				past++
			}
		}
		return on, past
	}
	bestL, bestR, nl, nr := -1, -1, 0, 0
	for i, v := range vs {
		if n, _ := ends(v, true); n > nl {
			bestL, nl = i, n
		}
		if n, _ := ends(v, false); n >= nr && n > 0 {
			bestR, nr = i, n
		}
	}
	need := (len(rules) + 1) / 2
	if bestL >= 0 && bestR > bestL && nl >= need && nr >= need {
		return vs[bestL], vs[bestR], true
	}
	_, pastL := ends(left, true)
	_, pastR := ends(right, false)
	return left, right, pastL < need && pastR < need
}

// endLines fits the lines x = a + b·y through the left and the right ends
// of the long horizontal rules (Theil–Sen, so a crease or a rule broken at
// its end does not pull them). ok is false unless most rules end on both.
func endLines(hs []line) (left, right line, ok bool) {
	longest := 0.0
	for _, h := range hs {
		longest = max(longest, h.span())
	}
	var rules []line
	for _, h := range hs {
		if h.span() >= 0.5*longest {
			rules = append(rules, h)
		}
	}
	if len(rules) < 4 {
		return left, right, false
	}
	tol := 0.02*longest + 2
	fit := func(first bool) (line, bool) {
		xs, ys := make([]float64, len(rules)), make([]float64, len(rules))
		for i, h := range rules {
			xs[i] = h.hi
			if first {
				xs[i] = h.lo
			}
			ys[i] = h.at(xs[i])
		}
		var slopes []float64
		for i := range rules {
			for j := i + 1; j < len(rules); j++ {
				if dy := ys[j] - ys[i]; math.Abs(dy) > 1 {
					slopes = append(slopes, (xs[j]-xs[i])/dy)
				}
			}
		}
		if len(slopes) == 0 {
			return line{}, false
		}
		slices.Sort(slopes)
		b := slopes[len(slopes)/2]
		as := make([]float64, len(rules))
		for i := range rules {
			as[i] = xs[i] - b*ys[i]
		}
		slices.Sort(as)
		l := line{a: as[len(as)/2], b: b, lo: math.Inf(1), hi: math.Inf(-1)}
		n := 0
		for i := range rules {
			if math.Abs(l.at(ys[i])-xs[i]) <= tol {
				n++
				l.lo, l.hi = min(l.lo, ys[i]), max(l.hi, ys[i])
			}
		}
		return l, 2*n > len(rules) && math.Abs(b) < 0.3
	}
	left, okL := fit(true)
	right, okR := fit(false)
	return left, right, okL && okR
}

// lineDark is the median darkness along horizontal line l from x0 to x1,
// the darkest of three pixels across it at each step. The median, not the
// mean: a fold's crease that runs through a line of text or a signature
// is dark where it crosses them, but not along most of its length as a
// rule is.
func (p *planes) lineDark(l line, x0, x1 float64) float64 {
	var hist [256]int
	n := 0
	for x := max(0, int(x0)); x <= min(p.w-1, int(x1)); x++ {
		y := int(math.Round(l.at(float64(x))))
		d := uint8(0)
		for yy := max(0, y-1); yy <= min(p.h-1, y+1); yy++ {
			d = max(d, p.dark[yy*p.w+x])
		}
		hist[d]++
		n++
	}
	half := 0
	for v, c := range hist {
		half += c
		if 2*half >= n && n > 0 {
			return float64(v)
		}
	}
	return 0
}

// rowGap is the distance between two horizontal rules in the middle.
func rowGap(a, b line) float64 {
	m := (max(a.lo, b.lo) + min(a.hi, b.hi)) / 2
	return math.Abs(b.at(m) - a.at(m))
}

// upsideDown says whether the table reads upside down: its label column on
// the right, or, with no label divider, a wider margin below than above.
func (t table) upsideDown(p *planes) bool {
	if side := t.labelSide(float64(p.h) / 2); side != 0 {
		return side > 0
	}
	h := p.h
	mid := float64(h) / 2
	l, r := t.left.at(mid), t.right.at(mid)
	// The title (and 附件2) stand above the table; below it there is at
	// most a short note. A page that ends far below its table is common
	// (a short form on A4), so the ink decides before the margins do.
	top := t.hs[0].at((t.hs[0].lo + t.hs[0].hi) / 2)
	last := t.hs[len(t.hs)-1]
	bot := last.at((last.lo + last.hi) / 2)
	above, below := p.inkRows(0, int(top)-2, int(l), int(r)), p.inkRows(int(bot)+3, h, int(l), int(r))
	switch {
	case above > 1.5*below+20:
		return false
	case below > 1.5*above+20:
		return true
	}
	return float64(h)-bot > top*1.3
}

// labelSide says which side of the table its label column is on: -1 on
// the left (upright), 1 on the right (upside down), 0 when no label divider
// was found or it stands near the middle.
func (t table) labelSide(mid float64) int {
	l, r := t.left.at(mid), t.right.at(mid)
	if math.IsNaN(t.labelX) || r <= l {
		return 0
	}
	switch pos := (t.labelX - l) / (r - l); {
	case pos < 0.4:
		return -1
	case pos > 0.6:
		return 1
	}
	return 0
}

// inkRows sums the darkness above the paper of rows [y0, y1) between
// columns x0 and x1, in units of one fully dark pixel.
func (p *planes) inkRows(y0, y1, x0, x1 int) float64 {
	y0, y1 = max(y0, 0), min(y1, p.h)
	x0, x1 = max(x0, 0), min(x1, p.w)
	sum := 0
	for y := y0; y < y1; y++ {
		for _, d := range p.dark[y*p.w+x0 : y*p.w+max(x0, x1)] {
			if d >= 60 {
				sum += int(d)
			}
		}
	}
	return float64(sum) / 255
}

// band is one table row between two rules.
type band struct {
	top, bot line
}

func (b band) height() float64 { return rowGap(b.top, b.bot) }

// contains says whether point (x, y) lies in the band.
func (b band) contains(x, y float64) bool { return y >= b.top.at(x) && y < b.bot.at(x) }

// reviewBands picks the n consecutive rows that are the review rows: the
// run of n whose heights sum highest (review rows hold an opinion, a
// signature or seal and a date; the 窗口名称/人员 rows above and a 备注
// row below are short). ok is false when the choice is not clear.
func (t table) reviewBands(n int) (bs []band, ok bool) {
	var all []band
	for i := 1; i < len(t.hs); i++ {
		all = append(all, band{t.hs[i-1], t.hs[i]})
	}
	if len(all) < n {
		return nil, false
	}
	best, second, at := -1.0, -1.0, 0
	for s := 0; s+n <= len(all); s++ {
		sum := 0.0
		for _, b := range all[s : s+n] {
			sum += b.height()
		}
		if sum > best {
			best, second, at = sum, best, s
		} else if sum > second {
			second = sum
		}
	}
	bs = all[at : at+n]
	minH := math.Inf(1)
	for _, b := range bs {
		minH = min(minH, b.height())
	}
	// Every chosen row must look like a review row, and every row left out
	// must be clearly shorter than the shortest chosen one.
	if minH < 12*t.pxPerMM {
		return bs, false
	}
	for i, b := range all {
		if i >= at && i < at+n {
			continue
		}
		if b.height() > minH*0.92 {
			return bs, false
		}
	}
	return bs, true
}
