package mail

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
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
		if len(m.Parts) > 8 || len(m.Problems) > maxProblems {
			t.Fatalf("%d parts, %d problems", len(m.Parts), len(m.Problems))
		}
		for _, p := range m.Parts {
			if p.Name == "" || !utf8.ValidString(p.Name) || strings.ContainsAny(p.Name, "/\\\x00") {
				t.Fatalf("part name %q", p.Name)
			}
		}
		if !utf8.ValidString(m.Text) || strings.ContainsAny(m.Text, "\x00\r") {
			t.Fatalf("text %q", m.Text)
		}
	})
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
		m, err := ReadMsg(data, Limits{MaxMessageBytes: 1 << 20, MaxParts: 8})
		if (m == nil) == (err == nil) {
			t.Fatalf("ReadMsg = %v, %v", m, err)
		}
		_ = IsMsg(data)
	})
}

func FuzzReadTNEF(f *testing.F) {
	seed(f, "*.dat")
	f.Fuzz(func(t *testing.T, data []byte) {
		parts, err := ReadTNEF(data)
		if err != nil && parts != nil {
			t.Fatal("parts with an error")
		}
		for _, p := range parts {
			if p.Name == "" {
				t.Fatal("empty part name")
			}
		}
	})
}
