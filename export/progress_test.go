package export

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock advances by step on every call.
type fakeClock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

func TestProgressPlain(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2024, 4, 12, 9, 0, 0, 0, time.UTC), step: time.Second}
	p := newProgress(&buf, false, false, clock.now)
	p.Stage("读取")
	for range 5 {
		p.Item()
	}
	p.Stage("组卷")
	p.Windows(2)
	p.Stage("审查")
	p.Stage("写出")
	p.Done()
	p.Done()
	want := "读取……（已读取 0 项，0 个窗口，用时 0:01）\n" +
		"组卷……（已读取 5 项，0 个窗口，用时 0:02）\n" +
		"审查……（已读取 5 项，2 个窗口，用时 0:03）\n" +
		"写出……（已读取 5 项，2 个窗口，用时 0:04）\n" +
		"完成：已读取 5 项，2 个窗口，用时 0:05\n"
	if buf.String() != want {
		t.Fatalf("plain progress:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestProgressQuiet(t *testing.T) {
	for _, term := range []bool{false, true} {
		var buf bytes.Buffer
		p := NewProgress(&buf, term, true)
		p.Stage("读取")
		p.Item()
		p.Windows(1)
		p.Done()
		if buf.Len() != 0 {
			t.Errorf("quiet (terminal %v) wrote %q", term, buf.String())
		}
	}
}

func TestProgressTerminal(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2024, 4, 12, 9, 0, 0, 0, time.UTC), step: 10 * time.Millisecond}
	p := newProgress(&buf, true, false, clock.now)
	p.Stage("读取")
	for range 100 {
		p.Item()
	}
	p.Windows(3)
	p.Done()
	out := buf.String()
	draws := strings.Count(out, "\r\x1b[K")
	// 100 items over ~1s at one redraw per 100ms, plus the forced draws.
	if draws < 5 || draws > 20 {
		t.Errorf("%d redraws for 100 items, want the redraws throttled:\n%q", draws, out)
	}
	last := out[strings.LastIndex(out, "\r\x1b[K"):]
	if !strings.Contains(last, "读取 [") || !strings.Contains(last, "已读取 100 项 · 3 个窗口 · 用时 0:01") || !strings.HasSuffix(last, "项/秒\n") {
		t.Errorf("last bar line = %q", last)
	}
}

func TestProgressConcurrent(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, true, false)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				p.Item()
			}
		})
	}
	wg.Wait()
	p.Done()
	if got := p.items.Load(); got != 8000 {
		t.Fatalf("counted %d items, want 8000", got)
	}
}

func TestSummary(t *testing.T) {
	res := sampleResult()
	tests := []struct {
		reg, js, notices, want string
	}{
		{"out/登记表.xlsx", "", "", "审查完成：共 6 个窗口，合规 2 个，需补正 3 个，待核查 1 个；登记表已写入 out/登记表.xlsx；待核查的 1 个窗口请在登记表“待核查清单”中逐项核实。"},
		{"r.xlsx", "r.json", "告知书", "审查完成：共 6 个窗口，合规 2 个，需补正 3 个，待核查 1 个；登记表已写入 r.xlsx；JSON 已写入 r.json；补正告知书 3 份已写入 告知书；待核查的 1 个窗口请在登记表“待核查清单”中逐项核实。"},
	}
	for _, tc := range tests {
		if got := Summary(res, tc.reg, tc.js, tc.notices); got != tc.want {
			t.Errorf("Summary = %q\nwant      %q", got, tc.want)
		}
	}
}

func TestProgressTotalTerminal(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2024, 4, 12, 9, 0, 0, 0, time.UTC), step: 250 * time.Millisecond}
	p := newProgress(&buf, true, false, clock.now)
	p.Stage("读取")
	p.Total(400 << 20)
	for range 4 {
		p.Item()
		p.Read(50 << 20)
	}
	p.mu.Lock()
	p.draw(true)
	p.mu.Unlock()
	out := buf.String()
	last := out[strings.LastIndex(out, "\r\x1b[K"):]
	// 200 of 400 MB read in the first ~2.5 s: as long again to go.
	for _, want := range []string{"读取 [==========          ]  50% 200/400 MB", "已读取 4 项", "剩余约 0:0"} {
		if !strings.Contains(last, want) {
			t.Errorf("bar line %q lacks %q", last, want)
		}
	}
	if s := p.Status(); s.BytesDone != 200<<20 || s.BytesTotal != 400<<20 || s.Items != 4 || s.Stage != "读取" {
		t.Errorf("Status() = %+v", s)
	}
	p.Stage("写出")
	p.Done()
	out = buf.String()
	last = out[strings.LastIndex(out, "\r\x1b[K"):]
	if !strings.Contains(last, "写出 [====================] 100% 400/400 MB") || strings.Contains(last, "剩余") {
		t.Errorf("closing bar line = %q", last)
	}
}

func TestProgressTotalPlain(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2024, 4, 12, 9, 0, 0, 0, time.UTC), step: time.Second}
	p := newProgress(&buf, false, false, clock.now)
	p.Total(100 << 20)
	for range 10 {
		p.Item()
		p.Read(10 << 20) // one second each: a line every five
	}
	want := "读取中：50%（50/100 MB），已读取 5 项，用时 0:06，预计还需 0:05\n" +
		"读取中：90%（90/100 MB），已读取 9 项，用时 0:11，预计还需 0:01\n"
	if buf.String() != want {
		t.Errorf("plain lines:\n%s\nwant:\n%s", buf.String(), want)
	}
}
