package dossier

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

func TestStore(t *testing.T) {
	st := NewStore()
	if st.f == nil {
		t.Skip("no temporary folder")
	}
	// Put from several goroutines, as the parse workers do; every form
	// reads back as it was, in the file and not in memory.
	var wg sync.WaitGroup
	got := make([]stored, 200)
	want := make([][]byte, len(got))
	for i := range got {
		// Up to ~40 KB: some records are in the file, the last in the
		// unwritten tail.
		want[i] = bytes.Repeat([]byte(fmt.Sprintf("form %d;", i)), (i%37+1)*100)
	}
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(got); i += 4 {
				got[i] = st.put(want[i])
			}
		})
	}
	wg.Wait()
	for i, p := range got {
		if p.mem != nil || !p.present() {
			t.Fatalf("form %d kept in memory", i)
		}
		b, err := p.bytes()
		if err != nil || !bytes.Equal(b, want[i]) {
			t.Fatalf("form %d: %q, %v; want %q", i, b, err, want[i])
		}
	}
	// Once closed, a stored form is an error, never other bytes.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := got[3].bytes(); err == nil {
		t.Errorf("read after Close: %q, want an error", b)
	}
	if p := st.put([]byte("late")); p.mem == nil {
		t.Error("put after Close is not kept in memory")
	}
}

func TestStoreNil(t *testing.T) {
	var st *Store
	p := st.put([]byte("x"))
	if b, err := p.bytes(); err != nil || string(b) != "x" || !p.present() {
		t.Errorf("nil store: %q, %v", b, err)
	}
	if (stored{}).present() {
		t.Error("an empty stored form is present")
	}
	if err := st.Close(); err != nil {
		t.Error(err)
	}
}

// A store whose writes fail keeps the forms in memory.
func TestStoreWriteFails(t *testing.T) {
	st := NewStore()
	if st.f == nil {
		t.Skip("no temporary folder")
	}
	defer st.Close()
	first := st.put(bytes.Repeat([]byte("on disk;"), storeChunk/8)) // one full write
	st.mu.Lock()
	st.f.Close() // every later write fails
	st.mu.Unlock()
	// The write of a full tail fails: its records stay readable.
	var tail []stored
	for i := 0; !st.failed && i < 1000; i++ {
		tail = append(tail, st.put(bytes.Repeat([]byte{byte(i)}, 4096)))
	}
	if !st.failed {
		t.Fatal("the failed write was not noticed")
	}
	for i, p := range tail {
		b, err := p.bytes()
		if err != nil || !bytes.Equal(b, bytes.Repeat([]byte{byte(i)}, 4096)) {
			t.Fatalf("record %d of the failed write: %v", i, err)
		}
	}
	p := st.put([]byte("in memory"))
	if b, err := p.bytes(); err != nil || string(b) != "in memory" || p.mem == nil {
		t.Errorf("after a failed write: %q, %v (in memory %v)", b, err, p.mem != nil)
	}
	if _, err := first.bytes(); err == nil {
		t.Error("a record in a closed file read back")
	}
}
