package validate

import (
	"reflect"
	"testing"
)

// BenchmarkDecodeSubmission is the cost of reading one spilled submission
// back, which every pass of an output over the submissions pays.
func BenchmarkDecodeSubmission(b *testing.B) {
	var s Submission
	n := 0
	fill(reflect.ValueOf(&s).Elem(), &n)
	s.Deeds = string(make([]byte, 1500))
	rec := appendSubmission(nil, &s)
	b.SetBytes(int64(len(rec)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeSubmission(rec); err != nil {
			b.Fatal(err)
		}
	}
}
