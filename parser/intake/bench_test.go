package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"mime"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// noiseJPEG returns a random-noise JPEG of roughly 400 KB.
func noiseJPEG(tb testing.TB, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for y := range 600 {
		for x := range 800 {
			img.Set(x, y, color.RGBA{uint8(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// smallDocx is a zip with word/document.xml: a docx as far as intake cares.
func smallDocx(tb testing.TB, text string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types/>`,
		"word/document.xml":   "<w:document><w:body><w:p><w:t>" + strings.Repeat(text, 200) + "</w:t></w:p></w:body></w:document>",
	} {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// writeExport writes n .eml files, each with two docx and two JPEGs,
// base64-encoded as a mail client sends them, and returns their total size.
func writeExport(tb testing.TB, dir string, n int, photos [2][]byte) int64 {
	var total int64
	for i := range n {
		var b bytes.Buffer
		fmt.Fprintf(&b, "From: %s <window%d@163.com>\r\nTo: ysj@example.gov.cn\r\n", mime.BEncoding.Encode("utf-8", "张三"), i)
		fmt.Fprintf(&b, "Subject: %s\r\nDate: Mon, 06 May 2024 09:30:00 +0800\r\n", mime.BEncoding.Encode("utf-8", fmt.Sprintf("第%d号窗口申报材料", i)))
		b.WriteString("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n")
		b.WriteString("--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n附件是申报材料。\r\n")
		attach := func(name, ctype string, data []byte) {
			fmt.Fprintf(&b, "--BOUNDARY\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n", ctype)
			fmt.Fprintf(&b, "Content-Disposition: attachment; filename=\"%s\"\r\n\r\n", mime.BEncoding.Encode("utf-8", name))
			enc := base64.StdEncoding.EncodeToString(data)
			for len(enc) > 76 {
				b.WriteString(enc[:76] + "\r\n")
				enc = enc[76:]
			}
			b.WriteString(enc + "\r\n")
		}
		attach("申报表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", smallDocx(tb, fmt.Sprintf("窗口%d", i)))
		attach("初审表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", smallDocx(tb, "初审"))
		attach("集体照.jpg", "image/jpeg", photos[0])
		attach("工作照.jpg", "image/jpeg", photos[1])
		b.WriteString("--BOUNDARY--\r\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.eml", i)), b.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(b.Len())
	}
	return total
}

func benchmarkWalk(b *testing.B, n int) {
	photos := [2][]byte{noiseJPEG(b, 1), noiseJPEG(b, 2)}
	dir := b.TempDir()
	size := writeExport(b, dir, n, photos)
	b.SetBytes(size)
	b.Logf("%d emails, %.1f MB, photos %d and %d bytes", n, float64(size)/(1<<20), len(photos[0]), len(photos[1]))
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		var items, leaves atomic.Int64
		err := (&Walker{}).Walk(context.Background(), []string{dir}, func(it *Item, data []byte) error {
			items.Add(1)
			if data != nil {
				leaves.Add(1)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if want := int64(1 + 5*n); items.Load() != want || leaves.Load() != int64(4*n) {
			b.Fatalf("%d items (%d leaves), want %d", items.Load(), leaves.Load(), want)
		}
	}
	close(done)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

func BenchmarkWalk250(b *testing.B)  { benchmarkWalk(b, 250) }
func BenchmarkWalk1000(b *testing.B) { benchmarkWalk(b, 1000) }
