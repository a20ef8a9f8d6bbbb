package validate

import (
	"fmt"
	"slices"
	"strings"

	"shenbao/parser/dept"
	"shenbao/parser/text"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/idcard"
)

const jointField = "部门联审"

// person is one staff member of a window.
type person struct {
	win, idx int // dossier and staff index
	name, id string
}

// jointResult is one department's result for one person.
type jointResult struct {
	status, text, where string
}

// jointOutcome is what the returned 联审 sheets say about the windows.
type jointOutcome struct {
	tables      []JointTable
	departments []string                         // 联审名单 columns
	results     []map[int]map[string]jointResult // per dossier: staff index → department → result
	per         [][]finding.Finding              // per dossier: J01, J02, J03
	loose       []finding.Finding                // J03 of no window
}

// checkJoint matches every returned row to a person — by full ID, else by
// name within the row's window (a masked ID must agree with the person's)
// — judges its text with the department's “nothing found” words, and finds
// J01 (a negative finding), J02 (a profile department with no result for a
// person, when given is true: the run had 联审 returns) and J03 (a row of
// no person, or an ID that differs).
func checkJoint(ds []*dossier.Dossier, rets []dept.JointReturn, probs []dept.Problem, spec dept.JointSpec, given bool) jointOutcome {
	out := jointOutcome{results: make([]map[int]map[string]jointResult, len(ds)), per: make([][]finding.Finding, len(ds))}
	for _, d := range spec.Departments {
		out.departments = append(out.departments, d.Name)
	}
	var people []person
	byID := map[string][]int{}
	byName := map[string][]int{}
	for i, d := range ds {
		if d.Application == nil {
			continue
		}
		for j, st := range d.Application.Staff() {
			p := person{win: i, idx: j, name: st.Name, id: normID(st.ID)}
			people = append(people, p)
			if p.id != "" {
				byID[p.id] = append(byID[p.id], len(people)-1)
			}
			if p.name != "" {
				byName[text.Fold(p.name)] = append(byName[text.Fold(p.name)], len(people)-1)
			}
		}
	}
	m := dossier.NewMatcher(ds)
	for _, r := range rets {
		name := r.Department
		if name == "" {
			name = noDepartment
		}
		if !slices.Contains(out.departments, name) {
			out.departments = append(out.departments, name)
		}
		words := clearWords(r, spec)
		t := JointTable{Department: name, Source: r.Source, Sheet: r.Sheet, Rows: []JointRow{}}
		where := sheetPlace(r.Source, r.Sheet)
		for _, row := range r.Rows {
			loc := fmt.Sprintf("%s 第%d行", where, row.Line)
			status := judge(row.Text, words)
			jr := JointRow{Name: row.Name, IDMasked: idcard.Mask(normID(row.ID)), Result: status, Text: row.Text, Line: row.Line}
			pi, win, why := findPerson(people, byID, byName, m, row)
			if pi < 0 {
				f := newFinding("J03", fmt.Sprintf("%s的联审反馈中“%s”（%s）%s", name, row.Name, orNone(jr.IDMasked), why), jointField, loc,
					"请核对该行的姓名、身份证号码和窗口名称")
				if win >= 0 {
					out.per[win] = append(out.per[win], f)
					jr.Window = ds[win].Window
				} else {
					out.loose = append(out.loose, f)
				}
				t.Rows = append(t.Rows, jr)
				continue
			}
			p := people[pi]
			jr.Window = ds[p.win].Window
			if why != "" {
				out.per[p.win] = append(out.per[p.win], newFinding("J03", fmt.Sprintf("%s的联审反馈中“%s”%s", name, row.Name, why), jointField, loc,
					"请核对申报表与联审反馈中的身份证号码"))
			}
			if out.results[p.win] == nil {
				out.results[p.win] = map[int]map[string]jointResult{}
			}
			got := out.results[p.win][p.idx]
			if got == nil {
				got = map[string]jointResult{}
				out.results[p.win][p.idx] = got
			}
			if prev, ok := got[name]; !ok || worse(status, prev.status) {
				got[name] = jointResult{status: status, text: row.Text, where: loc}
			}
			t.Rows = append(t.Rows, jr)
		}
		out.tables = append(out.tables, t)
	}
	for _, pr := range probs {
		out.loose = append(out.loose, newFinding("J03", "联审反馈无法使用："+pr.Message, jointField, sheetPlace(pr.Source, pr.Sheet),
			"请在反馈表的标题或文件名中写明联审部门，并填写本部门的结果列"))
	}
	for i, d := range ds {
		out.per[i] = append(out.per[i], jointFindings(d, out.results[i], spec, given)...)
	}
	return out
}

