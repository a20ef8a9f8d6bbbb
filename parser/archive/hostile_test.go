package archive

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"testing"
	"time"

	"shenbao/parser/golden"
)

// sevenZipWithHeader wraps a raw (unencoded) 7z header in a signature header.
func sevenZipWithHeader(hdr []byte) []byte {
	b := make([]byte, 32, 32+len(hdr))
	copy(b, "7z\xbc\xaf\x27\x1c\x00\x04")
	binary.LittleEndian.PutUint64(b[12:], 0)
	binary.LittleEndian.PutUint64(b[20:], uint64(len(hdr)))
	binary.LittleEndian.PutUint32(b[28:], crc32.ChecksumIEEE(hdr))
	binary.LittleEndian.PutUint32(b[8:], crc32.ChecksumIEEE(b[12:32]))
	return append(b, hdr...)
}

// walkBounded walks data and fails when that takes longer than d or
// allocates more than mem bytes. It returns the walk's error and the
// entries seen.
func walkBounded(t *testing.T, format string, data []byte, lim Limits, d time.Duration, mem uint64) (int, error) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	n := 0
	err := Walk(format, bytes.NewReader(data), int64(len(data)), lim, func(e Entry, rc io.Reader, err error) error {
		n++
		if rc != nil {
			io.Copy(io.Discard, rc)
		}
		return nil
	})
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if d = golden.Bound(d); el > d {
		t.Errorf("walk took %v, want under %v", el, d)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > mem {
		t.Errorf("walk allocated %d MiB, want under %d MiB", got>>20, mem>>20)
	}
	return n, err
}

func TestHostile7zHeaders(t *testing.T) {
	tests := []struct {
		name string
		hdr  []byte
	}{
		// kHeader, kFilesInfo, 0xFFFFFFFF files, then nothing.
		{"4G files", []byte{0x01, 0x05, 0xF0, 0xFF, 0xFF, 0xFF, 0xFF}},
		// kHeader, kMainStreamsInfo, kPackInfo: pack pos 0, 0xFFFFFFFF streams, kSize.
		{"4G pack streams", []byte{0x01, 0x04, 0x06, 0x00, 0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0x09}},
		// ... kCRC with all defined.
		{"4G crcs", []byte{0x01, 0x04, 0x06, 0x00, 0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0A, 0x01}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := walkBounded(t, "7z", sevenZipWithHeader(tc.hdr), Limits{}, 5*time.Second, 64<<20)
			if n != 0 || !errors.Is(err, err7zHeader) {
				t.Fatalf("%d entries, err %v", n, err)
			}
		})
	}
	// The same hostile header stored (Copy coder) as an encoded header.
	t.Run("encoded 4G files", func(t *testing.T) {
		payload := tests[0].hdr
		enc := []byte{0x17,
			0x06, 0x00, 0x01, 0x09, byte(len(payload)), 0x00, // pack info: one stream
			0x07, 0x0B, 0x01, 0x00, 0x01, 0x01, 0x00, // one folder, one Copy coder
			0x0C, byte(len(payload)), 0x00,
			0x00}
		a := sevenZipWithHeader(enc)
		// Put the payload between the signature header and the header.
		data := append(append(append([]byte{}, a[:32]...), payload...), enc...)
		binary.LittleEndian.PutUint64(data[12:], uint64(len(payload)))
		binary.LittleEndian.PutUint32(data[8:], crc32.ChecksumIEEE(data[12:32]))
		n, err := walkBounded(t, "7z", data, Limits{}, 5*time.Second, 64<<20)
		if n != 0 || err == nil || err.Error() != "open 7z: 7z header claims more than its bytes hold: count 4294967295 in a 7-byte header" {
			t.Fatalf("%d entries, err %v", n, err)
		}
	})
}

func TestHundredThousandZipEntries(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range 100_000 {
		zw.CreateHeader(&zip.FileHeader{Name: string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)), Method: zip.Store})
	}
	zw.Close()
	n, err := walkBounded(t, "zip", buf.Bytes(), Limits{}, 5*time.Second, 128<<20)
	if n != DefaultMaxEntries || err == nil || err.Error() != "archive: too many entries: more than 10000" {
		t.Fatalf("%d entries, err %v", n, err)
	}
}
