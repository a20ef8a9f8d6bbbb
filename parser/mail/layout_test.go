package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLayouts(t *testing.T) {
	gbkHTML := base64.StdEncoding.EncodeToString([]byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>\xc9\xea\xb1\xa8\xb1\xed<br>OK</body></html>"))
	tests := []struct {
		name, in string
		text     string
		parts    []wantPart
		problems []string
	}{
		{"related image without disposition is inline",
			"From: a@b.cn\r\nSubject: s\r\nDate: Mon, 8 Apr 2024 09:00:00 +0800\r\nContent-Type: multipart/related; boundary=R\r\n\r\n" +
				"--R\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p><img src=\"cid:x@y\">\r\n" +
				"--R\r\nContent-Type: image/png\r\nContent-ID: <x@y>\r\n\r\n\x89PNG\r\n--R--\r\n",
			"hi", []wantPart{{"附件1.png", "image/png", false, true}}, nil},
		{"html charset from meta tag",
			"From: a@b.cn\r\nSubject: s\r\nDate: Mon, 8 Apr 2024 09:00:00 +0800\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n" + gbkHTML + "\r\n",
			"申报表\nOK", nil, nil},
		{"single-part attachment",
			"From: a@b.cn\r\nSubject: s\r\nDate: Mon, 8 Apr 2024 09:00:00 +0800\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n",
			"", []wantPart{{"a.pdf", "application/pdf", false, false}}, nil},
		{"multipart without boundary parameter",
			"From: a@b.cn\r\nSubject: s\r\nDate: Mon, 8 Apr 2024 09:00:00 +0800\r\nContent-Type: multipart/mixed\r\n\r\n" +
				"--XYZ\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XYZ\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\n%PDF\r\n--XYZ--\r\n",
			"hello", []wantPart{{"a.pdf", "application/pdf", false, false}},
			[]string{"邮件分段结构没有声明分隔符（boundary），已按推测的分隔符读取"}},
		{"mbox separator before a single message",
			"From a@b.cn Mon Apr  8 09:00:00 2024\nFrom: a@b.cn\nSubject: s\nDate: Mon, 8 Apr 2024 09:00:00 +0800\n\nbody\n",
			"body", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse([]byte(tc.in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkMessage(t, m, "a@b.cn", "s", "2024-04-08T09:00:00+08:00", tc.text, tc.parts, tc.problems)
		})
	}
}

func TestTooManyMultiparts(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: a@b.cn\r\nSubject: deep\r\n")
	for i := 0; i <= maxMultiparts; i++ {
		b.WriteString("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n")
	}
	m, err := Parse([]byte(b.String()), Limits{})
	if err == nil || m != nil || !errors.Is(err, ErrTooComplex) {
		t.Fatalf("Parse = %v, %v; want the complexity error", m, err)
	}
}

// TestSampleMailbox reads samples/mailbox as the walker would: every message
// parses, forwarded ones too, and the windows' files are all there.
func TestSampleMailbox(t *testing.T) {
	dir := filepath.Join("..", "..", "samples", "mailbox")
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) == 0 {
		t.Skip("samples/mailbox not generated")
	}
	var msgs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, data)
	}
	mbox, err := os.ReadFile(filepath.Join(dir, "收件箱导出.mbox"))
	if err != nil {
		t.Fatal(err)
	}
	r := NewMboxReader(bytes.NewReader(mbox), Limits{})
	for {
		b, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, b)
	}
	count := map[string]int{}
	var subjects []string
	var walk func(data []byte, depth int)
	walk = func(data []byte, depth int) {
		m, err := Parse(data, Limits{})
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if m.Date.IsZero() || m.From == "" || m.Subject == "" {
			t.Errorf("message %q: empty From, Subject or Date", m.Subject)
		}
		if depth == 0 {
			subjects = append(subjects, m.Subject)
		}
		for _, p := range m.Parts {
			switch {
			case p.Message:
				count["forwarded"]++
				walk(p.Data, depth+1)
			case strings.Contains(p.Name, "申报表"):
				count["申报表"]++
			case strings.Contains(p.Name, "初审表"):
				count["初审表"]++
			case strings.Contains(p.Name, "照片"):
				count["照片"]++
			default:
				count[strings.ToLower(filepath.Ext(p.Name))]++
			}
		}
	}
	for _, data := range msgs {
		walk(data, 0)
	}
	if len(subjects) != 19 {
		t.Errorf("%d messages, want 19 (16 .eml + 3 in the mbox)", len(subjects))
	}
	// 14 windows' files sent as attachments (07 carries two, 04 and 05 the
	// same window twice, 10 and 14 one level down): 15 sets, one 申报表 as
	// PDF; 08 and 09 carry archives instead
	want := map[string]int{"申报表": 15, "初审表": 15, "照片": 30, "forwarded": 2, ".zip": 1, ".7z": 1, ".png": 2, ".docx": 1}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("parts %v, want %v", count, want)
	}
}
