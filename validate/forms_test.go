package validate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

var testNow = time.Date(2024, 4, 20, 9, 0, 0, 0, time.UTC)

// fullIDs are the fixture's numbers: no finding may contain one.
var fullIDs = []string{"21030219850312123X", "210302198503121248"}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "forms", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// fixture is the compliant window of testdata/forms: the Word 申报表 and
// 初审表, merged rows as the dossier stage makes them when the scans show
// every signature and seal.
func fixture(t *testing.T, p *profile.Profile) *dossier.Dossier {
	t.Helper()
	var app form.Application
	var rv form.Review
	readJSON(t, "application.json", &app)
	readJSON(t, "review.json", &rv)
	d := &dossier.Dossier{
		Window:      app.Value(keyWindow),
		Key:         form.NormalizeName(app.Value(keyWindow)),
		Unit:        app.Value(keyUnit),
		Application: &dossier.AppDoc{Item: &intake.Item{Name: "申报表.docx"}, Format: "docx", Form: &app},
		Review:      &dossier.ReviewDoc{Item: &intake.Item{Name: "初审表.docx"}, Format: "docx", Form: &rv},
	}
	for _, r := range rv.Rows {
		pr, _ := profileRow(p, r.Role)
		row := dossier.Row{
			Role: r.Role, Needs: pr.Needs, Found: r.Found,
			Opinion: r.Opinion, OpinionFrom: "电子版",
			Date: r.Date, DateText: r.DateText, DateFrom: "电子版",
			MarkFrom: "扫描", Confidence: 0.95,
			Location: "初审表.docx " + r.Location,
		}
		if pr.Needs == "签字" {
			row.Signed = scan.Yes
		} else {
			row.Stamped = scan.Yes
		}
		d.Rows = append(d.Rows, row)
		d.Scans = append(d.Scans, scan.Record{Source: "扫描记录.csv", Row: len(d.Scans) + 1, Window: d.Window, Field: r.Role})
	}
	return d
}

func row(d *dossier.Dossier, role string) *dossier.Row {
	for i := range d.Rows {
		if d.Rows[i].Role == role {
			return &d.Rows[i]
		}
	}
	panic("no row " + role)
}

func setField(fs map[string]form.Field, key, value string) {
	f := fs[key]
	f.Value = value
	fs[key] = f
}

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// codes renders findings as sorted "code/level" strings.
func codes(fs []finding.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code+"/"+string(f.Level))
	}
	slices.Sort(out)
	return out
}

// checkAll is what the per-window rules of this package find.
func checkAll(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	return append(CheckApplication(d, p, testNow), CheckReview(d, p)...)
}

// assertWellFormed checks what every finding must carry, and that no ID
// number appears in full.
func assertWellFormed(t *testing.T, fs []finding.Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Message == "" || f.Field == "" || f.Location == "" || f.Fix == "" || f.Level == "" {
			t.Errorf("incomplete finding %+v", f)
		}
		for _, id := range fullIDs {
			if strings.Contains(f.Message+f.Fix+f.Location, id) {
				t.Errorf("finding reveals a full ID number: %+v", f)
			}
		}
	}
}

const longDeeds = "窗口坚持以人民为中心的发展思想，全面推行一窗受理、集成服务，主动公开办事指南，严格落实首问负责、一次性告知和限时办结制度，" +
	"不断优化办事流程，压缩办理时限，推行帮办代办和延时服务，群众满意率持续保持在百分之九十九以上，多次受到群众和企业的好评。" +
	"窗口人员廉洁自律，坚决杜绝吃拿卡要等不正之风，自觉接受群众监督，积极参加业务培训，不断提升服务能力和水平，" +
	"在全市营商环境评价中名列前茅，为优化营商环境作出了积极贡献，树立了政务窗口的良好形象。" +
	"今后窗口将继续深化改革创新，提升服务效能，努力打造群众满意的清风窗口。"

func TestFixtureIsCompliant(t *testing.T) {
	p := profile.Default()
	d := fixture(t, p)
	if n := WordCount(d.Application.Form.Value(keyDeeds)); n < 160 || n > 240 {
		t.Fatalf("fixture deeds has %d 字, want 160–240", n)
	}
	if fs := checkAll(d, p); len(fs) != 0 {
		t.Errorf("compliant fixture gives findings: %+v", fs)
	}
}

