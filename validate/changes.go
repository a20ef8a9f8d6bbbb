package validate

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"shenbao/parser/form"
	"shenbao/validate/finding"
)

// Changes is what changed since an earlier run (SPEC §2 `changes`): the
// windows that are new or gone, and per window the conclusion before and
// after and the findings closed (已销号), new and still open. Windows are
// matched by their normalised name, findings by window + code + field (+ the
// table cell or page when it still says where), never by message text.
type Changes struct {
	PreviousGeneratedAt time.Time `json:"previous_generated_at"`
	// Run is this run's place in the chain of compared runs: 2 when the
	// previous run was itself compared with nothing.
	Run         int            `json:"run"`
	NewWindows  []WindowRef    `json:"new_windows"`
	GoneWindows []GoneWindow   `json:"gone_windows"`
	Windows     []WindowChange `json:"windows"`
	// PreviousLastNotice is the highest notice number (the {序号} of a
	// 文号) the previous run may have given: its own LastNotice when it was
	// a comparison, else the 登记表 number of its last window that was not
	// 合规. This run's notices are numbered on from it.
	PreviousLastNotice int `json:"previous_last_notice"`
	// LastNotice is the highest notice number given so far, this run
	// included: PreviousLastNotice plus the notices this run wrote (the
	// run sets it once they are written).
	LastNotice int `json:"last_notice"`
}

// WindowRef names a window that arrived since the previous run.
type WindowRef struct {
	WindowName string `json:"window_name"`
	Unit       string `json:"unit"`
	Conclusion string `json:"conclusion"`
}

// GoneWindow is a window of the previous run that this run does not have.
type GoneWindow struct {
	WindowName string `json:"window_name"`
	Unit       string `json:"unit"`
	Before     string `json:"before"` // its conclusion last time
	Reason     string `json:"reason"` // why, for the clerk
}

// WindowChange is one window of this run beside its previous state.
type WindowChange struct {
	WindowName string `json:"window_name"`
	Unit       string `json:"unit"`
	Before     string `json:"before"` // conclusion last time; "" for a new window
	After      string `json:"after"`
	// Closed findings were present before and are gone now (已销号).
	Closed []TrackedFinding `json:"closed"`
	// New findings were not present before (every finding of a new window).
	New []TrackedFinding `json:"new"`
	// Open findings were present before and still are.
	Open []TrackedFinding `json:"open"`
	// NewFiles are the window's files of this run that the previous run did
	// not have (by content), as provenance chains.
	NewFiles []string `json:"new_files"`
	// Previous are the window's findings in the previous run, in that
	// run's order (nil for a new window), so a notice can name the earlier
	// items by their numbers. Not written to the JSON.
	Previous []finding.Finding `json:"-"`
}

// TrackedFinding is a finding with its history across runs.
type TrackedFinding struct {
	finding.Finding
	// Runs is how many runs in a row the finding has been present, this
	// one included; for a closed finding, the runs it stayed open.
	Runs int `json:"runs"`
	// Since is the generation time of the first of those runs.
	Since time.Time `json:"since"`
	// AskedAt is the date (2024-04-12) of the first run in which the
	// window's conclusion was 需补正 and its 补正告知书 listed the finding
	// (an error the window must fix, not a 联审 or ranking finding); ""
	// when none did, and always for a 待核查 or 提示 finding, which the 补正
	// notice does not list.
	AskedAt string `json:"asked_at"`
	// ClosedBy, for a closed finding, is the window's file of the kind the
	// finding was about that this run has and the previous did not; ""
	// when no such file came (the finding closed with the same files).
	ClosedBy string `json:"closed_by,omitempty"`
}

// ChangeCounts are the totals of a Changes, for 汇总 and the report.
// Findings are counted when they ask something of the window or the clerk
// (错误 and 待核查); 提示 findings are listed but not counted.
type ChangeCounts struct {
	NewWindows, GoneWindows      int
	Improved, Worsened, Changed  int // conclusion moved towards 合规, away from it, any move
	Closed, New, Open            int // findings
	ClosedWithoutFile, StillOpen int // closed with no new file; open for 3 runs or more
}

