package sealtest

import (
	"fmt"
	"io"
	"slices"
)

// Tally counts row answers against the truth for one class.
type Tally struct {
	Rows, Right     int
	SureWrong       int // a sure true where there is no seal, or a sure false where there is one
	Doubtful        int // answered nil where a sure answer was due
	TP, FP, FN      int // over sure answers, "stamped" being the positive class
	Pages, NoRows   int // pages; pages whose rows were not located
	SealsTrue       int // seals drawn in review rows
	SealsFound      int // of those, found within half a radius of the truth
	SealsInWrongRow int
}

// Add scores one page. got holds the detector's answer per row (nil for
// doubtful); found lists the seals reported as (x, y, row).
func (t *Tally) Add(tr Truth, got []*bool, rowsFound bool, found [][3]any) {
	t.Pages++
	if !rowsFound {
		t.NoRows++
	}
	for i, rt := range tr.Rows {
		t.Rows++
		var g *bool
		if i < len(got) {
			g = got[i]
		}
		switch {
		case g == nil && (rt.Want == nil || rt.NullOK):
			t.Right++
		case g == nil:
			t.Doubtful++
		case rt.Want != nil && *g == *rt.Want:
			t.Right++
		case rt.Want == nil || rt.NullOK:
			// a sure answer where only doubt was due: right when it matches
			// what is really there, else a sure error
			if *g == rt.Stamped {
				t.Right++
			} else {
				t.SureWrong++
			}
		default:
			t.SureWrong++
		}
		if g != nil {
			switch {
			case *g && rt.Stamped:
				t.TP++
			case *g && !rt.Stamped:
				t.FP++
			case !*g && rt.Stamped:
				t.FN++
			}
		}
	}
	for _, s := range tr.Seals {
		t.SealsTrue++
		for _, f := range found {
			x, y, row := f[0].(float64), f[1].(float64), f[2].(string)
			if (x-s.X)*(x-s.X)+(y-s.Y)*(y-s.Y) < s.R*s.R/4 {
				t.SealsFound++
				if row != s.Row {
					t.SealsInWrongRow++
				}
				break
			}
		}
	}
}

// Accuracy is the share of rows answered right.
func (t Tally) Accuracy() float64 { return ratio(t.Right, t.Rows) }

// Precision and Recall of sure "stamped" answers.
func (t Tally) Precision() float64 { return ratio(t.TP, t.TP+t.FP) }
func (t Tally) Recall() float64    { return ratio(t.TP, t.TP+t.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report writes one line per class and a total.
func Report(w io.Writer, ts map[string]*Tally) Tally {
	fmt.Fprintf(w, "%-12s %5s %5s %7s %5s %5s %6s %6s %6s %7s\n", "class", "pages", "rows", "right%", "wrong", "doubt", "prec", "recall", "norows", "seals")
	var all Tally
	keys := make([]string, 0, len(ts))
	for k := range ts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return slices.Index(Classes, a) - slices.Index(Classes, b) })
	for _, k := range keys {
		t := ts[k]
		line(w, k, *t)
		all.Rows += t.Rows
		all.Right += t.Right
		all.SureWrong += t.SureWrong
		all.Doubtful += t.Doubtful
		all.TP += t.TP
		all.FP += t.FP
		all.FN += t.FN
		all.Pages += t.Pages
		all.NoRows += t.NoRows
		all.SealsTrue += t.SealsTrue
		all.SealsFound += t.SealsFound
		all.SealsInWrongRow += t.SealsInWrongRow
	}
	line(w, "all", all)
	return all
}

func line(w io.Writer, name string, t Tally) {
	fmt.Fprintf(w, "%-12s %5d %5d %6.1f%% %5d %5d %6.3f %6.3f %6d %3d/%-3d\n", name, t.Pages, t.Rows, 100*t.Accuracy(), t.SureWrong, t.Doubtful, t.Precision(), t.Recall(), t.NoRows, t.SealsFound, t.SealsTrue)
}
