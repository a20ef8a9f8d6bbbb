package bufpool

import "testing"

func TestGetPut(t *testing.T) {
	tests := []struct {
		n       int
		wantCap int
	}{
		{0, 0}, {100, 100}, {1<<16 - 1, 1<<16 - 1}, // small: allocated as asked
		{1 << 16, 1 << 16}, {1<<16 + 1, 1 << 17}, {300 << 10, 512 << 10}, {1 << 24, 1 << 24},
		{1<<24 + 1, 1<<24 + 1}, // large: allocated as asked
	}
	for _, tc := range tests {
		b := Get(tc.n)
		if len(b) != tc.n || cap(b) < tc.n {
			t.Errorf("Get(%d): len %d cap %d", tc.n, len(b), cap(b))
		}
		if cap(b) != tc.wantCap && cap(b) < tc.wantCap {
			t.Errorf("Get(%d): cap %d, want at least %d", tc.n, cap(b), tc.wantCap)
		}
		Put(b)
	}
}

// TestPutClass: a buffer given back serves only requests it can hold,
// whatever its capacity.
func TestPutClass(t *testing.T) {
	Put(make([]byte, 10, 200<<10)) // holds 128 KiB, not 256
	for range 100 {
		b := Get(200 << 10)
		if cap(b) < 200<<10 {
			t.Fatalf("Get(200 KiB) returned cap %d", cap(b))
		}
		Put(b)
	}
}

func TestPoison(t *testing.T) {
	Poison = true
	defer func() { Poison = false }()
	b := Get(1 << 16)
	for i := range b {
		b[i] = 1
	}
	keep := b[:10]
	Put(b)
	for _, c := range keep {
		if c != 0xA5 {
			t.Fatalf("byte %#x after Put with Poison", c)
		}
	}
}
