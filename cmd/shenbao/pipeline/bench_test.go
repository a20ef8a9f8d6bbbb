package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"shenbao/samples/scale"
)

// BenchmarkCheck runs the whole pipeline (intake, parse, assemble, rules)
// over generated exports of one email per window, each with a 申报表, a
// 初审表 and two ~400 KB photos. It reports throughput and the peak heap, which
// must stay flat as the window count grows.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("windows=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "export")
			size, err := scale.Write(dir, scale.Options{Windows: n})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			peak := watchHeap()
			b.ResetTimer()
			for range b.N {
				res, err := Run(context.Background(), Options{Inputs: []string{dir}})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Submissions) != n {
					b.Fatalf("%d windows, want %d", len(res.Submissions), n)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "windows/s")
			os.RemoveAll(dir)
		})
	}
}

// watchHeap samples the heap in use until the returned function is called,
// which reports the largest figure seen.
func watchHeap() func() uint64 {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
	)
	go func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapInuse)
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
