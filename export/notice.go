package export

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
	var paths []string
	var moved *MovedError // the first notice that could not replace its old file
	changes := windowChanges(res.Changes)
	given := 0 // notices of this run, for the numbers of a compared run
	for i, s := range res.All() {
		w := changes[s.WindowName]
		if res.Changes != nil && !askAgain(w) {
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
			n.followUp(w, opt)
		}
		name := uniqueName(fmt.Sprintf("%0*d_%s_%s", width, i+1, safeName(s.WindowName), n.kind), ".docx", used)
		path := filepath.Join(dir, name)
		err := n.write(path)
		var m *MovedError
		switch {
		case errors.As(err, &m):
			path = m.Written
			if moved == nil {
				moved = m
			} else {
				moved.More++
			}
		case err != nil:
			return nil, fmt.Errorf("write notice %s: %w", name, err)
		}
		paths = append(paths, path)
	}
	if err := res.Err(); err != nil {
		return paths, err
	}
	slices.Sort(paths)
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
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(noticeTemplate), int64(len(noticeTemplate)))
	if err != nil {
		return fmt.Errorf("read template: %w", err)
	}
	defer r.Close()
	d := r.Editable()
	one := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	content := d.GetContent()
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
	d.SetContent(content)
	return writeAtomic(path, func(w io.Writer) error { return d.Write(w) })
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
