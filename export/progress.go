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
// redrawn at most ten times a second (items read, windows assembled,
// elapsed time, rate); elsewhere (a pipe, CI) one plain line per stage and
// one at the end; nothing when quiet. Its methods are safe for concurrent
// use.
type Progress struct {
	w     io.Writer
	term  bool
	quiet bool
	now   func() time.Time // the clock; time.Now unless a test sets it
	start time.Time

	items atomic.Int64

	mu      sync.Mutex
	stage   string
	windows int
	drawn   time.Time // when the bar was last drawn
	done    bool
}

// redrawEvery is the shortest time between two bar redraws.
const redrawEvery = 100 * time.Millisecond

// NewProgress returns a Progress writing to w (normally os.Stderr).
// isTerminal selects the redrawn bar; quiet silences everything.
func NewProgress(w io.Writer, isTerminal bool, quiet bool) *Progress {
	return newProgress(w, isTerminal, quiet, time.Now)
}

func newProgress(w io.Writer, isTerminal, quiet bool, now func() time.Time) *Progress {
	return &Progress{w: w, term: isTerminal, quiet: quiet, now: now, start: now()}
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
	fmt.Fprintf(p.w, "\r\x1b[K%s %s 已读取 %d 项 · %d 个窗口 · 用时 %s · %.1f 项/秒",
		stage, bar(now.Sub(p.start)), items, p.windows, p.elapsed(), rate)
}

// bar is an indeterminate progress bar: a block that sweeps back and forth
// (the number of items to come is not known in advance).
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
func (p *Progress) elapsed() string {
	d := p.now().Sub(p.start).Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// Summary is the one Chinese line printed at the end of a run: how many
// windows, how many 合规/需补正/待核查, where the register, the JSON and the
// notices were written. Empty paths are left out.
func Summary(res *validate.Result, registerPath, jsonPath, noticesDir string) string {
	var ok, fix, review int
	for _, s := range res.Submissions {
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
		len(res.Submissions), ok, fix, review)
	if registerPath != "" {
		line += "；登记表已写入 " + registerPath
	}
	if jsonPath != "" {
		line += "；JSON 已写入 " + jsonPath
	}
	if noticesDir != "" {
		line += fmt.Sprintf("；补正告知书 %d 份已写入 %s", fix, noticesDir)
	}
	if review > 0 {
		line += fmt.Sprintf("；待核查的 %d 个窗口请在登记表“待核查清单”中逐项核实", review)
	}
	return line + "。"
}
