package doc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/richardlehane/mscfb"
)

// fixtureStreams returns the streams of a .doc fixture, for tests that
// corrupt them where a byte patch of the compound file cannot reach.
func fixtureStreams(t *testing.T, name string) streams {
	t.Helper()
	b := fixture(name)(t)
	cf, err := mscfb.New(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var st streams
	for _, f := range cf.File {
		data, err := readStream(f, int64(len(b)))
		if err != nil || len(f.Path) != 0 {
			continue
		}
		switch f.Name {
		case "WordDocument":
			st.word = data
		case "1Table", "0Table":
			st.table = data
		case "Data":
			st.data = data
		}
	}
	return st
}

func put32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }

// Offsets in the FIB (FibRgFcLcb97 starts at 154).
const (
	offFcClx     = 154 + 8*iClx
	offFcBtePapx = 154 + 8*iPlcfBtePapx
	offFcBteChpx = 154 + 8*iPlcfBteChpx
	offCcpText   = 64 + 3*4
)

func TestCorruptStreams(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(st *streams)
		wantErr bool // false: the reader must recover (maybe with warnings)
	}{
		{"clx past the table stream", func(st *streams) { put32(st.word, offFcClx, uint32(len(st.table))+16) }, true},
		{"clx longer than the table stream", func(st *streams) { put32(st.word, offFcClx+4, 1<<30) }, true},
		{"piece outside WordDocument", func(st *streams) {
			fc := int(le32(st.word, offFcClx))
			lcb := int(le32(st.table, fc+1))
			n := (lcb - 4) / 12
			put32(st.table, fc+5+4*(n+1)+2, 0x3FFFFF00) // first Pcd's fc
		}, true},
		{"piece table count not whole", func(st *streams) {
			fc := int(le32(st.word, offFcClx))
			put32(st.table, fc+1, le32(st.table, fc+1)-3)
		}, true},
		{"papx fkp page outside", func(st *streams) {
			fc := int(le32(st.word, offFcBtePapx))
			lcb := int(le32(st.word, offFcBtePapx+4))
			n := (lcb - 4) / 8
			put32(st.table, fc+4*(n+1), 0x3FFFFF)
		}, true},
		{"chpx plc past the table", func(st *streams) { put32(st.word, offFcBteChpx, uint32(len(st.table))) }, true},
		{"WordDocument cut after the FIB", func(st *streams) { st.word = st.word[:1024] }, true},
		{"table stream cut to 64 bytes", func(st *streams) { st.table = st.table[:64] }, true},
		{"text longer than the pieces", func(st *streams) { put32(st.word, offCcpText, 1<<30) }, false},
		{"no Data stream", func(st *streams) { st.data = nil }, false},
		{"Data stream cut", func(st *streams) { st.data = st.data[:len(st.data)/3] }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := fixtureStreams(t, "shenbao.doc")
			tc.corrupt(&st)
			f, err := parseFIB(st.word)
			var d any
			if err == nil {
				var doc any
				doc, err = decodeAny(f, &st)
				d = doc
			}
			if tc.wantErr && (err == nil || !errors.Is(err, errFormat)) {
				t.Fatalf("err = %v, want a format error", err)
			}
			if !tc.wantErr && err != nil {
				t.Fatalf("err = %v, want recovery", err)
			}
			if err != nil && d != nil {
				t.Fatal("a document together with an error")
			}
		})
	}
}

func decodeAny(f *fib, st *streams) (any, error) {
	d, err := decode(f, st)
	if d == nil {
		return nil, err
	}
	return d, err
}

// TestTruncatedFiles cuts every fixture at many lengths: the readers must
// return an error or a document, never panic, never both.
func TestTruncatedFiles(t *testing.T) {
	for _, name := range seedFiles(t) {
		b := fixture(name)(t)
		for n := 0; n < len(b); n += max(len(b)/97, 1) {
			d, err := readAny(b[:n])
			if d != nil && err != nil {
				t.Fatalf("%s cut at %d: document and error %v", name, n, err)
			}
		}
	}
}

// TestMutatedStreams flips bytes all over the streams of every .doc
// fixture (deterministically): decoding must never panic, and must return
// a document or an error, never both.
func TestMutatedStreams(t *testing.T) {
	for _, name := range []string{"shenbao.doc", "chushen.doc", "nested.doc", "seal-float.doc"} {
		orig := fixtureStreams(t, name)
		seed := uint32(1)
		next := func(n int) int {
			seed = seed*1664525 + 1013904223
			return int(seed>>8) % n
		}
		for i := 0; i < 300; i++ {
			st := streams{word: bytes.Clone(orig.word), table: bytes.Clone(orig.table), data: bytes.Clone(orig.data)}
			for k := 0; k < 8; k++ {
				target := [][]byte{st.word, st.table, st.data}[next(3)]
				if len(target) > 0 {
					target[next(len(target))] = byte(next(256))
				}
			}
			f, err := parseFIB(st.word)
			if err != nil {
				continue
			}
			d, err := decode(f, &st)
			if (d != nil) == (err != nil) {
				t.Fatalf("%s mutation %d: document %v with error %v", name, i, d != nil, err)
			}
		}
	}
}
