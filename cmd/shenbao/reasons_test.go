package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameReasonInspectAndCheck: inspect and check give the clerk the same
// Chinese reason for a Word file that cannot be read, and never an English
// one.
func TestSameReasonInspectAndCheck(t *testing.T) {
	tests := []struct{ file, want string }{
		{"encrypted-docx.docx", "文件已加密（设有打开密码），无法读取，请取消密码后重新提交"},
		{"encrypted.doc", "文件已加密（设有打开密码），无法读取，请取消密码后重新提交"},
		{"works.wps", "Microsoft Works 格式，无法读取，请另存为WORD格式（.docx）后重新提交"},
		{"word95.doc", "WORD 95 或更早版本，请另存为 .docx 后重发"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			in := filepath.Join("..", "..", "parser", "doc", "testdata", tc.file)
			_, _, stderr := runCLI(t, "inspect", in)
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("inspect says %q, want %q", stderr, tc.want)
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "r.json")
			runCLI(t, "check", "-q", "-o", filepath.Join(dir, "r.xlsx"), "--json", out, in)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var res struct {
				Inputs []struct{ Reason string } `json:"inputs"`
			}
			if err := json.Unmarshal(b, &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Inputs) != 1 || res.Inputs[0].Reason != tc.want {
				t.Errorf("check says %+v, want %q", res.Inputs, tc.want)
			}
			for _, s := range []string{strings.ReplaceAll(stderr, in, ""), res.Inputs[0].Reason} {
				s = strings.NewReplacer("Microsoft Works", "", ".docx", "", "WORD", "").Replace(s)
				if strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
					t.Errorf("English in %q", s)
				}
			}
		})
	}
}
