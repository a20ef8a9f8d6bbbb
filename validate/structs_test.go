package validate

import (
	"slices"
	"strings"
	"testing"

	"shenbao/parser/form"
	"shenbao/validate/profile"
)

func TestApplicationViolations(t *testing.T) {
	p := profile.Default()
	a := &form.Application{
		Fields: map[string]form.Field{
			keyWindow: {Value: strings.Repeat("窗", 51), Found: true},
			keyUnit:   {Value: "  ", Found: true},
			keyDeeds:  {Value: strings.Repeat("字", 250), Found: true},
		},
		Staff: []form.Person{
			{Name: "张伟", ID: "21030219850312123X"},
			{Name: "王强"},
			{Name: "李娜", ID: "21030219850312124"},
		},
	}
	got := applicationViolations(a, p, testNow)
	want := []violation{
		{Key: keyUnit, Rule: "required"},
		{Key: keyRecommend, Rule: "required"},
		{Key: keyDuties, Rule: "required"},
		{Key: keyWindow, Index: -1, Rule: "max", Param: "50"},
		{Key: keyStaff, Index: 2, Rule: "idcard"},
		{Key: keyDeeds, Index: -1, Rule: "deedsband", Param: "info"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	a.Fields[keyDeeds] = form.Field{Value: strings.Repeat("字", 301), Found: true}
	got = applicationViolations(a, p, testNow)
	if last := got[len(got)-1]; last != (violation{Key: keyDeeds, Index: -1, Rule: "deedsband", Param: "error"}) {
		t.Errorf("301 字: got %+v", last)
	}
}

func TestSplitIndex(t *testing.T) {
	tests := []struct {
		in   string
		name string
		idx  int
	}{
		{"IDs[2]", "IDs", 2},
		{"IDs[x]", "IDs", -1},
		{"Deeds", "Deeds", -1},
		{"IDs[", "IDs[", -1},
	}
	for _, tc := range tests {
		if n, i := splitIndex(tc.in); n != tc.name || i != tc.idx {
			t.Errorf("splitIndex(%q) = %q, %d; want %q, %d", tc.in, n, i, tc.name, tc.idx)
		}
	}
}
