package export

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/nguyenthenguyen/docx"
	"shenbao/export/fsname"
	"shenbao/validate"
	"shenbao/validate/finding"
)

// noticeTemplate is notice/template.docx, made by notice/make.sh from
// notice/template.fodt with LibreOffice. Each placeholder sits whole in one
// w:t element.
//
//go:embed notice/template.docx
var noticeTemplate []byte

// Placeholders of the notice template, each alone in its paragraph so a
// part that is empty removes its paragraph instead of leaving a blank line
// or a stray space.
const (
	phDocTitle   = "{{DOCTITLE}}"
	phNumber     = "{{NUMBER}}"
	phTo         = "{{TO}}"
	phIntro      = "{{INTRO}}"
	phFindings   = "{{FINDINGS}}"
	phNotesIntro = "{{NOTESINTRO}}"
	phNotes      = "{{NOTES}}"
	phClosing    = "{{CLOSING}}"
	phContact    = "{{CONTACT}}"
	phIssuer     = "{{ISSUER}}"
	phDate       = "{{DATE}}"
)

// placeholders lists every placeholder, for the template check.
var placeholders = []string{phDocTitle, phNumber, phTo, phIntro, phFindings, phNotesIntro, phNotes, phClosing, phContact, phIssuer, phDate}

// NoticeOptions fill the parts of a notice that are not the window's own.
type NoticeOptions struct {
	Title    string // campaign title; if empty, res.Title
	Deadline string // resubmission deadline (profile notice.deadline); if empty, 通知规定的期限内
	Contact  string // contact line (profile notice.contact); no contact paragraph when empty
	Issuer   string // the office that signs (profile notice.issuer)
	// Number is the 文号 pattern (profile notice.number); {序号} becomes the
	// window's number in 登记表. No 文号 line when empty.
	Number string
	Date   time.Time // the notice date; if zero, res.GeneratedAt
	// Review also writes a 材料核实告知书 for every window whose findings
	// need review but none correction (待核查). Without it those windows get
	// no notice: they are the clerk's own list (登记表's 待核查清单).
	Review bool
}

// Notice kinds and their file-name suffixes.
const (
	noticeFix    = "材料补正一次性告知书"
	noticeVerify = "材料核实告知书"
)

// WriteNotices writes into dir one 材料补正一次性告知书 (.docx) for every
// submission with a finding of level 错误 and, with opt.Review, one
// 材料核实告知书 for every submission that is 待核查 only; each atomically.
// It returns the written paths, sorted. A notice whose old file cannot be
// replaced is written under a free name beside it; then the paths come with
// a *MovedError that says so. File names are
// <序号>_<窗口名称>_<kind>.docx with 序号 as in 登记表, safe on Windows and
// unique. A missing dir is created (its parent must exist).
//
// For a run compared with a previous one (res.Changes), a window gets a
// notice only when it has something new to ask (askAgain); the notice lists
// what is still open and says which items of the previous notice are now
// resolved, and the 文号's {序号} counts on from the previous run's last
// notice number (Changes.PreviousLastNotice), so no number is given twice.
func WriteNotices(dir string, res *validate.Result, opt NoticeOptions) ([]string, error) {
	if err := CheckDir(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create notices folder: %w", err)
	}
	if opt.Title == "" {
		opt.Title = res.Title
	}
	if opt.Deadline == "" {
		opt.Deadline = "通知规定的期限内"
	}
	if opt.Date.IsZero() {
		opt.Date = res.GeneratedAt
	}
	width := max(2, len(strconv.Itoa(res.Windows())))
	used := map[string]bool{}
	changes := windowChanges(res.Changes)
	given := 0 // notices of this run, for the numbers of a compared run
	// The notices are made in order (their names and numbers depend on the
	// ones before) and written on a worker per core: at 10,000 windows the
	// writing was ten seconds on one core. Outcomes are gathered in order,
	// so the paths and errors do not depend on which worker was faster.
	w := newNoticeWriter(runtime.GOMAXPROCS(0))
	for i, s := range res.All() {
		ch := changes[s.WindowName]
		if res.Changes != nil && !askAgain(ch) {
			continue // the previous notice still says it all
		}
		number := i + 1
		if res.Changes != nil {
			number = res.Changes.PreviousLastNotice + given + 1
		}
		n := noticeFor(s, number, opt)
		if n == nil {
			continue
		}
		given++
		if res.Changes != nil {
			n.followUp(ch, opt)
		}
		name := uniqueName(fmt.Sprintf("%0*d_%s_%s", width, i+1, safeName(s.WindowName), n.kind), ".docx", used)
		if !w.add(name, filepath.Join(dir, name), n) {
			break // a notice could not be written: the rest are not tried
		}
	}
	paths, err := w.wait()
	if err != nil {
		var m *MovedError
		if !errors.As(err, &m) {
			return nil, err
		}
	}
	if rerr := res.Err(); rerr != nil {
		return paths, rerr
	}
	slices.Sort(paths)
	return paths, err
}

