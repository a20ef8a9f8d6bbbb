package mail

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"shenbao/parser/problem"
)

func TestDecodeHeader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=?GBK?B?1cXI/Q==?=", "张三"},
		{"=?gb2312?B?1cXI/Q==?= =?gb2312?B?1cXI/Q==?=", "张三张三"},
		{"=?gbk?Q?=D5=C5_=C8=FD?=", "张 三"},
		{"Re:=?gbk?B?1cXI/Q==?=", "Re:张三"},
		{"=?gbk*zh-cn?B?1cXI/Q==?=", "张三"},
		{"a =?utf-8?q?b?= c", "a b c"},
		{"=?utf-8?B?5byg?= \r\n\t=?gbk?B?yP0=?=", "张三"},
		{"=?x-none?B?!!!?=", "=?x-none?B?!!!?="},
		{"=?utf-8?X?abc?=", "=?utf-8?X?abc?="},
		{"\xd5\xc5\xc8\xfd <a@b.cn>", "张三 <a@b.cn>"},
		{"tab\there\x01", "tab here"},
		{"=?big5?B?s1w=?=", "許"},
	}
	for _, tc := range tests {
		if got := decodeHeader(tc.in); got != tc.want {
			t.Errorf("decodeHeader(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseParams(t *testing.T) {
	tests := []struct {
		in     string
		mtype  string
		params map[string]string
	}{
		{`attachment; filename="a;b.docx"`, "attachment", map[string]string{"filename": "a;b.docx"}},
		{`attachment;filename=申报表.docx`, "attachment", map[string]string{"filename": "申报表.docx"}},
		{`attachment; filename*=UTF-8''%E7%94%B3.docx; filename="fallback.docx"`, "attachment", map[string]string{"filename": "申.docx"}},
		{`Inline`, "inline", map[string]string{}},
		{``, "", map[string]string{}},
		{`attachment; filename="=?GBK?B?yeqxqLHtLmRvY3g=?="`, "attachment", map[string]string{"filename": "申报表.docx"}},
		{"attachment; filename=\"\xc9\xea\xb1\xa8\xb1\xed.docx\"", "attachment", map[string]string{"filename": "申报表.docx"}},
		{`attachment; filename*1*=%B1%ED.docx; filename*0*=GB2312''%C9%EA%B1%A8`, "attachment", map[string]string{"filename": "申报表.docx"}},
		{`attachment; filename*0="part one "; filename*1="two.doc"`, "attachment", map[string]string{"filename": "part one two.doc"}},
		{`attachment; filename="unterminated.doc`, "attachment", map[string]string{"filename": "unterminated.doc"}},
		{`attachment; filename="say \"hi\".doc"`, "attachment", map[string]string{"filename": `say "hi".doc`}},
		{`Text/Plain; CHARSET=GBK; format=flowed`, "text/plain", map[string]string{"charset": "GBK", "format": "flowed"}},
		{`filename=x.doc`, "", map[string]string{"filename": "x.doc"}},
		{`application/octet-stream; name==?GBK?B?yeqxqLHtLmRvY3g=?=`, "application/octet-stream", map[string]string{"name": "申报表.docx"}},
		{"attachment;\r\n filename*0*=UTF-8''%E7%94%B3%E6%8A%A5;\r\n filename*1*=%E8%A1%A8.docx; size=1234", "attachment",
			map[string]string{"filename": "申报表.docx", "size": "1234"}},
		{`attachment; filename*=gbk'zh'%ZZ%C9%EA`, "attachment", map[string]string{"filename": "%ZZ申"}},
	}
	for _, tc := range tests {
		mtype, params := parseParams(tc.in)
		if mtype != tc.mtype || !reflect.DeepEqual(params, tc.params) {
			t.Errorf("parseParams(%q) = %q %q, want %q %q", tc.in, mtype, params, tc.mtype, tc.params)
		}
	}
}

func TestBaseName(t *testing.T) {
	tests := []struct{ in, want string }{
		{`C:\fakepath\申报表.docx`, "申报表.docx"},
		{"../../etc/passwd", "passwd"},
		{"a\x00b\x1f.doc", "ab.doc"},
		{"folder/", "folder"},
		{"  .hidden.doc. ", "hidden.doc"},
		{"", ""},
		{"/", ""},
		{"申报表\u202excod.exe", "申报表xcod.exe"},
		{strings.Repeat("长", 100) + ".docx", strings.Repeat("长", 83) + ".docx"},
	}
	for _, tc := range tests {
		if got := baseName(tc.in); got != tc.want {
			t.Errorf("baseName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMaxParts(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: a@b.cn\r\nSubject: many\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "--B\r\nContent-Type: application/pdf\r\n\r\n%%PDF-%d\r\n", i)
	}
	b.WriteString("--B--\r\n")
	m, err := Parse([]byte(b.String()), Limits{MaxParts: 2})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range m.Parts {
		names = append(names, p.Name)
	}
	want := []string{"附件1.pdf", "附件2.pdf"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
	wantP := []string{"邮件没有发送日期（Date）", "附件过多，只读取了前 2 个，其余 3 个未读取"}
	if got := problem.Texts(m.Problems); !reflect.DeepEqual(got, wantP) {
		t.Errorf("Problems = %q, want %q", got, wantP)
	}
}
