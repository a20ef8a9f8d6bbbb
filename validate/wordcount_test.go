package validate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWordCount is the reference table for 字数. Each count was worked out by
// the rule on WordCount (East Asian characters 1 each, runs of other visible
// characters 1 each, whitespace 0).
func TestWordCount(t *testing.T) {
	tests := []struct {
		s    string
		want int
		why  string
	}{
		{"", 0, "nothing"},
		{"   \t\n　", 0, "whitespace only, ideographic space included"},
		{"我爱北京天安门", 7, "7 ideographs"},
		{"Hello world", 2, "2 Latin words"},
		{"Hello, world!", 2, "half-width punctuation attached to words"},
		{"2024年4月", 4, "2024 | 年 | 4 | 月"},
		{"ISO 9001认证", 4, "ISO | 9001 | 认 | 证"},
		{"ISO9001", 1, "one run of letters and digits"},
		{"12345", 1, "one run of digits"},
		{"2024年", 2, "2024 | 年"},
		{"一、二、三。", 6, "3 ideographs + 3 full-width punctuation marks"},
		{"（200字左右）", 6, "（ | 200 | 字 | 左 | 右 | ）"},
		{"(200字左右)", 5, "(200 | 字 | 左 | 右 | ) — half-width brackets join the run"},
		{"你好,世界", 5, "a standalone half-width comma is a word"},
		{"a , b", 3, "standalone half-width comma between spaces"},
		{"3.5万元", 3, "3.5 | 万 | 元"},
		{"“清风辽宁”政务窗口", 10, "“ | 4 | ” | 4: curly quotes count 1 each"},
		{"２０２４年", 5, "full-width digits count 1 each"},
		{"服务群众——真心实意……", 12, "4 + ——(2) + 4 + ……(2)"},
		{"市政务服务中心（一楼）", 11, "9 ideographs + 2 brackets"},
		{"e-mail地址:abc@163.com", 4, "e-mail | 地 | 址 | :abc@163.com"},
		{"零\u200b宽", 2, "zero-width space counts 0"},
		{"面积120㎡", 4, "面 | 积 | 120 | ㎡"},
		{"第1名", 3, "第 | 1 | 名"},
	}
	for _, tc := range tests {
		if got := WordCount(tc.s); got != tc.want {
			t.Errorf("WordCount(%q) = %d, want %d (%s)", tc.s, got, tc.want, tc.why)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"我爱北京天安门", "ISO 9001认证", "（200字左右）", "\xff\xfe", "a , b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := WordCount(s)
		if n < 0 || n > utf8.RuneCountInString(s) {
			t.Fatalf("WordCount(%q) = %d, runes %d", s, n, utf8.RuneCountInString(s))
		}
	})
}

// FuzzTextRules feeds arbitrary text to the F07, F08, P07 and P08 helpers:
// no panic, and what they report comes from the input.
func FuzzTextRules(f *testing.F) {
	for _, s := range []string{"（200字左右）服务,群众。。", "无不同意见，同意推荐", "张  三、李四", "“《（", "X年X月X日", "\xff("} {
		f.Add(s)
	}
	prompts := labelPrompts([]string{"主要事迹（200字左右）"})
	marks := markPlaceholders(nil)
	f.Fuzz(func(t *testing.T, s string) {
		for _, is := range textIssues(s) {
			if is.message == "" || is.fix == "" {
				t.Fatalf("textIssues(%q): empty issue", s)
			}
		}
		leftovers(s, prompts, marks)
		if w := negativeWord(s, []string{"不同意", "不推荐"}); w != "" && !strings.Contains(s, w) {
			t.Fatalf("negativeWord(%q) = %q", s, w)
		}
		lack, _ := compareStaff(s, []string{"张三", "李四"})
		if len(lack) > 2 {
			t.Fatalf("compareStaff(%q): lack %v", s, lack)
		}
	})
}