// findPerson returns the index in people of the row's person, or -1 with
// the reason and the window the row names (-1 when none). why is also set
// for a person found whose ID differs.
func findPerson(people []person, byID, byName map[string][]int, m *dossier.Matcher, row dept.JointRow) (pi, win int, why string) {
	id := normID(row.ID)
	full := id != "" && !strings.Contains(id, "*")
	wins := m.Candidates(row.Window)
	if len(wins) > 1 && row.Unit != "" {
		if same := byUnit(wins, row.Unit); len(same) > 0 {
			wins = same
		}
	}
	win = -1
	if len(wins) == 1 {
		for i := range people {
			if m.Is(people[i].win, wins[0]) {
				win = people[i].win
				break
			}
		}
	}
	if full {
		if list := byID[id]; len(list) == 1 {
			p := people[list[0]]
			if row.Name != "" && text.Fold(row.Name) != text.Fold(p.name) {
				return list[0], p.win, fmt.Sprintf("的身份证号码属于“%s”，姓名不一致", p.name)
			}
			return list[0], p.win, ""
		}
	}
	// By name, within the row's window when it names one.
	var cands []int
	for _, k := range byName[text.Fold(row.Name)] {
		if row.Window == "" || slices.ContainsFunc(wins, func(d *dossier.Dossier) bool { return m.Is(people[k].win, d) }) {
			cands = append(cands, k)
		}
	}
	if len(cands) > 1 && id != "" {
		cands = slices.DeleteFunc(cands, func(k int) bool { return !sameVisible(id, people[k].id) })
	}
	switch len(cands) {
	case 1:
		p := people[cands[0]]
		if id != "" && !sameVisible(id, p.id) {
			if idcard.Mask(id) == idcard.Mask(p.id) {
				return cands[0], p.win, fmt.Sprintf("的身份证号码（%s）与申报表中的号码在被遮盖的中间几位不一致", idcard.Mask(id))
			}
			return cands[0], p.win, fmt.Sprintf("的身份证号码（%s）与申报表（%s）不一致", idcard.Mask(id), orNone(idcard.Mask(p.id)))
		}
		return cands[0], p.win, ""
	case 0:
		if row.Window != "" && len(wins) == 0 {
			return -1, -1, fmt.Sprintf("无法对应：窗口“%s”不在本次审查的窗口中", row.Window)
		}
		return -1, win, "无法对应到申报表中的人员"
	}
	return -1, win, "可对应多人（同名），请补充身份证号码或窗口名称"
}

// sameVisible reports whether two ID numbers agree where both are
// visible: a masked one (210302********1234) agrees with the full one in
// its first six and last four characters.
func sameVisible(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if !strings.Contains(a, "*") && !strings.Contains(b, "*") {
		return a == b
	}
	if len(a) != len(b) || len(a) < 10 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != '*' && b[i] != '*' && a[i] != b[i] {
			return false
		}
	}
	return true
}

func normID(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	s = strings.NewReplacer("＊", "*", "ｘ", "X", "Ｘ", "X").Replace(s)
	return s
}

func orNone(s string) string {
	if s == "" {
		return "无身份证号码"
	}
	return s
}

// worse orders results: 有问题 over 无问题 over 未填写.
func worse(a, b string) bool {
	rank := map[string]int{JointBlank: 0, JointClear: 1, JointProblem: 2}
	return rank[a] > rank[b]
}

// clearWords are the “nothing found” words and the fillers around them for
// the department of r.
type clear struct{ words, fillers []string }

func clearWords(r dept.JointReturn, spec dept.JointSpec) clear {
	c := clear{}
	for _, w := range spec.ClearWords {
		c.words = append(c.words, text.Fold(w))
	}
	for _, w := range spec.Fillers {
		c.fillers = append(c.fillers, text.Fold(w))
	}
	if d, ok := dept.FindDepartment(r.Department, spec.Departments); ok {
		for _, w := range d.ClearWords {
			c.words = append(c.words, text.Fold(w))
		}
		for _, w := range d.Columns {
			c.fillers = append(c.fillers, text.Fold(w))
		}
	}
	// Longer fillers first, so 违法犯罪 goes before 违法.
	slices.SortStableFunc(c.fillers, func(a, b string) int { return len(b) - len(a) })
	return c
}

