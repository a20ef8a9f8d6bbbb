package doc

import (
	"bytes"
	"testing"
)

func BenchmarkRead(b *testing.B) {
	data := fixture("shenbao.doc")(b)
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadRTF(b *testing.B) {
	data := fixture("shenbao.rtf")(b)
	for b.Loop() {
		if _, err := ReadRTF(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data := fixture("shenbao.html")(b)
	for b.Loop() {
		if _, err := ReadHTML(data); err != nil {
			b.Fatal(err)
		}
	}
}
