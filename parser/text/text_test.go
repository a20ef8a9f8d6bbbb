package text

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ a, b string }{
		{"铁东区税务局（办税服务厅）", "铁东区税务局办税服务厅"},
		{"ＡＢＣ 窗口", "abc窗口"},
		{"\ufeff不动产·登记—窗口", "不动产登记窗口"},
	}
	for _, tc := range tests {
		if Fold(tc.a) != Fold(tc.b) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want equal", tc.a, Fold(tc.a), tc.b, Fold(tc.b))
		}
	}
	if Fold("税务窗口") == Fold("社保窗口") {
		t.Error("different names fold the same")
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"同意推荐", 10, "同意推荐"},
		{"同意推荐", 4, "同意推荐"},
		{"同意推荐该窗口", 4, "同意推荐…"},
		{"abc", 0, "…"},
		{"", 3, ""},
	}
	for _, tc := range tests {
		if got := Clip(tc.s, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
