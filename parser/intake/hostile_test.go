package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"sync/atomic"
	"testing"
	"time"
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
	// 5000 items are read; every container then open (one per level, six
	// levels of 50 entries) fails at most its remaining entries.
	if n < 5000 || n > 5000+6*50+7 {
		t.Errorf("%d items", n)
	}
	over := "同一文件内展开的文件总数超过上限（5000个），未读取"
	if len(reasons) == 0 || reasons[0] != over || reasons[len(reasons)-1] != over {
		t.Errorf("%d failed, first %q", len(reasons), reasons[:min(len(reasons), 1)])
	}
	// The byte budget works the same way.
	_, reasons = walkCount(t, data, Limits{MaxExpandedBytes: 1 << 20}, 20*time.Second)
	if len(reasons) == 0 || reasons[0] != "同一文件内展开的内容总量超过上限（1.0 MB），未读取" {
		t.Errorf("%d failed, first %q", len(reasons), reasons[:min(len(reasons), 1)])
	}
}
