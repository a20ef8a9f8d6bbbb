package validate

import (
	"reflect"
	"testing"
	"time"

	"shenbao/validate/finding"
)

var (
	run1 = time.Date(2024, 4, 8, 18, 0, 0, 0, time.UTC)
	run2 = time.Date(2024, 4, 12, 9, 0, 0, 0, time.UTC)
	run3 = time.Date(2024, 4, 16, 9, 0, 0, 0, time.UTC)
)

func fnd(code, field, loc, msg string) finding.Finding {
	c, _ := finding.Lookup(code)
	return finding.Finding{Code: code, Level: c.Level, Field: field, Location: loc, Message: msg}
}

func sub(name, unit string, fs ...finding.Finding) Submission {
	return Submission{WindowName: name, Unit: unit, Findings: fs, Conclusion: finding.Conclude(fs)}
}

func result(at time.Time, inputs []Input, subs ...Submission) *Result {
	return &Result{Profile: "qingfeng-liaoning", GeneratedAt: at, Inputs: inputs, Submissions: subs}
}

func tracked(ts []TrackedFinding) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Code+"/"+t.Field)
	}
	return out
}

func TestCompareFindings(t *testing.T) {
	id := fnd("F04", "身份证号码", "申报表.docx 表1 第4行第2列", "王丽的身份证号码210302********1234校验位错误")
	seal := fnd("P03", "推荐单位", "初审表.docx 表1 第8行第2列；扫描记录.csv 第5行", "推荐单位意见栏未盖章")
	deeds := fnd("F06", "主要事迹", "申报表.docx 表1 第7行第2列", "事迹字数为96字，应为200字左右")
	cases := []struct {
		name                string
		before, after       []finding.Finding
		closed, added, open []string
	}{
		{
			name:   "reworded message stays open",
			before: []finding.Finding{id},
			after:  []finding.Finding{fnd("F04", "身份证号码", "申报表.docx 表1 第4行第2列", "窗口人员王丽的身份证号码无效（校验码不符）")},
			open:   []string{"F04/身份证号码"},
		},
		{
			name:   "resent file with another name keeps the finding open",
			before: []finding.Finding{seal},
			after:  []finding.Finding{fnd("P03", "推荐单位", "社保窗口_初审表(更正).docx 表1 第8行第2列；扫描记录_第二批.csv 第9行", "推荐单位意见栏未盖章")},
			open:   []string{"P03/推荐单位"},
		},
		{
			name:   "fixed finding is closed, the rest stays",
			before: []finding.Finding{id, seal, deeds},
			after:  []finding.Finding{seal},
			closed: []string{"F04/身份证号码", "F06/主要事迹"},
			open:   []string{"P03/推荐单位"},
		},
		{
			name:   "same code on another field is new",
			before: []finding.Finding{seal},
			after:  []finding.Finding{fnd("P03", "主要领导意见", "初审表.docx 表1 第7行第2列", "主要领导意见栏未盖章")},
			closed: []string{"P03/推荐单位"},
			added:  []string{"P03/主要领导意见"},
		},
		{
			name:   "one of two people fixed",
			before: []finding.Finding{id, fnd("F04", "身份证号码", "申报表.docx 表1 第4行第2列", "李强的身份证号码位数不对")},
			after:  []finding.Finding{fnd("F04", "身份证号码", "申报表.docx 表1 第4行第2列", "李强的身份证号码位数不对")},
			closed: []string{"F04/身份证号码"},
			open:   []string{"F04/身份证号码"},
		},
		{
			name:   "previous run read from a register has no field",
			before: []finding.Finding{fnd("P03", "", "初审表.docx 表1 第8行第2列", "推荐单位意见栏未盖章")},
			after:  []finding.Finding{seal},
			open:   []string{"P03/推荐单位"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			prev := result(run1, nil, sub("社保医保综合窗口", "铁东区", tc.before...))
			cur := result(run2, nil, sub("社保医保综合窗口", "铁东区", tc.after...))
			ch := Compare(prev, cur)
			if len(ch.Windows) != 1 {
				t.Fatalf("windows = %d, want 1", len(ch.Windows))
			}
			w := ch.Windows[0]
			for _, c := range []struct {
				what      string
				got, want []string
			}{
				{"closed", tracked(w.Closed), tc.closed},
				{"new", tracked(w.New), tc.added},
				{"open", tracked(w.Open), tc.open},
			} {
				if c.want == nil {
					c.want = []string{}
				}
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestCompareWindows(t *testing.T) {
	oldForm := Input{Path: "04_首次.eml › 申报表.docx", SHA256: "aa", Kind: "申报表", Status: "parsed", Window: "市民中心不动产登记窗口"}
	renamed := Input{Path: "09.eml › 申报表.docx", SHA256: "bb", Kind: "申报表", Status: "parsed", Window: "医保经办窗口"}
	prev := result(run1, []Input{oldForm, renamed, {Path: "x.eml › 申报表.docx", SHA256: "cc", Kind: "申报表", Status: "parsed", Window: "户籍业务窗口"}},
		sub("市民中心不动产登记窗口", "不动产中心", fnd("F01", "所属单位（部门）", "申报表.docx 表1 第2行第2列", "所属单位未填写")),
		sub("医保经办窗口", "医保局"),
		sub("户籍业务窗口", "公安分局"),
	)
	newForm := Input{Path: "05_更正.eml › 申报表.docx", SHA256: "dd", Kind: "申报表", Status: "parsed", Window: "市民中心 不动产登记窗口"}
	superseded := oldForm
	superseded.Status, superseded.Reason = "superseded", "已被新版本替代：05_更正.eml › 申报表.docx"
	moved := renamed
	moved.Window = "医保经办服务窗口"
	cur := result(run2, []Input{superseded, newForm, moved},
		sub("市民中心 不动产登记窗口", "不动产中心"),
		sub("医保经办服务窗口", "医保局"),
		sub("规划许可审批窗口", "自然资源局", fnd("P01", "派驻纪检监察部门意见", "", "意见栏未填写")),
	)
	ch := Compare(prev, cur)
	if got := ch.NewWindows; len(got) != 2 || got[0].WindowName != "医保经办服务窗口" || got[1].WindowName != "规划许可审批窗口" {
		t.Errorf("new windows = %+v", got)
	}
	wantGone := []GoneWindow{
		{WindowName: "医保经办窗口", Unit: "医保局", Before: "合规", Reason: "上次的材料本次归入窗口“医保经办服务窗口”（窗口名称可能已更改）"},
		{WindowName: "户籍业务窗口", Unit: "公安分局", Before: "合规", Reason: "本次输入中没有该窗口上次的材料（文件未再提供）"},
	}
	if !reflect.DeepEqual(ch.GoneWindows, wantGone) {
		t.Errorf("gone = %+v\nwant %+v", ch.GoneWindows, wantGone)
	}
	w := ch.Windows[0]
	if w.Before != finding.NeedsFix || w.After != finding.Compliant || len(w.Closed) != 1 {
		t.Fatalf("window 0 = %+v", w)
	}
	if w.Closed[0].ClosedBy != newForm.Path {
		t.Errorf("closed by %q, want %q", w.Closed[0].ClosedBy, newForm.Path)
	}
	if !reflect.DeepEqual(w.NewFiles, []string{newForm.Path}) {
		t.Errorf("new files = %v", w.NewFiles)
	}
	n := ch.Counts()
	if n.Improved != 1 || n.Closed != 1 || n.New != 1 || n.NewWindows != 2 || n.GoneWindows != 2 || n.ClosedWithoutFile != 0 {
		t.Errorf("counts = %+v", n)
	}
}

// TestCompareHistory follows one finding over three runs: the count of runs
// it stays open and the date it was first asked for come forward through
// the second run's Changes.
func TestCompareHistory(t *testing.T) {
	seal := fnd("P03", "推荐单位", "初审表.docx 表1 第8行第2列", "推荐单位意见栏未盖章")
	photo := fnd("M05", "工作照片", "", "缺少集体或个人工作照片")
	r1 := result(run1, nil, sub("税务综合服务窗口", "税务局", seal))
	r2 := result(run2, nil, sub("税务综合服务窗口", "税务局", seal, photo))
	r2.Changes = Compare(r1, r2)
	seal.Message = "推荐单位栏缺少公章"
	r3 := result(run3, nil, sub("税务综合服务窗口", "税务局", seal))
	ch := Compare(r2, r3)
	if ch.Run != 3 {
		t.Errorf("run = %d, want 3", ch.Run)
	}
	if r2.Changes.PreviousLastNotice != 1 || ch.PreviousLastNotice != 1 {
		t.Errorf("notice numbers: run 2 from %d, run 3 from %d; want 1 and 1 (run 2 wrote none)", r2.Changes.PreviousLastNotice, ch.PreviousLastNotice)
	}
	w := ch.Windows[0]
	if len(w.Open) != 1 || w.Open[0].Runs != 3 || !w.Open[0].Since.Equal(run1) || w.Open[0].AskedAt != "2024-04-08" {
		t.Errorf("open = %+v", w.Open)
	}
	if len(w.Closed) != 1 || w.Closed[0].Code != "M05" || w.Closed[0].Runs != 1 || w.Closed[0].ClosedBy != "" {
		t.Errorf("closed = %+v", w.Closed)
	}
	if n := ch.Counts(); n.StillOpen != 1 || n.ClosedWithoutFile != 1 {
		t.Errorf("counts = %+v", n)
	}
	if again := Compare(r2, r3); !reflect.DeepEqual(again, ch) {
		t.Error("Compare is not deterministic")
	}
}

// TestAskedOnlyWhatTheNoticeListed: 首次告知日期 is given only to what the
// 补正告知书 listed — the window's errors — not to a 待核查 item nor to a
// 联审 finding the notice never tells the window.
func TestAskedOnlyWhatTheNoticeListed(t *testing.T) {
	id := fnd("F04", "身份证号码", "申报表.docx 表1 第4行第2列", "身份证号码无效")
	seal := fnd("S01", "推荐单位", "扫描记录.csv 第8行", "盖章识别置信度62%")
	joint := fnd("J01", "", "直机关工委.csv 第5行", "市直机关工委联审反馈：党内警告处分")
	prev := result(run1, nil, sub("车驾管业务窗口", "交警支队", id, seal, joint))
	cur := result(run2, nil, sub("车驾管业务窗口", "交警支队", id, seal, joint))
	w := Compare(prev, cur).Windows[0]
	got := map[string]string{}
	for _, f := range w.Open {
		got[f.Code] = f.AskedAt
	}
	if want := map[string]string{"F04": "2024-04-08", "S01": "", "J01": ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("asked at %v, want %v", got, want)
	}
}

func TestCellOf(t *testing.T) {
	for loc, want := range map[string]string{
		"申报表.docx 表1 第4行第2列":                    "表1第4行第2列",
		"初审表.docx 表1 第8行第2列；扫描记录_第三批.xlsx 第30行": "表1第8行第2列,第30行",
		"扫描/初审表.pdf 第1页":                        "第1页",
		"samples/mailbox/12.eml › 初审表.docx":     "",
		"第三批扫描记录":                               "",
	} {
		if got := cellOf(loc); got != want {
			t.Errorf("cellOf(%q) = %q, want %q", loc, got, want)
		}
	}
}
