package validate

import (
	"slices"
	"strings"
	"testing"

	"shenbao/parser/problem"
	"shenbao/validate/profile"
)

// TestIncompleteRead gives F10 on a Word form read only in part, and
// nothing for problems that lose no content.
func TestIncompleteRead(t *testing.T) {
	tests := []struct {
		name    string
		app, rv []problem.Problem
		want    []string // F10 fields
	}{
		{"nothing met", nil, nil, nil},
		{"a picture not measured loses nothing", []problem.Problem{{Code: problem.PictureUnread}}, nil, nil},
		{"申报表 table cut", []problem.Problem{{Code: problem.TableCut, Detail: "a table has more than 2000 rows"}}, nil, []string{"申报表"}},
		{"初审表 text cut and a glyph", nil, []problem.Problem{{Code: problem.TextCut}, {Code: problem.UnknownSymbol}}, []string{"初审表"}},
	}
	p := profile.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(t, p)
			d.Application.Warnings, d.Review.Warnings = tc.app, tc.rv
			var got []string
			fs := checkAll(d, p)
			assertWellFormed(t, fs)
			for _, f := range fs {
				if f.Code != "F10" {
					t.Errorf("unexpected %s: %s", f.Code, f.Message)
					continue
				}
				if !strings.Contains(f.Message, "未能完整读取") {
					t.Errorf("F10 message %q does not say the form was read in part", f.Message)
				}
				got = append(got, f.Field)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("F10 on %v, want %v", got, tc.want)
			}
		})
	}
}
