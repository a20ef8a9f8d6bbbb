package dossier

import (
	"fmt"
	"os"
	"sync"
)

// Store keeps packed forms in a temporary file from the parse of their item
// to the check of their window, so that a batch's forms do not wait in
// memory: at 10,000 windows they were ~30 MB of the live heap, and twice
// that of its peak under the collector's growth target. The file is
// written by the parse workers and read back, piece by piece, by assembly
// and the checks. validate keeps the windows' results in one the same way
// (Put and Stored), from their check to the outputs.
//
// A nil *Store keeps the forms in memory; so does a Store whose file could
// not be made, or once a write to it has failed (a full disk): the run goes
// on, holding more. Records go to the file in writes of storeChunk; the
// last ones wait in memory until the next.
type Store struct {
	mu   sync.Mutex
	f    *os.File
	size int64 // bytes put, in the file or in tail
	// tail holds what was put after the first flushed bytes: records go
	// to the file in writes of storeChunk, not one write each.
	tail    []byte
	flushed int64 // bytes in the file; tail starts here
	// failed tells that a write failed: later forms stay in memory, and
	// so does tail, which the file does not hold.
	failed bool
	// unlinked tells that the file's name was removed while it was open
	// (POSIX systems): it goes when it is closed, even if the run dies.
	unlinked bool
}

// NewStore makes a store in the system's temporary folder. It never fails:
// without a file it keeps the forms in memory.
func NewStore() *Store { return NewStoreNamed("shenbao-forms-*") }

// NewStoreNamed is NewStore with the file named by pattern (os.CreateTemp),
// so that a file left behind (Windows keeps it until it is closed) tells
// what it held.
func NewStoreNamed(pattern string) *Store {
	s := &Store{}
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return s
	}
	s.f = f
	s.unlinked = os.Remove(f.Name()) == nil
	return s
}

// Close removes the file. The store keeps nothing afterwards: what it held
// can no longer be read.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
	}
	s.f, s.tail = nil, nil
	return err
}

// storeChunk is the size of the store's writes. A record was one write of
// its own (a form or a window's result, a few KB): 30,000 system calls at
// 10,000 windows.
const storeChunk = 256 << 10

// put stores b. The returned value reads it back. A write that fails keeps
// what it held in memory, so no record is lost.
func (s *Store) put(b []byte) stored {
	if s == nil || len(b) == 0 {
		return stored{mem: b}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil || s.failed {
		return stored{mem: b}
	}
	off := s.size
	s.tail = append(s.tail, b...)
	s.size += int64(len(b))
	if len(s.tail) >= storeChunk {
		if _, err := s.f.WriteAt(s.tail, s.flushed); err != nil {
			s.failed = true // tail stays, and is read from memory
		} else {
			s.flushed = s.size
			s.tail = s.tail[:0]
		}
	}
	return stored{store: s, off: off, n: len(b)}
}

// Put stores b, as put does for a packed form: in the file, or in memory
// when there is none. It is safe for concurrent use.
func (s *Store) Put(b []byte) Stored { return Stored{s.put(b)} }

// Stored is a record Put in a Store.
type Stored struct{ p stored }

// Bytes reads the record back; an error is the temporary file's (a disk
// failing, or the store closed).
func (r Stored) Bytes() ([]byte, error) { return r.p.bytes() }

// read reads n bytes at off.
func (s *Store) read(off int64, n int) ([]byte, error) {
	s.mu.Lock()
	f := s.f
	if f != nil && off >= s.flushed {
		b := append([]byte(nil), s.tail[off-s.flushed:off-s.flushed+int64(n)]...)
		s.mu.Unlock()
		return b, nil
	}
	s.mu.Unlock()
	if f == nil {
		return nil, fmt.Errorf("packed form store closed")
	}
	b := make([]byte, n)
	if _, err := f.ReadAt(b, off); err != nil { // io.EOF too: a short read
		return nil, fmt.Errorf("packed form store: %w", err)
	}
	return b, nil
}

// stored is one packed form: in the store's file, or in memory.
type stored struct {
	store *Store
	off   int64
	n     int
	mem   []byte
}

// present tells whether there is a form.
func (p stored) present() bool { return p.store != nil || p.mem != nil }

// bytes reads the form back.
func (p stored) bytes() ([]byte, error) {
	if p.store == nil {
		return p.mem, nil
	}
	return p.store.read(p.off, p.n)
}
