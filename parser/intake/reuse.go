package intake

import (
	"sync/atomic"
	"unsafe"

	"shenbao/parser/bufpool"
)

// A file read into memory is most often an email: its bytes are parsed,
// its attachments decoded into buffers of their own, and then they are no
// longer needed. Reading each into a new buffer was 40% of what a
// 10,000-window run allocated, and the garbage collector's work grew with
// it. The buffer of a file goes back to a pool once the walk of the file is
// done, unless an item emitted with data holds a part of it (a file that is
// itself a leaf, a part sent without transfer encoding): emit's consumer
// may keep the data as long as it likes, so such a buffer is left to the
// garbage collector.
//
// An attachment decoded into a buffer of its own (mail.Part.Owned) that is
// emitted as a leaf goes out with its Item, and the consumer gives it back
// with Item.Release once it is done with the data.

// buffer returns an empty buffer of capacity at least need, reused when
// one is free.
func buffer(need int) []byte { return bufpool.Get(need)[:0] }

// fileBuffer is the buffer a file was read into, while the walk of the
// file runs.
type fileBuffer struct {
	buf        []byte
	start, end uintptr // the addresses of its backing array
	kept       atomic.Bool
}

func newFileBuffer(buf []byte) *fileBuffer {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(buf[:cap(buf)])))
	return &fileBuffer{buf: buf, start: start, end: start + uintptr(cap(buf))}
}

// emitted notes that data goes out with an item; if data lies in the
// buffer, the buffer is not reused. Nil-safe: nodes outside a file read
// into memory have none.
func (b *fileBuffer) emitted(data []byte) {
	if b == nil || cap(data) == 0 {
		return
	}
	if p := uintptr(unsafe.Pointer(unsafe.SliceData(data))); p >= b.start && p < b.end {
		b.kept.Store(true)
	}
}

// release gives the buffer back for reuse once the walk of its file is
// done, unless an emitted item holds part of it.
func (b *fileBuffer) release() {
	if b.kept.Load() {
		return
	}
	bufpool.Put(b.buf)
	b.buf = nil
}