// noticeWriter writes notices on a few goroutines and gathers the outcomes
// in the order the notices were added.
type noticeWriter struct {
	jobs chan noticeJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	out  []noticeOutcome
	// failedAt is the lowest seq whose write failed with an error other
	// than a moved file (math.MaxInt64 while none has): add then stops
	// taking notices, and the workers skip those after it, so the error
	// reported is the one a write in order would have met first.
	failedAt atomic.Int64
	seq      int
}

type noticeJob struct {
	seq        int
	name, path string
	n          *notice
}

type noticeOutcome struct {
	seq        int
	name, path string
	err        error
}

func newNoticeWriter(workers int) *noticeWriter {
	w := &noticeWriter{jobs: make(chan noticeJob, workers)}
	w.failedAt.Store(math.MaxInt64)
	for range max(workers, 1) {
		w.wg.Go(func() {
			for j := range w.jobs {
				if int64(j.seq) > w.failedAt.Load() {
					continue // the run stops at the failed notice: no more files
				}
				err := j.n.write(j.path)
				var m *MovedError
				w.mu.Lock()
				if err != nil && !errors.As(err, &m) && int64(j.seq) < w.failedAt.Load() {
					w.failedAt.Store(int64(j.seq)) // under mu: the lowest one stays
				}
				w.out = append(w.out, noticeOutcome{j.seq, j.name, j.path, err})
				w.mu.Unlock()
			}
		})
	}
	return w
}

// add queues notice n for path; false once a write has failed.
func (w *noticeWriter) add(name, path string, n *notice) bool {
	if w.failedAt.Load() != math.MaxInt64 {
		return false
	}
	w.jobs <- noticeJob{w.seq, name, path, n}
	w.seq++
	return true
}

// wait waits for the writes and returns the paths written, in order. The
// error is the first failed write's, or a *MovedError for the first notice
// that could not replace its old file (counting the others in More); the
// paths are returned with the latter.
func (w *noticeWriter) wait() ([]string, error) {
	close(w.jobs)
	w.wg.Wait()
	slices.SortFunc(w.out, func(a, b noticeOutcome) int { return a.seq - b.seq })
	var paths []string
	var moved *MovedError
	for _, o := range w.out {
		var m *MovedError
		switch {
		case errors.As(o.err, &m):
			o.path = m.Written
			if moved == nil {
				moved = m
			} else {
				moved.More++
			}
		case o.err != nil:
			return nil, fmt.Errorf("write notice %s: %w", o.name, o.err)
		}
		paths = append(paths, o.path)
	}
	if moved != nil {
		return paths, moved
	}
	return paths, nil
}

// notice is the text of one notice, paragraph by paragraph.
type notice struct {
	kind             string // noticeFix or noticeVerify, also the heading
	number, to       string
	intro            string
	items            []string
	notesIntro       string
	notes            []string
	closing, contact string
	issuer, date     string
}

