package export

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nguyenthenguyen/docx"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// reportTemplate is report/template.docx, made by report/make.sh from
// report/template.fodt with LibreOffice. Each placeholder sits whole in one
// w:t element; the unit table's second row is the row template.
//
//go:embed report/template.docx
var reportTemplate []byte

// ReportOptions fill the parts of the 审查情况报告 that are not the run's.
type ReportOptions struct {
	Title    string    // campaign title; if empty, res.Title
	Issuer   string    // the office that reports (profile notice.issuer)
	Deadline string    // resubmission deadline (profile notice.deadline); if empty, 通知规定的期限内
	Date     time.Time // the report date; if zero, res.GeneratedAt
}

// reportTopProblems and reportExamples bound the problem paragraph.
const (
	reportTopProblems = 5
	reportExamples    = 2
	reportTopUnits    = 3
)

// Report is the text of the 审查情况报告: what WriteReport puts in the
// template, section by section. Headings carry their own numbers, so a
// section that has nothing to say (the comparison without --previous) is
// left out without a gap in the numbering.
type Report struct {
	Title, Date, Issuer string
	Sections            []ReportSection
	Units               [][5]string // the unit table: 所属单位, 窗口数, 合规, 需补正, 待核查; the last row is 合计
}

// ReportSection is one numbered heading and its paragraphs.
type ReportSection struct {
	Key        string // overview, changes, problems, units, next
	Heading    string
	Paragraphs []string
}

// WriteReport writes the 审查情况报告 for res to path atomically.
func WriteReport(path string, res *validate.Result, opt ReportOptions) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	rep := BuildReport(res, opt)
	if err := res.Err(); err != nil {
		return err
	}
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(reportTemplate), int64(len(reportTemplate)))
	if err != nil {
		return fmt.Errorf("read report template: %w", err)
	}
	defer r.Close()
	d := r.Editable()
	content := d.GetContent()
	for _, key := range []string{"overview", "changes", "problems", "units", "next"} {
		ph := strings.ToUpper(key)
		var head, paras []string
		for _, s := range rep.Sections {
			if s.Key == key {
				head, paras = []string{s.Heading}, s.Paragraphs
			}
		}
		content = expandParagraph(content, "{{HEAD"+ph+"}}", head)
		content = expandParagraph(content, "{{"+ph+"}}", paras)
	}
	content = expandRow(content, []string{"{{UNIT}}", "{{WINDOWS}}", "{{OK}}", "{{FIX}}", "{{REVIEW}}"}, rep.Units)
	d.SetContent(content)
	for _, f := range []struct{ ph, text string }{
		{"{{TITLE}}", rep.Title}, {"{{DATE}}", rep.Date}, {"{{ISSUER}}", rep.Issuer},
	} {
		if err := d.Replace(f.ph, oneLine(f.text), -1); err != nil {
			return fmt.Errorf("fill %s: %w", f.ph, err)
		}
	}
	return writeAtomic(path, func(w io.Writer) error { return d.Write(w) })
}

// expandRow replaces the w:tr element holding the placeholders phs with one
// copy per row of values, each placeholder replaced by its XML-escaped
// value. With no rows the row is removed.
func expandRow(content string, phs []string, rows [][5]string) string {
	at := strings.Index(content, phs[0])
	if at < 0 {
		return content
	}
	start := max(strings.LastIndex(content[:at], "<w:tr>"), strings.LastIndex(content[:at], "<w:tr "))
	end := strings.Index(content[at:], "</w:tr>")
	if start < 0 || end < 0 {
		return content
	}
	end += at + len("</w:tr>")
	tr := content[start:end]
	var b strings.Builder
	for _, row := range rows {
		out := tr
		for i, ph := range phs {
			var esc bytes.Buffer
			_ = xml.EscapeText(&esc, []byte(oneLine(row[i])))
			out = strings.Replace(out, ph, esc.String(), 1)
		}
		b.WriteString(out)
	}
	return content[:start] + b.String() + content[end:]
}

