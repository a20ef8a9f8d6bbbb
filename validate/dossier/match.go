package dossier

import (
	"strings"
	"unicode/utf8"

	"shenbao/parser/text"
)

// Matcher finds the windows that a name written in another document (a
// ranking table, a 联审 return) may mean, by the rule assembly attributes
// items with: the same key, else the same folded name, else one folded name
// containing the other (不动产登记窗口 for 市民中心不动产登记窗口).
type Matcher struct {
	ds    []*Dossier
	byKey map[string][]*Dossier
	fold  []string // foldText of each window name, index-aligned with ds
}

// NewMatcher indexes ds.
func NewMatcher(ds []*Dossier) *Matcher {
	m := &Matcher{ds: ds, byKey: map[string][]*Dossier{}, fold: make([]string, len(ds))}
	for i, d := range ds {
		m.byKey[d.Key] = append(m.byKey[d.Key], d)
		m.fold[i] = text.Fold(d.Window)
	}
	return m
}

// Candidates returns every window name may mean, in dossier order: those
// of the same key; else the same fold; else those whose fold contains
// name's or is contained in it (folds of at least four runes). Several
// candidates mean the name alone is ambiguous.
func (m *Matcher) Candidates(name string) []*Dossier {
	key := nameKey(name)
	if key == "" {
		return nil
	}
	if ds := m.byKey[key]; len(ds) > 0 {
		return ds
	}
	f := text.Fold(name)
	var same, contain []*Dossier
	for i, g := range m.fold {
		switch {
		case g == "":
		case g == f:
			same = append(same, m.ds[i])
		case containsName(g, f) || containsName(f, g):
			contain = append(contain, m.ds[i])
		}
	}
	if len(same) > 0 {
		return same
	}
	return contain
}

// Abbreviated returns the windows of which name may be a 简称: its runes
// appear in order in the window's folded name (税务窗口 in
// 税务综合服务窗口). Names of fewer than three runes match nothing.
func (m *Matcher) Abbreviated(name string) []*Dossier {
	f := []rune(text.Fold(name))
	if len(f) < 3 {
		return nil
	}
	var out []*Dossier
	for i, g := range m.fold {
		if subsequence(f, g) {
			out = append(out, m.ds[i])
		}
	}
	return out
}

func subsequence(needle []rune, hay string) bool {
	i := 0
	for _, r := range hay {
		if i < len(needle) && r == needle[i] {
			i++
		}
	}
	return i == len(needle)
}

// SameUnit reports whether two spellings of a 所属单位 name one unit: equal
// after folding and dropping a city prefix, or one containing the other
// (市税务局 in 国家税务总局鞍山市税务局).
func SameUnit(a, b string) bool {
	fa, fb := unitFold(a), unitFold(b)
	if fa == "" || fb == "" {
		return false
	}
	if fa == fb {
		return true
	}
	short, long := fa, fb
	if utf8.RuneCountInString(short) > utf8.RuneCountInString(long) {
		short, long = long, short
	}
	return utf8.RuneCountInString(short) >= 3 && strings.Contains(long, short)
}

func unitFold(s string) string {
	f := text.Fold(s)
	for _, p := range []string{"国家税务总局", "辽宁省", "鞍山市", "市"} {
		if t, ok := strings.CutPrefix(f, p); ok && utf8.RuneCountInString(t) >= 2 {
			f = t
		}
	}
	return f
}

// containsName reports whether hay contains the fold needle, for folds
// long enough (minContain runes) to be specific.
func containsName(hay, needle string) bool {
	return needle != "" && utf8.RuneCountInString(needle) >= minContain && strings.Contains(hay, needle)
}

// Is reports whether the i-th dossier given to NewMatcher is d.
func (m *Matcher) Is(i int, d *Dossier) bool { return i >= 0 && i < len(m.ds) && m.ds[i] == d }
