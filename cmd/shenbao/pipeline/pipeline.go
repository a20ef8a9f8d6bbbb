package pipeline

import (
	"cmp"
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"shenbao/parser/classify"
	"shenbao/parser/dept"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/validate"
	"shenbao/validate/dossier"
	"shenbao/validate/profile"
)

// Reporter is told how the run goes; export.Progress is one. Its methods
// must be safe for concurrent use.
type Reporter interface {
	Item()
	Windows(n int)
	Stage(name string)
	// Total is told, before the reading starts, the bytes of all the
	// input files (a pre-scan of their sizes); Read, as each input file has
	// been read, its bytes.
	Total(bytes int64)
	Read(bytes int64)
}

// Options configure a run. The zero value of each field has a use.
type Options struct {
	Inputs []string // files and folders to read
	Scans  []string // scan metadata and scan images (--scans)
	// Rankings are 实绩排序表 files and folders (--rankings), JointReview
	// the returned 联审 sheets (--joint-review).
	Rankings    []string
	JointReview []string
	Profile     *profile.Profile // nil means profile.Default()
	Jobs        int              // parse workers; 0 means runtime.NumCPU()
	Limits      intake.Limits    // zero fields take intake's defaults
	// Now is the clock for generated_at and for "not in the future"
	// checks; nil means time.Now.
	Now      func() time.Time
	Reporter Reporter     // nil reports nothing
	Log      *slog.Logger // nil logs nothing; never given personal data
	// Overlays, when set, is a folder that gets each analysed scan page
	// drawn with its rows and seals (seal.Overlay), as a PNG named by
	// OverlayName from the page's place in scan_pages (from 0); nil
	// OverlayName names them 1.png, 2.png … Pages are drawn by the parse
	// workers while the image is at hand.
	Overlays    string
	OverlayName func(i int, pg seal.Page) string
}

// collected is what the walk and the parse workers gathered.
type collected struct {
	mu       sync.Mutex
	items    []*intake.Item
	parsed   []*dossier.Piece
	records  []scan.Record
	problems []scan.Problem
	tables   map[*intake.Item]*classify.Result // rankings and 联审 returns
}

// Run reads every input, checks every window and returns the result. It
// returns an error only when the run itself cannot go on (ctx cancelled);
// bad inputs are items with a status and a reason. The result keeps its
// submissions in a temporary file (validate.ReportInput.Spill): read them
// with its All, and Close it when done.
func Run(ctx context.Context, opt Options) (*validate.Result, error) {
	p := opt.Profile
	if p == nil {
		p = profile.Default()
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	rep := opt.Reporter
	if rep == nil {
		rep = silent{}
	}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}

	defer LimitMemory(100 * time.Millisecond)()
	rep.Stage("读取")
	rep.Total(inputBytes(inputsOf(opt)))
	// The forms wait on disk until their window is checked.
	forms := dossier.NewStore()
	defer forms.Close()
	c, err := collect(ctx, opt, p, jobs, forms, rep)
	if err != nil {
		return nil, err
	}
	defer TightGC()()
	rep.Stage("组卷")
	ds, windowOf, unmatched := dossier.Assemble(c.parsed, c.records, p)
	// The forms live on in the dossiers, which Report lets go one by one as
	// it makes the result; Report reads only the items' kinds and scan pages
	// from the pieces, before it checks the windows.
	for _, pd := range c.parsed {
		pd.DropForms()
	}
	rep.Windows(len(ds))
	rep.Stage("审查")
	in := validate.ReportInput{
		Items:     c.items,
		Pieces:    c.parsed,
		Dossiers:  ds,
		WindowOf:  windowOf,
		Unmatched: unmatched,
		Problems:  c.problems,

		RankingsGiven: len(opt.Rankings) > 0 || len(c.rankings()) > 0,
		Rankings:      c.rankings(),
		JointGiven:    len(opt.JointReview) > 0,
		Joint:         c.joint(),
		JointProblems: c.jointProblems(),

		Spill: true,
	}
	c.parsed = nil // Report lets the pieces go once it has read them
	res := validate.Report(in, p, now())
	if opt.Overlays != "" {
		nameOverlays(opt, res.ScanPages)
	}
	if opt.Log != nil {
		opt.Log.Info("check done", "items", len(c.items), "windows", len(ds))
	}
	return res, nil
}

