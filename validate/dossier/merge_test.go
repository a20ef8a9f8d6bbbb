package dossier

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/scan"
)

// renderRow shows a merged row.
func renderRow(r Row) string {
	d := ""
	if !r.Date.IsZero() {
		d = r.Date.Format("2006-01-02")
	}
	return fmt.Sprintf("%s|%s|found=%v|%s<%s|%s(%s)<%s|signed=%s|stamped=%s<%s|%g|%s",
		r.Role, r.Needs, r.Found, r.Opinion, r.OpinionFrom, d, r.DateText, r.DateFrom,
		r.Signed, r.Stamped, r.MarkFrom, r.Confidence, r.Location)
}

func wordRow2(role, opinion, date string, images int) form.ReviewRow {
	r := form.ReviewRow{Role: role, Found: true, Location: "表1 第5行", Opinion: opinion, DateText: date}
	if date != "" {
		r.Date = day(date)
	}
	for range images {
		r.Images = append(r.Images, form.ImageRef{Target: "media/image1.png"})
	}
	return r
}

func rec(row int, field, opinion string, signed, stamped scan.Tri, date string, conf float64) scan.Record {
	r := scan.Record{Source: "扫描/meta.csv", Row: row, Window: "立山区医保服务窗口", Field: field, Opinion: opinion,
		Signed: signed, Stamped: stamped, DateText: date, Confidence: conf}
	if t, err := timeParse(date); err == nil {
		r.Date = t
	}
	return r
}

func timeParse(s string) (time.Time, error) {
	if s == "" || strings.Contains(s, "X") {
		return time.Time{}, fmt.Errorf("no date")
	}
	return day(s), nil
}

func TestMergeRows(t *testing.T) {
	word := []form.ReviewRow{
		wordRow2("部门负责人意见", "同意推荐", "2024-03-28", 1),
		wordRow2("分管领导意见", "同意", "2024-03-29", 0),
		wordRow2("组织（人事）部门意见", "", "", 0),
		wordRow2("派驻纪检监察部门意见", "同意", "2024-04-01", 1),
		wordRow2("主要领导意见", "同意", "2024-04-02", 0),
	}
	records := []scan.Record{
		rec(2, "分管领导意见", "同意", scan.Yes, scan.Unknown, "2024-03-29", 0.97),
		rec(3, "组织人事部门意见", "同意", scan.Unknown, scan.Yes, "2024-03-30", 0.62),
		rec(4, "纪检监察部门", "", scan.Unknown, scan.No, "", 0.9),
		rec(5, "主要领导意见", "同意", scan.Yes, scan.Unknown, "2024-04-03", 95),
		rec(6, "推荐单位意见", "同意推荐", scan.Unknown, scan.No, "2024-04-09", -1),
		rec(7, "推荐单位", "同意推荐", scan.Unknown, scan.Yes, "2024-04-09", 0.88),
		rec(8, "领导意见", "同意", scan.Yes, scan.Unknown, "", -1),
	}
	items := []*Piece{
		app(item("申报表.docx", nil, 1), "立山区医保服务窗口", ""),
		review(item("初审表.docx", nil, 2), "立山区医保服务窗口", word...),
	}
	ds, _, _ := Assemble(items, records, testProfile())
	if len(ds) != 1 {
		t.Fatalf("got %d dossiers", len(ds))
	}
	if len(ds[0].Rows) != 0 {
		t.Errorf("rows merged before Open: %v", ds[0].Rows)
	}
	if err := ds[0].Open(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range ds[0].Rows {
		got = append(got, renderRow(r))
	}
	want := []string{
		"部门负责人意见|签字|found=true|同意推荐<电子版|2024-03-28(2024-03-28)<电子版|signed=是|stamped=<电子版|-1|初审表.docx 表1 第5行",
		"分管领导意见|签字|found=true|同意<电子版|2024-03-29(2024-03-29)<电子版|signed=是|stamped=<扫描|0.97|初审表.docx 表1 第5行；meta.csv 第2行",
		"组织（人事）部门意见|盖章|found=true|同意<扫描|2024-03-30(2024-03-30)<扫描|signed=|stamped=是<扫描|0.62|初审表.docx 表1 第5行；meta.csv 第3行",
		"派驻纪检监察部门意见|盖章|found=true|同意<电子版|2024-04-01(2024-04-01)<电子版|signed=|stamped=否<扫描|0.9|初审表.docx 表1 第5行；meta.csv 第4行",
		"主要领导意见|签字|found=true|同意<电子版|2024-04-02(2024-04-02)<电子版|signed=是|stamped=<扫描|95|初审表.docx 表1 第5行；meta.csv 第5行",
		"推荐单位|盖章|found=true|同意推荐<扫描|2024-04-09(2024-04-09)<扫描|signed=|stamped=是<扫描|0.88|meta.csv 第7行",
		"行业主管部门意见|盖章|found=false|<|()<|signed=|stamped=<|-1|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, f := range ds[0].Findings {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", f.Code, f.Level, f.Field, f.Message, f.Location))
	}
	want = []string{
		"S03|review|领导意见|扫描记录 meta.csv 第8行：栏目“领导意见”无法对应到初审表的审核栏目|meta.csv 第8行",
		"S02|review|派驻纪检监察部门意见|“派驻纪检监察部门意见”电子版填写了意见“同意”，但扫描件该栏为空（无意见、未盖章、无日期）|初审表.docx 表1 第5行；meta.csv 第4行",
		"S02|review|派驻纪检监察部门意见|“派驻纪检监察部门意见”电子版有电子印章图片，但扫描件显示未盖章|初审表.docx 表1 第5行；meta.csv 第4行",
		"S02|review|主要领导意见|“主要领导意见”电子版日期为2024年4月2日，扫描件日期为2024年4月3日|初审表.docx 表1 第5行；meta.csv 第5行",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMatchRow(t *testing.T) {
	rows := testProfile().ReviewRows
	tests := []struct {
		field string
		want  int
	}{
		{"部门负责人意见", 0}, {"部 门 负 责 人", 0}, {"分管领导", 1},
		{"组织（人事）部门意见", 2}, {"组织(人事)部门意见", 2}, {"组织人事部门意见", 2}, {"人事部门", 2},
		{"派驻纪检监察部门意见", 3}, {"纪检监察部门", 3}, {"推荐单位意见", 5}, {"推荐单位", 5},
		{"行业主管部门意见栏", 6},
		{"领导意见", -1}, {"备注", -1}, {"", -1}, {"意见", -1}, {"部门", -1},
	}
	for _, tc := range tests {
		if got := matchRow(tc.field, rows); got != tc.want {
			t.Errorf("matchRow(%q) = %d, want %d", tc.field, got, tc.want)
		}
	}
}
