package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// listing walks data and describes every entry as "name size flags: outcome",
// where outcome is the entry's content (short text) or the error kind.
func listing(t testing.TB, format string, data []byte, lim Limits) ([]string, error) {
	var got []string
	err := Walk(format, bytes.NewReader(data), int64(len(data)), lim, func(e Entry, rc io.Reader, err error) error {
		flags := ""
		if e.Dir {
			flags += "d"
		}
		if e.Encrypted {
			flags += "e"
		}
		line := fmt.Sprintf("%s %d %s:", e.Name, e.Size, flags)
		if err == nil {
			b, rerr := io.ReadAll(rc)
			err = rerr
			if err == nil {
				if len(b) > 20 {
					line += fmt.Sprintf(" %d bytes", len(b))
				} else {
					line += fmt.Sprintf(" %q", b)
				}
			}
		}
		if err != nil {
			line += " " + errKind(err)
		}
		got = append(got, line)
		return nil
	})
	return got, err
}

func errKind(err error) string {
	for _, k := range []error{ErrEncrypted, ErrEntryTooLarge, ErrTotalTooLarge, ErrRatio, ErrTooManyEntries, ErrFormat} {
		if errors.Is(err, k) {
			return strings.TrimPrefix(k.Error(), "archive: ")
		}
	}
	return "corrupt"
}

func TestWalk(t *testing.T) {
	tests := []struct {
		file    string
		lim     Limits
		want    []string
		wantErr string // errKind of Walk's error, "" for none
	}{
		{file: "utf8.zip", want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : 313 bytes",
			"照片.txt 13 : \"照片说明\\n\"",
		}},
		{file: "gbk.zip", want: []string{
			"申报材料/初审表.txt 6 : \"初审\"",
			"申报材料/照片说明.txt 6 : \"照片\"",
		}},
		{file: "nested.zip", want: []string{
			"内层.zip 139 : 139 bytes",
			"申报表.docx 313 : 313 bytes",
		}},
		{file: "traversal.zip", want: []string{
			"../../x.txt 4 : \"evil\"",
			"/etc/passwd 4 : \"evil\"",
			"C:\\x.txt 4 : \"evil\"",
			"a/../../b.txt 4 : \"evil\"",
		}},
		{file: "encrypted.zip", want: []string{
			"secret.txt 6 e: encrypted",
			"plain.txt 5 : \"plain\"",
		}},
		{file: "badcrc.zip", want: []string{
			"好.txt 250 : 250 bytes",
			"坏.txt 200 : corrupt",
		}},
		{file: "truncated.zip", wantErr: "corrupt"},
		{file: "utf8.zip", lim: Limits{MaxEntries: 2}, want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : 313 bytes",
		}, wantErr: "too many entries"},
		{file: "utf8.zip", lim: Limits{MaxEntryBytes: 100}, want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : entry exceeds size limit",
			"照片.txt 13 : \"照片说明\\n\"",
		}},
		{file: "utf8.zip", lim: Limits{MaxTotalBytes: 320}, want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : 313 bytes",
			"照片.txt 13 : archive exceeds total size limit",
		}},
		{file: "sample.7z", want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : 313 bytes",
			"说明.txt 70 : 70 bytes",
		}},
		{file: "encrypted.7z", want: []string{
			"材料/ 0 d: \"\"",
			"材料/申报表.docx 313 : encrypted",
			"说明.txt 70 e: encrypted",
		}},
		{file: "encrypted-headers.7z", wantErr: "encrypted"},
		{file: "truncated.7z", wantErr: "corrupt"},
		{file: "v4-gbk.rar", want: []string{
			"材料/申报表.txt 10 : \"shenbao v4\"",
			"readme.txt 5 : \"hello\"",
		}},
		{file: "v4-encrypted.rar", want: []string{
			"secret.txt 16 e: encrypted",
		}},
		{file: "v5.rar", want: []string{
			"材料 0 d: \"\"",
			"材料/申报表.txt 10 : \"shenbao v5\"",
			"说明.txt 5 : \"hello\"",
		}},
		{file: "v5-corrupt.rar", want: nil, wantErr: "corrupt"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%+v", tc.file, tc.lim), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			format := Detect(data)
			got, err := listing(t, format, data, tc.lim)
			gotErr := ""
			if err != nil {
				gotErr = errKind(err)
			}
			if gotErr != tc.wantErr {
				t.Errorf("Walk error = %v (%q), want %q", err, gotErr, tc.wantErr)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		head string
		want string
	}{
		{"PK\x03\x04\x14\x00", "zip"},
		{"PK\x05\x06\x00\x00", "zip"},
		{"7z\xbc\xaf\x27\x1c\x00\x04", "7z"},
		{"Rar!\x1a\x07\x00\xcf\x90", "rar"},
		{"Rar!\x1a\x07\x01\x00\x33", "rar"},
		{"Rar!\x1a\x07\x02", ""},
		{"PK", ""},
		{"%PDF-1.7", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Detect([]byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// zeroBomb returns a zip holding one entry of n zero bytes, written with a
// streaming writer so the test never holds n bytes.
func zeroBomb(t testing.TB, n int64) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "bomb.bin", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for written := int64(0); written < n; written += int64(len(chunk)) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 64 MiB")
	}
	data := zeroBomb(t, 64<<20) // 64 MiB of zeros in ~64 KiB
	tests := []struct {
		name string
		lim  Limits
		want string
	}{
		{"declared size over entry limit", Limits{MaxEntryBytes: 8 << 20}, "bomb.bin 67108864 : entry exceeds size limit"},
		{"declared ratio", Limits{}, "bomb.bin 67108864 : compression ratio exceeds limit"},
		{"within limits", Limits{MaxRatio: 2000}, "bomb.bin 67108864 : 67108864 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := listing(t, "zip", data, tc.lim)
			if err != nil || len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestLimitReader checks the limits while reading, for formats whose headers
// cannot be trusted or lack the compressed size.
func TestLimitReader(t *testing.T) {
	w := &walker{lim: Limits{MaxEntryBytes: 3 << 20, MaxRatio: 10}.WithDefaults(), size: 1 << 20}
	r := w.reader(io.LimitReader(zeroReader{}, 4<<20), 1<<10)
	n, err := io.Copy(io.Discard, r)
	if !errors.Is(err, ErrRatio) || n > ratioFloor+(32<<10) {
		t.Errorf("ratio: read %d, err %v", n, err)
	}
	w = &walker{lim: Limits{MaxEntryBytes: 3 << 20}.WithDefaults(), size: 1 << 30}
	r = w.reader(io.LimitReader(zeroReader{}, 4<<20), -1)
	n, err = io.Copy(io.Discard, r)
	if !errors.Is(err, ErrEntryTooLarge) || n != 3<<20 {
		t.Errorf("entry size: read %d, err %v", n, err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	_ = ms
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
