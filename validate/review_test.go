package validate

import (
	"slices"
	"testing"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/scan"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

func wordRow(d *dossier.Dossier, role string) *form.ReviewRow {
	for i := range d.Review.Form.Rows {
		if d.Review.Form.Rows[i].Role == role {
			return &d.Review.Form.Rows[i]
		}
	}
	panic("no word row " + role)
}

func TestReviewRules(t *testing.T) {
	p := profile.Default()
	tests := []struct {
		name string
		edit func(d *dossier.Dossier)
		want []string
	}{
		{"P01 opinion empty", func(d *dossier.Dossier) { row(d, "分管领导意见").Opinion = "" }, []string{"P01/error"}},
		{"P01 from scans only", func(d *dossier.Dossier) {
			d.Review = nil
			r := row(d, "分管领导意见")
			r.Found, r.Opinion = false, ""
		}, []string{"P01/error"}},
		{"P01 not without any evidence for the row", func(d *dossier.Dossier) {
			d.Scans = nil
			r := row(d, "分管领导意见")
			*r = dossier.Row{Role: r.Role, Needs: r.Needs, Confidence: -1}
		}, []string{}},
		{"nothing without any 初审表", func(d *dossier.Dossier) {
			d.Review, d.Scans = nil, nil
			for i := range d.Rows {
				d.Rows[i] = dossier.Row{Role: d.Rows[i].Role, Needs: d.Rows[i].Needs, Confidence: -1}
			}
		}, []string{}},
		{"no P01 or P04 for rows known only from a scan page's seals", func(d *dossier.Dossier) {
			d.Review = nil
			for i := range d.Scans {
				d.Scans[i].Image = true
			}
			for i := range d.Rows {
				r := &d.Rows[i]
				r.Opinion, r.OpinionFrom, r.Date, r.DateText, r.DateFrom = "", "", time.Time{}, "", ""
				r.Signed, r.Unread, r.ScanPage = scan.Unknown, true, 1
			}
			row(d, "推荐单位").Stamped = scan.No
		}, []string{"P03/error"}},
		{"P02 not signed", func(d *dossier.Dossier) { row(d, "部门负责人意见").Signed = scan.No }, []string{"P02/error"}},
		{"P02 not when unknown", func(d *dossier.Dossier) { row(d, "部门负责人意见").Signed = scan.Unknown }, []string{}},
		{"P02 not for a 盖章 row", func(d *dossier.Dossier) { row(d, "推荐单位").Signed = scan.No }, []string{}},
		{"P03 not stamped", func(d *dossier.Dossier) { row(d, "推荐单位").Stamped = scan.No }, []string{"P03/error"}},
		{"P03 not for a 签字 row", func(d *dossier.Dossier) { row(d, "主要领导意见").Stamped = scan.No }, []string{}},
		{"P04 no date", func(d *dossier.Dossier) {
			r := row(d, "分管领导意见")
			r.Date, r.DateText = time.Time{}, ""
		}, []string{"P04/error"}},
		{"P04 invalid date", func(d *dossier.Dossier) {
			r := row(d, "分管领导意见")
			r.Date, r.DateText, r.DateInvalid = time.Time{}, "2024年2月30日", true
		}, []string{"P04/error"}},
		{"P04 and F07 for an untouched X年X月X日", func(d *dossier.Dossier) {
			r := row(d, "分管领导意见")
			r.Date, r.DateText = time.Time{}, "X年X月X日"
			w := wordRow(d, "分管领导意见")
			w.Raw, w.DateText = "同意推荐。 签字： X年X月X日", "X年X月X日"
		}, []string{"F07/error", "P04/error"}},
		{"P04 invalid date even with a parsed value", func(d *dossier.Dossier) {
			r := row(d, "推荐单位")
			r.Date, r.DateText, r.DateInvalid = day0(2024, 3, 1), "2024年2月30日", true
		}, []string{"P04/error"}},
		{"P05 after the deadline", func(d *dossier.Dossier) { row(d, "行业主管部门意见").Date = day0(2024, 4, 22) }, []string{"P05/info"}},
		{"P05 not on the deadline", func(d *dossier.Dossier) { row(d, "行业主管部门意见").Date = day0(2024, 4, 19) }, []string{}},
		{"P06 推荐单位 before 公示 ended", func(d *dossier.Dossier) { row(d, "推荐单位").Date = day0(2024, 4, 5) }, []string{"P06/info"}},
		{"P06 not on the first day after 公示", func(d *dossier.Dossier) { row(d, "推荐单位").Date = day0(2024, 4, 6) }, []string{}},
		{"P06 行业 before 推荐单位", func(d *dossier.Dossier) { row(d, "行业主管部门意见").Date = day0(2024, 4, 7) }, []string{"P06/info"}},
		{"P06 行业 before 内部审核 when 推荐单位 is undated", func(d *dossier.Dossier) {
			row(d, "推荐单位").Date = time.Time{}
			row(d, "行业主管部门意见").Date = day0(2024, 4, 2)
		}, []string{"P04/error", "P06/info"}},
		{"P07 window name differs", func(d *dossier.Dossier) {
			setField(d.Review.Form.Fields, keyWindow, "鞍山市政务服务中心不动产交易窗口")
		}, []string{"P07/error"}},
		{"P07 not for width, brackets and spaces", func(d *dossier.Dossier) {
			setField(d.Application.Form.Fields, keyWindow, "鞍山市政务服务中心（一楼）不动产登记窗口")
			setField(d.Review.Form.Fields, keyWindow, "鞍山市政务服务中心 (一楼) 不动产登记窗口")
		}, []string{}},
		{"P07 staff differ", func(d *dossier.Dossier) { setField(d.Review.Form.Fields, keyStaffNames, "张伟、王强") }, []string{"P07/error"}},
		{"P07 not for spaced names in another order", func(d *dossier.Dossier) {
			setField(d.Review.Form.Fields, keyStaffNames, "李娜  张  伟")
		}, []string{}},
		{"P08 negative opinion", func(d *dossier.Dossier) { row(d, "主要领导意见").Opinion = "不同意推荐。" }, []string{"P08/error"}},
		{"P08 不予推荐", func(d *dossier.Dossier) { row(d, "推荐单位").Opinion = "经研究，不予推荐。" }, []string{"P08/error"}},
		{"P08 not for 无不同意见", func(d *dossier.Dossier) {
			row(d, "主要领导意见").Opinion = "经公示无不同意见，同意推荐。"
		}, []string{}},
		{"P08 not for 未发现不符合", func(d *dossier.Dossier) {
			row(d, "主要领导意见").Opinion = "经审核，未发现不符合条件情形，同意推荐。"
		}, []string{}},
		{"F07 prompt left in an opinion", func(d *dossier.Dossier) {
			w := wordRow(d, "部门负责人意见")
			w.Raw = "（简要写明审核情况，出具审核意见）同意推荐。 签字： 2024年4月1日"
		}, []string{"F07/error"}},
		{"F07 mark alone as the window name", func(d *dossier.Dossier) {
			setField(d.Review.Form.Fields, keyStaffNames, "（签字）")
		}, []string{"F07/error", "P07/error"}},
		{"F07 not for the printed marks in the cell", func(d *dossier.Dossier) {
			wordRow(d, "推荐单位").Raw = "同意推荐。（盖章） 年 月 日 2024年4月8日"
		}, []string{}},
		{"F10 review label missing", func(d *dossier.Dossier) {
			delete(d.Review.Form.Fields, keyStaffNames)
			d.Review.Form.Missing = []string{keyStaffNames}
		}, []string{"F10/review"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(t, p)
			tc.edit(d)
			fs := CheckReview(d, p)
			if got := codes(fs); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v\n%+v", got, tc.want, fs)
			}
			assertWellFormed(t, fs)
		})
	}
}

