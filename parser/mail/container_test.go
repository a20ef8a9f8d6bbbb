package mail

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMbox(t *testing.T) {
	data, err := os.ReadFile("testdata/export.mbox")
	if err != nil {
		t.Fatal(err)
	}
	if !IsMbox(data) {
		t.Error("IsMbox = false")
	}
	if IsEML(data) {
		t.Error("IsEML(mbox) = true")
	}
	r := NewMboxReader(bytes.NewReader(data), Limits{})
	var subjects, bodies []string
	for {
		b, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(b, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		subjects = append(subjects, m.Subject)
		bodies = append(bodies, m.Text)
	}
	wantS := []string{"第一封", "第二封", "第三封"}
	wantB := []string{"From the start of a line.\n>From already quoted.\nplain", "no escapes here", ">>From twice quoted\nend"}
	if !reflect.DeepEqual(subjects, wantS) || !reflect.DeepEqual(bodies, wantB) {
		t.Errorf("got %q %q, want %q %q", subjects, bodies, wantS, wantB)
	}
}

func TestMboxEdges(t *testing.T) {
	big := strings.Repeat("x", 200)
	long := strings.Repeat("y", 64<<10)
	tests := []struct {
		name string
		in   string
		lim  Limits
		want []string // "ERR" for a message error
	}{
		{"mboxo no blank line", "From a@b Mon Jan  1 10:00:00 2026\nSubject: 1\n\nbody\nFrom b@c Mon Jan  1 11:00:00 2026\nSubject: 2\n\nx\n",
			Limits{}, []string{"Subject: 1\n\nbody\n", "Subject: 2\n\nx\n"}},
		{"body From without time is content", "From a@b Mon Jan  1 10:00:00 2026\nSubject: 1\n\nbody\nFrom here on\n",
			Limits{}, []string{"Subject: 1\n\nbody\nFrom here on\n"}},
		{"crlf", "From a@b Mon Jan 1 10:00:00 2026\r\nSubject: 1\r\n\r\n>From x\r\n\r\nFrom b@c Mon Jan 1 11:00:00 2026\r\nSubject: 2\r\n\r\ny\r\n",
			Limits{}, []string{"Subject: 1\r\n\r\nFrom x\r\n", "Subject: 2\r\n\r\ny\r\n"}},
		{"no separator", "Subject: 1\n\nbody\n", Limits{}, []string{"Subject: 1\n\nbody\n"}},
		{"over limit then fine", "From a Mon Jan 1 10:00:00 2026\nSubject: 1\n\n" + big + "\n\nFrom b Mon Jan 1 10:00:00 2026\nSubject: 2\n\nok\n",
			Limits{MaxMessageBytes: 100}, []string{"ERR", "Subject: 2\n\nok\n"}},
		{"blank line first", "\nFrom a Mon Jan 1 10:00:00 2026\nSubject: 1\n\nx\n", Limits{}, []string{"Subject: 1\n\nx\n"}},
		{"From inside a long line", "From a Mon Jan 1 10:00:00 2026\nSubject: 1\n\n" + long + "From b Mon Jan 1 10:00:00 2026\n",
			Limits{}, []string{"Subject: 1\n\n" + long + "From b Mon Jan 1 10:00:00 2026\n"}},
		{"empty", "", Limits{}, nil},
		{"separator only", "From a Mon Jan 1 10:00:00 2026\n", Limits{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewMboxReader(strings.NewReader(tc.in), tc.lim)
			var got []string
			for i := 0; i < 10; i++ {
				b, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					if !errors.Is(err, ErrTooLarge) {
						t.Fatalf("error %v, want ErrTooLarge", err)
					}
					got = append(got, "ERR")
					continue
				}
				got = append(got, string(b))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIsEML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Received: from x\r\n by y\r\nSubject: a\r\n\r\nbody", true},
		{"From: a@b\nSubject: hi\n\nbody", true},
		{"Subject: only one known\n\nbody", false},
		{"MIME-Version: 1.0\n", true},
		{"X-Mozilla-Status: 0001\r\nX-Mozilla-Status2: 00000000\r\n", true},
		{"hello world\nFrom: x\n", false},
		{"PK\x03\x04", false},
		{"", false},
		{" From: x\nSubject: y\n", false},
	}
	for _, tc := range tests {
		if got := IsEML([]byte(tc.in)); got != tc.want {
			t.Errorf("IsEML(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestMsg(t *testing.T) {
	data, err := os.ReadFile("testdata/outlook.msg")
	if err != nil {
		t.Fatal(err)
	}
	if !IsMsg(data) {
		t.Fatal("IsMsg = false")
	}
	m, err := ReadMsg(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkMessage(t, m, "张三 <zhangsan@163.com>", "关于报送申报表的邮件", "2026-03-19T15:20:00+08:00", "您好：\n申报表见附件。",
		[]wantPart{
			{"政务服务中心申报表（定稿）.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, false},
			{"工作照片.jpg", "application/octet-stream", false, false},
		},
		[]string{"附件“原邮件.msg”是嵌入的 Outlook 邮件，未读取其内容"})
	if len(m.Parts) > 0 && len(m.Parts[0].Data) != 5156 {
		t.Errorf("attachment 0 has %d bytes, want 5156", len(m.Parts[0].Data))
	}
	for _, bad := range [][]byte{nil, []byte("From: x\n"), data[:600]} {
		if IsMsg(bad) {
			t.Errorf("IsMsg(%d bytes) = true", len(bad))
		}
		if m, err := ReadMsg(bad, Limits{}); err == nil || m != nil {
			t.Errorf("ReadMsg(%d bytes) = %v, %v; want only an error", len(bad), m, err)
		}
	}
	if doc, err := os.ReadFile("testdata/winmail.dat"); err == nil && IsMsg(doc) {
		t.Error("IsMsg(winmail.dat) = true")
	}
}

func TestTNEF(t *testing.T) {
	data, err := os.ReadFile("testdata/winmail.dat")
	if err != nil {
		t.Fatal(err)
	}
	if !IsTNEF(data) {
		t.Fatal("IsTNEF = false")
	}
	parts, err := ReadTNEF(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 1 || parts[0].Name != "政务服务中心申报表（定稿）.doc" || len(parts[0].Data) != 24 {
		t.Fatalf("parts = %+v", parts)
	}
	// the winmail.dat inside winmail.eml is the same stream
	eml, err := os.ReadFile("testdata/winmail.eml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(eml, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.Parts[0].Data, data) {
		t.Error("winmail.dat part differs from testdata/winmail.dat")
	}
	// cut inside the data attribute: the title is read, the data is not
	if parts, err := ReadTNEF(data[:60]); err == nil {
		t.Errorf("ReadTNEF(cut) = %+v, nil; want an error", parts)
	}
	// no attAttachRenddata before the attachment
	attr := func(id uint32, val []byte) []byte {
		b := binary.LittleEndian.AppendUint32([]byte{2}, id)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(val)))
		return append(append(b, val...), 0, 0)
	}
	raw := binary.LittleEndian.AppendUint32(nil, tnefSignature)
	raw = append(raw, 1, 0)
	raw = append(raw, attr(attAttachTitle, []byte("\xb3\xf5\xc9\xf3\xb1\xed.docx\x00"))...)
	raw = append(raw, attr(attAttachData, []byte("PK"))...)
	parts, err = ReadTNEF(raw)
	if err != nil || len(parts) != 1 || parts[0].Name != "初审表.docx" || string(parts[0].Data) != "PK" {
		t.Errorf("ReadTNEF(no renddata) = %+v, %v", parts, err)
	}
	if IsTNEF([]byte("From: x")) {
		t.Error("IsTNEF(text) = true")
	}
}

// enmimeTestdata is the testdata folder of the enmime module in the module
// cache; the test is skipped when it is not there.
func enmimeTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "jhillyerd", "enmime", "v2@v2.3.0", "testdata")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("enmime testdata not found: %v", err)
	}
	return dir
}

// TestEnmimeCorpus parses every message in enmime's own testdata: errors
// are allowed, panics and a result together with an error are not.
func TestEnmimeCorpus(t *testing.T) {
	dir := enmimeTestdata(t)
	n, failed := 0, 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".raw") || strings.HasSuffix(path, ".eml")) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		m, err := Parse(data, Limits{})
		if (m == nil) == (err == nil) {
			t.Errorf("%s: Parse = %v, %v", path, m, err)
		}
		if err != nil {
			failed++
			t.Logf("%s: %v", filepath.Base(path), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("only %d messages found in %s", n, dir)
	}
	t.Logf("%d enmime messages, %d returned an error", n, failed)
}

func TestDateLayouts(t *testing.T) {
	tests := map[string]string{
		"Mon, 2 Mar 2026 10:15:30 +0800 (CST)":    "2026-03-02T10:15:30+08:00",
		"2 Mar 2026 10:15:30 +0800":               "2026-03-02T10:15:30+08:00",
		"Mon, 02 Mar 2026 10:15:30 GMT":           "2026-03-02T10:15:30Z",
		"2026-03-02 10:15:30":                     "2026-03-02T10:15:30+08:00",
		"Mon,  2 Mar 2026  10:15:30   +0800":      "2026-03-02T10:15:30+08:00",
		"Mon, 8 Apr 2024 09:12:40 +0800 (中国标准时间)": "2024-04-08T09:12:40+08:00",
		"8 Apr 2024 09:12:40 GMT+0800":            "2024-04-08T09:12:40+08:00",
		"Mon, 8 Apr 2024 09:12:40 +08:00":         "2024-04-08T09:12:40+08:00",
		"Mon, 8 Apr 2024 09:12:40 CST":            "2024-04-08T09:12:40+08:00",
		"星期一, 08 四月 2024 09:12:40 +0800":          "2024-04-08T09:12:40+08:00",
		"Mon Apr 08 09:12:40 CST 2024":            "2024-04-08T09:12:40+08:00",
		"2024年4月8日 09:12":                         "2024-04-08T09:12:00+08:00",
	}
	for in, want := range tests {
		d, ok := parseDate(in)
		if !ok || d.Format(time.RFC3339) != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, d, ok, want)
		}
	}
	if _, ok := parseDate("明天"); ok {
		t.Error("parseDate(明天) ok")
	}
}

func TestMsgCodePage(t *testing.T) {
	fixed := make([]byte, 32)
	fixed = binary.LittleEndian.AppendUint32(fixed, 0x3FDE0003)
	fixed = binary.LittleEndian.AppendUint32(fixed, 6)
	fixed = binary.LittleEndian.AppendUint64(fixed, 950)
	s := &msgStorage{fixed: fixed, props: map[uint16]msgStream{0x3704: {id: 0x3704, typ: 0x001E, data: []byte("\xb3\x5c.doc\x00")}}}
	cp, ok := s.long(0x3FDE, 32)
	if !ok || cp != 950 {
		t.Fatalf("long = %d, %v", cp, ok)
	}
	s.charset = codePageCharset(cp)
	if got := s.str(0x3704); got != "許.doc" {
		t.Errorf("str = %q, want 許.doc", got)
	}
	for cp, want := range map[uint32]string{936: "gb18030", 65001: "utf-8", 1252: "windows-1252", 0: ""} {
		if got := codePageCharset(cp); got != want {
			t.Errorf("codePageCharset(%d) = %q, want %q", cp, got, want)
		}
	}
}