// Counts totals c.
func (c *Changes) Counts() ChangeCounts {
	n := ChangeCounts{NewWindows: len(c.NewWindows), GoneWindows: len(c.GoneWindows)}
	for _, w := range c.Windows {
		for _, f := range w.Closed {
			if f.Level == finding.Info {
				continue
			}
			n.Closed++
			if f.ClosedBy == "" {
				n.ClosedWithoutFile++
			}
		}
		for _, f := range w.New {
			if f.Level != finding.Info {
				n.New++
			}
		}
		for _, f := range w.Open {
			if f.Level == finding.Info {
				continue
			}
			n.Open++
			if f.Runs >= 3 {
				n.StillOpen++
			}
		}
		if w.Before == "" || w.Before == w.After {
			continue
		}
		n.Changed++
		switch {
		case conclusionRank(w.After) < conclusionRank(w.Before):
			n.Improved++
		case conclusionRank(w.After) > conclusionRank(w.Before):
			n.Worsened++
		}
	}
	return n
}

// conclusionRank orders conclusions from 合规 (0) to 需补正 (2).
func conclusionRank(c string) int {
	switch c {
	case finding.Compliant:
		return 0
	case finding.NeedsReview:
		return 1
	}
	return 2
}

// Compare returns what changed from prev to cur. Both results are read,
// neither is changed. History (runs open, first seen, asked) is carried
// forward from prev.Changes when prev was itself a comparison. The order is
// cur's window order; gone windows keep prev's order.
func Compare(prev, cur *Result) *Changes {
	ch := &Changes{
		PreviousGeneratedAt: prev.GeneratedAt,
		Run:                 2,
		NewWindows:          []WindowRef{},
		GoneWindows:         []GoneWindow{},
		Windows:             []WindowChange{},
	}
	if prev.Changes != nil {
		ch.Run = max(2, prev.Changes.Run+1)
		ch.PreviousLastNotice = prev.Changes.LastNotice
	} else {
		for i, p := range prev.Submissions {
			if p.Conclusion != finding.Compliant {
				ch.PreviousLastNotice = i + 1
			}
		}
	}
	ch.LastNotice = ch.PreviousLastNotice
	prevFiles := fileIndex(prev)
	pairs := newPairer(prev.Submissions)
	for _, s := range cur.All() {
		w := WindowChange{WindowName: s.WindowName, Unit: s.Unit, After: s.Conclusion,
			Closed: []TrackedFinding{}, New: []TrackedFinding{}, Open: []TrackedFinding{}}
		w.NewFiles = newFiles(cur, s.WindowName, prevFiles)
		j := pairs.pair(s.WindowName)
		if j < 0 {
			ch.NewWindows = append(ch.NewWindows, WindowRef{s.WindowName, s.Unit, s.Conclusion})
			for _, f := range s.Findings {
				w.New = append(w.New, fresh(f, cur.GeneratedAt, s.Conclusion))
			}
			ch.Windows = append(ch.Windows, w)
			continue
		}
		p := &prev.Submissions[j]
		w.Before = p.Conclusion
		w.Previous = p.Findings
		hist := history(prev, p)
		m := matchFindings(p.Findings, s.Findings)
		for ci, pi := range m.cur {
			f := s.Findings[ci]
			if pi < 0 {
				w.New = append(w.New, fresh(f, cur.GeneratedAt, s.Conclusion))
				continue
			}
			h := hist[pi]
			t := TrackedFinding{Finding: f, Runs: h.Runs + 1, Since: h.Since, AskedAt: h.AskedAt}
			if t.AskedAt == "" && asked(f, s.Conclusion) {
				t.AskedAt = dateOf(cur.GeneratedAt)
			}
			w.Open = append(w.Open, t)
		}
		for _, pi := range m.closed {
			t := hist[pi]
			t.ClosedBy = closingFile(cur, s.WindowName, p.Findings[pi].Code, prevFiles)
			w.Closed = append(w.Closed, t)
		}
		ch.Windows = append(ch.Windows, w)
	}
	for _, j := range pairs.gone() {
		p := &prev.Submissions[j]
		ch.GoneWindows = append(ch.GoneWindows, GoneWindow{
			WindowName: p.WindowName, Unit: p.Unit, Before: p.Conclusion,
			Reason: goneReason(prev, cur, p.WindowName),
		})
	}
	return ch
}

