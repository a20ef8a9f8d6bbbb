package dept

import (
	"strings"
	"unicode/utf8"

	"shenbao/parser/table"
	"shenbao/parser/text"
)

// JointReturn is one department's results read from one sheet. A sheet
// that carries several departments' filled columns gives one JointReturn
// each.
type JointReturn struct {
	// Department is the profile department's Name when recognised (Known),
	// else the name as the sheet gives it ("" when none).
	Department string
	Known      bool
	Source     string
	Sheet      string
	HeaderRow  int    // 1-based
	Columns    string // the result columns' headers, joined by “、”
	Rows       []JointRow
	Problems   []Problem
}

// JointRow is one person's result as returned.
type JointRow struct {
	Line   int // 1-based row of the sheet
	Name   string
	ID     string // as written: full, masked (210302********1234) or ""
	Window string
	Unit   string
	Text   string // the result cells, joined by “；”; "" when left blank
}

func (s JointSpec) words() roleWords {
	h := s.Headers
	return roleWords{roleSeq: h.Seq, roleName: h.Name, roleID: h.ID, roleWindow: h.Window, roleUnit: h.Unit,
		roleOther: h.Other, roleResult: h.Result}
}

func jointHeader(h *header) bool {
	return h.has(roleName) && (h.has(roleID) || h.has(roleWindow))
}

// ReadJoint returns the 联审 results of every sheet of b that has a roster
// header (姓名 with 身份证号码 or 窗口名称). rspec gives the words that find
// a department's name in a title when the profile does not know it.
func ReadJoint(source string, b *table.Book, spec JointSpec, rspec RankingSpec) ([]JointReturn, []Problem) {
	var (
		out   []JointReturn
		probs []Problem
	)
	w := spec.words()
	for i := range b.Sheets {
		s := &b.Sheets[i]
		h, ok := findHeader(s, w, jointHeader)
		if !ok {
			continue
		}
		rets, p := readJointSheet(source, s, h, spec, rspec)
		out = append(out, rets...)
		probs = append(probs, p...)
	}
	return out, probs
}

// readJointSheet assigns the result columns to departments and reads the
// rows.
func readJointSheet(source string, s *table.Sheet, h *header, spec JointSpec, rspec RankingSpec) ([]JointReturn, []Problem) {
	own, ownKnown := sheetDepartment(s, h.row, source, spec, rspec)
	// Columns per department, in the order departments first appear.
	var order []string
	cols := map[string][]int{}
	known := map[string]bool{}
	add := func(d string, k bool, c int) {
		if _, seen := cols[d]; !seen {
			order = append(order, d)
		}
		cols[d] = append(cols[d], c)
		known[d] = known[d] || k
	}
	var loose []int // columns no word claims
	for c, text := range h.cells {
		if text == "" {
			continue
		}
		switch h.roles[c] {
		case roleSeq, roleName, roleID, roleWindow, roleUnit, roleOther:
			if h.col[h.roles[c]] == c || h.roles[c] == roleOther || h.roles[c] == roleSeq {
				continue
			}
		}
		if d, ok := departmentInHeader(text, spec); ok {
			add(d, true, c)
			continue
		}
		if h.roles[c] == roleResult && own != "" {
			add(own, ownKnown, c)
			continue
		}
		if h.roles[c] == roleNone {
			loose = append(loose, c)
		}
	}
	if own != "" && len(cols[own]) == 0 && len(loose) > 0 {
		add(own, ownKnown, loose[0])
	}
	var out []JointReturn
	var probs []Problem
	for _, d := range order {
		if d != own && !anyFilled(s, h.row, cols[d]) {
			continue // another department's column in a copy of the whole roster
		}
		out = append(out, readJointRows(source, s, h, d, known[d], cols[d]))
	}
	if len(out) == 0 {
		msg := "找不到联审结果列"
		if own == "" {
			msg = "无法确定是哪个联审部门的反馈（标题、工作表名称和文件名都未写明部门），也找不到已填写的部门结果列"
		}
		probs = append(probs, Problem{Source: source, Sheet: s.Name, Message: msg})
	}
	return out, probs
}

func readJointRows(source string, s *table.Sheet, h *header, d string, known bool, cols []int) JointReturn {
	var heads []string
	for _, c := range cols {
		heads = append(heads, h.cells[c])
	}
	r := JointReturn{Department: d, Known: known, Source: source, Sheet: s.Name, HeaderRow: h.row + 1,
		Columns: strings.Join(heads, "、")}
	for i := h.row + 1; i < len(s.Rows); i++ {
		row := s.Rows[i]
		if blank(row) || spanned(row) {
			continue
		}
		jr := JointRow{Line: i + 1, Name: cell(row, h.col[roleName]), ID: cell(row, h.col[roleID]),
			Window: cell(row, h.col[roleWindow]), Unit: cell(row, h.col[roleUnit])}
		if jr.Name == "" && jr.ID == "" {
			continue
		}
		if text.Fold(jr.Name) == text.Fold(h.cells[h.col[roleName]]) {
			continue // the header repeated on a new page
		}
		var texts []string
		for _, c := range cols {
			if t := cell(row, c); t != "" {
				texts = append(texts, t)
			}
		}
		jr.Text = strings.Join(texts, "；")
		r.Rows = append(r.Rows, jr)
	}
	return r
}

func anyFilled(s *table.Sheet, headerRow int, cols []int) bool {
	for i := headerRow + 1; i < len(s.Rows); i++ {
		for _, c := range cols {
			if cell(s.Rows[i], c) != "" {
				return true
			}
		}
	}
	return false
}

// sheetDepartment names the department that returned the sheet: a profile
// department named in the title rows, the sheet name or the file name (in
// that order); else a department name read from them.
func sheetDepartment(s *table.Sheet, headerRow int, source string, spec JointSpec, rspec RankingSpec) (string, bool) {
	texts := titles(s, headerRow)
	if !plainSheetName.MatchString(s.Name) {
		texts = append(texts, s.Name)
	}
	texts = append(texts, baseName(source))
	for _, t := range texts {
		if d, ok := FindDepartment(t, spec.Departments); ok {
			return d.Name, true
		}
	}
	for _, t := range texts {
		if d := departmentFromText(t, rspec); d != "" {
			return d, false
		}
	}
	return "", false
}

// departmentInHeader finds the department a result column belongs to: one
// named in the header (市公安局意见, 公安局（违法犯罪记录）), else one whose
// result words it matches (违法犯罪记录).
func departmentInHeader(cell string, spec JointSpec) (string, bool) {
	if d, ok := FindDepartment(cell, spec.Departments); ok {
		return d.Name, true
	}
	f := text.Fold(cell)
	best, score := "", 0
	for _, d := range spec.Departments {
		if s := headerMatch(f, d.Columns); s > score {
			best, score = d.Name, s
		}
	}
	return best, score > 0
}

// FindDepartment returns the department whose name or alias text contains
// (after DepartmentKey folding, so 鞍山市公安局 = 市公安局 = 公安局), the
// longest alias winning.
func FindDepartment(name string, ds []Department) (Department, bool) {
	f := text.Fold(name)
	var best Department
	bestN := 0
	for _, d := range ds {
		for _, a := range append([]string{d.Name}, d.Aliases...) {
			k := DepartmentKey(a)
			n := utf8.RuneCountInString(k)
			if n < 2 || n <= bestN {
				continue
			}
			if strings.Contains(f, k) {
				best, bestN = d, n
			}
		}
	}
	return best, bestN > 0
}