var sectionNumbers = []string{"一", "二", "三", "四", "五", "六"}

// BuildReport writes the report's sentences for res. It is deterministic:
// ties are broken by catalogue order and names.
func BuildReport(res *validate.Result, opt ReportOptions) *Report {
	if opt.Title == "" {
		opt.Title = res.Title
	}
	if opt.Deadline == "" {
		opt.Deadline = "通知规定的期限内"
	}
	if opt.Date.IsZero() {
		opt.Date = res.GeneratedAt
	}
	rep := &Report{Title: opt.Title, Date: chineseDate(opt.Date), Issuer: opt.Issuer}
	units, total := tallyUnits(res)
	add := func(key, heading string, paras ...string) {
		if len(paras) == 0 {
			return
		}
		n := sectionNumbers[min(len(rep.Sections), len(sectionNumbers)-1)]
		rep.Sections = append(rep.Sections, ReportSection{Key: key, Heading: n + "、" + heading, Paragraphs: paras})
	}
	add("overview", "基本情况", overviewText(res, units, total, rep.Date))
	if res.Changes != nil {
		add("changes", "与上次审查相比", changesText(res.Changes, total, opt.Date)...)
	}
	add("problems", "主要问题", problemsText(res)...)
	add("units", "各单位情况", unitsText(res, units))
	add("next", "下一步工作", nextText(res, total, opt.Deadline))
	for _, u := range units {
		rep.Units = append(rep.Units, [5]string{u.unit, strconv.Itoa(u.windows), strconv.Itoa(u.ok), strconv.Itoa(u.fix), strconv.Itoa(u.needsReview)})
	}
	rep.Units = append(rep.Units, [5]string{"合计", strconv.Itoa(total.windows), strconv.Itoa(total.ok), strconv.Itoa(total.fix), strconv.Itoa(total.needsReview)})
	return rep
}

// Text is the report as plain text, one paragraph a line, for golden files
// and logs.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n申报材料审查情况报告\n（截至%s）\n", r.Title, r.Date)
	for _, s := range r.Sections {
		b.WriteString(s.Heading + "\n")
		for _, p := range s.Paragraphs {
			b.WriteString(p + "\n")
		}
		if s.Key == "units" {
			b.WriteString("所属单位 | 窗口数 | 合规 | 需补正 | 待核查\n")
			for _, u := range r.Units {
				b.WriteString(strings.Join(u[:], " | ") + "\n")
			}
		}
	}
	fmt.Fprintf(&b, "%s\n%s\n", r.Issuer, r.Date)
	return b.String()
}

func overviewText(res *validate.Result, units []unitTally, total unitTally, date string) string {
	named, unnamed := 0, 0
	for _, u := range units {
		if u.unit == unitLabel("") {
			unnamed = u.windows
		} else {
			named++
		}
	}
	s := fmt.Sprintf("截至%s，共收到%d个单位报送的%d个窗口的申报材料", date, named, total.windows)
	if unnamed > 0 {
		s += fmt.Sprintf("（其中%d个窗口未填写所属单位）", unnamed)
	}
	s += fmt.Sprintf("。经逐项审查，材料合规的%d个，需补正的%d个，待核查的%d个。", total.ok, total.fix, total.needsReview)
	if n := inputCounts(res)["failed"]; n > 0 {
		s += fmt.Sprintf("另有%d个文件无法打开或解析，已在登记表“文件清单”中列明。", n)
	}
	return s
}