func TestReviewMessages(t *testing.T) {
	p := profile.Default()
	tests := []struct {
		name string
		edit func(d *dossier.Dossier)
		want finding.Finding
	}{
		{"P02", func(d *dossier.Dossier) { row(d, "部门负责人意见").Signed = scan.No }, finding.Finding{
			Code: "P02", Level: finding.Error, Message: "初审表“部门负责人意见”栏未签字（依据扫描）", Field: "部门负责人意见",
			Location: "初审表.docx 表1 第3行第2列",
			Fix:      "请由负责人在初审表“部门负责人意见”栏亲笔签字（打印的姓名不能代替签字）后重新报送签字盖章的初审表（扫描件）"}},
		{"P04", func(d *dossier.Dossier) {
			r := row(d, "分管领导意见")
			r.Date, r.DateText, r.DateInvalid = time.Time{}, "2024年2月30日", true
		}, finding.Finding{
			Code: "P04", Level: finding.Error, Message: "初审表“分管领导意见”日期“2024年2月30日”无效", Field: "分管领导意见",
			Location: "初审表.docx 表1 第4行第2列",
			Fix:      "请在初审表“分管领导意见”栏填写签署日期（某年某月某日）后重新报送签字盖章的初审表（扫描件）"}},
		{"P05", func(d *dossier.Dossier) { row(d, "行业主管部门意见").Date = day0(2024, 4, 22) }, finding.Finding{
			Code: "P05", Level: finding.Info, Message: "初审表“行业主管部门意见”日期（2024-04-22）晚于时间节点（2024-04-19）",
			Field: "行业主管部门意见", Location: "初审表.docx 表1 第9行第2列",
			Fix: "请核实“行业主管部门意见”的签署日期；确实晚于时间节点的，请书面说明原因"}},
		{"P06", func(d *dossier.Dossier) { row(d, "推荐单位").Date = day0(2024, 4, 5) }, finding.Finding{
			Code: "P06", Level: finding.Info,
			Message: "“推荐单位”日期（2024-04-05）早于内部审核日期（“组织（人事）部门意见”2024-04-03）加3天公示（2024-04-06）",
			Field:   "推荐单位", Location: "初审表.docx 表1 第8行第2列",
			Fix: "请核实各栏签署日期：内部审核、内部公示3天、推荐单位集体审定、行业主管部门审核应依次进行；日期填写有误的后重新报送签字盖章的初审表（扫描件）"}},
		{"P07 staff", func(d *dossier.Dossier) { setField(d.Review.Form.Fields, keyStaffNames, "张伟、王强") }, finding.Finding{
			Code: "P07", Level: finding.Error, Message: "初审表窗口人员与申报表不一致：初审表缺少李娜，初审表多出王强",
			Field: "窗口人员姓名", Location: "初审表.docx 表1 第2行第2列",
			Fix: "请核实窗口人员，使初审表与申报表填写的人员一致后重新报送签字盖章的初审表（扫描件）"}},
		{"P08", func(d *dossier.Dossier) { row(d, "主要领导意见").Opinion = "不同意推荐。" }, finding.Finding{
			Code: "P08", Level: finding.Error, Message: "初审表“主要领导意见”为否定性意见（含“不同意”）：不同意推荐。",
			Field: "主要领导意见", Location: "初审表.docx 表1 第7行第2列",
			Fix: "“主要领导意见”意见为否定性意见的，该窗口不能推荐；如填写有误，请重新签署意见后重新报送签字盖章的初审表（扫描件）"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(t, p)
			tc.edit(d)
			fs := CheckReview(d, p)
			if len(fs) != 1 || fs[0] != tc.want {
				t.Errorf("got %+v\nwant %+v", fs, tc.want)
			}
		})
	}
}

func TestNegativeWord(t *testing.T) {
	words := []string{"不同意", "不予推荐", "不推荐", "暂缓", "不符合", "否决"}
	tests := []struct{ opinion, want string }{
		{"同意推荐", ""},
		{"不同意", "不同意"},
		{"经研究，不同意推荐", "不同意"},
		{"无不同意见，同意推荐", ""},
		{"没有不同意见", ""},
		{"有不同意见，暂缓推荐", "暂缓"},
		{"该同志不符合推荐条件", "不符合"},
		{"未发现不符合推荐条件的情形", ""},
		{"不同意见已处理；不予推荐", "不予推荐"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := negativeWord(tc.opinion, words); got != tc.want {
			t.Errorf("negativeWord(%q) = %q, want %q", tc.opinion, got, tc.want)
		}
	}
}