// noticeFor is the notice for submission s, numbered n in 登记表, or nil
// when it needs none: 补正 when a finding is an error; 核实, with
// opt.Review, when findings need review and none is an error.
func noticeFor(s *validate.Submission, n int, opt NoticeOptions) *notice {
	var errs, reviews, hints []finding.Finding
	for _, f := range s.Findings {
		if !finding.ForWindow(f.Code) {
			continue // the office's own: what the departments reported
		}
		switch f.Level {
		case finding.Error:
			errs = append(errs, f)
		case finding.Review:
			reviews = append(reviews, f)
		default:
			if strings.TrimSpace(f.Fix) != "" {
				hints = append(hints, f)
			}
		}
	}
	materials := "申报材料"
	if opt.Title != "" {
		materials = opt.Title + "申报材料"
	}
	out := &notice{
		to:     addressee(s),
		issuer: opt.Issuer,
		date:   chineseDate(opt.Date),
	}
	if opt.Number != "" {
		num := strconv.Itoa(n)
		out.number = strings.NewReplacer("{序号}", num, "{n}", num).Replace(opt.Number)
	}
	if c := strings.TrimSpace(opt.Contact); c != "" {
		out.contact = "联系方式：" + sentenceEnd(c, "")
	}
	switch {
	case len(errs) > 0:
		out.kind = noticeFix
		out.intro = "经对你窗口报送的" + materials + "进行合规性审查，发现以下问题需要补正，现一次性告知如下："
		out.items = itemLines(errs, "补正要求：")
		if len(hints) > 0 {
			out.notesIntro = "此外，以下事项不影响审查结论，建议一并完善："
			out.notes = itemLines(hints, "建议：")
		}
		out.closing = "请于" + opt.Deadline + "按上述要求一次性补正，并重新报送补正后的材料。"
	case len(reviews) > 0 && opt.Review:
		out.kind = noticeVerify
		out.intro = "经对你窗口报送的" + materials + "进行合规性审查，以下事项需要你窗口核实确认："
		out.items = itemLines(reviews, "")
		out.closing = "请于" + opt.Deadline + "将核实情况反馈我单位；确需更正的，请一并重新报送相关材料。"
	default:
		return nil
	}
	return out
}

// addressee is the 主送 line: 所属单位 and 窗口名称, whichever are known.
func addressee(s *validate.Submission) string {
	to := strings.TrimSpace(s.Unit) + strings.TrimSpace(s.WindowName)
	if to == "" {
		to = "申报窗口"
	}
	return oneLine(to) + "："
}

// itemLines are the numbered sentences of a notice, one per finding:
// "1.推荐单位意见栏未盖章。补正要求：请加盖推荐单位公章后重新扫描报送。"
// Codes and levels are the register's, not the window's: they stay out.
func itemLines(fs []finding.Finding, fixLabel string) []string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		line := strconv.Itoa(i+1) + "." + sentenceEnd(f.Message, "。")
		if fix := strings.TrimSpace(f.Fix); fix != "" && fixLabel != "" {
			line += fixLabel + sentenceEnd(fix, "。")
		}
		lines[i] = line
	}
	return lines
}

// sentenceEnd folds s into one line and ends it with end, replacing
// whatever punctuation it ended with.
func sentenceEnd(s, end string) string {
	s = strings.TrimRight(oneLine(s), "。；;，,.、 ")
	if s == "" {
		return ""
	}
	return s + end
}

// write fills the template with n and writes it to path. Every text passes
// through maskIDs.
func (n *notice) write(path string) error {
	t, err := templateParts()
	if err != nil {
		return fmt.Errorf("read template: %w", err)
	}
	one := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	content := t.content
	for _, p := range []struct {
		ph    string
		lines []string
	}{
		{phDocTitle, one(n.kind)},
		{phNumber, one(n.number)},
		{phTo, one(n.to)},
		{phIntro, one(n.intro)},
		{phFindings, n.items},
		{phNotesIntro, one(n.notesIntro)},
		{phNotes, n.notes},
		{phClosing, one(n.closing)},
		{phContact, one(n.contact)},
		{phIssuer, one(oneLine(n.issuer))},
		{phDate, one(n.date)},
	} {
		lines := make([]string, len(p.lines))
		for i, l := range p.lines {
			lines[i] = maskIDs(l)
		}
		content = expandParagraph(content, p.ph, lines)
	}
	return writeAtomic(path, func(w io.Writer) error { return t.write(w, content) })
}