// fresh is a finding seen for the first time in a run at t.
func fresh(f finding.Finding, t time.Time, conclusion string) TrackedFinding {
	tf := TrackedFinding{Finding: f, Runs: 1, Since: t}
	if asked(f, conclusion) {
		tf.AskedAt = dateOf(t)
	}
	return tf
}

// asked reports whether the 补正告知书 of a window with this conclusion
// asks for f: it lists the window's errors, except the office's own
// findings on rankings and 联审 (finding.ForWindow); a 待核查 item is the
// clerk's to check and a 提示 asks nothing.
func asked(f finding.Finding, conclusion string) bool {
	return conclusion == finding.NeedsFix && f.Level == finding.Error && finding.ForWindow(f.Code)
}

func dateOf(t time.Time) string { return t.Format("2006-01-02") }

// history returns, per finding of p (a window of prev), its history as of
// prev: taken from prev.Changes when prev was a comparison, else the
// finding was first seen in prev.
func history(prev *Result, p *Submission) []TrackedFinding {
	out := make([]TrackedFinding, len(p.Findings))
	for i, f := range p.Findings {
		out[i] = fresh(f, prev.GeneratedAt, p.Conclusion)
	}
	if prev.Changes == nil {
		return out
	}
	key := form.NormalizeName(p.WindowName)
	for _, w := range prev.Changes.Windows {
		if form.NormalizeName(w.WindowName) != key {
			continue
		}
		known := append(slices.Clone(w.New), w.Open...)
		fs := make([]finding.Finding, len(known))
		for i, t := range known {
			fs[i] = t.Finding
		}
		m := matchFindings(fs, p.Findings)
		for ci, ki := range m.cur {
			if ki < 0 {
				continue
			}
			k := known[ki]
			out[ci].Runs = max(1, k.Runs)
			if !k.Since.IsZero() {
				out[ci].Since = k.Since
			}
			if k.AskedAt != "" {
				out[ci].AskedAt = k.AskedAt
			}
		}
		break
	}
	return out
}

// pairer pairs each current window, in order, with the first previous
// window of the same normalised name not yet taken, in one pass over the
// current windows (which may be read back from a file).
type pairer struct {
	byKey map[string][]int // normalised name → previous windows left
	used  []bool
}

func newPairer(prev []Submission) *pairer {
	p := &pairer{byKey: map[string][]int{}, used: make([]bool, len(prev))}
	for j := range prev {
		k := form.NormalizeName(prev[j].WindowName)
		p.byKey[k] = append(p.byKey[k], j)
	}
	return p
}

// pair returns the previous window the current window name continues, -1
// when it is new.
func (p *pairer) pair(name string) int {
	k := form.NormalizeName(name)
	js := p.byKey[k]
	if len(js) == 0 {
		return -1
	}
	p.byKey[k] = js[1:]
	p.used[js[0]] = true
	return js[0]
}

// gone lists the previous windows no current one continued, in order.
func (p *pairer) gone() []int {
	var out []int
	for j, u := range p.used {
		if !u {
			out = append(out, j)
		}
	}
	return out
}

// findingMatch pairs findings: cur[i] is the index of the previous finding
// that cur finding i continues, or -1; closed lists the previous findings
// no current one continues.
type findingMatch struct {
	cur    []int
	closed []int
}

// matchFindings pairs prev and cur findings of one window in passes from
// the most specific key to the least: code + field + cell (the table cell
// or page in the location, not the file name, which changes with a
// resend), then code + field. A last pass pairs by code alone a previous
// finding without a field, as a run read back from a register has (its
// 问题清单 has no field column). Within a key, findings pair in order.
func matchFindings(prev, cur []finding.Finding) findingMatch {
	m := findingMatch{cur: make([]int, len(cur))}
	for i := range m.cur {
		m.cur[i] = -1
	}
	used := make([]bool, len(prev))
	keys := []func(finding.Finding) string{
		func(f finding.Finding) string { return f.Code + "\x00" + f.Field + "\x00" + cellOf(f.Location) },
		func(f finding.Finding) string { return f.Code + "\x00" + f.Field },
	}
	for pass, key := range append(keys, func(f finding.Finding) string { return f.Code }) {
		for i, f := range cur {
			if m.cur[i] >= 0 {
				continue
			}
			k := key(f)
			for j, p := range prev {
				if !used[j] && key(p) == k && (pass < len(keys) || p.Field == "") {
					m.cur[i], used[j] = j, true
					break
				}
			}
		}
	}
	for j := range prev {
		if !used[j] {
			m.closed = append(m.closed, j)
		}
	}
	return m
}

