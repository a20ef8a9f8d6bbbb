package mail

import (
	"bytes"
	"testing"
)

// TestIndexLineDashes holds the fast search to the plain one it replaces,
// on every string of up to 8 bytes over the bytes that matter and from every
// start.
func TestIndexLineDashes(t *testing.T) {
	alphabet := []byte("\n-a")
	var check func(prefix []byte)
	check = func(s []byte) {
		for from := 0; from <= len(s); from++ {
			want := bytes.Index(s[from:], []byte("\n--"))
			if want >= 0 {
				want += from
			}
			if got := indexLineDashes(s, from); got != want {
				t.Fatalf("indexLineDashes(%q, %d) = %d, want %d", s, from, got, want)
			}
		}
		if len(s) == 8 {
			return
		}
		for _, c := range alphabet {
			check(append(s[:len(s):len(s)], c))
		}
	}
	check(nil)
}
