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

// TestMaxLengthFromProfile reads a field's limit from the profile: another
// limit, a limit on another field, or none change what is flagged without
// a change in Go.
func TestMaxLengthFromProfile(t *testing.T) {
	a := &form.Application{Fields: map[string]form.Field{
		keyWindow: {Value: strings.Repeat("窗", 20), Found: true},
		keyUnit:   {Value: strings.Repeat("单", 30), Found: true},
	}}
	tests := []struct {
		name   string
		limits map[string]int // field key → max_length
		want   []string       // key:limit of the max violations
	}{
		{"the bundled limit of 50", map[string]int{keyWindow: 50}, nil},
		{"a stricter campaign", map[string]int{keyWindow: 10}, []string{"window_name:10"}},
		{"a limit on 所属单位", map[string]int{keyUnit: 25}, []string{"unit:25"}},
		{"no limit at all", map[string]int{keyWindow: 0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := profile.Default()
			p.Required = nil
			for i, f := range p.Application.Fields {
				p.Application.Fields[i].MaxLength = tc.limits[f.Key]
			}
			var got []string
			for _, v := range applicationViolations(a, p, testNow) {
				if v.Rule == "max" {
					got = append(got, v.Key+":"+v.Param)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("max violations %v, want %v", got, tc.want)
			}
		})
	}
}
