package form

import (
	"strings"

	"shenbao/parser/word"
)

// specVariants lists every label the two specs know, so a cell carrying any
// of them is treated as a label, never as a value.
func specVariants(app ApplicationSpec, rev ReviewSpec) [][]string {
	var out [][]string
	out = append(out, app.Detect, rev.Detect)
	for _, f := range app.Fields {
		out = append(out, f.Labels)
	}
	for _, f := range rev.Fields {
		out = append(out, f.Labels)
	}
	for _, r := range rev.Rows {
		out = append(out, r.Labels, []string{r.Name})
	}
	return out
}

// Detect tells which form d is: the one with more of its Detect labels found
// as table cell labels, provided at least DetectMin are. Labels mentioned in
// prose do not count, so the 通知 that names both forms is KindNone.
func Detect(d *word.Document, app ApplicationSpec, rev ReviewSpec) Kind {
	kind, _, _ := Classify(d, app, rev)
	return kind
}

// Holds tells which forms d holds, each by the same test as Detect. A
// document can hold both when 附件1 and 附件2 were filled in one file, where
// Detect names only the stronger.
func Holds(d *word.Document, app ApplicationSpec, rev ReviewSpec) (application, review bool) {
	_, application, review = Classify(d, app, rev)
	return application, review
}

// Classify is Detect and Holds from one look at the document's labels.
func Classify(d *word.Document, app ApplicationSpec, rev ReviewSpec) (kind Kind, hasApp, hasReview bool) {
	g := newGrid(d, specVariants(app, rev))
	na, nr := countLabels(g, app.Detect), countLabels(g, rev.Detect)
	hasApp, hasReview = na > 0 && na >= app.DetectMin, nr > 0 && nr >= rev.DetectMin
	switch {
	case hasApp && (!hasReview || na > nr):
		kind = KindApplication
	case hasReview && (!hasApp || nr > na):
		kind = KindReview
	}
	return kind, hasApp, hasReview
}

func countLabels(g *grid, labels []string) int {
	n := 0
	for _, l := range labels {
		if g.find([]string{l}) != nil {
			n++
		}
	}
	return n
}

// ExtractApplication reads the 申报表's fields, 推荐形式 options and staff.
func ExtractApplication(d *word.Document, spec ApplicationSpec) *Application {
	g := newGrid(d, specVariants(spec, ReviewSpec{}))
	a := &Application{Fields: map[string]Field{}, Options: []Option{}, Staff: []Person{}}
	values := map[string]value{}
	for _, f := range spec.Fields {
		v, inCell, ok := g.field(f)
		if !ok {
			a.Fields[f.Key] = Field{}
			a.Missing = append(a.Missing, f.Key)
			continue
		}
		if inCell {
			v.text = dropPromptLine(v.text)
		}
		values[f.Key] = v
		a.Fields[f.Key] = Field{Value: v.text, Found: true, Location: v.loc}
	}
	a.Options = readOptions(values["recommend"], spec.Options)
	if v, ok := values["staff"]; ok {
		a.Staff = ParseStaff(v.text)
		if len(a.Staff) == 0 {
			// The staff label heads a column with the people in the rows
			// below it ("窗口人员姓名 | 身份证号码" over one row each).
			if h := g.find(staffLabels(spec)); h != nil {
				if below := g.rowsBelow(h); len(ParseStaff(below.text)) > 0 {
					a.Staff = ParseStaff(below.text)
					a.Fields["staff"] = Field{Value: below.text, Found: true, Location: below.loc}
				}
			}
		}
	}
	if a.Staff == nil {
		a.Staff = []Person{}
	}
	return a
}

// dropPromptLine removes a first line that is only a printed remark left
// in the value cell ("（200字左右）" above the text typed under it).
func dropPromptLine(s string) string {
	first, rest, ok := strings.Cut(s, "\n")
	if ok && isPrompt(first) {
		return strings.TrimSpace(rest)
	}
	return s
}

// staffLabels is the staff field's labels and printed name.
func staffLabels(spec ApplicationSpec) []string {
	for _, f := range spec.Fields {
		if f.Key == "staff" {
			return append(append([]string{}, f.Labels...), f.Name)
		}
	}
	return nil
}

// field finds a labelled field: the value of its label cell, else a line
// above the table that carries the label. inCell tells which; ok is false
// when the label is nowhere.
func (g *grid) field(f FieldSpec) (v value, inCell, ok bool) {
	variants := append(append([]string{}, f.Labels...), f.Name)
	if h := g.find(variants); h != nil {
		return g.valueOf(h), true, true
	}
	v, ok = g.findLine(variants)
	return v, false, ok
}

// ExtractReview reads the 初审表's fields and its opinion rows.
func ExtractReview(d *word.Document, spec ReviewSpec) *Review {
	g := newGrid(d, specVariants(ApplicationSpec{}, spec))
	r := &Review{Fields: map[string]Field{}, Rows: []ReviewRow{}}
	for _, f := range spec.Fields {
		v, _, ok := g.field(f)
		if !ok {
			r.Fields[f.Key] = Field{}
			r.Missing = append(r.Missing, f.Key)
			continue
		}
		r.Fields[f.Key] = Field{Value: v.text, Found: true, Location: v.loc}
	}
	placeholders := compilePlaceholders(spec.Placeholders)
	for _, rs := range spec.Rows {
		row := ReviewRow{Role: rs.Name}
		h := g.find(append(append([]string{}, rs.Labels...), rs.Name))
		if h == nil {
			r.Rows = append(r.Rows, row)
			r.Missing = append(r.Missing, rs.Name)
			continue
		}
		v := g.valueOf(h)
		row.Found = true
		row.Location = v.loc
		fillOpinion(&row, v, placeholders)
		r.Rows = append(r.Rows, row)
	}
	return r
}

// fillOpinion sets a review row's Raw, Opinion, Date and Images from the
// row's value cells.
func fillOpinion(row *ReviewRow, v value, placeholders []placeholder) {
	row.Raw = v.text
	for _, c := range v.cells {
		for _, im := range c.Images() {
			row.Images = append(row.Images, ImageRef{Target: im.Target, ContentType: im.ContentType, Width: im.Width, Height: im.Height})
		}
	}
	text := v.text
	if ds, ok := findDate(text); ok {
		row.DateText = ds.text
		if ds.ok {
			row.Date = ds.t
		}
		row.DateInvalid = ds.present && !ds.ok
		if !ds.present && isBlankDate(ds.text) {
			row.DateText = ""
		}
		text = text[:ds.start] + text[ds.end:]
	}
	// Other printed date placeholders ("X年X月X日" beside a filled date).
	for {
		ds, ok := findDate(text)
		if !ok || ds.present {
			break
		}
		text = text[:ds.start] + text[ds.end:]
	}
	for _, p := range placeholders {
		text = p.remove(text)
	}
	row.Opinion = cleanLines(text)
}

// isBlankDate reports the printed "年 月 日" with nothing filled in, as
// opposed to "X年X月X日" which is kept in DateText for F07.
func isBlankDate(s string) bool {
	return !strings.ContainsAny(s, "Xx×Ｘｘ")
}

// cleanLines trims every line, drops empty ones and stray separators left
// by removed placeholders.
func cleanLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.Trim(l, " \t\u3000:：")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
