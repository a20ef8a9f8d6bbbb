package validate

import (
	"slices"
	"strings"
	"testing"

	"shenbao/parser/dept"
	"shenbao/parser/form"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// windowsForMatching are windows whose names trap a loose matcher: two
// 综合受理窗口 of different districts, a name contained in another, and
// names sharing 服务窗口.
func windowsForMatching() []*dossier.Dossier {
	mk := func(name, unit string, staff ...form.Person) *dossier.Dossier {
		d := &dossier.Dossier{Key: form.NormalizeName(name), Window: name, Unit: unit}
		d.Application = &dossier.AppDoc{Form: &form.Application{Staff: staff}}
		return d
	}
	return []*dossier.Dossier{
		mk("千山区综合受理窗口", "千山区政务服务中心", form.Person{Name: "冯雪", ID: "210311199205121849"}),
		mk("铁东区综合受理窗口", "铁东区政务服务中心", form.Person{Name: "张伟", ID: "210302199001011234"}),
		mk("市民中心不动产登记窗口", "鞍山市不动产登记中心", form.Person{Name: "周海燕", ID: "210303198307083623"}),
		mk("税务综合服务窗口", "国家税务总局鞍山市税务局", form.Person{Name: "郑爽", ID: "210304199104052879"}, form.Person{Name: "张伟", ID: "210304199201011111"}),
		mk("民生服务窗口", "台安县政务服务中心", form.Person{Name: "董丽", ID: "210321198208172281"}),
		mk("户籍业务窗口", "铁东区公安分局", form.Person{Name: "卢静", ID: "210302199007252884"}),
	}
}

// TestRankingMatch matches ranked rows written the way departments write
// them; a row that could mean several windows is R03, never a guess.
func TestRankingMatch(t *testing.T) {
	ds := windowsForMatching()
	tests := []struct {
		name   string
		row    dept.RankRow
		window string // "" when no window may be chosen
		code   string // the unattributed finding, "" for none
	}{
		{"exact name", dept.RankRow{Window: "户籍业务窗口"}, "户籍业务窗口", ""},
		{"spaces and full-width brackets", dept.RankRow{Window: "户籍 业务 窗口"}, "户籍业务窗口", ""},
		{"short form contained in the full name", dept.RankRow{Window: "不动产登记窗口"}, "市民中心不动产登记窗口", ""},
		{"two windows hold the short form: R03", dept.RankRow{Window: "综合受理窗口"}, "", "R03"},
		{"所属单位 picks one of two", dept.RankRow{Window: "综合受理窗口", Unit: "铁东区政务服务中心"}, "铁东区综合受理窗口", ""},
		{"所属单位 spelt with the city", dept.RankRow{Window: "综合受理窗口", Unit: "鞍山市千山区政务服务中心"}, "千山区综合受理窗口", ""},
		{"简称 accepted with a matching 所属单位", dept.RankRow{Window: "户籍窗口", Unit: "铁东区公安分局"}, "户籍业务窗口", ""},
		{"简称 refused without 所属单位", dept.RankRow{Window: "户籍窗口"}, "", "R03"},
		{"简称 refused when the 所属单位 differs", dept.RankRow{Window: "税务窗口", Unit: "铁西区政务服务中心"}, "", "R03"},
		{"a name shared by several: R03", dept.RankRow{Window: "服务窗口"}, "", "R03"},
		{"a window that sent nothing: R02", dept.RankRow{Window: "人才服务窗口", Unit: "人才服务中心"}, "", "R02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.row.RankText, tc.row.Rank, tc.row.Line = "1", 1, 2
			out := checkRankings(ds, []dept.Ranking{{Department: "市营商局", Source: "排序.xlsx", Rows: []dept.RankRow{tc.row}}}, true)
			got := out.tables[0].Rows[0].Window
			if got != tc.window {
				t.Errorf("matched %q, want %q", got, tc.window)
			}
			var codes []string
			for _, f := range out.loose {
				codes = append(codes, f.Code)
			}
			if (tc.code == "" && len(codes) > 0) || (tc.code != "" && !slices.Contains(codes, tc.code)) {
				t.Errorf("unattributed %v, want %q", codes, tc.code)
			}
		})
	}
}