// collect walks the inputs and parses every leaf on a bounded pool of
// workers. Results are sorted by position so the output does not depend on
// scheduling.
func collect(ctx context.Context, opt Options, p *profile.Profile, jobs int, forms *dossier.Store, rep Reporter) (*collected, error) {
	c := &collected{tables: map[*intake.Item]*classify.Result{}}
	inputs := inputsOf(opt)
	nInputs, nScans, nRankings := len(opt.Inputs), len(opt.Scans), len(opt.Rankings)
	group := func(it *intake.Item) int { // 0 inputs, 1 scans, 2 rankings, 3 联审
		if len(it.Pos) == 0 {
			return 0
		}
		switch i := it.Pos[0]; {
		case i < nInputs:
			return 0
		case i < nInputs+nScans:
			return 1
		case i < nInputs+nScans+nRankings:
			return 2
		}
		return 3
	}
	specs := p.Specs()

	eg, gctx := errgroup.WithContext(ctx)
	eg.SetLimit(jobs)
	w := &intake.Walker{Limits: opt.Limits, Jobs: jobs, Release: true}
	walkErr := w.Walk(gctx, inputs, func(it *intake.Item, data []byte) error {
		rep.Item()
		if it.Container != "folder" && !strings.Contains(it.Path, intake.Sep) {
			rep.Read(it.Size) // a file on disk, read whole
		}
		g := group(it)
		it.Scan = g == 1
		c.mu.Lock()
		c.items = append(c.items, it)
		c.mu.Unlock()
		if it.Container != "" {
			return nil
		}
		eg.Go(func() error {
			var r *classify.Result
			// The walk judged items it could not read; the rest are parsed
			// here, and the parse stage's verdict becomes the item's.
			if it.Status != intake.Failed && it.Status != intake.Ignored {
				r = classify.File(classify.Input{Name: it.Name, Data: data, Scan: it.Scan, Source: it.Path,
					Rankings: g == 2, Joint: g == 3}, specs)
				it.Status, it.Reason = r.Verdict.Status, r.Verdict.Reason
				if opt.Overlays != "" && len(r.ScanPages) > 0 {
					drawOverlays(opt, it.Path, data, r.ScanPages)
				}
			}
			it.Release() // nothing parsed from the data holds a part of it
			pieces := dossier.Pieces(it, r)
			for _, pd := range pieces {
				pd.Pack(forms) // until its window is checked
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			c.parsed = append(c.parsed, pieces...)
			if r != nil {
				c.records = append(c.records, r.Records...)
				c.problems = append(c.problems, r.Problems...)
				if len(r.Rankings)+len(r.Joint)+len(r.JointProblems) > 0 {
					c.tables[it] = r
				}
			}
			return nil
		})
		return gctx.Err()
	})
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	if walkErr != nil {
		return nil, walkErr
	}
	slices.SortFunc(c.items, func(a, b *intake.Item) int { return intake.ComparePos(a.Pos, b.Pos) })
	slices.SortFunc(c.parsed, func(a, b *dossier.Piece) int { return intake.ComparePos(a.Item.Pos, b.Item.Pos) })
	slices.SortStableFunc(c.records, func(a, b scan.Record) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), cmp.Compare(a.Row, b.Row))
	})
	slices.SortStableFunc(c.problems, func(a, b scan.Problem) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), cmp.Compare(a.Row, b.Row))
	})
	return c, nil
}

// rankings, joint and jointProblems list what the tables held, in input
// order (c.items is sorted).
func (c *collected) rankings() []dept.Ranking {
	var out []dept.Ranking
	for _, it := range c.items {
		if r := c.tables[it]; r != nil {
			out = append(out, r.Rankings...)
		}
	}
	return out
}

func (c *collected) joint() []dept.JointReturn {
	var out []dept.JointReturn
	for _, it := range c.items {
		if r := c.tables[it]; r != nil {
			out = append(out, r.Joint...)
		}
	}
	return out
}

func (c *collected) jointProblems() []dept.Problem {
	var out []dept.Problem
	for _, it := range c.items {
		if r := c.tables[it]; r != nil {
			out = append(out, r.JointProblems...)
		}
	}
	return out
}

// inputsOf lists every input of a run, in walk order.
func inputsOf(opt Options) []string {
	inputs := append(slices.Clone(opt.Inputs), opt.Scans...)
	inputs = append(inputs, opt.Rankings...)
	return append(inputs, opt.JointReview...)
}

// inputBytes is the size of the files the walk will read: each input file,
// and the regular files in each input folder (the walk does not follow
// links inside folders). It reads only the file system's metadata.
func inputBytes(inputs []string) int64 {
	var total int64
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			total += fi.Size()
			continue
		}
		if real, err := filepath.EvalSymlinks(in); err == nil {
			in = real // the walk follows a link given as an input
		}
		filepath.WalkDir(in, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

type silent struct{}

func (silent) Item()        {}
func (silent) Windows(int)  {}
func (silent) Stage(string) {}
func (silent) Total(int64)  {}
func (silent) Read(int64)   {}
