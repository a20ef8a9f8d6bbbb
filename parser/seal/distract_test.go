package seal_test

import (
	"testing"

	"shenbao/parser/seal"
	"shenbao/parser/seal/sealtest"
)

// TestRedNotSeal renders tune-set pages (never check or holdout seeds)
// where red marks that are no seal were once taken for one: a hand-drawn
// pen circle round a note, a 「已阅」 box a ring was fitted through, both
// together. Every row must be right: where the truth allows doubt (a pen
// circle might hide a faint seal), doubt is right; a box is no seal.
func TestRedNotSeal(t *testing.T) {
	cases := []struct {
		class string
		seed  uint64
		what  string
	}{
		{"distractors", 83000, "pen circle round red-pen notes in a row with no seal"},
		{"scanner", 85000, "pen circle over a 已阅 box"},
		{"scanner", 86007, "已阅 box with its two characters"},
		{"scanner", 1001, "已阅 box near red-pen notes"},
	}
	for _, tc := range cases {
		cs := sealtest.SetCase("tune", tc.class, 0)
		cs.Seed = tc.seed
		data, truth := sealtest.Render(cs)
		pages, err := seal.Analyze(tc.class, data, seal.Options{Roles: sealtest.DefaultRoles})
		if err != nil || len(pages) != 1 {
			t.Fatalf("%s %d: %v", tc.class, tc.seed, err)
		}
		p := pages[0]
		got := make([]*bool, len(p.Rows))
		for k, r := range p.Rows {
			if r.Confidence >= seal.Sure {
				got[k] = r.Stamped
			}
		}
		var tl sealtest.Tally
		tl.Add(truth, got, p.RowsFound(), nil)
		if tl.Right != tl.Rows || !p.RowsFound() {
			t.Errorf("%s seed %d (%s): %d of %d rows right (%d surely wrong, %d doubtful), rows found %v",
				tc.class, tc.seed, tc.what, tl.Right, tl.Rows, tl.SureWrong, tl.Doubtful, p.RowsFound())
		}
	}
}