// TestRankingRepeats: a repeated rank or window is R03; R01 goes to every
// window that no ranking lists, only when rankings were given.
func TestRankingRepeats(t *testing.T) {
	ds := windowsForMatching()
	r := dept.Ranking{Department: "鞍山市税务局", Source: "税务.csv", Rows: []dept.RankRow{
		{Line: 2, RankText: "1", Rank: 1, Window: "税务综合服务窗口"},
		{Line: 3, RankText: "1", Rank: 1, Window: "民生服务窗口"},
		{Line: 4, RankText: "第三", Rank: 3, Window: "税务综合服务窗口"},
		{Line: 5, RankText: "优秀", Window: "户籍业务窗口"},
	}}
	out := checkRankings(ds, []dept.Ranking{r}, true)
	var msgs []string
	for _, f := range out.loose {
		msgs = append(msgs, f.Code+" "+f.Message)
	}
	for _, want := range []string{"R03 鞍山市税务局的排序表中第1名重复", "R03 鞍山市税务局的排序表中“税务综合服务窗口”出现两次", "R03 鞍山市税务局的排序表中“户籍业务窗口”的名次“优秀”无法识别"} {
		if !slices.ContainsFunc(msgs, func(m string) bool { return strings.HasPrefix(m, want) }) {
			t.Errorf("no %q in %q", want, msgs)
		}
	}
	if got := rankingCell(out.places[3], true); got != "鞍山市税务局 第1名/共4名" {
		t.Errorf("税务 cell %q", got)
	}
	r01 := 0
	for _, fs := range out.per {
		for _, f := range fs {
			if f.Code == "R01" {
				r01++
			}
		}
	}
	if r01 != 3 { // the two 综合受理窗口 and 市民中心不动产登记窗口; 户籍 is listed, though its rank is unreadable
		t.Errorf("%d R01, want 3", r01)
	}
	none := checkRankings(ds, nil, false)
	for _, fs := range none.per {
		if len(fs) > 0 {
			t.Errorf("R01 without any ranking given: %v", fs)
		}
	}
}

// TestJudge normalises result words: blank is 未填写, never 无问题.
func TestJudge(t *testing.T) {
	p := profile.Default()
	police, _ := dept.FindDepartment("市公安局", p.JointReview.Departments)
	c := clearWords(dept.JointReturn{Department: police.Name}, p.JointReview)
	for text, want := range map[string]string{
		"":        JointBlank,
		"  ":      JointBlank,
		"无":       JointClear,
		"无。":      JointClear,
		"经查，无":    JointClear,
		"未发现":     JointClear,
		"无此情况":    JointClear,
		"无相关记录":   JointClear,
		"未查询到":    JointClear,
		"无违法犯罪记录": JointClear,
		"未发现该同志有违法犯罪记录":      JointClear,
		"经核查，未发现存在问题":        JointClear,
		"有违法犯罪记录":            JointProblem,
		"2019年因酒驾被行政拘留":      JointProblem,
		"无证驾驶被处罚一次":          JointProblem,
		"有1件信访举报，已办结":        JointProblem,
		"未发现违法犯罪记录，但有交通违法记录": JointProblem,
	} {
		if got := judge(text, c); got != want {
			t.Errorf("judge(%q) = %s, want %s", text, got, want)
		}
	}
}