func TestApplicationRules(t *testing.T) {
	p := profile.Default()
	tests := []struct {
		name string
		edit func(d *dossier.Dossier, a *form.Application)
		want []string
	}{
		{"F01 unit empty", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyUnit, "") }, []string{"F01/error"}},
		{"F01 not when the label is missing (F10 instead)", func(d *dossier.Dossier, a *form.Application) {
			a.Fields[keyUnit] = form.Field{}
			a.Missing = []string{keyUnit}
		}, []string{"F10/review"}},
		{"F01 staff counted from people when the cell is empty", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyStaff, "") }, []string{}},
		{"F02 nothing ticked", func(d *dossier.Dossier, a *form.Application) { a.Options[0].Checked = false }, []string{"F02/error"}},
		{"F02 not with a typed tick", func(d *dossier.Dossier, a *form.Application) {
			a.Options[0].Checked = false
			a.Options[3] = form.Option{Name: "群众共荐", Checked: true, Form: "typed-tick"}
		}, []string{}},
		{"F03 two ticked", func(d *dossier.Dossier, a *form.Application) { a.Options[2].Checked = true }, []string{"F03/review"}},
		{"F04 check digit", func(d *dossier.Dossier, a *form.Application) { a.Staff[1].ID = "210302198503121240" }, []string{"F04/error"}},
		{"F04 old 15-digit number", func(d *dossier.Dossier, a *form.Application) { a.Staff[0].ID = "210302850312123" }, []string{"F04/error"}},
		{"F04 not for lower-case x", func(d *dossier.Dossier, a *form.Application) { a.Staff[0].ID = "21030219850312123x" }, []string{}},
		{"F05 name without number", func(d *dossier.Dossier, a *form.Application) { a.Staff = append(a.Staff, form.Person{Name: "王强"}) }, []string{"F05/error"}},
		{"F05 number without name", func(d *dossier.Dossier, a *form.Application) {
			a.Staff = append(a.Staff, form.Person{ID: "11010519491231002X"})
		}, []string{"F05/error"}},
		{"F05 not when both are there", func(d *dossier.Dossier, a *form.Application) {
			a.Staff = append(a.Staff, form.Person{Name: "王强", ID: "11010519491231002X"})
		}, []string{}},
		{"F06 error: too short", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDeeds, "窗口服务热情周到，群众满意。")
		}, []string{"F06/error"}},
		{"F06 info: above 240", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyDeeds, longDeeds) }, []string{"F06/info"}},
		{"F07 prompt left in 事迹", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDeeds, "（200字左右）"+a.Value(keyDeeds))
		}, []string{"F07/error"}},
		{"F07 half-width prompt too", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDeeds, a.Value(keyDeeds)+"(200字左右)")
		}, []string{"F07/error", "F08/info"}}, // the half-width ")" after 右 is F08 as well
		{"F07 mark alone as a value", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyHonors, "（盖章）") }, []string{"F07/error"}},
		{"F07 not for an ordinary bracket", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyUnit, "鞍山市自然资源局（部门）")
		}, []string{}},
		{"F08 half-width comma between Chinese", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDuties, "负责受理,审核和发证。")
		}, []string{"F08/info"}},
		{"F08 half-width comma with a space after it", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDuties, "负责受理, 审核和发证。")
		}, []string{"F08/info"}},
		{"F08 doubled and unbalanced are two findings", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyHonors, "获评“巾帼文明岗。。")
		}, []string{"F08/info", "F08/info"}},
		{"F08 window name over 50", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyWindow, strings.Repeat("窗", 51))
			setField(d.Review.Form.Fields, keyWindow, strings.Repeat("窗", 51))
		}, []string{"F08/info"}},
		{"F08 not for decimals and codes", func(d *dossier.Dossier, a *form.Application) {
			setField(a.Fields, keyDuties, "通过ISO 9001认证，办结率99.8%，电话:0412-2222222。")
		}, []string{}},
		{"F09 honors empty", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyHonors, "") }, []string{"F09/info"}},
		{"F09 not for 无", func(d *dossier.Dossier, a *form.Application) { setField(a.Fields, keyHonors, "无") }, []string{}},
		{"F10 labels missing, one finding", func(d *dossier.Dossier, a *form.Application) {
			delete(a.Fields, keyHonors)
			delete(a.Fields, keyDuties)
			a.Missing = []string{keyHonors, keyDuties}
		}, []string{"F10/review"}}, // required 职责 not found: F10 says so, no F01
		{"no application: nothing here", func(d *dossier.Dossier, a *form.Application) { d.Application = nil }, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(t, p)
			tc.edit(d, d.Application.Form)
			fs := CheckApplication(d, p, testNow)
			if got := codes(fs); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v\n%+v", got, tc.want, fs)
			}
			assertWellFormed(t, fs)
		})
	}
}

