package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
)

// TestTooLarge checks that a file or entry over MaxItemBytes is hashed in
// full, listed as Failed with its size, and never handed over as data.
func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	sum := sha256.Sum256(big)
	want := hex.EncodeToString(sum[:])
	const reason = "文件过大（1.0 MB），超过上限（0.5 MB），未读取"
	lim := Limits{MaxItemBytes: 512 << 10}

	dir := t.TempDir()
	p := filepath.Join(dir, "大照片.jpg")
	if err := os.WriteFile(p, big, 0o644); err != nil {
		t.Fatal(err)
	}
	var c collector
	if err := (&Walker{Limits: lim}).Walk(context.Background(), []string{p}, c.emit); err != nil {
		t.Fatal(err)
	}
	items := c.sorted(t)
	if len(items) != 1 || items[0].Status != Failed || items[0].Reason != reason || items[0].SHA256 != want || items[0].Size != 1<<20 || c.data["[0]"] != nil {
		t.Errorf("file: %s", c.dump(t))
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("大照片.jpg")
	w.Write(big)
	zw.Close()
	c = collector{}
	if err := (&Walker{Limits: lim}).WalkBytes(context.Background(), "照片.zip", buf.Bytes(), c.emit); err != nil {
		t.Fatal(err)
	}
	items = c.sorted(t)
	if len(items) != 2 || items[1].Status != Failed || items[1].Reason != reason || items[1].SHA256 != want || items[1].Size != 1<<20 || items[1].Path != "照片.zip › 大照片.jpg" {
		t.Errorf("entry: %s", c.dump(t))
	}
}

func TestReadSized(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000)
	tests := []struct {
		name        string
		size, limit int64
		want        int
	}{
		{"stated size", 10000, 20000, 10000},
		{"file grew", 100, 20000, 10000},
		{"file shrank", 50000, 90000, 10000},
		{"limit", 10000, 4001, 4001},
		{"limit below the stated size", 20000, 3000, 3000},
		{"empty", 0, 10, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := data
			if tc.name == "empty" {
				in = nil
			}
			// one byte per Read, so every boundary is crossed
			got, err := readSized(iotest.OneByteReader(bytes.NewReader(in)), tc.size, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want || !bytes.Equal(got, in[:tc.want]) {
				t.Errorf("read %d bytes, want the first %d", len(got), tc.want)
			}
		})
	}
}
