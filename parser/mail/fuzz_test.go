package mail

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func seed(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", p))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	seed(f, "*.eml", "*.mbox")
	f.Add([]byte("Subject: =?gb2312?B?1cXI/Q?= =?gbk?Q?=D5=C5?=\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Disposition: attachment; filename*0*=gbk''%D5; filename*1*=%C5\r\n\r\nx\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxParts: 8}
		m, err := Parse(data, lim)
		if (m == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v", m, err)
		}
		if m == nil {
			return
		}
		messageInvariants(t, m, lim, len(data))
		again, _ := Parse(data, lim)
		if !reflect.DeepEqual(m, again) {
			t.Fatal("two parses of the same bytes differ")
		}
	})
}

// messageInvariants holds a parsed message to what the walker relies on: parts
// within the limit, each with a safe non-empty name and a lower-case media
// type; no part holds more bytes than the message had (every transfer
// encoding shrinks or keeps size); text is clean UTF-8; problems are
// capped and carry a code.
// checkPartName: a part's name is shown in 文件清单 and fed to intake, never
// empty, always UTF-8, without a path separator or NUL.
func checkPartName(t *testing.T, name string) {
	t.Helper()
	if name == "" || !utf8.ValidString(name) || strings.ContainsAny(name, "/\\\x00") {
		t.Fatalf("part name %q", name)
	}
}

func messageInvariants(t *testing.T, m *Message, lim Limits, inputLen int) {
	t.Helper()
	if len(m.Parts) > lim.maxParts() || len(m.Problems) > maxProblems {
		t.Fatalf("%d parts, %d problems", len(m.Parts), len(m.Problems))
	}
	total := 0
	for _, p := range m.Parts {
		checkPartName(t, p.Name)
		if p.ContentType != strings.ToLower(p.ContentType) || !utf8.ValidString(p.ContentType) {
			t.Fatalf("content type %q", p.ContentType)
		}
		total += len(p.Data)
	}
	if total > inputLen {
		t.Fatalf("parts hold %d bytes from a message of %d", total, inputLen)
	}
	for _, s := range []string{m.Text, m.Subject, m.From} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Fatalf("text %q", s)
		}
	}
	if strings.ContainsRune(m.Text, '\r') {
		t.Fatalf("text with CR %q", m.Text)
	}
	for _, p := range m.Problems {
		if p.Code == "" {
			t.Fatalf("problem without a code: %+v", p)
		}
	}
}

func FuzzMbox(f *testing.F) {
	seed(f, "*.mbox", "*.eml")
	f.Add([]byte("From a\n\nFrom b 10:00\n>From c\nFrom d\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewMboxReader(bytes.NewReader(data), Limits{MaxMessageBytes: 512})
		total := 0
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("Next did not reach the end after %d calls", i)
			}
			b, err := r.Next()
			if errors.Is(err, io.EOF) {
				if b != nil {
					t.Fatal("data with io.EOF")
				}
				break
			}
			if err != nil {
				if b != nil {
					t.Fatal("data with an error")
				}
				continue
			}
			if len(b) > 512 {
				t.Fatalf("message of %d bytes over the limit", len(b))
			}
			total += len(b)
		}
		if total > len(data) {
			t.Fatalf("read %d bytes from %d", total, len(data))
		}
	})
}

func FuzzReadMsg(f *testing.F) {
	seed(f, "*.msg")
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxMessageBytes: 1 << 20, MaxParts: 8}
		m, err := ReadMsg(data, lim)
		if (m == nil) == (err == nil) {
			t.Fatalf("ReadMsg = %v, %v", m, err)
		}
		_ = IsMsg(data)
		if m == nil {
			return
		}
		// An .msg stores attachments uncompressed, so the same bounds hold.
		messageInvariants(t, m, lim, len(data))
		again, _ := ReadMsg(data, lim)
		if !reflect.DeepEqual(m, again) {
			t.Fatal("two reads of the same bytes differ")
		}
	})
}

func FuzzReadTNEF(f *testing.F) {
	seed(f, "*.dat")
	f.Fuzz(func(t *testing.T, data []byte) {
		parts, err := ReadTNEF(data)
		if err != nil && parts != nil {
			t.Fatal("parts with an error")
		}
		total := 0
		for _, p := range parts {
			checkPartName(t, p.Name)
			total += len(p.Data)
		}
		// TNEF stores attachments as they are: they cannot hold more
		// bytes than the stream.
		if total > len(data) {
			t.Fatalf("parts hold %d bytes from a stream of %d", total, len(data))
		}
		again, _ := ReadTNEF(data)
		if !reflect.DeepEqual(parts, again) {
			t.Fatal("two reads of the same bytes differ")
		}
	})
}
