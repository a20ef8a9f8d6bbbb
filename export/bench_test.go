package export

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"shenbao/validate"
)

// bigResult repeats the sample's windows to n windows.
func bigResult(n int) *validate.Result {
	base := sampleResult()
	res := *base
	res.Submissions = make([]validate.Submission, n)
	for i := range n {
		s := base.Submissions[i%len(base.Submissions)]
		s.WindowName = fmt.Sprintf("%s%05d", s.WindowName, i)
		s.Unit = fmt.Sprintf("%s%02d", s.Unit, i%40)
		res.Submissions[i] = s
	}
	res.Inputs = nil
	for i := range n * 3 {
		in := base.Inputs[i%len(base.Inputs)]
		in.Path = fmt.Sprintf("%s #%d", in.Path, i)
		res.Inputs = append(res.Inputs, in)
	}
	return &res
}

// BenchmarkWriteRegister10000 writes a 10,000-window register and reports
// the bytes allocated and the peak heap in use.
func BenchmarkWriteRegister10000(b *testing.B) {
	res := bigResult(10000)
	dir := b.TempDir()
	b.ReportAllocs()
	var peak uint64
	for i := 0; b.Loop(); i++ {
		done := make(chan struct{})
		stop := make(chan struct{})
		go func() {
			defer close(done)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
				select {
				case <-stop:
					return
				case <-tick.C:
				}
			}
		}()
		if err := WriteRegister(filepath.Join(dir, fmt.Sprintf("r%d.xlsx", i)), res, sampleOptions()); err != nil {
			b.Fatal(err)
		}
		close(stop)
		<-done
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
