package pipeline

import (
	"runtime/debug"
	"sync"
)

// tightGCPercent is the garbage collector's target growth after the walk.
const tightGCPercent = 50

var gcMu sync.Mutex

// TightGC lowers the garbage collector's target to 50 % growth over the
// live heap, unless GOGC already asks for less or turns it off, until the
// returned function is called.
//
// After the walk the heap holds the whole batch, the dossiers and then the
// result, and what assembly, the report and the outputs allocate beside it
// is short-lived. With the default 100 % the heap grows to twice the batch
// before the collector runs: at 10,000 windows about 250 MiB of heap for
// about 110 MiB of live data. These stages are a few seconds of a run that
// the walk dominates, so collecting twice as often in them costs little.
func TightGC() (restore func()) {
	gcMu.Lock()
	defer gcMu.Unlock()
	old := debug.SetGCPercent(tightGCPercent)
	if old < 0 || old <= tightGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		debug.SetGCPercent(old)
	}
}