// noticeTemplate's parts, taken apart once. A notice differs from the
// template only in word/document.xml; the other parts are written as the
// docx package wrote them (recompressed), so they are compressed once and
// copied into each notice as they are. At 10,000 notices, reading the
// template and compressing its nine parts again for each was most of the
// notices' time; the files are byte for byte what they were.
type noticeTemplateParts struct {
	content string // word/document.xml, placeholders and all
	parts   []templatePart
}

type templatePart struct {
	header zip.FileHeader
	raw    []byte // the compressed bytes; nil for word/document.xml
}

const documentPart = "word/document.xml"

var templateParts = sync.OnceValues(func() (*noticeTemplateParts, error) {
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(noticeTemplate), int64(len(noticeTemplate)))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d := r.Editable()
	t := &noticeTemplateParts{content: d.GetContent()}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		p := templatePart{header: f.FileHeader}
		if f.Name != documentPart {
			rc, err := f.OpenRaw()
			if err != nil {
				return nil, err
			}
			if p.raw, err = io.ReadAll(rc); err != nil {
				return nil, err
			}
		}
		t.parts = append(t.parts, p)
	}
	return t, nil
})

// write writes a notice whose word/document.xml is content.
func (t *noticeTemplateParts) write(w io.Writer, content string) error {
	zw := zip.NewWriter(w)
	for _, p := range t.parts {
		if p.raw == nil {
			fw, err := zw.Create(p.header.Name) // as the docx package does
			if err != nil {
				return err
			}
			if _, err := io.WriteString(fw, content); err != nil {
				return err
			}
			continue
		}
		h := p.header
		fw, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// oneLine folds s into one line: runs of spaces and tabs become one
// space; a line break becomes a space between two Latin letters or digits
// and nothing next to Chinese text, so a break inside a Chinese sentence
// leaves no stray space.
func oneLine(s string) string {
	var b strings.Builder
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if prev < 0x2E80 && next < 0x2E80 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// expandParagraph replaces the w:p element holding placeholder ph with one
// copy per line, the placeholder replaced by the XML-escaped line. With no
// lines the paragraph is removed.
func expandParagraph(content, ph string, lines []string) string {
	at := strings.Index(content, ph)
	if at < 0 {
		return content
	}
	start := max(strings.LastIndex(content[:at], "<w:p>"), strings.LastIndex(content[:at], "<w:p "))
	end := strings.Index(content[at:], "</w:p>")
	if start < 0 || end < 0 {
		return content
	}
	end += at + len("</w:p>")
	para := content[start:end]
	var b strings.Builder
	for _, line := range lines {
		var esc bytes.Buffer
		_ = xml.EscapeText(&esc, []byte(line))
		b.WriteString(strings.Replace(para, ph, esc.String(), 1))
	}
	return content[:start] + b.String() + content[end:]
}

// safeName makes a window's name usable as part of a file name on Windows,
// macOS and Linux (see fsname.Clean); slashes are kept as _, not taken for
// folders, and the result is at most 60 characters.
func safeName(s string) string {
	s = strings.NewReplacer("/", "_", `\`, "_").Replace(s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return fsname.Clean(s, 255, "未命名窗口")
}

// uniqueName returns stem+ext, or stem_2+ext, stem_3+ext … so that no two
// names are equal ignoring case (Windows and macOS folders ignore case).
func uniqueName(stem, ext string, used map[string]bool) string {
	name := stem + ext
	for k := 2; used[strings.ToLower(name)]; k++ {
		name = fmt.Sprintf("%s_%d%s", stem, k, ext)
	}
	used[strings.ToLower(name)] = true
	return name
}
