// Package bufpool keeps the large byte buffers of a run for reuse: the
// files read into memory and the attachments decoded from them. A run
// reads and decodes each window's mail once and is then done with it, so
// without reuse most of what it allocates is short-lived buffers of a few
// hundred kilobytes, and the garbage collector's work grows with them.
//
// Buffers are kept in power-of-two size classes from 64 KiB to 16 MiB, so
// a buffer taken for a 300 KB photo is not lost to the 60 KB form after it.
// Smaller and larger buffers are allocated and dropped as usual.
package bufpool

import (
	"math/bits"
	"sync"
)

const (
	minShift = 16 // 64 KiB
	maxShift = 24 // 16 MiB
)

var pools [maxShift - minShift + 1]sync.Pool // *[]byte

// Poison, when set, fills every buffer given back with 0xA5 before it is
// kept, so that a reader still holding part of it reads garbage, not the
// next file's bytes: the tests set it to catch a buffer given back too
// early. It must be set before any buffer is used.
var Poison bool

// Get returns a buffer of length n. Its contents are undefined: the caller
// writes before it reads.
func Get(n int) []byte {
	if n < 1<<minShift || n > 1<<maxShift {
		return make([]byte, n)
	}
	c := bits.Len(uint(n-1)) - minShift // the smallest class that holds n
	if p, _ := pools[c].Get().(*[]byte); p != nil {
		return (*p)[:n]
	}
	return make([]byte, n, 1<<(c+minShift))
}

// Put gives b back for reuse. The caller, and everyone the caller gave b or
// a part of it to, must be done with it.
func Put(b []byte) {
	n := cap(b)
	if n < 1<<minShift || n > 1<<maxShift {
		return
	}
	c := bits.Len(uint(n)) - 1 - minShift // the largest class b holds
	if Poison {
		b = b[:n]
		for i := range b {
			b[i] = 0xA5
		}
	}
	size := 1 << (c + minShift)
	b = b[:0:size] // a buffer grown by append serves its class only
	pools[c].Put(&b)
}
