package export

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// Progress reports a run's progress on stderr: on a terminal a bar line
// redrawn at most ten times a second (bytes read of the total and the
// percentage when the total is known, items read, windows assembled,
// elapsed time, time left); elsewhere (a pipe, CI) one plain line per
// stage, one every few seconds while reading, and one at the end; nothing
// when quiet. Its methods are safe for concurrent use.
type Progress struct {
	w     io.Writer
	term  bool
	quiet bool
	now   func() time.Time // the clock; time.Now unless a test sets it
	start time.Time

	items atomic.Int64
	// read and total are bytes of the input files: read so far, and all
	// of them as a pre-scan found (0 when unknown).
	read, total atomic.Int64

	mu      sync.Mutex
	stage   string
	windows int
	drawn   time.Time // when the bar was last drawn
	line    time.Time // when the last plain line was written
	done    bool
}

// Status is a moment of a run's progress, as a web page may show it.
type Status struct {
	Stage      string `json:"stage"`
	Items      int64  `json:"items"`
	Windows    int    `json:"windows"`
	BytesDone  int64  `json:"bytes_done"`
	BytesTotal int64  `json:"bytes_total"` // 0 when unknown
}

// redrawEvery is the shortest time between two bar redraws; lineEvery
// between two plain lines while reading.
const (
	redrawEvery = 100 * time.Millisecond
	lineEvery   = 5 * time.Second
)

// NewProgress returns a Progress writing to w (normally os.Stderr).
// isTerminal selects the redrawn bar; quiet silences everything.
func NewProgress(w io.Writer, isTerminal bool, quiet bool) *Progress {
	return newProgress(w, isTerminal, quiet, time.Now)
}

func newProgress(w io.Writer, isTerminal, quiet bool, now func() time.Time) *Progress {
	start := now()
	return &Progress{w: w, term: isTerminal, quiet: quiet, now: now, start: start, line: start}
}

// Total records the bytes of all the input files, from a pre-scan of their
// sizes; the bar then shows a percentage and the time left.
func (p *Progress) Total(bytes int64) { p.total.Store(bytes) }

// Read counts bytes of input files read. On a terminal the bar is redrawn;
// elsewhere a plain line is written every few seconds.
func (p *Progress) Read(bytes int64) {
	p.read.Add(bytes)
	if p.quiet || !p.mu.TryLock() {
		return
	}
	defer p.mu.Unlock()
	if p.term {
		p.draw(false)
		return
	}
	if p.done {
		return
	}
	now := p.now()
	if now.Sub(p.line) < lineEvery {
		return
	}
	p.line = now
	fmt.Fprintf(p.w, "读取中：%s，已读取 %d 项，用时 %s%s\n", p.share(), p.items.Load(), p.elapsed(),
		p.left(now, p.read.Load(), "，预计还需 "))
}

// Status returns the progress so far.
func (p *Progress) Status() Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Status{Stage: p.stage, Items: p.items.Load(), Windows: p.windows,
		BytesDone: p.read.Load(), BytesTotal: p.total.Load()}
}

// share is "45%（480/1060 MB）" of the bytes read, or the bytes alone when
// the total is unknown.
func (p *Progress) share() string {
	read, total := p.read.Load(), p.total.Load()
	if total <= 0 {
		return "已读 " + size(read)
	}
	return fmt.Sprintf("%d%%（%s）", percent(read, total), sizeOf(read, total))
}

// left is prefix and the time the reading still needs at its rate so far
// with read bytes read, "" when it cannot be told yet or the reading is
// over.
func (p *Progress) left(now time.Time, read int64, prefix string) string {
	total := p.total.Load()
	secs := now.Sub(p.start).Seconds()
	if total <= 0 || read <= 0 || read >= total || secs < 1 {
		return ""
	}
	rest := time.Duration(secs * float64(total-read) / float64(read) * float64(time.Second))
	return prefix + clock(rest)
}

func percent(read, total int64) int {
	return int(min(100, read*100/max(total, 1)))
}