func TestApplicationMessages(t *testing.T) {
	p := profile.Default()
	tests := []struct {
		name string
		edit func(a *form.Application)
		want finding.Finding
	}{
		{"F01", func(a *form.Application) { setField(a.Fields, keyWindow, " ") }, finding.Finding{
			Code: "F01", Level: finding.Error, Message: "申报表“窗口名称”栏未填写", Field: "窗口名称",
			Location: "申报表.docx 表1 第1行第2列", Fix: "请在申报表“窗口名称”栏填写窗口全称后重新提交WORD版申报表"}},
		{"F04", func(a *form.Application) { a.Staff[1].ID = "210302198503121240" }, finding.Finding{
			Code: "F04", Level: finding.Error, Message: "窗口人员李娜的身份证号码（210302********1240）无效：校验码错误（应为8）",
			Field: "窗口人员姓名及身份证号码", Location: "申报表.docx 表1 第4行第2列",
			Fix: "请核对窗口人员李娜的身份证号码，在申报表中改正后重新提交WORD版申报表"}},
		{"F06", func(a *form.Application) { setField(a.Fields, keyDeeds, "窗口服务热情周到，群众满意。") }, finding.Finding{
			Code: "F06", Level: finding.Error, Message: "“主要事迹（200字左右）”字数为14字，不在100—300字范围内",
			Field: "主要事迹（200字左右）", Location: "申报表.docx 表1 第7行第2列",
			Fix: "请将申报表“主要事迹（200字左右）”调整到200字左右（不少于100字、不超过300字）后重新提交WORD版申报表"}},
		{"F08", func(a *form.Application) { setField(a.Fields, keyDuties, "负责受理,审核和发证.") }, finding.Finding{
			Code: "F08", Level: finding.Info, Message: "申报表“主要工作职责”中文之间使用了半角标点2处，如“受理,审核”“发证.”",
			Field: "主要工作职责", Location: "申报表.docx 表1 第6行第2列",
			Fix: "请在申报表“主要工作职责”栏将中文之间的半角标点（, . ; : ? ! ( )）改为全角标点（，。；：？！（））后重新提交WORD版申报表"}},
		{"F10", func(a *form.Application) { delete(a.Fields, keyHonors); a.Missing = []string{keyHonors} }, finding.Finding{
			Code: "F10", Level: finding.Review, Message: "申报表中未找到以下栏目：曾受表彰奖励情况，表格可能与模板不符",
			Field: "申报表", Location: "申报表.docx",
			Fix: "请使用通知所附申报表模板填写，不要增删或改动栏目后重新提交WORD版申报表"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(t, p)
			tc.edit(d.Application.Form)
			fs := CheckApplication(d, p, testNow)
			if len(fs) != 1 || fs[0] != tc.want {
				t.Errorf("got %+v\nwant %+v", fs, tc.want)
			}
		})
	}
}

// TestMinimalProfile runs with a hand-built profile: no bands, no options,
// nothing required — the rules that depend on them stay quiet.
func TestMinimalProfile(t *testing.T) {
	p := &profile.Profile{}
	d := fixture(t, profile.Default())
	setField(d.Application.Form.Fields, keyDeeds, "短")
	setField(d.Application.Form.Fields, keyUnit, "")
	if fs := CheckApplication(d, p, testNow); len(fs) != 0 {
		t.Errorf("got %+v", fs)
	}
	if fs := CheckApplication(d, nil, testNow); len(fs) != 0 {
		t.Errorf("nil profile: got %+v", fs)
	}
}
