package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"shenbao/parser/dept"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
)

// rankingOutcome is what the rankings say about the run's windows.
type rankingOutcome struct {
	tables []RankingTable
	places [][]RankingPlace    // per dossier, in table order
	per    [][]finding.Finding // per dossier: R01
	loose  []finding.Finding   // R02, R03: belong to no window
}

// CheckRankings matches every ranked row to a window by the assembly's
// name rule — a 简称 only when the row's 所属单位 singles one window out —
// and finds R01 (a window no ranking lists, when given is true: the run had
// rankings), R02 (a ranked window that sent nothing) and R03 (a row
// matching several windows, a repeated rank or window, a row that cannot
// be read).
func checkRankings(ds []*dossier.Dossier, rs []dept.Ranking, given bool) rankingOutcome {
	out := rankingOutcome{places: make([][]RankingPlace, len(ds)), per: make([][]finding.Finding, len(ds))}
	m := dossier.NewMatcher(ds)
	index := make(map[*dossier.Dossier]int, len(ds))
	for i, d := range ds {
		index[d] = i
	}
	for _, r := range rs {
		name := r.Department
		if name == "" {
			name = noDepartment
		}
		t := RankingTable{Department: name, Source: r.Source, Sheet: r.Sheet, Rows: []RankingRow{}}
		where := sheetPlace(r.Source, r.Sheet)
		ranks := map[int]int{}                // rank → line
		windows := map[*dossier.Dossier]int{} // window → line
		for k, row := range r.Rows {
			loc := fmt.Sprintf("%s 第%d行", where, row.Line)
			tr := RankingRow{Rank: row.Rank, WindowName: row.Window, Unit: row.Unit, Score: row.Score,
				Line: row.Line, RankText: row.RankText, Note: row.Note}
			if tr.Rank == 0 && row.RankText == "" {
				tr.Rank = k + 1 // no rank column: the table's order is the ranking
			}
			var notes []string
			if tr.Rank == 0 {
				out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表中“%s”的名次“%s”无法识别", name, row.Window, row.RankText), rankingsField, loc,
					"请向排序部门核实该窗口的名次"))
				notes = append(notes, "名次无法识别")
			} else if prev, ok := ranks[tr.Rank]; ok {
				out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表中第%d名重复（第%d行和第%d行）", name, tr.Rank, prev, row.Line), rankingsField, loc,
					"请向排序部门核实名次"))
				notes = append(notes, "名次重复")
			} else {
				ranks[tr.Rank] = row.Line
			}
			cands := matchRanked(m, row)
			switch len(cands) {
			case 1:
				d := cands[0]
				tr.Window = d.Window
				if prev, ok := windows[d]; ok {
					out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表中“%s”出现两次（第%d行和第%d行）", name, d.Window, prev, row.Line), rankingsField, loc,
						"请向排序部门核实"))
					notes = append(notes, "窗口重复")
					break
				}
				windows[d] = row.Line
				i := index[d]
				out.places[i] = append(out.places[i], RankingPlace{Department: name, Rank: tr.Rank, Of: len(r.Rows)})
			case 0:
				if ab := m.Abbreviated(row.Window); len(ab) > 0 {
					var names []string
					for _, d := range ab {
						names = append(names, d.Window)
					}
					out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表行“%s”可能是%s的简称，但所属单位无法确认，未自动对应", name, row.Window, strings.Join(names, "、")), rankingsField, loc,
						"请在排序表中写明窗口全称或所属单位"))
					notes = append(notes, "简称无法确认")
				} else if plausibleRanked(row.Window) {
					out.loose = append(out.loose, newFinding("R02", fmt.Sprintf("%s的排序表列有“%s”（第%d名），但未收到该窗口的申报材料（也可能是窗口名称写法不同）", name, row.Window, tr.Rank), rankingsField, loc,
						"请确认该窗口是否已报送申报材料，或核对排序表与申报表中的窗口名称"))
					notes = append(notes, "未收到材料")
				} else {
					out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表行“%s”无法对应到任何窗口", name, row.Window), rankingsField, loc,
						"请核对排序表中的窗口名称"))
					notes = append(notes, "无法对应")
				}
			default:
				var names []string
				for _, d := range cands {
					names = append(names, d.Window)
				}
				out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表行“%s”可对应多个窗口（%s），未自动对应", name, row.Window, strings.Join(names, "、")), rankingsField, loc,
					"请在排序表中写明窗口全称或所属单位"))
				notes = append(notes, "对应多个窗口")
			}
			tr.Match = strings.Join(notes, "；")
			t.Rows = append(t.Rows, tr)
		}
		for _, p := range r.Problems {
			out.loose = append(out.loose, newFinding("R03", fmt.Sprintf("%s的排序表：%s", name, p.Message), rankingsField,
				fmt.Sprintf("%s 第%d行", where, p.Line), "请向排序部门核实"))
		}
		out.tables = append(out.tables, t)
	}
	if given {
		for i, d := range ds {
			if len(out.places[i]) == 0 {
				out.per[i] = append(out.per[i], newFinding("R01", fmt.Sprintf("窗口“%s”未列入任何行业主管部门的实绩排序表", d.Window), rankingsField, "",
					"请联系该窗口的行业主管部门报送实绩排序，或核对排序表中的窗口名称"))
			}
		}
	}
	return out
}

// matchRanked finds the window of a ranked row: by name; several
// candidates are narrowed by 所属单位; with none, a 简称 is accepted when
// the 所属单位 leaves exactly one window.
func matchRanked(m *dossier.Matcher, row dept.RankRow) []*dossier.Dossier {
	cands := m.Candidates(row.Window)
	if len(cands) > 1 && row.Unit != "" {
		if same := byUnit(cands, row.Unit); len(same) >= 1 {
			cands = same
		}
	}
	if len(cands) > 0 || row.Unit == "" {
		return cands
	}
	if same := byUnit(m.Abbreviated(row.Window), row.Unit); len(same) == 1 {
		return same
	}
	return nil
}

func byUnit(ds []*dossier.Dossier, unit string) []*dossier.Dossier {
	var out []*dossier.Dossier
	for _, d := range ds {
		if dossier.SameUnit(d.Unit, unit) {
			out = append(out, d)
		}
	}
	return out
}

// plausibleRanked reports whether a row's name looks like a window (…窗口,
// …厅, …中心) rather than a stray cell.
func plausibleRanked(name string) bool {
	if utf8.RuneCountInString(name) < 4 {
		return false
	}
	for _, w := range []string{"窗口", "厅", "中心", "站", "专区", "服务", "大厅", "所"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// rankingCell is the 行业排序 column: each place, “市税务局 第2名/共5名”.
func rankingCell(ps []RankingPlace, given bool) string {
	if !given {
		return ""
	}
	if len(ps) == 0 {
		return "未列入排序"
	}
	var parts []string
	for _, p := range ps {
		if p.Rank == 0 {
			parts = append(parts, fmt.Sprintf("%s 名次不明/共%d名", p.Department, p.Of))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s 第%d名/共%d名", p.Department, p.Rank, p.Of))
	}
	return strings.Join(parts, "；")
}

// sheetPlace names a sheet of a file for a finding's location.
func sheetPlace(source, sheet string) string {
	switch {
	case sheet == "" || sheet == "CSV" || strings.EqualFold(sheet, "Sheet1") || sheet == "工作表1":
		return source
	case strings.HasPrefix(sheet, "表"):
		return source + " " + sheet
	}
	return source + " 工作表“" + sheet + "”"
}
