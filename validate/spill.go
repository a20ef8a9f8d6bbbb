package validate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"shenbao/validate/dossier"
	"shenbao/validate/finding"
)

// spilled holds a run's submissions, each encoded by appendSubmission, in
// a temporary file from their window's check until the outputs have been
// written: at 10,000 windows they were ~45 MB of the live heap, held while
// the register and the JSON are written beside them.
type spilled struct {
	store *dossier.Store
	recs  []dossier.Stored // in register order

	mu  sync.Mutex
	err error // the first read that failed
	// findings and staff count those of all the submissions, so that the
	// outputs need not read them all to know how many rows they make.
	findings, staff int
}

// Windows is the number of submissions, held or spilled.
func (r *Result) Windows() int {
	if r.spill != nil {
		return len(r.spill.recs)
	}
	return len(r.Submissions)
}

// Counts returns the number of findings and of people of all the
// submissions.
func (r *Result) Counts() (findings, staff int) {
	if r.spill != nil {
		r.spill.mu.Lock()
		defer r.spill.mu.Unlock()
		return r.spill.findings, r.spill.staff
	}
	for i := range r.Submissions {
		findings += len(r.Submissions[i].Findings)
		staff += len(r.Submissions[i].Staff)
	}
	return findings, staff
}

// All yields every submission in register order, from memory or read back
// from the temporary file Report put them in; several may run at once. If
// a spilled submission cannot be read back (the disk failing), it stops
// there and Err tells why: whoever writes an output from the submissions
// checks Err before keeping it.
func (r *Result) All() iter.Seq2[int, *Submission] {
	return func(yield func(int, *Submission) bool) {
		if r.spill == nil {
			for i := range r.Submissions {
				if !yield(i, &r.Submissions[i]) {
					return
				}
			}
			return
		}
		for i, rec := range r.spill.recs {
			if r.Err() != nil {
				return // a pass after a failed one reads nothing either
			}
			b, err := rec.Bytes()
			if err != nil {
				r.spill.fail(fmt.Errorf("无法从临时文件读回第%d个窗口的审查结果，请检查临时文件夹所在磁盘（空间、是否被拔出）后重新运行（%w）", i+1, err))
				return
			}
			s, err := decodeSubmission(b)
			if err != nil {
				r.spill.fail(fmt.Errorf("临时文件中第%d个窗口的审查结果已损坏（程序内部错误），请重新运行；仍出现时请报告给维护人员（%w）", i+1, err))
				return
			}
			if !yield(i, &s) {
				return
			}
		}
	}
}

// Err is the first error All met reading the submissions back, nil when
// none (always nil for submissions in memory).
func (r *Result) Err() error {
	if r.spill == nil {
		return nil
	}
	r.spill.mu.Lock()
	defer r.spill.mu.Unlock()
	return r.spill.err
}

func (sp *spilled) fail(err error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.err == nil {
		sp.err = err
	}
}

// Close removes the temporary file of the submissions, if any: they can no
// longer be read. A Result that is not closed has its file removed when
// it is garbage collected (and, on most systems, when the process ends).
func (r *Result) Close() error {
	if r.spill == nil {
		return nil
	}
	return r.spill.store.Close()
}

// spillTo makes res keep its submissions in a new temporary file, n of
// them; put stores the i-th. Without a file they are kept encoded in
// memory, which still holds less than the structs.
func (res *Result) spillTo(n int) (put func(i int, s *Submission)) {
	st := dossier.NewStoreNamed("shenbao-results-*")
	sp := &spilled{store: st, recs: make([]dossier.Stored, n)}
	res.spill, res.Submissions = sp, nil
	runtime.AddCleanup(res, func(st *dossier.Store) { st.Close() }, st)
	return func(i int, s *Submission) {
		sp.recs[i] = st.Put(appendSubmission(nil, s))
		sp.mu.Lock()
		defer sp.mu.Unlock()
		sp.findings += len(s.Findings)
		sp.staff += len(s.Staff)
	}
}

// The encoding of a Submission: every field in declaration order; strings
// and slices as a uvarint length then the contents; a slice's length is
// stored plus one, 0 meaning nil, so that nil and empty stay apart (the
// JSON tells them apart); a *bool as 0 nil, 1 false, 2 true. A field added
// to Submission or to the types in it must be added here: the round-trip
// test fills every field by reflection and fails otherwise.

func appendSubmission(b []byte, s *Submission) []byte {
	e := encoder{b}
	e.str(s.WindowName, s.Unit)
	e.strs(s.RecommendForms)
	e.size(s.Staff == nil, len(s.Staff))
	for _, p := range s.Staff {
		e.str(p.Name, p.IDMasked, p.ID, p.Gender, p.Birth)
		e.strs(p.Joint)
	}
	e.str(s.Honors, s.Duties, s.Deeds)
	e.int(s.DeedsChars)
	e.size(s.ReviewRows == nil, len(s.ReviewRows))
	for _, r := range s.ReviewRows {
		e.str(r.Role, r.Opinion)
		e.boolp(r.Signed)
		e.boolp(r.Stamped)
		e.str(r.Date, r.Cell)
	}
	e.strs(s.Photos.Environment)
	e.strs(s.Photos.Work)
	e.strs(s.Photos.Unsorted)
	e.strs(s.Sources)
	e.str(s.Conclusion)
	e.size(s.Findings == nil, len(s.Findings))
	for _, f := range s.Findings {
		e.str(f.Code, string(f.Level), f.Message, f.Field, f.Location, f.Fix)
	}
	if s.Ranking == nil {
		e.uint(0)
	} else {
		e.uint(1)
		e.str(s.Ranking.Department)
		e.int(s.Ranking.Rank)
		e.int(s.Ranking.Of)
	}
	e.size(s.JointReview == nil, len(s.JointReview))
	for _, j := range s.JointReview {
		e.str(j.Department, j.Person, j.Result, j.Text)
	}
	e.str(s.RankingCell, s.JointCell, s.Application, s.Review, s.Mail)
	return e.b
}