// cellOf keeps the places of a location that survive a resend — 表1 第4行
// 第2列, 第2页, 第30行 — and drops file names and paths.
func cellOf(loc string) string {
	var parts []string
	rs := []rune(loc)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '表' && rs[i] != '第' {
			continue
		}
		j := i + 1
		for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == ' ' || strings.ContainsRune("第行列页", rs[j])) {
			j++
		}
		if j > i+1 && strings.ContainsAny(string(rs[i:j]), "0123456789") {
			parts = append(parts, strings.ReplaceAll(string(rs[i:j]), " ", ""))
			i = j - 1
		}
	}
	return strings.Join(parts, ",")
}

// fileIndex maps the content hashes of prev's inputs to their entries.
func fileIndex(prev *Result) map[string]Input {
	idx := map[string]Input{}
	for _, in := range prev.Inputs {
		if in.SHA256 != "" {
			idx[in.SHA256] = in
		}
	}
	return idx
}

// windowFiles are cur's parsed inputs attributed to window name.
func windowFiles(res *Result, name string) []Input {
	key := form.NormalizeName(name)
	var out []Input
	for _, in := range res.Inputs {
		if in.Status == "parsed" && in.Window != "" && form.NormalizeName(in.Window) == key {
			out = append(out, in)
		}
	}
	slices.SortFunc(out, func(a, b Input) int { return cmp.Compare(a.Path, b.Path) })
	return out
}

// newFiles lists the window's files that prev did not have.
func newFiles(cur *Result, name string, prevFiles map[string]Input) []string {
	out := []string{}
	for _, in := range windowFiles(cur, name) {
		if _, seen := prevFiles[in.SHA256]; !seen || in.SHA256 == "" {
			out = append(out, in.Path)
		}
	}
	return out
}

// codeKinds are the 文件清单 kinds a finding code is about.
func codeKinds(code string) []string {
	switch {
	case code == "M01" || code == "M02" || strings.HasPrefix(code, "F"):
		return []string{"申报表", "Word文档", "PDF"}
	case code == "M03" || strings.HasPrefix(code, "P"):
		return []string{"初审表", "扫描件", "扫描记录", "Word文档", "PDF"}
	case strings.HasPrefix(code, "S"):
		return []string{"扫描件", "扫描记录", "初审表"}
	case code == "M04" || code == "M05" || code == "M06" || code == "M07" || code == "M10":
		return []string{"照片"}
	}
	return nil // any kind
}

// closingFile names the file that closed a finding of code in window name:
// the window's first new file (not in prev) of a kind the code is about.
// "" when there is none.
func closingFile(cur *Result, name, code string, prevFiles map[string]Input) string {
	kinds := codeKinds(code)
	for _, in := range windowFiles(cur, name) {
		if _, seen := prevFiles[in.SHA256]; seen && in.SHA256 != "" {
			continue
		}
		if kinds == nil || slices.Contains(kinds, in.Kind) {
			return in.Path
		}
	}
	return ""
}

// goneReason says why window name of prev is not in cur.
func goneReason(prev, cur *Result, name string) string {
	key := form.NormalizeName(name)
	hashes := map[string]bool{}
	for _, in := range prev.Inputs {
		if in.SHA256 != "" && in.Window != "" && form.NormalizeName(in.Window) == key {
			hashes[in.SHA256] = true
		}
	}
	var moved, superseded string
	for _, in := range cur.Inputs {
		if !hashes[in.SHA256] {
			continue
		}
		switch {
		case in.Status == "superseded" && superseded == "":
			superseded = in.Reason
		case in.Status == "parsed" && in.Window != "" && form.NormalizeName(in.Window) != key && moved == "":
			moved = in.Window
		}
	}
	switch {
	case moved != "":
		return "上次的材料本次归入窗口“" + moved + "”（窗口名称可能已更改）"
	case superseded != "":
		return "上次的材料本次已被新版本替代（" + superseded + "）"
	case len(hashes) > 0:
		return "本次输入中没有该窗口上次的材料（文件未再提供）"
	}
	return "本次输入中没有该窗口的材料"
}
