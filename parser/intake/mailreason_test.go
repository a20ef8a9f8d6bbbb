package intake

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"shenbao/parser/mail"
)

// TestMailReasons: what 文件清单 says of an email that cannot be read, or is
// read with problems, is the clerk's Chinese made here from mail's typed
// errors and problems — no English error text, no "mail:" prefix.
func TestMailReasons(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var deep strings.Builder
	deep.WriteString("From: a@b.cn\r\nSubject: deep\r\n")
	for range 1001 {
		deep.WriteString("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n")
	}
	writeTree(t, "收件箱", map[string]string{
		"1_无日期.eml": "From: a@b.cn\r\nSubject: 申报材料\r\n\r\n正文\r\n",
		"2_过深.eml":  deep.String(),
		"3_过大.eml":  "From: a@b.cn\r\nSubject: 大邮件\r\nDate: Mon, 8 Apr 2024 09:12:00 +0800\r\n\r\n" + strings.Repeat("正文", 20_000) + "\r\n",
	})
	var c collector
	w := &Walker{Jobs: 1, Limits: Limits{Mail: mail.Limits{MaxMessageBytes: 100_000}}}
	if err := w.Walk(context.Background(), []string{"收件箱"}, c.emit); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"收件箱/1_无日期.eml": "parsed 邮件没有发送日期（Date）",
		"收件箱/2_过深.eml":  "failed 邮件无法解析：邮件结构过于复杂（分段过多），未读取",
		"收件箱/3_过大.eml":  "failed 邮件超过大小上限，未读取",
	}
	latin := regexp.MustCompile(`[A-Za-z]{3,}`)
	for _, it := range c.sorted(t) {
		w, ok := want[it.Path]
		if !ok {
			continue
		}
		delete(want, it.Path)
		if got := string(it.Status) + " " + it.Reason; got != w {
			t.Errorf("%s: %q, want %q", it.Path, got, w)
		}
		if latin.MatchString(strings.ReplaceAll(it.Reason, "Date", "")) {
			t.Errorf("%s: reason %q holds English", it.Path, it.Reason)
		}
	}
	for p := range want {
		t.Errorf("%s was not emitted", p)
	}
}
