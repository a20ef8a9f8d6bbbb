package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shenbao/validate"
)

const testTitle = "鞍山市第二批“清风辽宁政务窗口”评选"

func TestReadPrevious(t *testing.T) {
	cases := []struct {
		file    string
		profile string
		err     string // substring of the Chinese message; "" for success
		windows int
	}{
		{"run.json", "qingfeng-liaoning", "", 3},
		{"run.xlsx", "qingfeng-liaoning", "", 3},
		{"run.json", "zhengfeng-hangfeng", "是另一套评选规则（qingfeng-liaoning）的结果", 0},
		{"other-profile.json", "qingfeng-liaoning", "是另一套评选规则（zhengfeng-hangfeng）的结果", 0},
		{"old-shape.json", "qingfeng-liaoning", "与本版本程序不兼容（缺少 submissions）", 0},
		{"truncated.json", "qingfeng-liaoning", "无法解析", 0},
		{"not-register.xlsx", "qingfeng-liaoning", "不是本程序写出的合规审查登记表", 0},
		{"missing.json", "qingfeng-liaoning", "无法打开", 0},
	}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.profile, func(t *testing.T) {
			path := filepath.Join("testdata", "previous", tc.file)
			res, err := ReadPrevious(path, tc.profile, testTitle)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), path) {
					t.Fatalf("ReadPrevious(%s) error = %v, want one naming the file and saying %q", path, err, tc.err)
				}
				if res != nil {
					t.Fatalf("ReadPrevious(%s) gave a result with an error", path)
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadPrevious(%s): %v", path, err)
			}
			if len(res.Submissions) != tc.windows || res.GeneratedAt.IsZero() {
				t.Fatalf("ReadPrevious(%s) = %d windows at %v, want %d", path, len(res.Submissions), res.GeneratedAt, tc.windows)
			}
		})
	}
}

// TestReadPreviousRegisterMatchesJSON reads the same run from its JSON and
// from its register: compared with each other, every window keeps its
// conclusion and every finding stays open (none closed, none new), even
// though the register has no field column.
func TestReadPreviousRegisterMatchesJSON(t *testing.T) {
	fromJSON, err := ReadPrevious("testdata/previous/run.json", "qingfeng-liaoning", testTitle)
	if err != nil {
		t.Fatal(err)
	}
	fromXLSX, err := ReadPrevious("testdata/previous/run.xlsx", "qingfeng-liaoning", testTitle)
	if err != nil {
		t.Fatal(err)
	}
	if !fromXLSX.GeneratedAt.Equal(fromJSON.GeneratedAt.Truncate(time.Second)) {
		t.Errorf("register time %v, JSON time %v", fromXLSX.GeneratedAt, fromJSON.GeneratedAt)
	}
	if len(fromXLSX.Inputs) != len(fromJSON.Inputs) {
		t.Errorf("register has %d files, JSON %d", len(fromXLSX.Inputs), len(fromJSON.Inputs))
	}
	ch := validate.Compare(fromXLSX, fromJSON)
	if len(ch.NewWindows)+len(ch.GoneWindows) != 0 {
		t.Errorf("new %v gone %v", ch.NewWindows, ch.GoneWindows)
	}
	open := 0
	for _, w := range ch.Windows {
		if w.Before != w.After || len(w.Closed)+len(w.New) != 0 {
			t.Errorf("%s: %s→%s closed %d new %d", w.WindowName, w.Before, w.After, len(w.Closed), len(w.New))
		}
		open += len(w.Open)
	}
	if open == 0 {
		t.Error("no findings compared")
	}
}

