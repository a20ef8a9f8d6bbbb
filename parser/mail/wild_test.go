package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shenbao/parser/problem"
)

// jpeg and docx are the payloads make_messages.py attaches (JPEG, DOCX).
var (
	testJPEG = []byte("\xff\xd8\xff\xe0fake jpeg\xff\xd9")
	testDOCX = append([]byte("PK\x03\x04fake docx for mail tests"), make([]byte, 8)...)
	testDOC  = append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1fake doc"), make([]byte, 8)...)
)

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestWildShapes reads the shapes real mailboxes hold that a careful
// parser gets wrong: each fixture's parts must be exactly the files that
// were sent, byte for byte, and its text the text that was written.
func TestWildShapes(t *testing.T) {
	const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	type file struct {
		name, ctype string
		sha         string
		message     bool
	}
	tests := []struct {
		file     string
		text     string
		files    []file
		problems []string
	}{
		// RFC 2046 §5.1.5: a digest's parts default to message/rfc822
		{file: "digest.eml", files: []file{
			{name: "转发邮件1.eml", ctype: "message/rfc822", message: true},
			{name: "转发邮件2.eml", ctype: "message/rfc822", message: true}}},
		// uuencoded files in the text body and in an x-uuencode part
		{file: "uuencode.eml", text: "请查收两份附件。\n\n\n此致", files: []file{
			{name: "shenbao.doc", ctype: "application/msword", sha: sum(testDOC)},
			{name: "photo.jpg", ctype: "application/octet-stream", sha: sum(testJPEG)}}},
		// the message ends with an opening delimiter: it must not become content
		{file: "open_end.eml", text: "正文", files: []file{
			{name: "photo.jpg", ctype: "image/jpeg", sha: sum(bytes.Repeat(testJPEG, 20))}},
			problems: []string{"邮件缺少结束分隔线（可能被截断），已尽量读取"}},
		// no blank line between a part's header and its base64
		{file: "run_on_headers.eml", text: "正文", files: []file{
			{name: "photo.jpg", ctype: "image/jpeg", sha: sum(bytes.Repeat(testJPEG, 10))}}},
		// raw UTF-8 names, one cut inside its last character: not GBK
		{file: "raw_utf8_names.eml", text: "正文", files: []file{
			{name: "政务服务窗口申报表.docx", ctype: "application/octet-stream", sha: sum(testDOCX)},
			{name: "环境照", ctype: "application/octet-stream", sha: sum(testJPEG)}}},
		// text/enriched alternative and a text/richtext part are body text
		{file: "enriched.eml", text: "请查收申报表。\n\n只有富文本正文。\n第二行", files: []file{
			{name: "申报表.docx", ctype: docxType, sha: sum(testDOCX)}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if m.Text != tc.text {
				t.Errorf("Text = %q, want %q", m.Text, tc.text)
			}
			var got []file
			for _, p := range m.Parts {
				f := file{name: p.Name, ctype: p.ContentType, message: p.Message}
				if !p.Message {
					f.sha = sum(p.Data)
				}
				got = append(got, f)
				if bytes.Contains(p.Data, []byte("=_Part_")) && !p.Message {
					t.Errorf("part %q holds a boundary", p.Name)
				}
			}
			if !reflect.DeepEqual(got, tc.files) {
				t.Errorf("parts\n got %+v\nwant %+v", got, tc.files)
			}
			if got := problem.Texts(m.Problems); !reflect.DeepEqual(got, tc.problems) {
				t.Errorf("Problems = %q, want %q", got, tc.problems)
			}
		})
	}
}

// TestDigestInner parses the digest's messages again, as the walker does:
// each one's attachment is found.
func TestDigestInner(t *testing.T) {
	data, err := os.ReadFile("testdata/digest.eml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range m.Parts {
		inner, err := Parse(p.Data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range inner.Parts {
			names = append(names, q.Name)
		}
	}
	if want := []string{"甲窗口申报表.docx", "乙窗口申报表.docx"}; !reflect.DeepEqual(names, want) {
		t.Errorf("inner attachments %q, want %q", names, want)
	}
}

// TestThunderbirdMbox: "From - " separators with no date, one after a
// non-blank line, and an unescaped "From " line inside a body.
func TestThunderbirdMbox(t *testing.T) {
	data, err := os.ReadFile("testdata/thunderbird.mbox")
	if err != nil {
		t.Fatal(err)
	}
	if !IsMbox(data) {
		t.Error("IsMbox = false")
	}
	r := NewMboxReader(bytes.NewReader(data), Limits{})
	var subjects, texts []string
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
		texts = append(texts, m.Text)
	}
	wantS := []string{"Thunderbird 1", "Thunderbird 2", "Thunderbird 3"}
	wantT := []string{"第一封正文\nFrom the window office, with thanks.\nSee you.", "第二封正文", "第三封正文"}
	if !reflect.DeepEqual(subjects, wantS) || !reflect.DeepEqual(texts, wantT) {
		t.Errorf("got %q %q\nwant %q %q", subjects, texts, wantS, wantT)
	}
}

