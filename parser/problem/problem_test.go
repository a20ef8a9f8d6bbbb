package problem

import "testing"

// TestText gives every code its own Chinese, and Summary each once.
func TestText(t *testing.T) {
	codes := []Code{TextCut, TableCut, UnknownSymbol, PictureUnread, EmbeddedUnread, FieldUnread, More}
	seen := map[string]Code{}
	for _, c := range codes {
		s := Text(Problem{Code: c})
		if s == Text(Problem{Code: "no-such-code"}) {
			t.Errorf("%s has no text of its own", c)
		}
		if prev, ok := seen[s]; ok {
			t.Errorf("%s and %s read the same: %s", prev, c, s)
		}
		seen[s] = c
	}
	ps := []Problem{{Code: TableCut, Detail: "a"}, {Code: TableCut, Detail: "b"}, {Code: PictureUnread}}
	if got, want := Summary(ps), Text(ps[0])+"；"+Text(ps[2]); got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if Summary(nil) != "" {
		t.Error("Summary of nothing is not empty")
	}
	if got := (Problem{Code: TableCut, Where: "表2", Detail: "over 2000 rows"}).String(); got != "table-cut (表2): over 2000 rows" {
		t.Errorf("String = %q", got)
	}
}
