package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	goldenfile "shenbao/parser/golden"
)

// storedZip returns a zip holding data as one stored entry named name.
func storedZip(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// walkCount walks data and returns the items emitted and the failed ones'
// reasons, failing the test when the walk takes longer than d.
func walkCount(t *testing.T, data []byte, lim Limits, d time.Duration) (int64, []string) {
	t.Helper()
	var n atomic.Int64
	var reasons []string
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	err := (&Walker{Limits: lim}).WalkBytes(ctx, "in.zip", data, func(it *Item, _ []byte) error {
		n.Add(1)
		if it.Status == Failed {
			reasons = append(reasons, it.Reason)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v after %d items", err, n.Load())
	}
	return n.Load(), reasons
}

// TestNestedZip20: a zip nested 20 deep is opened to MaxDepth and the
// container past it is failed with the depth reason.
func TestNestedZip20(t *testing.T) {
	data := []byte("leaf")
	name := "leaf.txt"
	for i := range 20 {
		data = storedZip(t, name, data)
		name = "level" + string(rune('a'+i)) + ".zip"
	}
	n, reasons := walkCount(t, data, Limits{}, 10*time.Second)
	if n != DefaultMaxDepth+2 || len(reasons) != 1 || reasons[0] != depthReason(DefaultMaxDepth) {
		t.Fatalf("%d items, failed %q", n, reasons)
	}
}

// overlapZip returns a zip whose central directory lists the one stored
// entry holding inner count times, under different names: every entry is
// the same bytes.
func overlapZip(t *testing.T, inner []byte, count int) []byte {
	t.Helper()
	one := storedZip(t, "x.zip", inner)
	cdStart := int(binary.LittleEndian.Uint32(one[len(one)-6:]))
	cd := one[cdStart : len(one)-22]
	var out bytes.Buffer
	out.Write(one[:cdStart])
	for i := range count {
		e := bytes.Clone(cd)
		// rename x.zip to a one-letter-varying name of the same length
		copy(e[46:], []byte{byte('a' + i%26), byte('a' + i/26%26), byte('a' + i/676%26), 'z', 'i'})
		out.Write(e)
	}
	end := bytes.Clone(one[len(one)-22:])
	binary.LittleEndian.PutUint16(end[8:], uint16(count))
	binary.LittleEndian.PutUint16(end[10:], uint16(count))
	binary.LittleEndian.PutUint32(end[12:], uint32(len(cd)*count))
	out.Write(end)
	return out.Bytes()
}

// TestOverlapFanOut: entries of each level all point at the same inner zip,
// 50 wide and 6 deep: 50^6 (15 billion) leaves from 100 KB. The walk must
// end in bounded time with the excess recorded as failed items.
func TestOverlapFanOut(t *testing.T) {
	data := []byte("leaf")
	data = storedZip(t, "leaf.txt", data)
	for range 6 {
		data = overlapZip(t, data, 50)
	}
	if len(data) > 20000 {
		t.Fatalf("bomb is %d bytes", len(data))
	}
	n, reasons := walkCount(t, data, Limits{MaxItems: 5000}, 20*time.Second)
	// 5000 entries are read, plus the input and the report; the rest are
	// only counted.
	if n < 5000 || n > 5002 {
		t.Errorf("%d items", n)
	}
	if len(reasons) != 1 || !strings.HasPrefix(reasons[0], "压缩包里展开的文件总数超过上限（5000个），其余 ") {
		t.Errorf("%d failed: %q", len(reasons), reasons[:min(len(reasons), 3)])
	}
	// The byte budget works the same way.
	_, reasons = walkCount(t, data, Limits{MaxExpandedBytes: 1 << 20, MaxItems: 1 << 30}, 20*time.Second)
	if len(reasons) != 1 || !strings.Contains(reasons[0], "展开的内容总量超过上限（1.0 MB），其余 ") {
		t.Errorf("%d failed: %q", len(reasons), reasons[:min(len(reasons), 3)])
	}
}

// peakHeap runs fn and returns the highest heap in use seen while it ran,
// sampled every millisecond, and how long it took.
func peakHeap(fn func()) (uint64, time.Duration) {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	start := time.Now()
	fn()
	el := time.Since(start)
	close(done)
	<-stopped
	return peak.Load(), el
}

// TestNested42 walks a 42.zip-style bomb (testdata/nested42.zip, 17 KB:
// four levels of sixteen zips, 65,536 files of 1 MiB of zeros at the
// bottom). The walk stops at the input's budget: a few hundred items in
// the listing, one report at the end saying how many were not expanded and
// why, within seconds and far under 256 MiB.
func TestNested42(t *testing.T) {
	data, err := os.ReadFile("testdata/nested42.zip")
	if err != nil {
		t.Fatal(err)
	}
	var items []*Item
	heap, el := peakHeap(func() {
		err = (&Walker{}).WalkBytes(context.Background(), "nested42.zip", data, func(it *Item, _ []byte) error {
			items = append(items, it)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d items, %v, peak heap %d MiB", len(items), el, heap>>20)
	if len(items) > 5000 {
		t.Errorf("%d items listed, want at most a few thousand", len(items))
	}
	if el > goldenfile.Bound(5*time.Second) || heap > 256<<20 {
		t.Errorf("took %v and %d MiB, want under %v and 256 MiB", el, heap>>20, goldenfile.Bound(5*time.Second))
	}
	var reports []*Item
	for _, it := range items {
		if strings.Contains(it.Reason, "项未展开") {
			reports = append(reports, it)
		}
	}
	if len(reports) != 1 || !strings.Contains(reports[0].Reason, "疑似“压缩炸弹”") || reports[0].Path != "nested42.zip › （未展开的内容）" {
		t.Fatalf("reports %+v, want one for the input", reports)
	}
}
