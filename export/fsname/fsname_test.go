package fsname

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"申报表.docx", "申报表.docx"},
		{"../../x.eml", "x.eml"},
		{`C:\Users\a\Desktop\材料.zip`, "材料.zip"},
		{"", "F"},
		{".", "F"},
		{"..", "F"},
		{"/", "F"},
		{"nul", "_nul"},
		{"LPT1.docx", "_LPT1.docx"},
		{"com¹.txt", "_com¹.txt"},
		{"com10.docx", "com10.docx"},
		{"a\x00b\nc.doc", "a_b_c.doc"},
		{"名称 .", "名称"},
		{"\xff\xfe.eml", "_.eml"},
		{"a|b<c>d\"e.txt", "a_b_c_d_e.txt"},
		// Cut to the limit, the name must not end in a space or dot.
		{"ab" + strings.Repeat(" ", 20) + "cd", "ab"},
		{strings.Repeat("长", 10) + ".docx", "长长长长.docx"},
	}
	for _, tc := range tests {
		if got := Clean(tc.in, 17, "F"); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzClean checks that any name becomes one safe local element, and that
// cleaning twice changes nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"申报表.docx", "../a", `C:\x\y.zip`, "CON", "a. ", strings.Repeat("长", 90) + ".docx",
		"\xbf" + strings.Repeat("长", 59) + "\xe9 0000000000000"} {
		f.Add(s, 180)
	}
	f.Fuzz(func(t *testing.T, name string, max int) {
		if max < 1 || max > 400 {
			max = 180
		}
		got := Clean(name, max, "上传的文件")
		if got == "上传的文件" {
			return
		}
		if got == "" || got == "." || got == ".." || !filepath.IsLocal(got) || strings.ContainsAny(got, `/\:*?"<>|`) ||
			len(got) > max || !utf8.ValidString(got) || strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Fatalf("Clean(%q, %d) = %q", name, max, got)
		}
		if IsDevice(stem(got)) {
			t.Fatalf("Clean(%q) = %q is a device name", name, got)
		}
		if again := Clean(got, max, "上传的文件"); again != got {
			t.Fatalf("Clean is not stable on %q: %q", got, again)
		}
	})
}