// TestJointMatch matches returned rows to people.
func TestJointMatch(t *testing.T) {
	ds := windowsForMatching()
	p := profile.Default()
	tests := []struct {
		name   string
		row    dept.JointRow
		window string // window of the matched person (else the one the row names), "" for none
		j03    bool
	}{
		{"full ID", dept.JointRow{Name: "冯雪", ID: "210311199205121849"}, "千山区综合受理窗口", false},
		{"full ID, lower-case x and spaces", dept.JointRow{Name: "郑爽", ID: " 210304 199104052879 "}, "税务综合服务窗口", false},
		{"full ID of another name", dept.JointRow{Name: "冯雪雪", ID: "210311199205121849"}, "千山区综合受理窗口", true},
		{"masked ID + name + window", dept.JointRow{Name: "周海燕", ID: "210303********3623", Window: "不动产登记窗口"}, "市民中心不动产登记窗口", false},
		{"masked ID that differs", dept.JointRow{Name: "周海燕", ID: "210303********0000", Window: "市民中心不动产登记窗口"}, "市民中心不动产登记窗口", true},
		{"name + window, no ID", dept.JointRow{Name: "董丽", Window: "民生服务窗口"}, "民生服务窗口", false},
		{"a name in two windows, window decides", dept.JointRow{Name: "张伟", Window: "税务综合服务窗口"}, "税务综合服务窗口", false},
		{"a name in two windows, masked ID decides", dept.JointRow{Name: "张伟", ID: "210302********1234"}, "铁东区综合受理窗口", false},
		{"a name in two windows, nothing decides", dept.JointRow{Name: "张伟"}, "", true},
		{"nobody of that name: J03 on the window it names", dept.JointRow{Name: "李明", Window: "民生服务窗口"}, "民生服务窗口", true},
		{"full ID unknown, name in the window: ID differs", dept.JointRow{Name: "卢静", ID: "210302199007259999", Window: "户籍业务窗口"}, "户籍业务窗口", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.row.Line, tc.row.Text = 2, "无"
			out := checkJoint(ds, []dept.JointReturn{{Department: "市公安局", Known: true, Source: "公安.xlsx", Rows: []dept.JointRow{tc.row}}}, nil, p.JointReview, false)
			if got := out.tables[0].Rows[0].Window; got != tc.window {
				t.Errorf("matched %q, want %q", got, tc.window)
			}
			j03 := false
			for _, fs := range append(out.per, out.loose) {
				for _, f := range fs {
					j03 = j03 || f.Code == "J03"
				}
			}
			if j03 != tc.j03 {
				t.Errorf("J03 %v, want %v", j03, tc.j03)
			}
			if strings.Contains(out.tables[0].Rows[0].IDMasked, "1992051") {
				t.Errorf("ID not masked: %s", out.tables[0].Rows[0].IDMasked)
			}
		})
	}
}

// TestJointOutcome: J01 names department, person and words with the ID
// masked; J02 lists who a department has not answered for; the register
// cells say 通过 / 有问题 / 待反馈.
func TestJointOutcome(t *testing.T) {
	ds := windowsForMatching()[4:6] // 民生服务窗口 (董丽), 户籍业务窗口 (卢静)
	p := profile.Default()
	var rets []dept.JointReturn
	for _, d := range p.JointReview.Departments {
		rets = append(rets, dept.JointReturn{Department: d.Name, Known: true, Source: d.Name + ".xlsx", Rows: []dept.JointRow{
			{Line: 2, Name: "卢静", Window: "户籍业务窗口", Text: "无"},
		}})
	}
	rets[2].Rows = append(rets[2].Rows, dept.JointRow{Line: 3, Name: "董丽", ID: "210321198208172281", Text: "2020年因赌博被行政拘留五日"})
	out := checkJoint(ds, rets, nil, p.JointReview, true)
	var j01 []finding.Finding
	j02 := 0
	for _, f := range out.per[0] {
		switch f.Code {
		case "J01":
			j01 = append(j01, f)
		case "J02":
			j02++
		}
	}
	if len(j01) != 1 || !strings.Contains(j01[0].Message, "市公安局") || !strings.Contains(j01[0].Message, "董丽（210321********2281）") ||
		!strings.Contains(j01[0].Message, "赌博") || j01[0].Level != finding.Error {
		t.Errorf("J01 %+v", j01)
	}
	if j02 != len(p.JointReview.Departments)-1 {
		t.Errorf("%d J02 for 董丽, want one per department but 市公安局", j02)
	}
	if len(out.per[1]) != 0 {
		t.Errorf("卢静 cleared by every department, got %v", out.per[1])
	}
	cells := []string{}
	for i, d := range ds {
		s := Submission{WindowName: d.Window, Staff: []Staff{{Name: d.Application.Form.Staff[0].Name}}}
		addDepartments(&s, nil, out.results[i], out.departments, len(p.JointReview.Departments), false, true)
		cells = append(cells, s.JointCell)
	}
	if !strings.HasPrefix(cells[0], "有问题：市公安局（董丽：2020年因赌博") || cells[1] != JointPassed {
		t.Errorf("cells %q", cells)
	}
}