// changesText compares with the previous run: how the conclusions moved
// and how many findings were closed, are new and remain.
func changesText(ch *validate.Changes, total unitTally, now time.Time) []string {
	n := ch.Counts()
	var before unitTally
	for _, w := range ch.Windows {
		if w.Before != "" {
			before.add(w.Before)
		}
	}
	for _, g := range ch.GoneWindows {
		before.add(g.Before)
	}
	prev := ch.PreviousGeneratedAt.In(now.Location())
	when := chineseDate(prev)
	if when == chineseDate(now) {
		when += prev.Format("15时04分")
	}
	s := fmt.Sprintf("与%s的审查相比，", when) + strings.Join([]string{
		moved("窗口数", before.windows, total.windows), moved(finding.Compliant, before.ok, total.ok),
		moved(finding.NeedsFix, before.fix, total.fix), moved(finding.NeedsReview, before.needsReview, total.needsReview),
	}, "，") + "。"
	var parts []string
	if n.NewWindows > 0 {
		parts = append(parts, fmt.Sprintf("新报送%d个窗口", n.NewWindows))
	}
	if n.GoneWindows > 0 {
		parts = append(parts, fmt.Sprintf("%d个窗口本次未出现", n.GoneWindows))
	}
	if n.Improved > 0 {
		part := fmt.Sprintf("%d个窗口补正后结论好转", n.Improved)
		var nowOK []string
		for _, w := range ch.Windows {
			if w.Before != "" && w.Before != finding.Compliant && w.After == finding.Compliant {
				nowOK = append(nowOK, w.WindowName)
			}
		}
		if len(nowOK) > 0 {
			more := ""
			if len(nowOK) > reportExamples+1 {
				nowOK, more = nowOK[:reportExamples+1], "等"
			}
			part += fmt.Sprintf("（其中%s%s已转为合规）", strings.Join(nowOK, "、"), more)
		}
		parts = append(parts, part)
	}
	if n.Worsened > 0 {
		parts = append(parts, fmt.Sprintf("%d个窗口结论变差", n.Worsened))
	}
	if len(parts) > 0 {
		s += strings.Join(parts, "，") + "。"
	}
	t := fmt.Sprintf("上次发现的问题中，已补正销号%d项，仍未补正%d项", n.Closed, n.Open)
	if n.StillOpen > 0 {
		t += fmt.Sprintf("（其中%d项已连续3次审查未补正）", n.StillOpen)
	}
	t += fmt.Sprintf("；本次新发现问题%d项。", n.New)
	if n.ClosedWithoutFile > 0 {
		t += fmt.Sprintf("有%d项问题在未收到新文件的情况下不再出现，请工作人员复核。", n.ClosedWithoutFile)
	}
	return []string{s, t}
}

// moved says how a count went from a to b: 由4个减至3个, 仍为1个.
func moved(what string, a, b int) string {
	switch {
	case b > a:
		return fmt.Sprintf("%s由%d个增至%d个", what, a, b)
	case b < a:
		return fmt.Sprintf("%s由%d个减至%d个", what, a, b)
	}
	return fmt.Sprintf("%s仍为%d个", what, b)
}

// problemCount is one code's tally for the report.
type problemCount struct {
	code, name string
	findings   int
	windows    []string // window names, in register order
	order      int      // catalogue position
}

// topProblems are the most common codes of level 错误 or 待核查 by the
// number of windows they occur in, then findings, then catalogue order.
func topProblems(res *validate.Result) []problemCount {
	by := map[string]*problemCount{}
	for _, s := range res.All() {
		for _, f := range s.Findings {
			if f.Level == finding.Info {
				continue
			}
			p, ok := by[f.Code]
			if !ok {
				p = &problemCount{code: f.Code, name: f.Code, order: len(finding.Codes)}
				if c, ok := finding.Lookup(f.Code); ok {
					p.name = c.Name
					p.order = slices.IndexFunc(finding.Codes, func(x finding.Code) bool { return x.Code == f.Code })
				}
				by[f.Code] = p
			}
			p.findings++
			if !slices.Contains(p.windows, s.WindowName) {
				p.windows = append(p.windows, s.WindowName)
			}
		}
	}
	var out []problemCount
	for _, p := range by {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b problemCount) int {
		return cmp.Or(cmp.Compare(len(b.windows), len(a.windows)), cmp.Compare(b.findings, a.findings),
			cmp.Compare(a.order, b.order), cmp.Compare(a.code, b.code))
	})
	return out
}

