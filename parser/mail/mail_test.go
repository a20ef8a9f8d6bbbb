package mail

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	"shenbao/parser/problem"
)

type wantPart struct {
	name, ctype     string
	message, inline bool
}

func TestParse(t *testing.T) {
	const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	tests := []struct {
		file, from, subject, date, text string
		parts                           []wantPart
		problems                        []string
	}{
		{file: "gbk_b.eml", from: "张三 <zhangsan@163.com>", subject: "关于报送政务服务中心申报表的函",
			date: "2026-03-02T09:15:00+08:00", text: "您好，附件是申报表，请查收。",
			parts: []wantPart{{"申报表.docx", docx, false, false}}},
		{file: "gbk_q.eml", from: "李四 <lisi@126.com>", subject: "不动产登记窗口 申报材料",
			date: "2026-03-03T14:02:11+08:00", text: "见附件。",
			parts: []wantPart{{"环境照片.jpg", "image/jpeg", false, false}}},
		{file: "gb2312_ext.eml", from: "王堃 <wangkun@qq.com>", subject: "王堃、朱镕的申报材料",
			date: "2026-03-04T08:00:00+08:00", text: "经办人：王堃（镕）"},
		{file: "big5.eml", from: "陳大文 <chen@hinet.example.tw>", subject: "申報表（繁體）",
			date: "2026-03-05T10:30:00+08:00", text: "請查收申報表。"},
		{file: "utf8.eml", from: "赵六 <zhaoliu@example.cn>", subject: "市场监管窗口 申报表及照片",
			date: "2026-03-06T16:45:00+08:00", text: "申报表和两张照片见附件。",
			parts: []wantPart{{"市场监管窗口申报表.docx", docx, false, false}, {"工作照片.jpg", "image/jpeg", false, false}}},
		{file: "rfc2231_gbk.eml", from: "sender@example.cn", subject: "RFC 2231 GBK",
			date: "2026-03-07T11:00:00+08:00", text: "See attachment.",
			parts: []wantPart{{"申报表.docx", docx, false, false}}},
		{file: "rfc2231_cont.eml", from: "sender@example.cn", subject: "RFC 2231 continuations",
			date: "2026-03-07T11:05:00+08:00", text: "See attachment.",
			parts: []wantPart{{"政务服务中心初审表（修改稿）.docx", "application/octet-stream", false, false},
				{"环境photo.jpg", "image/jpeg", false, false}}},
		{file: "raw8bit.eml", from: "王五 <wangwu@sina.com>", subject: "税务窗口申报表",
			date: "2026-03-08T20:00:00+08:00", text: "请查收。",
			parts: []wantPart{{"税务窗口申报表.doc", "application/msword", false, false}}},
		{file: "noclose.eml", from: "cut@example.cn", subject: "截断的邮件",
			date: "2026-03-09T09:00:00+08:00", text: "正文",
			parts:    []wantPart{{"photo.jpg", "image/jpeg", false, false}},
			problems: []string{"邮件缺少结束分隔线（可能被截断），已尽量读取"}},
		{file: "gbk_body.eml", from: "body@example.cn", subject: "GBK body",
			date: "2026-03-10T09:00:00+08:00", text: "尊敬的审核人员：\n\n我单位现报送申报材料，共三份。堃"},
		{file: "forward.eml", from: "办公室 <office@zwfw.example.cn>", subject: "转发：原始邮件：申报表",
			date: "2026-03-11T10:00:00+08:00", text: "转发给你。",
			parts: []wantPart{{"转发邮件1.eml", "message/rfc822", true, false}}},
		{file: "eml_attached.eml", from: "office@zwfw.example.cn", subject: "附上原邮件",
			date: "2026-03-11T10:05:00+08:00", text: "原邮件作为附件。",
			parts: []wantPart{{"原邮件.eml", "application/octet-stream", true, false}}},
		{file: "inline_sig.eml", from: "center@zwfw.example.cn", subject: "带签名图片的邮件",
			date: "2026-03-12T09:00:00+08:00", text: "您好，申报表见附件。\n-- \n政务服务中心",
			parts: []wantPart{{"logo.png", "image/png", false, true}, {"申报表.docx", docx, false, false}}},
		{file: "winmail.eml", from: "outlook@example.cn", subject: "Outlook RTF mail",
			date: "2026-03-13T09:00:00+08:00", text: "See attachment.",
			parts: []wantPart{{"winmail.dat", "application/ms-tnef", false, false}}},
		{file: "foxmail.eml", from: "户政窗口 <hz@ga.example.gov.cn>", subject: "公安户政窗口申报材料（堃）",
			date: "2026-03-16T10:15:30+08:00", text: "请查收。\n\n户政窗口",
			parts: []wantPart{{"公安户政窗口申报表.docx", docx, false, false}, {"工作照片.jpg", "image/jpeg", false, false}}},
		{file: "qqmail.eml", from: "营商环境局 <123456789@qq.com>", subject: "营商环境局政务服务窗口申报表及环境照片",
			date: "2026-03-17T09:55:00+08:00", text: "老师您好：\n\n附件是材料，请查收。\n\n营商环境局",
			parts: []wantPart{{"营商环境局申报表.zip", "application/octet-stream", false, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if !IsEML(data) {
				t.Errorf("IsEML = false")
			}
			m, err := Parse(data, Limits{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkMessage(t, m, tc.from, tc.subject, tc.date, tc.text, tc.parts, tc.problems)
		})
	}
}

func checkMessage(t *testing.T, m *Message, from, subject, date, text string, parts []wantPart, problems []string) {
	t.Helper()
	if m.From != from {
		t.Errorf("From = %q, want %q", m.From, from)
	}
	if m.Subject != subject {
		t.Errorf("Subject = %q, want %q", m.Subject, subject)
	}
	if got := m.Date.Format(time.RFC3339); got != date {
		t.Errorf("Date = %s, want %s (DateText %q)", got, date, m.DateText)
	}
	if m.Text != text {
		t.Errorf("Text = %q, want %q", m.Text, text)
	}
	var got []wantPart
	for _, p := range m.Parts {
		got = append(got, wantPart{p.Name, p.ContentType, p.Message, p.Inline})
		if len(p.Data) == 0 {
			t.Errorf("part %q has no data", p.Name)
		}
	}
	if !reflect.DeepEqual(got, parts) {
		t.Errorf("Parts = %+v, want %+v", got, parts)
	}
	if got := problem.Texts(m.Problems); !reflect.DeepEqual(got, problems) {
		t.Errorf("Problems = %q, want %q", got, problems)
	}
}

// TestForwardedInner parses the forwarded messages again, as the walker does.
func TestForwardedInner(t *testing.T) {
	for _, file := range []string{"forward.eml", "eml_attached.eml"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Parts) != 1 || !m.Parts[0].Message {
				t.Fatalf("Parts = %+v, want one forwarded message", m.Parts)
			}
			inner, err := Parse(m.Parts[0].Data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkMessage(t, inner, "行政审批局窗口 <window@xzsp.example.cn>", "原始邮件：申报表",
				"2026-03-11T08:30:00+08:00", "原始正文",
				[]wantPart{{"行政审批窗口申报表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, false}}, nil)
		})
	}
}

// han matches Chinese text, which parser errors must not hold.
var han = regexp.MustCompile(`\p{Han}`)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
		want error
	}{
		{"empty", "", Limits{}, ErrNotMessage},
		{"blank", "\r\n\r\n", Limits{}, ErrNotMessage},
		{"no header", "这不是邮件\n", Limits{}, ErrNotMessage},
		{"too large", "Subject: x\n\nbody", Limits{MaxMessageBytes: 5}, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse([]byte(tc.data), tc.lim)
			if err == nil || m != nil {
				t.Fatalf("Parse = %v, %v; want only an error", m, err)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %q does not wrap %q", err, tc.want)
			}
			if han.MatchString(err.Error()) {
				t.Errorf("error %q is not English: the clerk's Chinese is made by the caller", err)
			}
		})
	}
}
