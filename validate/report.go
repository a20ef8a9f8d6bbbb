package validate

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"shenbao/parser/classify"
	"shenbao/parser/dept"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/idcard"
	"shenbao/validate/profile"
)

// ReportInput is what a check run gathered before its rules are applied.
type ReportInput struct {
	Items  []*intake.Item   // every item of the walk, sorted by Pos
	Pieces []*dossier.Piece // what the parse stage made of the leaves; let go once read
	// Dossiers are from dossier.Assemble. Report sets each entry to nil
	// once its Submission is made, so that the forms and the result are not
	// held together: the caller must not use them afterwards.
	Dossiers  []*dossier.Dossier
	WindowOf  map[string]string // item path → window, from dossier.Assemble
	Unmatched []scan.Record     // scan records of no window, from dossier.Assemble
	Problems  []scan.Problem    // scan metadata rows that could not be read

	// Rankings are the 实绩排序表 read (--rankings, or found among the
	// inputs); RankingsGiven says the run had some, so a window no ranking
	// lists is R01.
	Rankings      []dept.Ranking
	RankingsGiven bool
	// Joint are the returned 联审 sheets (--joint-review); JointProblems
	// the sheets that could not be used; JointGiven says the run had some,
	// so a department that has not answered is J02.
	Joint         []dept.JointReturn
	JointProblems []dept.Problem
	JointGiven    bool

	// Spill keeps the submissions in a temporary file, not in the Result's
	// Submissions, from their window's check on (see Result.All);
	// the caller closes the Result when done with it.
	Spill bool
}

// Report applies every rule of the profile to each dossier and builds the
// run's result: 文件清单 from the items, one Submission per dossier with its
// findings, and the findings that belong to no window. Every finding,
// attributed or not, passes through the profile's rules.levels and
// rules.disabled. now is the generation time and the day "not in the
// future" is judged against.
func Report(in ReportInput, p *profile.Profile, now time.Time) *Result {
	res := &Result{
		Profile:     p.Name,
		Title:       p.Title,
		GeneratedAt: now,
		Inputs:      []Input{},
		Submissions: []Submission{},
	}
	kinds := itemKinds(in.Pieces)
	// The 来源 line is made once per mail and shared by its items' rows:
	// held for the whole run, one copy per attachment added up.
	lines := map[*intake.Mail]string{}
	source := func(m *intake.Mail) string {
		if m == nil {
			return ""
		}
		l, ok := lines[m]
		if !ok {
			l = mailLine(m)
			lines[m] = l
		}
		return l
	}
	across := CheckAcross(in.Dossiers, p)
	ranked := checkRankings(in.Dossiers, in.Rankings, in.RankingsGiven)
	joint := checkJoint(in.Dossiers, in.Joint, in.JointProblems, p.JointReview, in.JointGiven)
	res.ScanPages = scanPages(in.Pieces, in.Dossiers)
	loose := append(append(unattributed(in, kinds), ranked.loose...), joint.loose...)
	in.Pieces = nil // read: the parsed pieces may go before the windows are checked
	// The windows are checked on every core: each one's rules read only
	// its dossier, the profile and what was worked out across windows
	// above. Each result goes to its window's place, so the order does not
	// depend on scheduling.
	mails := make([]string, len(in.Dossiers))
	for i, d := range in.Dossiers {
		mails[i] = source(d.Mail())
	}
	var keep func(i int, s *Submission)
	if in.Spill {
		keep = res.spillTo(len(in.Dossiers))
	} else {
		res.Submissions = make([]Submission, len(in.Dossiers))
		keep = func(i int, s *Submission) { res.Submissions[i] = *s }
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(in.Dossiers)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(in.Dossiers); i = int(next.Add(1) - 1) {
				d := in.Dossiers[i]
				extra := append(append(slices.Clone(across[i]), ranked.per[i]...), joint.per[i]...)
				across[i], ranked.per[i], joint.per[i] = nil, nil, nil
				if err := d.Open(); err != nil {
					// A fault of the program, not of the input; the form
					// it names stays nil, and the window is not let pass.
					extra = append(extra, materialFinding("M09", "申报材料的表格内容未能取回（程序内部错误）",
						"", d.Key, "请重新运行一次；仍出现时请把此登记表和所用版本报告给维护人员"))
				}
				s := submission(d, check(d, p, now, extra), mails[i])
				addDepartments(&s, ranked.places[i], joint.results[i], joint.departments, len(p.JointReview.Departments), in.RankingsGiven, in.JointGiven)
				keep(i, &s)
				in.Dossiers[i] = nil // its forms go while the result grows
				ranked.places[i], joint.results[i] = nil, nil
			}
		})
	}
	wg.Wait()
	// 文件清单 is made once the dossiers have gone, so that its rows and
	// the forms are not held together either.
	res.Inputs = slices.Grow(res.Inputs, len(in.Items))
	for _, it := range in.Items {
		res.Inputs = append(res.Inputs, inputRow(it, kinds[it], in.WindowOf[it.Path], source(it.Mail)))
	}
	res.Rankings, res.RankingsGiven = ranked.tables, in.RankingsGiven
	res.JointReview, res.JointGiven = joint.tables, in.JointGiven
	if in.JointGiven {
		res.JointDepartments = joint.departments
	}
	res.Unattributed = applyRules(loose, p)
	return res
}

