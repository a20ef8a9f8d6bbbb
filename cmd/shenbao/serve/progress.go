package serve

import (
	"sync"
	"sync/atomic"
)

// Progress is a job's live progress. It has the methods of the pipeline's
// reporter (Item, Windows, Stage, Done) and of its byte counts (Total,
// Read), so the job function passes it straight to the pipeline. Its
// methods are safe for concurrent use.
type Progress struct {
	items      atomic.Int64
	windows    atomic.Int64
	bytesDone  atomic.Int64
	bytesTotal atomic.Int64

	mu    sync.Mutex
	stage string
}

// ProgressJSON is the progress object of GET /api/jobs/{id} and of the
// events stream (SPEC §4a).
type ProgressJSON struct {
	Items      int64 `json:"items"`
	Windows    int64 `json:"windows"`
	BytesDone  int64 `json:"bytes_done"`
	BytesTotal int64 `json:"bytes_total"`
}

// Item counts one item read.
func (p *Progress) Item() { p.items.Add(1) }

// Windows records that n windows have been assembled.
func (p *Progress) Windows(n int) { p.windows.Store(int64(n)) }

// Stage records the stage now running (读取, 组卷, 审查, 写出).
func (p *Progress) Stage(name string) {
	p.mu.Lock()
	p.stage = name
	p.mu.Unlock()
}

// Total records the bytes the run will read in all.
func (p *Progress) Total(n int64) { p.bytesTotal.Store(n) }

// Read counts n more bytes read.
func (p *Progress) Read(n int64) { p.bytesDone.Add(n) }

// Done ends the report; the job's state says the rest.
func (p *Progress) Done() {}

// Snapshot returns the counts now.
func (p *Progress) Snapshot() ProgressJSON {
	return ProgressJSON{
		Items:      p.items.Load(),
		Windows:    p.windows.Load(),
		BytesDone:  p.bytesDone.Load(),
		BytesTotal: p.bytesTotal.Load(),
	}
}

// CurrentStage returns the stage last recorded, "" before the first.
func (p *Progress) CurrentStage() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stage
}
