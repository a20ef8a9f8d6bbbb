package problem

import "testing"

// TestText gives every code its own Chinese, and Summary each once.
func TestText(t *testing.T) {
	codes := []Code{TextCut, ParagraphCut, TableCut, UnknownSymbol, PictureUnread, EmbeddedUnread, FieldUnread, More,
		DateMissing, DateUnreadable, StreamUnread, EmbeddedMail, TooDeep, BoundaryGuessed, BoundaryMissing,
		PartEncoding, BodyEncoding, CharsetUnknown, PartsDropped, Truncated, Base64Broken, HeaderMalformed,
		PartSkipped, EncodingUnknown, BoundaryInData, CharsetBroken}
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

// TestTextQuotes: a problem about a named thing or a value says which, in
// “” quotes; a limit says how many were kept and left out.
func TestTextQuotes(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Code: DateUnreadable, Detail: "Mon, 31 Apr 2024"}, "发送日期无法识别：“Mon, 31 Apr 2024”"},
		{Problem{Code: CharsetUnknown, Detail: "x-unknown"}, "正文字符集“x-unknown”无法识别，按 GB18030 读取"},
		{Problem{Code: PartEncoding, Where: "申报表.docx"}, "附件“申报表.docx”的传输编码有误，内容可能不完整"},
		{Problem{Code: EmbeddedMail, Where: "转发.msg"}, "附件“转发.msg”是嵌入的 Outlook 邮件，未读取其内容"},
		{Problem{Code: PartsDropped, Limit: 500, Count: 12}, "附件过多，只读取了前 500 个，其余 12 个未读取"},
	}
	for _, tc := range tests {
		if got := Text(tc.p); got != tc.want {
			t.Errorf("Text(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
	if got := Texts(nil); got != nil {
		t.Errorf("Texts(nil) = %q", got)
	}
}