// scanPages lists every analysed scan page in input order, with the window
// assembly gave it.
func scanPages(parsed []*dossier.Piece, ds []*dossier.Dossier) []seal.Page {
	type key struct {
		source string
		page   int
	}
	window := map[key]string{}
	for _, d := range ds {
		for _, pg := range d.ScanPages {
			window[key{pg.Source, pg.Page}] = pg.Window
		}
	}
	var out []seal.Page
	for _, pd := range parsed {
		for _, pg := range pd.ScanPages {
			pg.Window = window[key{pg.Source, pg.Page}]
			out = append(out, pg)
		}
	}
	return out
}

// check applies every rule of the profile to one dossier; across are its
// F11 findings. The result is filtered and levelled by the profile and
// sorted deterministically.
func check(d *dossier.Dossier, p *profile.Profile, now time.Time, across []finding.Finding) []finding.Finding {
	var fs []finding.Finding
	fs = append(fs, CheckMaterials(d, p)...)
	fs = append(fs, CheckScans(d, p)...)
	fs = append(fs, CheckApplication(d, p, now)...)
	fs = append(fs, CheckReview(d, p)...)
	fs = append(fs, d.Findings...)
	fs = append(fs, across...)
	return ApplyLevels(fs, p)
}

func inputRow(it *intake.Item, kind classify.Kind, window, source string) Input {
	label := kind.Label()
	if it.Container != "" {
		label = intake.ContainerLabel(it.Container)
	}
	status := it.Status
	if status == "" {
		status = intake.Parsed
	}
	return Input{
		Path:   it.Path,
		SHA256: it.SHA256,
		Kind:   label,
		Status: string(status),
		Reason: it.Reason,
		Window: window,
		Size:   it.Size,
		Name:   it.Name,
		Source: source,
	}
}

// mailLine is the 来源 text: sender, date and subject.
func mailLine(m *intake.Mail) string {
	if m == nil {
		return ""
	}
	var parts []string
	if m.From != "" {
		parts = append(parts, m.From)
	}
	if !m.Date.IsZero() {
		parts = append(parts, m.Date.Format("2006-01-02 15:04"))
	}
	if m.Subject != "" {
		parts = append(parts, "主题："+m.Subject)
	}
	return strings.Join(parts, "，")
}

func submission(d *dossier.Dossier, fs []finding.Finding, mail string) Submission {
	s := Submission{
		WindowName:     d.Window,
		Unit:           d.Unit,
		RecommendForms: []string{},
		Staff:          []Staff{},
		ReviewRows:     []ReviewRow{},
		Photos:         photos(d),
		Sources:        []string{},
		Findings:       fs,
		JointReview:    []JointResult{},
		Conclusion:     finding.Conclude(fs),
		Application:    "缺",
		Review:         reviewColumn(d),
		Mail:           mail,
	}
	if s.Findings == nil {
		s.Findings = []finding.Finding{}
	}
	if a := d.Application; a != nil {
		f := a.Form
		s.Application = "✓ " + a.Format
		s.RecommendForms = append(s.RecommendForms, f.Checked()...)
		s.Honors = f.Value("honors")
		s.Duties = f.Value("duties")
		s.Deeds = f.Value("deeds")
		s.DeedsChars = WordCount(s.Deeds)
		for _, person := range f.Staff {
			s.Staff = append(s.Staff, Staff{
				Name:     person.Name,
				IDMasked: idcard.Mask(person.ID),
				ID:       person.ID,
				Gender:   idcard.Gender(person.ID),
				Birth:    idcard.Birth(person.ID),
			})
		}
	} else if len(d.NonWord) > 0 {
		s.Application = "非WORD格式"
	}
	for _, r := range d.Rows {
		s.ReviewRows = append(s.ReviewRows, reviewRow(r))
	}
	for _, it := range d.Items {
		if it.Status != intake.Superseded {
			s.Sources = append(s.Sources, it.Path)
		}
	}
	return s
}

func reviewColumn(d *dossier.Dossier) string {
	word := d.Review != nil
	scans := len(d.Scans) > 0 || len(d.ScanImages) > 0
	switch {
	case word && scans:
		return "电子版+扫描件"
	case word:
		return "仅电子版"
	case scans:
		return "仅扫描件"
	}
	return "缺"
}

