package golden

import "time"

// Bound scales a wall-clock guard of a hostile-input test to the build:
// the race detector slows code five to tenfold, and CI machines may be
// loaded, so under -race a guard is ten times as long. The guards catch a
// hang or a blow-up that is orders of magnitude slower; the allocation
// bounds next to them are the precise check.
func Bound(d time.Duration) time.Duration {
	if raceEnabled {
		return 10 * d
	}
	return 2 * d
}
