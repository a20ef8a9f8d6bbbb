package export

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nguyenthenguyen/docx"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// noticeTemplate is notice/template.docx, made by notice/make.sh from
// notice/template.fodt with LibreOffice. Each placeholder sits whole in one
// w:t element.
//
//go:embed notice/template.docx
var noticeTemplate []byte

// Placeholders of the notice template.
const (
	phTitle    = "{{TITLE}}"
	phWindow   = "{{WINDOW}}"
	phUnit     = "{{UNIT}}"
	phDate     = "{{DATE}}"
	phFindings = "{{FINDINGS}}"
	phDeadline = "{{DEADLINE}}"
	phContact  = "{{CONTACT}}"
	phIssuer   = "{{ISSUER}}"
)

// NoticeOptions fill the parts of a notice that are not the window's own.
type NoticeOptions struct {
	Title    string    // campaign title; if empty, res.Title
	Deadline string    // resubmission deadline (profile notice.deadline); if empty, 通知规定的期限内
	Contact  string    // contact line (profile notice.contact)
	Issuer   string    // the office that signs (profile notice.issuer)
	Date     time.Time // the notice date; if zero, res.GeneratedAt
}

// WriteNotices writes one 材料补正一次性告知书 (.docx) into dir for every
// submission whose conclusion is not 合规, each atomically, and returns the
// written paths, sorted. File names are <序号>_<窗口名称>_材料补正一次性告知书.docx
// with 序号 as in 登记表, safe on Windows and unique. A missing dir is
// created (its parent must exist).
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
	width := max(2, len(strconv.Itoa(len(res.Submissions))))
	used := map[string]bool{}
	var paths []string
	for i := range res.Submissions {
		s := &res.Submissions[i]
		if s.Conclusion == finding.Compliant {
			continue
		}
		name := uniqueName(fmt.Sprintf("%0*d_%s_材料补正一次性告知书", width, i+1, safeName(s.WindowName)), ".docx", used)
		path := filepath.Join(dir, name)
		if err := writeNotice(path, s, opt); err != nil {
			return nil, fmt.Errorf("write notice %s: %w", name, err)
		}
		paths = append(paths, path)
	}
	slices.Sort(paths)
	return paths, nil
}

// writeNotice fills the template for s and writes it to path.
func writeNotice(path string, s *validate.Submission, opt NoticeOptions) error {
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(noticeTemplate), int64(len(noticeTemplate)))
	if err != nil {
		return fmt.Errorf("read template: %w", err)
	}
	defer r.Close()
	d := r.Editable()
	d.SetContent(expandParagraph(d.GetContent(), phFindings, noticeLines(s.Findings)))
	fills := []struct{ ph, text string }{
		{phTitle, opt.Title},
		{phWindow, s.WindowName},
		{phUnit, s.Unit},
		{phDate, opt.Date.Format("2006年1月2日")},
		{phDeadline, opt.Deadline},
		{phContact, opt.Contact},
		{phIssuer, opt.Issuer},
	}
	for _, f := range fills {
		if err := d.Replace(f.ph, oneLine(f.text), -1); err != nil {
			return fmt.Errorf("fill %s: %w", f.ph, err)
		}
	}
	return writeAtomic(path, func(w io.Writer) error { return d.Write(w) })
}

// levelOrder puts errors first, then what needs review, then hints.
func levelOrder(l finding.Level) int {
	switch l {
	case finding.Error:
		return 0
	case finding.Review:
		return 1
	}
	return 2
}

// noticeLines are the numbered lines of the notice, one per finding:
// "1. 【F04】（错误）message；补正要求：fix".
func noticeLines(fs []finding.Finding) []string {
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b finding.Finding) int {
		return levelOrder(a.Level) - levelOrder(b.Level)
	})
	lines := make([]string, len(sorted))
	for i, f := range sorted {
		line := fmt.Sprintf("%d. 【%s】（%s）%s", i+1, f.Code, f.Level.Label(), f.Message)
		if f.Fix != "" {
			line += "；补正要求：" + f.Fix
		}
		lines[i] = oneLine(line)
	}
	return lines
}

// oneLine folds line breaks and tabs into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
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

// safeName makes s usable as part of a file name on Windows, macOS and
// Linux: reserved characters and control characters become _, trailing dots
// and spaces go, reserved device names get a leading _, and the result is at
// most 60 characters.
func safeName(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 60 {
			break
		}
		switch {
		case r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r):
			r = '_'
		}
		b.WriteRune(r)
		n++
	}
	out := strings.TrimRight(strings.TrimSpace(b.String()), ". ")
	if out == "" {
		return "未命名窗口"
	}
	base := strings.ToUpper(out)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	if reservedName(base) {
		out = "_" + out
	}
	return out
}

// reservedName reports whether name is a Windows device name.
func reservedName(name string) bool {
	switch name {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(name) == 4 && (strings.HasPrefix(name, "COM") || strings.HasPrefix(name, "LPT")) {
		return name[3] >= '0' && name[3] <= '9'
	}
	for _, p := range []string{"COM", "LPT"} {
		for _, sup := range []string{"¹", "²", "³"} {
			if name == p+sup {
				return true
			}
		}
	}
	return false
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