// decodeSubmission reads a record back. Each string is a copy of its own:
// strings sharing one copy of the record would keep the whole record (its
// 事迹 and all) alive for as long as any of them is kept, and the outputs
// keep a few of each window (问题清单's codes, 待核查清单's findings).
func decodeSubmission(b []byte) (Submission, error) {
	d := decoder{b: b}
	var s Submission
	s.WindowName = d.str()
	s.Unit = d.str()
	s.RecommendForms = d.strs()
	if n, ok := d.size(); ok {
		s.Staff = make([]Staff, n)
		for i := range s.Staff {
			p := &s.Staff[i]
			p.Name, p.IDMasked, p.ID, p.Gender, p.Birth = d.str(), d.str(), d.str(), d.str(), d.str()
			p.Joint = d.strs()
		}
	}
	s.Honors, s.Duties, s.Deeds = d.str(), d.str(), d.str()
	s.DeedsChars = d.int()
	if n, ok := d.size(); ok {
		s.ReviewRows = make([]ReviewRow, n)
		for i := range s.ReviewRows {
			r := &s.ReviewRows[i]
			r.Role, r.Opinion = d.str(), d.str()
			r.Signed, r.Stamped = d.boolp(), d.boolp()
			r.Date, r.Cell = d.str(), d.str()
		}
	}
	s.Photos.Environment, s.Photos.Work, s.Photos.Unsorted = d.strs(), d.strs(), d.strs()
	s.Sources = d.strs()
	s.Conclusion = d.str()
	if n, ok := d.size(); ok {
		s.Findings = make([]finding.Finding, n)
		for i := range s.Findings {
			f := &s.Findings[i]
			f.Code, f.Level, f.Message = d.str(), finding.Level(d.str()), d.str()
			f.Field, f.Location, f.Fix = d.str(), d.str(), d.str()
		}
	}
	if d.uint() == 1 {
		s.Ranking = &RankingPlace{Department: d.str()}
		s.Ranking.Rank, s.Ranking.Of = d.int(), d.int()
	}
	if n, ok := d.size(); ok {
		s.JointReview = make([]JointResult, n)
		for i := range s.JointReview {
			j := &s.JointReview[i]
			j.Department, j.Person, j.Result, j.Text = d.str(), d.str(), d.str(), d.str()
		}
	}
	s.RankingCell, s.JointCell, s.Application, s.Review, s.Mail = d.str(), d.str(), d.str(), d.str(), d.str()
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	return s, d.err
}

type encoder struct{ b []byte }

func (e *encoder) uint(u uint64) { e.b = binary.AppendUvarint(e.b, u) }
func (e *encoder) int(i int)     { e.b = binary.AppendVarint(e.b, int64(i)) }

// str writes each of ss.
func (e *encoder) str(ss ...string) {
	for _, s := range ss {
		e.uint(uint64(len(s)))
		e.b = append(e.b, s...)
	}
}

// size writes a slice's length plus one, or 0 for a nil slice.
func (e *encoder) size(isNil bool, n int) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *encoder) strs(ss []string) {
	e.size(ss == nil, len(ss))
	e.str(ss...)
}

func (e *encoder) boolp(p *bool) {
	switch {
	case p == nil:
		e.uint(0)
	case !*p:
		e.uint(1)
	default:
		e.uint(2)
	}
}

// decoder reads what encoder wrote. After the first error every read gives
// a zero value and err stays set.
type decoder struct {
	b   []byte
	err error
}

var errShort = errors.New("record cut short")

// varint reads a uvarint (signed: a zig-zag varint) at the start of d.b.
func (d *decoder) varint(signed bool) uint64 {
	if d.err != nil {
		return 0
	}
	var u uint64
	for i := 0; i < len(d.b) && i < binary.MaxVarintLen64; i++ {
		c := d.b[i]
		u |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.b = d.b[i+1:]
			if signed {
				u = uint64(int64(u>>1) ^ -int64(u&1))
			}
			return u
		}
	}
	d.err = errShort
	return 0
}

func (d *decoder) uint() uint64 { return d.varint(false) }
func (d *decoder) int() int     { return int(int64(d.varint(true))) }

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil || n == 0 {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errShort
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// size reads a slice's length; ok is false for a nil slice (or an error).
// A length longer than the bytes left is an error: each element takes at
// least one byte.
func (d *decoder) size() (n int, ok bool) {
	u := d.uint()
	if d.err != nil || u == 0 {
		return 0, false
	}
	if u-1 > uint64(len(d.b)) {
		d.err = errShort
		return 0, false
	}
	return int(u - 1), true
}

func (d *decoder) strs() []string {
	n, ok := d.size()
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) boolp() *bool {
	switch d.uint() {
	case 0:
		return nil
	case 1:
		v := false
		return &v
	default:
		v := true
		return &v
	}
}
