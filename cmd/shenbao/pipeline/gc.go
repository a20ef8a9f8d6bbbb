package pipeline

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
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

// The memory limit a run keeps while it reads: at least memoryFloor, and
// half as much again as the live heap plus memorySlack when that is more.
const (
	memoryFloor = 80 << 20
	memorySlack = 16 << 20
)

// walkGCPercent is the collector's growth target under the limit, when the
// user has not set one (GOGC).
const walkGCPercent = 400

// limitFor is the memory limit for a live heap of live bytes.
func limitFor(live uint64) int64 {
	return max(memoryFloor, int64(live+live/2)+memorySlack)
}

// LimitMemory sets the runtime's soft memory limit from the live heap,
// checked every interval, until the returned function is called; a limit
// the user set (GOMEMLIMIT) is left alone, and so is a collector turned off
// (GOGC=off), which a limit would turn back on.
//
// With the default growth target the heap grows to twice the live data
// before the collector runs. In the walk the live data is the batch's items
// and parsed pieces (~50 MB at 10,000 windows), and what each worker reads
// and decodes is garbage soon after: the heap reached ~100 MiB and the
// process ~130 MiB. A limit of 80 MiB makes the collector run earlier only
// when the heap nears it, so a small batch never pays; a batch whose live
// data alone nears the floor gets 1.5 times its live heap (GOGC=50), not
// a collector that runs without end.
//
// Under the limit the growth target is raised to 400 % (unless GOGC is
// set): memory is then a budget, not a multiple of the live heap. A small
// batch's heap is mostly what the workers read and decode, and collecting
// each time it doubled (every few attachments) was ~7 % of a run's CPU;
// now it collects at five times its live heap or at the limit, whichever
// comes first. A 1,000-window batch peaks higher (~90 MiB RSS rather than
// ~50) and takes ~6-10 % less CPU; a large one is held by the limit as
// before.
func LimitMemory(interval time.Duration) (restore func()) {
	gcMu.Lock()
	defer gcMu.Unlock()
	gogc := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(gogc)
	if os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) != math.MaxInt64 ||
		gogc[0].Value.Kind() == metrics.KindUint64 && int64(gogc[0].Value.Uint64()) < 0 {
		return func() {} // GOMEMLIMIT (even "off"), a caller's own limit, or GOGC=off
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(limitFor(sample[0].Value.Uint64()))
		}
	}
	set()
	oldGC := -2 // GOGC left as it is
	if os.Getenv("GOGC") == "" && gogc[0].Value.Kind() == metrics.KindUint64 && gogc[0].Value.Uint64() == 100 {
		oldGC = debug.SetGCPercent(walkGCPercent)
	}
	stop := every(interval, set)
	return func() {
		stop()
		gcMu.Lock()
		defer gcMu.Unlock()
		debug.SetMemoryLimit(math.MaxInt64)
		if oldGC != -2 {
			debug.SetGCPercent(oldGC)
		}
	}
}

// every calls fn every interval on a goroutine of its own until the
// returned function is called, which returns once fn has.
func every(interval time.Duration, fn func()) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fn()
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
	}
}
