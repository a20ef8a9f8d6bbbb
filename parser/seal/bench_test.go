package seal_test

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg"
	"testing"

	"shenbao/parser/seal"
	"shenbao/parser/seal/sealtest"
)

// The benchmarks compare a page's whole analysis (decode included) with a
// plain image.Decode of the same JPEG: the target is at most about twice.
func benchPage(dpi int) []byte {
	cs := sealtest.SetCase("tune", "scanner", 1)
	cs.DPI = dpi
	data, _ := sealtest.Render(cs)
	return data
}

func BenchmarkDecode(b *testing.B) {
	for _, dpi := range []int{150, 300} {
		data := benchPage(dpi)
		b.Run(fmt.Sprintf("%ddpi", dpi), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAnalyzePage(b *testing.B) {
	for _, dpi := range []int{150, 300} {
		data := benchPage(dpi)
		b.Run(fmt.Sprintf("%ddpi", dpi), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				pages, err := seal.Analyze("bench.jpg", data, seal.Options{Roles: sealtest.DefaultRoles})
				if err != nil || !pages[0].RowsFound() {
					b.Fatal(err, pages)
				}
			}
		})
	}
}