func problemsText(res *validate.Result) []string {
	top := topProblems(res)
	if len(top) == 0 {
		return []string{"本次审查未发现需要补正或核查的问题。"}
	}
	shown := top[:min(len(top), reportTopProblems)]
	paras := []string{fmt.Sprintf("共发现需补正或核查的问题%d类，最常见的%d类是：", len(top), len(shown))}
	for i, p := range shown {
		ex := p.windows[:min(len(p.windows), reportExamples)]
		s := fmt.Sprintf("（%s）%s：%d个窗口", sectionNumbers[i], p.name, len(p.windows))
		if p.findings > len(p.windows) {
			s += fmt.Sprintf("共%d处", p.findings)
		}
		if len(p.windows) > len(ex) {
			s += "，如" + strings.Join(ex, "、") + "等"
		} else {
			s += "（" + strings.Join(ex, "、") + "）"
		}
		paras = append(paras, s+"。")
	}
	return paras
}

func unitsText(res *validate.Result, units []unitTally) string {
	sorted := slices.Clone(units)
	slices.SortStableFunc(sorted, func(a, b unitTally) int { return cmp.Compare(b.fix, a.fix) })
	var most []string
	for _, u := range sorted {
		if u.fix < 2 || len(most) == reportTopUnits {
			break
		}
		if u.unit != unitLabel("") {
			most = append(most, fmt.Sprintf("%s（%d个）", u.unit, u.fix))
		}
	}
	withFix, unnamedFix := 0, 0
	for _, u := range units {
		switch {
		case u.unit == unitLabel(""):
			unnamedFix = u.fix
		case u.fix > 0:
			withFix++
		}
	}
	s := fmt.Sprintf("各单位窗口的审查结论见下表。需补正的窗口分布在%d个单位", withFix)
	switch {
	case len(most) > 0:
		s += "，较多的是" + strings.Join(most, "、")
	case withFix > 0:
		s += "，每个单位各1个"
	case unnamedFix == 0:
		return "各单位窗口的审查结论见下表，没有需补正的窗口。"
	}
	if unnamedFix > 0 {
		s += fmt.Sprintf("；另有%d个需补正的窗口未填写所属单位", unnamedFix)
	}
	return s + "。"
}

// nextText says what happens next. In a compared run only the windows with
// something new to ask get a new notice (followUps, as WriteNotices writes
// them); the others' earlier notices still stand, and the text says so.
func nextText(res *validate.Result, total unitTally, deadline string) string {
	var parts []string
	again, stands := followUps(res)
	switch {
	case total.fix == 0:
	case stands == 0:
		parts = append(parts, fmt.Sprintf("对需补正的%d个窗口逐一发出《材料补正一次性告知书》，请其于%s按要求一次性补正并重新报送", total.fix, deadline))
	case again == 0:
		parts = append(parts, fmt.Sprintf("需补正的%d个窗口与上次相比没有新的补正要求，前次告知书仍然有效，督促其于%s按要求一次性补正并重新报送", total.fix, deadline))
	default:
		parts = append(parts, fmt.Sprintf("需补正的%d个窗口中，有新补正要求的%d个本次发出《材料补正一次性告知书》，另有%d个的前次告知书仍然有效；请各窗口于%s按要求一次性补正并重新报送",
			total.fix, again, stands, deadline))
	}
	if total.needsReview > 0 {
		parts = append(parts, fmt.Sprintf("待核查的%d个窗口由工作人员对照原件人工核实", total.needsReview))
	}
	if len(parts) == 0 {
		return "全部窗口材料合规，按程序转入下一环节。"
	}
	return "下一步，" + strings.Join(parts, "；") + "。收到补正材料后将再次审查，并报告变化情况。"
}
