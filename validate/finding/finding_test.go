package finding

import "testing"

func TestConclude(t *testing.T) {
	tests := []struct {
		levels []Level
		want   string
	}{
		{nil, Compliant},
		{[]Level{Info, Info}, Compliant},
		{[]Level{Info, Review}, NeedsReview},
		{[]Level{Review, Error, Info}, NeedsFix},
	}
	for _, tc := range tests {
		var fs []Finding
		for _, l := range tc.levels {
			fs = append(fs, Finding{Level: l})
		}
		if got := Conclude(fs); got != tc.want {
			t.Errorf("Conclude(%v) = %s, want %s", tc.levels, got, tc.want)
		}
	}
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes {
		if seen[c.Code] || c.Name == "" || c.Level.Label() == "" {
			t.Errorf("bad or repeated catalogue entry %+v", c)
		}
		seen[c.Code] = true
	}
	if len(Codes) != 40 {
		t.Errorf("%d codes, SPEC §3 lists 40", len(Codes))
	}
	if c, ok := Lookup("S04"); !ok || c.Level != Error {
		t.Errorf("Lookup(S04) = %+v, %v", c, ok)
	}
	if _, ok := Lookup("F99"); ok {
		t.Errorf("Lookup(F99) found a code that does not exist")
	}
}