// FuzzReadPrevious feeds any bytes as a previous run. Invariants: no
// panic; a result or an error, never both; an accepted run is of the asked
// profile, and every window has a known conclusion and coded findings.
func FuzzReadPrevious(f *testing.F) {
	for _, name := range []string{"run.json", "run.xlsx", "other-profile.json", "old-shape.json", "truncated.json", "not-register.xlsx"} {
		data, err := os.ReadFile(filepath.Join("testdata", "previous", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"profile":"qingfeng-liaoning","generated_at":"2024-04-12T17:30:00+08:00","submissions":[{"window_name":"甲","conclusion":"合规","findings":[{"code":""}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := parsePrevious("上次.json", data, "qingfeng-liaoning", testTitle)
		if (res == nil) == (err == nil) {
			t.Fatalf("result %v with error %v", res != nil, err)
		}
		if err != nil {
			return
		}
		if res.Profile != "qingfeng-liaoning" {
			t.Errorf("accepted profile %q", res.Profile)
		}
		for _, s := range res.Submissions {
			if !knownConclusion(s.Conclusion) {
				t.Errorf("window %q: conclusion %q", s.WindowName, s.Conclusion)
			}
			for _, fd := range s.Findings {
				if fd.Code == "" {
					t.Errorf("window %q: finding without code", s.WindowName)
				}
			}
		}
	})
}

// TestReadPreviousWideRegister reads back a register in which someone (or
// some tool) put a cell in column XFD on some rows. Read whole, as
// excelize's GetRows does, each such row holds 16,384 cells (on 100,000
// rows, 26 GB); it is refused at once with a Chinese reason.
func TestReadPreviousWideRegister(t *testing.T) {
	f, err := excelize.OpenFile("testdata/previous/run.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for r := 200; r < 220; r++ {
		if err := f.SetCellValue(sheetRegister, fmt.Sprintf("XFD%d", r), "x"); err != nil {
			t.Fatal(err)
		}
	}
	wide := filepath.Join(t.TempDir(), "wide.xlsx")
	if err := f.SaveAs(wide); err != nil {
		t.Fatal(err)
	}
	f.Close()

	runtime.GC()
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak.Store(max(peak.Load(), ms.HeapInuse))
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	_, err = ReadPrevious(wide, "qingfeng-liaoning", testTitle)
	took := time.Since(start)
	close(stop)
	<-done
	var pe *PreviousError
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "超出第256列") {
		t.Fatalf("err = %v, want the column refusal", err)
	}
	if p := peak.Load(); p > 64<<20 {
		t.Errorf("peak heap %d MiB, want at most 64", p>>20)
	}
	if took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}

// TestPreviousRowsCut checks that rows past the column bound are cut as
// they stream, so a wide sheet that slips past the check stays bounded.
func TestPreviousRowsCut(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for r := 1; r <= 3; r++ {
		if err := f.SetCellValue("Sheet1", fmt.Sprintf("IZ%d", r), "x"); err != nil {
			t.Fatal(err)
		}
	}
	var widths []int
	if err := previousRows(f, "Sheet1", func(row []string) bool {
		widths = append(widths, len(row))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := []int{previousMaxCols, previousMaxCols, previousMaxCols}
	if !slices.Equal(widths, want) {
		t.Errorf("row widths %v, want %v", widths, want)
	}
}

// TestReadPreviousBomb reads back a register whose 问题清单 sheet was
// padded with 200 MB of spaces, which deflate to a few hundred KB: it is
// refused for inflating far beyond what a register does, not inflated.
func TestReadPreviousBomb(t *testing.T) {
	zr, err := zip.OpenReader("testdata/previous/run.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet3.xml" {
			i := bytes.Index(body, []byte("<sheetData>"))
			w.Write(body[:i])
			pad := bytes.Repeat([]byte(" "), 1<<20)
			for range 200 {
				w.Write(pad)
			}
			body = body[i:]
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	bomb := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := os.WriteFile(bomb, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = ReadPrevious(bomb, "qingfeng-liaoning", testTitle)
	var pe *PreviousError
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "不是有效的 Excel 登记表") {
		t.Fatalf("%d KB bomb: err = %v, want it refused", buf.Len()>>10, err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}
