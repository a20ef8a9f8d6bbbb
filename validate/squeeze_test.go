package validate

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// TestFoldsWidth checks that width.Fold changes no rune foldsWidth lets
// squeeze skip it for.
func TestFoldsWidth(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || foldsWidth(r) {
			continue
		}
		if s := string(r); width.Fold.String(s) != s {
			t.Errorf("width.Fold changes %U, which foldsWidth does not report", r)
		}
	}
}

func TestSqueeze(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"同意推荐", "同意推荐"},
		{"同 意\n推荐\u200b", "同意推荐"},
		{"（２００字左右）", "(200字左右)"},
		{"签字：\u3000张三", "签字:张三"},
		{"a\xffb", "a\uFFFDb"}, // as strings.Map reads it
	}
	for _, tc := range tests {
		if got := squeeze(tc.in); got != tc.want {
			t.Errorf("squeeze(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