// TestMboxSeparators judges "From " lines by what follows them.
func TestMboxSeparators(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"body From after a blank line, prose follows", "From a Mon Jan 1 10:00:00 2026\nSubject: 1\n\nhi\n\nFrom the office, thanks.\nbye\n", 1},
		{"From - after text, headers follow", "From - \nFrom: a@b\nSubject: 1\n\nhi\nFrom - \nFrom: c@d\nDate: Mon, 1 Jan 2026 10:00:00 +0800\n\nx\n", 2},
		{"From - after a blank line, one field follows", "From - \nSubject: 1\n\nhi\n\nFrom - \nSubject: 2\n\nx\n", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewMboxReader(strings.NewReader(tc.in), Limits{})
			n := 0
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n != tc.want {
				t.Errorf("%d messages, want %d", n, tc.want)
			}
		})
	}
}

// TestCutUTF8 keeps GBK for bytes that are not UTF-8 and reads UTF-8 cut
// inside its last character as UTF-8.
func TestCutUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"申报表.docx", "申报表.docx"},
		{"环境照片"[:len("环境照片")-1], "环境照"},
		{"环境照片"[:len("环境照片")-2], "环境照"},
		{"\xc9\xea\xb1\xa8\xb1\xed.doc", "申报表.doc"}, // GBK
		{"\xc9\xea\xb1\xa8\xb1", "申报\ufffd"},        // GBK cut: still GBK
		{"ab\xe4\xb8", "ab涓"},                       // no whole UTF-8 character: GB18030
	}
	for _, tc := range tests {
		if got := fixRaw(tc.in); got != tc.want {
			t.Errorf("fixRaw(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEnriched converts the two rich-text formats.
func TestEnriched(t *testing.T) {
	tests := []struct {
		in       string
		richtext bool
		want     string
	}{
		{"<bold>申报</bold>表\nline\n\nnext <<tag>", false, "申报表 line\nnext <tag>"},
		{"<param>red</param><color>红</color>", false, "红"},
		{"a<nl>b <lt>c\nd", true, "a\nb <c d"},
	}
	for _, tc := range tests {
		if got := enrichedToText(tc.in, tc.richtext); got != tc.want {
			t.Errorf("enrichedToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestBoundaryNeverContent ends a message in every way a cut message ends:
// the attachment's bytes stay what was sent.
func TestBoundaryNeverContent(t *testing.T) {
	head := "From: a@b.c\r\nDate: Mon, 2 Mar 2026 09:15:00 +0800\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n" +
		"--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B\r\nContent-Type: image/jpeg; name=a.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJDREVGR0g=\r\n"
	for _, crlf := range []bool{true, false} {
		for _, tail := range []string{"--B\r\n", "--B", "--B  \r\n\r\n", "--B\r\nContent-Type: text/plain\r\n", "", "--B--"} {
			in := head + tail
			if !crlf {
				in = strings.ReplaceAll(in, "\r\n", "\n")
			}
			m, err := Parse([]byte(in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Parts) != 1 || string(m.Parts[0].Data) != "ABCDEFGH" || m.Text != "hello" {
				t.Errorf("tail %q (crlf %v): parts %+v, text %q", tail, crlf, m.Parts, m.Text)
			}
		}
	}
}

// TestUULine holds one uuencoded line to its declared length: trailing
// spaces that transport stripped (Python's binascii.b2a_uu writes zero as a
// space) are restored as zero bits, but a line missing more than that is not
// uuencoded and yields nothing (the fuzzer found "R" alone making 50 bytes).
func TestUULine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string // "" with ok false
		ok   bool
	}{
		{"#86( ", "ab\x00", true}, // binascii.b2a_uu(b"ab\x00")
		{"#86(", "ab\x00", true},  // its trailing space stripped
		{"+:&5L;&\\@=V]R    ", "hello wor\x00\x00", true},
		{"+:&5L;&\\@=V]R  ", "hello wor\x00\x00", true}, // two stripped
		{"+:&5L;&\\@=V]R", "", false},                   // four stripped: too short
		{"R", "", false},
		{"!", "\x00", true}, // one byte of zero bits, all stripped
	} {
		got, ok := uuLine([]byte(tc.line))
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("uuLine(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}