// size is n bytes in MB, or GB from 10 GB.
func size(n int64) string {
	if n >= 10<<30 {
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
}

// sizeOf is "480/1060 MB": read of total in the unit of total.
func sizeOf(read, total int64) string {
	if total >= 10<<30 {
		return fmt.Sprintf("%.1f/%.1f GB", float64(read)/(1<<30), float64(total)/(1<<30))
	}
	return fmt.Sprintf("%.0f/%.0f MB", float64(read)/(1<<20), float64(total)/(1<<20))
}

// Item counts one item read.
func (p *Progress) Item() {
	p.items.Add(1)
	if p.quiet || !p.term || !p.mu.TryLock() {
		return
	}
	defer p.mu.Unlock()
	p.draw(false)
}

// Windows records that n windows have been assembled.
func (p *Progress) Windows(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.windows = n
	if p.term {
		p.draw(true)
	}
}

// Stage starts a named stage: 读取, 组卷, 审查, 写出.
func (p *Progress) Stage(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage = name
	if p.quiet || p.done {
		return
	}
	if p.term {
		p.draw(true)
		return
	}
	fmt.Fprintf(p.w, "%s……（已读取 %d 项，%d 个窗口，用时 %s）\n", name, p.items.Load(), p.windows, p.elapsed())
}

// Done ends the report: the bar line is finished with a newline, or a
// closing plain line is written. Later calls do nothing.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	if p.quiet {
		return
	}
	if p.term {
		p.draw(true)
		fmt.Fprintln(p.w)
		return
	}
	fmt.Fprintf(p.w, "完成：已读取 %d 项，%d 个窗口，用时 %s\n", p.items.Load(), p.windows, p.elapsed())
}

// draw redraws the bar line; unless force, at most every redrawEvery.
// The caller holds p.mu.
func (p *Progress) draw(force bool) {
	if p.quiet || p.done {
		return
	}
	now := p.now()
	if !force && now.Sub(p.drawn) < redrawEvery {
		return
	}
	p.drawn = now
	secs := now.Sub(p.start).Seconds()
	items := p.items.Load()
	rate := 0.0
	if secs > 0 {
		rate = float64(items) / secs
	}
	stage := p.stage
	if stage == "" {
		stage = "读取"
	}
	if total := p.total.Load(); total > 0 {
		read := p.read.Load()
		if stage != "读取" {
			read = max(read, total) // the reading is over
		}
		fmt.Fprintf(p.w, "\r\x1b[K%s %s %3d%% %s · 已读取 %d 项 · %d 个窗口 · 用时 %s%s",
			stage, filled(read, total), percent(read, total), sizeOf(min(read, total), total), items, p.windows,
			p.elapsed(), p.left(now, read, " · 剩余约 "))
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s %s 已读取 %d 项 · %d 个窗口 · 用时 %s · %.1f 项/秒",
		stage, bar(now.Sub(p.start)), items, p.windows, p.elapsed(), rate)
}

// filled is a progress bar filled to read of total.
func filled(read, total int64) string {
	const width = 20
	n := int(min(read, total) * width / max(total, 1))
	return "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "]"
}

// bar is an indeterminate progress bar, for when the total is not known: a
// block that sweeps back and forth.
func bar(elapsed time.Duration) string {
	const width, block = 20, 5
	span := width - block
	pos := int(elapsed/redrawEvery) % (2 * span)
	if pos > span {
		pos = 2*span - pos
	}
	return "[" + strings.Repeat(" ", pos) + strings.Repeat("=", block) + strings.Repeat(" ", span-pos) + "]"
}

// elapsed is the time since the start as m:ss.
func (p *Progress) elapsed() string { return clock(p.now().Sub(p.start)) }

// clock is d as m:ss.
func clock(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// Summary is the one Chinese line printed at the end of a run: how many
// windows, how many 合规/需补正/待核查, where the register, the JSON and the
// notices were written. Empty paths are left out.
func Summary(res *validate.Result, registerPath, jsonPath, noticesDir string) string {
	var ok, fix, review int
	for _, s := range res.All() {
		switch s.Conclusion {
		case finding.Compliant:
			ok++
		case finding.NeedsFix:
			fix++
		case finding.NeedsReview:
			review++
		}
	}
	line := fmt.Sprintf("审查完成：共 %d 个窗口，合规 %d 个，需补正 %d 个，待核查 %d 个",
		res.Windows(), ok, fix, review)
	if registerPath != "" {
		line += "；登记表已写入 " + registerPath
	}
	if jsonPath != "" {
		line += "；JSON 已写入 " + jsonPath
	}
	if noticesDir != "" {
		asked, stands := followUps(res)
		line += fmt.Sprintf("；补正告知书 %d 份已写入 %s", asked, noticesDir)
		if stands > 0 {
			line += fmt.Sprintf("（另有 %d 个需补正的窗口与上次相比没有新的补正要求，前次告知书仍有效，未重复生成）", stands)
		}
	}
	if review > 0 {
		line += fmt.Sprintf("；待核查的 %d 个窗口请在登记表“待核查清单”中逐项核实", review)
	}
	return line + "。"
}
