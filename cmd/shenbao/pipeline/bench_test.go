package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"shenbao/export"
	"shenbao/samples/scale"
	"shenbao/validate/profile"
)

// Benchmarks over generated exports of one email per window, each with a
// 申报表, a 初审表 and two ~400 KB photos (samples/scale).
//
//	SHENBAO_BENCH_WINDOWS  window counts to run, e.g. "1000,10000" (default
//	                       "1000"; 10,000 windows are 10.6 GB of mail)
//	SHENBAO_BENCH_DIR      a folder to keep the generated exports in between
//	                       runs (default: a temporary folder, removed after)

// benchCounts are the window counts of SHENBAO_BENCH_WINDOWS.
func benchCounts(b *testing.B) []int {
	env := os.Getenv("SHENBAO_BENCH_WINDOWS")
	if env == "" {
		return []int{1000}
	}
	var ns []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("SHENBAO_BENCH_WINDOWS: %q is not a window count", f)
		}
		ns = append(ns, n)
	}
	return ns
}

// benchExport returns a generated export of n windows and its size.
func benchExport(b *testing.B, n int) (string, int64) {
	root := os.Getenv("SHENBAO_BENCH_DIR")
	if root == "" {
		root = b.TempDir()
	}
	dir := filepath.Join(root, fmt.Sprintf("windows-%d", n))
	done := dir + ".done"
	if data, err := os.ReadFile(done); err == nil {
		if size, err := strconv.ParseInt(string(bytes.TrimSpace(data)), 10, 64); err == nil {
			return dir, size
		}
	}
	os.RemoveAll(dir)
	size, err := scale.Write(dir, scale.Options{Windows: n})
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, []byte(strconv.FormatInt(size, 10)), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, size
}

// warmed holds the corpora read once in this process.
var warmed sync.Map

// warmCache reads a corpus once before it is timed, so that the first floor
// run is not the one that pays for the disk while the check after it reads
// from the page cache (at 10,000 windows that made the check look faster
// than its floor).
func warmCache(b *testing.B, dir string) {
	if _, done := warmed.LoadOrStore(dir, true); done {
		return
	}
	if _, err := floor(dir, runtime.NumCPU()); err != nil {
		b.Fatal(err)
	}
}

// checkAndWrite is what `shenbao check DIR -o … --json …` does.
func checkAndWrite(dir, out string) (int, error) {
	p := profile.Default()
	res, err := Run(context.Background(), Options{Inputs: []string{dir}, Profile: p})
	if err != nil {
		return 0, err
	}
	defer res.Close()
	defer TightGC()()
	roles := make([]string, len(p.ReviewRows))
	for i, r := range p.ReviewRows {
		roles[i] = r.Name
	}
	// As check does, the register is written beside the JSON.
	registerDone := make(chan error, 1)
	go func() {
		registerDone <- export.WriteRegister(filepath.Join(out, "register.xlsx"), res, export.RegisterOptions{
			ProfileName: p.Name, Title: p.Title, RegisterTitle: p.RegisterTitle, ReviewRoles: roles,
		})
	}()
	jsonErr := export.WriteJSON(filepath.Join(out, "result.json"), res)
	if err := cmp.Or(<-registerDone, jsonErr); err != nil {
		return 0, err
	}
	return res.Windows(), res.Err()
}

// BenchmarkCheck runs the whole check (intake, parse, assemble, rules,
// register and JSON written) and, in turn with it on the same export, the
// floor: the reading, decoding, inflating and hashing no check can avoid.
// It reports throughput, the ratio of the check's time to the floor's and
// the peak heap (and, on Linux, the peak RSS) of the check, which must
// stay flat as the window count grows.
func BenchmarkCheck(b *testing.B) {
	for _, n := range benchCounts(b) {
		b.Run(fmt.Sprintf("windows=%d", n), func(b *testing.B) {
			dir, size := benchExport(b, n)
			warmCache(b, dir)
			out := b.TempDir()
			b.SetBytes(size)
			var floorTime time.Duration
			var peakRSS int64
			peak := watchHeap()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				start := time.Now()
				if _, err := floor(dir, runtime.NumCPU()); err != nil {
					b.Fatal(err)
				}
				floorTime += time.Since(start)
				runtime.GC()
				resetPeakRSS()
				b.StartTimer()
				got, err := checkAndWrite(dir, out)
				if err != nil {
					b.Fatal(err)
				}
				if got != n {
					b.Fatalf("%d windows, want %d", got, n)
				}
				b.StopTimer()
				peakRSS = max(peakRSS, readPeakRSS())
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
			if peakRSS > 0 {
				b.ReportMetric(float64(peakRSS)/(1<<20), "peak-rss-MB")
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "windows/s")
			b.ReportMetric(floorTime.Seconds()/float64(b.N), "floor-s/op")
			b.ReportMetric(b.Elapsed().Seconds()/floorTime.Seconds(), "x-floor")
		})
	}
}

// BenchmarkFloor is the floor alone.
func BenchmarkFloor(b *testing.B) {
	for _, n := range benchCounts(b) {
		b.Run(fmt.Sprintf("windows=%d", n), func(b *testing.B) {
			dir, size := benchExport(b, n)
			warmCache(b, dir)
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				if _, err := floor(dir, runtime.NumCPU()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "windows/s")
		})
	}
}

// watchHeap samples the heap in use until the returned function is called,
// which reports the largest figure seen. It reads runtime/metrics, which
// does not stop the world (runtime.ReadMemStats does, 200 times a second,
// which the check being measured should not pay for).
func watchHeap() func() uint64 {
	// HeapInuse of runtime.MemStats: the heap's objects and the free space
	// in its spans. Only the sampling goroutine writes peak.
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	var peak uint64
	stop := every(5*time.Millisecond, func() {
		metrics.Read(samples)
		peak = max(peak, samples[0].Value.Uint64()+samples[1].Value.Uint64())
	})
	return func() uint64 {
		stop() // the sampler has returned: peak is ours to read
		return peak
	}
}

// resetPeakRSS resets the process's peak resident set size where the system
// allows (Linux); elsewhere it does nothing.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// readPeakRSS is the process's peak resident set size in bytes since the
// last resetPeakRSS (Linux's VmHWM), 0 where unknown.
func readPeakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
