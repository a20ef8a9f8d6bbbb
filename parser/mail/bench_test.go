package mail

import (
	"bytes"
	"encoding/base64"
	"os"
	"testing"
)

// bigMessage is a message with one attachment of n bytes, base64 in 76-column lines.
func bigMessage(n int) []byte {
	var b bytes.Buffer
	b.WriteString("From: a@b.cn\r\nSubject: =?GBK?B?yeqxqLHt?=\r\nDate: Mon, 8 Apr 2024 09:00:00 +0800\r\n" +
		"Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=gbk\r\n\r\nbody\r\n" +
		"--B\r\nContent-Type: application/zip; name=a.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	raw := make([]byte, n)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	enc := base64.StdEncoding.EncodeToString(raw)
	for len(enc) > 76 {
		b.WriteString(enc[:76])
		b.WriteString("\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n--B--\r\n")
	return b.Bytes()
}

func BenchmarkParseLarge(b *testing.B) {
	data := bigMessage(20 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := Parse(data, Limits{})
		if err != nil || len(m.Parts) != 1 || len(m.Parts[0].Data) != 20<<20 {
			b.Fatalf("Parse: %v", err)
		}
	}
}

func BenchmarkParseFoxmail(b *testing.B) {
	data, err := os.ReadFile("testdata/foxmail.eml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
