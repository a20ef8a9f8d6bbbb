package pipeline

import (
	"runtime/debug"
	"testing"
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
