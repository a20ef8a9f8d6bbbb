package pipeline

import (
	"math"
	"runtime/debug"
	"testing"
	"time"
)

// TestTightGC checks that the target is lowered only from above and always
// put back.
func TestTightGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct{ before, during int }{
		{100, tightGCPercent},
		{200, tightGCPercent},
		{30, 30},
		{-1, -1}, // GOGC=off
	} {
		debug.SetGCPercent(tc.before)
		restore := TightGC()
		if got := debug.SetGCPercent(tc.during); got != tc.during {
			t.Errorf("GOGC=%d: %d during, want %d", tc.before, got, tc.during)
		}
		restore()
		if got := debug.SetGCPercent(100); got != tc.before {
			t.Errorf("GOGC=%d: %d after, want it back", tc.before, got)
		}
	}
}

// TestLimitMemory checks the limit's curve, that a limit already set is
// left alone and that the limit is always taken off.
func TestLimitMemory(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, memoryFloor},
		{40 << 20, memoryFloor},
		{100 << 20, 150<<20 + memorySlack},
	} {
		if got := limitFor(tc.live); got != tc.want {
			t.Errorf("limitFor(%d MiB) = %d MiB, want %d MiB", tc.live>>20, got>>20, tc.want>>20)
		}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	restore := LimitMemory(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 || got < memoryFloor {
		t.Errorf("limit %d during a run", got)
	}
	if got := debug.SetGCPercent(walkGCPercent); got != walkGCPercent {
		t.Errorf("GOGC=%d under the limit, want %d", got, walkGCPercent)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d left after the run", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC=%d after the run, want 100 back", got)
	}
	t.Setenv("GOGC", "150") // the user's: kept
	debug.SetGCPercent(150)
	LimitMemory(time.Millisecond)()
	if got := debug.SetGCPercent(100); got != 150 {
		t.Errorf("GOGC=150 set by the user became %d", got)
	}
	debug.SetMemoryLimit(200 << 20) // GOMEMLIMIT=200MiB
	LimitMemory(time.Millisecond)()
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("the user's limit became %d", got)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // GOGC=off
	restore = LimitMemory(time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOGC=off: a limit of %d turns the collector back on", got)
	}
	restore()
}