func photos(d *dossier.Dossier) Photos {
	ph := Photos{Environment: []string{}, Work: []string{}}
	for _, p := range d.Photos {
		if p.Item.Status == intake.Superseded {
			continue
		}
		switch p.Category {
		case "environment":
			ph.Environment = append(ph.Environment, p.Item.Name)
		case "work":
			ph.Work = append(ph.Work, p.Item.Name)
		default:
			ph.Unsorted = append(ph.Unsorted, p.Item.Name)
		}
	}
	return ph
}

// reviewRow shows one merged review row: ✓, or what is missing, then where
// the evidence came from.
func reviewRow(r dossier.Row) ReviewRow {
	row := ReviewRow{Role: r.Role, Opinion: r.Opinion, Signed: tri(r.Signed), Stamped: tri(r.Stamped)}
	if !r.Date.IsZero() {
		row.Date = r.Date.Format("2006-01-02")
	}
	if !r.Found {
		row.Cell = "缺"
		if r.Unread {
			row.Cell = "待核（扫描件未能识别）"
		}
		return row
	}
	// A row known only from a scan page's seal analysis: its opinion and
	// date were not read, and its signature is not judged.
	var missing []string
	if r.Opinion == "" && !r.Unread {
		missing = append(missing, "缺意见")
	}
	mark := r.Signed
	word := "签字"
	if r.Needs == "盖章" {
		mark, word = r.Stamped, "盖章"
	}
	switch {
	case mark == scan.No:
		missing = append(missing, "缺"+word)
	case mark == scan.Unknown && r.Unread && r.Needs != "盖章":
		missing = append(missing, word+"未识别")
	case mark == scan.Unknown:
		missing = append(missing, word+"待核")
	}
	if r.Date.IsZero() && !r.Unread {
		missing = append(missing, "缺日期")
	}
	cell := "✓"
	if len(missing) > 0 {
		cell = strings.Join(missing, " ")
	}
	var from []string
	for _, src := range []string{r.OpinionFrom, r.DateFrom, r.MarkFrom} {
		if src != "" && !slices.Contains(from, src) {
			from = append(from, src)
		}
	}
	if len(from) > 0 {
		// The source goes on its own line: in the register's narrow review
		// columns a bracketed source wraps to leave a lone "）" below.
		cell += "\n" + strings.Join(from, "+")
	}
	row.Cell = cell
	return row
}

func tri(t scan.Tri) *bool {
	switch t {
	case scan.Yes:
		v := true
		return &v
	case scan.No:
		v := false
		return &v
	}
	return nil
}

// unattributed lists what belongs to no window: scan records that match
// none, bad metadata rows, and unreadable files that could not be
// attributed — so nothing the clerk must see is only in 文件清单. The
// profile's rules are not applied yet.
func unattributed(in ReportInput, kinds map[*intake.Item]classify.Kind) []finding.Finding {
	out := dossier.UnmatchedFindings(in.Unmatched)
	s03, _ := finding.Lookup("S03")
	for _, pr := range in.Problems {
		loc := pr.Source
		if pr.Row > 0 {
			loc = fmt.Sprintf("%s 第%d行", pr.Source, pr.Row)
		}
		out = append(out, finding.Finding{
			Code:     "S03",
			Level:    s03.Level,
			Message:  pr.Message,
			Location: loc,
			Fix:      "请检查并更正扫描记录文件中的这一行",
		})
	}
	m09, _ := finding.Lookup("M09")
	for _, it := range in.Items {
		if it.Status != intake.Failed || in.WindowOf[it.Path] != "" {
			continue
		}
		out = append(out, finding.Finding{
			Code:     "M09",
			Level:    m09.Level,
			Message:  fmt.Sprintf("文件“%s”无法解析：%s", it.Name, it.Reason),
			Location: it.Path,
			Fix:      unreadableFix(kinds[it]),
		})
	}
	return out
}

// itemKinds is each item's kind from its pieces: BothForms for an item
// dossier.Pieces split into a 申报表 and a 初审表.
func itemKinds(pieces []*dossier.Piece) map[*intake.Item]classify.Kind {
	kinds := make(map[*intake.Item]classify.Kind, len(pieces))
	for _, pd := range pieces {
		if prev := kinds[pd.Item]; prev != "" && prev != pd.Kind {
			kinds[pd.Item] = classify.BothForms
			continue
		}
		kinds[pd.Item] = pd.Kind
	}
	return kinds
}

// unreadableFix is what to do about a file no window owns that could not
// be read: a department's table goes back to the department.
func unreadableFix(k classify.Kind) string {
	switch k {
	case classify.Ranking:
		return "请联系报送该实绩排序表的行业主管部门，另存为 .xlsx 或 .xls 后重新发送"
	case classify.JointReturn:
		return "请联系返回该联审结果的部门，另存为 .xlsx 或 .xls 后重新发送"
	}
	return "无法判断所属窗口，请人工查看该文件，必要时联系发件人重新发送"
}