// judge normalises a result text: blank is 未填写; a “nothing found” word,
// alone or with fillers around it (经查，无违法犯罪记录; 未发现该同志存在问题),
// is 无问题; anything else is 有问题.
func judge(result string, c clear) string {
	f := text.Fold(result)
	if f == "" {
		return JointBlank
	}
	if slices.Contains(c.words, f) {
		return JointClear
	}
	rest := f
	for _, w := range c.fillers {
		if w != "" {
			rest = strings.ReplaceAll(rest, w, "")
		}
	}
	for _, w := range c.words {
		if w == "" {
			continue
		}
		if tail, ok := strings.CutPrefix(rest, w); ok && (tail == "" || tail == "有" || tail == "存在") {
			return JointClear
		}
	}
	return JointProblem
}

// jointFindings are J01 for each negative result and J02 for each profile
// department that has not given a result for every person of d.
func jointFindings(d *dossier.Dossier, res map[int]map[string]jointResult, spec dept.JointSpec, given bool) []finding.Finding {
	var fs []finding.Finding
	staff := jointStaff(d)
	for j, st := range staff {
		for _, dn := range sortedDepartments(res[j]) {
			r := res[j][dn]
			if r.status != JointProblem {
				continue
			}
			fs = append(fs, newFinding("J01", fmt.Sprintf("%s联审反馈：%s（%s）%s", dn, st.Name, orNone(idcard.Mask(st.ID)), r.text), jointField+"·"+dn, r.where,
				"部门联审反馈了负面情况，请向该部门核实；情况属实的，按评选规定处理"))
		}
	}
	if !given || len(staff) == 0 {
		return fs
	}
	for _, dp := range spec.Departments {
		var missing, blank []string
		for j, st := range staff {
			r, ok := res[j][dp.Name]
			switch {
			case !ok:
				missing = append(missing, st.Name)
			case r.status == JointBlank:
				blank = append(blank, st.Name)
			}
		}
		if len(missing) > 0 {
			fs = append(fs, newFinding("J02", fmt.Sprintf("%s尚未反馈%s的联审结果", dp.Name, strings.Join(missing, "、")), jointField+"·"+dp.Name, "",
				"请催请该部门反馈联审结果"))
		}
		if len(blank) > 0 {
			fs = append(fs, newFinding("J02", fmt.Sprintf("%s的联审反馈中%s的结果未填写", dp.Name, strings.Join(blank, "、")), jointField+"·"+dp.Name, "",
				"请该部门补填联审结果（没有问题的请填写“无”）"))
		}
	}
	return fs
}

func jointStaff(d *dossier.Dossier) []staffRef {
	if d.Application == nil {
		return nil
	}
	var out []staffRef
	for _, p := range d.Application.Staff() {
		out = append(out, staffRef{Name: p.Name, ID: p.ID})
	}
	return out
}

type staffRef struct{ Name, ID string }

func sortedDepartments(m map[string]jointResult) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// addDepartments fills a submission's ranking and 联审 fields: the JSON
// ranking and joint_review, the register's 行业排序 and 联审结果 cells and
// each person's 联审名单 cells.
// The first nProfile departments are the profile's: only they are waited
// for.
func addDepartments(s *Submission, places []RankingPlace, res map[int]map[string]jointResult, departments []string, nProfile int, rankings, joint bool) {
	if len(places) > 0 {
		p := places[0]
		s.Ranking = &p
	}
	s.RankingCell = rankingCell(places, rankings)
	if !joint {
		return
	}
	var problems, waiting []string
	for j := range s.Staff {
		st := &s.Staff[j]
		for _, dn := range departments {
			r, ok := res[j][dn]
			switch {
			case !ok:
				st.Joint = append(st.Joint, JointMissing)
			case r.status == JointProblem:
				st.Joint = append(st.Joint, JointProblem+"："+r.text)
			default:
				st.Joint = append(st.Joint, r.status)
			}
			if ok {
				s.JointReview = append(s.JointReview, JointResult{Department: dn, Person: st.Name, Result: r.status, Text: r.text})
			}
			if ok && r.status == JointProblem {
				problems = append(problems, fmt.Sprintf("%s（%s：%s）", dn, st.Name, r.text))
			}
		}
	}
	for _, dn := range departments[:min(nProfile, len(departments))] {
		for j := range s.Staff {
			if r, ok := res[j][dn]; (!ok || r.status == JointBlank) && !slices.Contains(waiting, dn) {
				waiting = append(waiting, dn)
			}
		}
	}
	switch {
	case len(problems) > 0:
		s.JointCell = "有问题：" + strings.Join(problems, "；")
	case len(s.Staff) == 0:
		s.JointCell = JointWaiting + "（申报表中没有窗口人员）"
	case len(waiting) > 0:
		s.JointCell = JointWaiting + "：" + strings.Join(waiting, "、")
	default:
		s.JointCell = JointPassed
	}
}
