package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/parser/classify"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/validate/dossier"
	"shenbao/validate/profile"
)

func TestReviewRowCell(t *testing.T) {
	day := time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		row  dossier.Row
		want string
	}{
		{"complete from a scan", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "扫描", Date: day, DateFrom: "扫描", Stamped: scan.Yes, MarkFrom: "扫描"}, "✓\n扫描"},
		{"word opinion, scanned stamp", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "电子版", Date: day, DateFrom: "电子版", Stamped: scan.Yes, MarkFrom: "扫描"}, "✓\n电子版+扫描"},
		{"stamp missing", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "扫描", Date: day, DateFrom: "扫描", Stamped: scan.No, MarkFrom: "扫描"}, "缺盖章\n扫描"},
		{"word only: signature unknown", dossier.Row{Found: true, Needs: "签字", Opinion: "同意", OpinionFrom: "电子版", Date: day, DateFrom: "电子版"}, "签字待核\n电子版"},
		{"empty row", dossier.Row{Found: true, Needs: "签字", Signed: scan.No, MarkFrom: "扫描"}, "缺意见 缺签字 缺日期\n扫描"},
		{"row not found anywhere", dossier.Row{Needs: "签字"}, "缺"},
		{"scan page only: seal seen", dossier.Row{Found: true, Unread: true, Needs: "盖章", Stamped: scan.Yes, MarkFrom: "扫描", ScanPage: 1}, "✓\n扫描"},
		{"scan page only: no seal", dossier.Row{Found: true, Unread: true, Needs: "盖章", Stamped: scan.No, MarkFrom: "扫描", ScanPage: 1}, "缺盖章\n扫描"},
		{"scan page only: doubtful seal", dossier.Row{Found: true, Unread: true, Needs: "盖章", MarkFrom: "扫描", ScanPage: 1}, "盖章待核\n扫描"},
		{"scan page only: signature not judged", dossier.Row{Found: true, Unread: true, Needs: "签字", MarkFrom: "扫描", ScanPage: 1}, "签字未识别\n扫描"},
		{"scan page whose rows were not located", dossier.Row{Unread: true, Needs: "盖章"}, "待核（扫描件未能识别）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := reviewRow(tc.row).Cell; got != tc.want {
				t.Errorf("cell %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMailLine(t *testing.T) {
	m := &intake.Mail{From: "张三 <z@163.com>", Subject: "申报材料", Date: time.Date(2024, 4, 1, 9, 5, 0, 0, time.FixedZone("CST", 8*3600))}
	if got, want := mailLine(m), "张三 <z@163.com>，2024-04-01 09:05，主题：申报材料"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if mailLine(nil) != "" {
		t.Errorf("no mail should give an empty 来源")
	}
}

// TestReportProfileLevels checks that findings belonging to no window (S03
// for scan records and metadata rows, M09 for unreadable files of no
// window) follow the profile's rules.disabled and rules.levels like every
// window's findings do.
func TestReportProfileLevels(t *testing.T) {
	in := ReportInput{
		Items: []*intake.Item{
			{Path: "收件箱 › 第1封 › 材料.docx", Name: "材料.docx", Status: intake.Failed, Reason: "文件已损坏，无法作为WORD文档打开"},
			{Path: "收件箱 › 第2封 › 申报表.docx", Name: "申报表.docx", Status: intake.Parsed},
		},
		Unmatched: []scan.Record{{Source: "扫描记录.csv", Row: 3, Window: "不存在的窗口", Field: "分管领导意见"}},
		Problems:  []scan.Problem{{Source: "扫描记录.csv", Row: 5, Message: "日期无法识别"}},
	}
	tests := []struct {
		name  string
		rules profile.RuleSettings
		want  []string // code:level of Unattributed, in order
	}{
		{"catalogue levels", profile.RuleSettings{}, []string{"S03:review", "S03:review", "M09:error"}},
		{"S03 disabled, M09 re-levelled", profile.RuleSettings{Disabled: []string{"s03"}, Levels: map[string]string{"M09": "待核查"}}, []string{"M09:review"}},
		{"M09 disabled, S03 an error", profile.RuleSettings{Disabled: []string{"M09"}, Levels: map[string]string{"S03": "error"}}, []string{"S03:error", "S03:error"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := profile.Default()
			p.Rules = tc.rules
			res := Report(in, p, time.Date(2024, 4, 20, 9, 0, 0, 0, time.UTC))
			var got []string
			for _, f := range res.Unattributed {
				got = append(got, f.Code+":"+string(f.Level))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("unattributed %v, want %v", got, tc.want)
			}
		})
	}
}

// TestUnreadableTableGoesBack: an unreadable ranking or 联审 return is
// M09 telling the clerk to ask the department, not "no window known".
func TestUnreadableTableGoesBack(t *testing.T) {
	var in ReportInput
	for i, k := range []classify.Kind{classify.Ranking, classify.JointReturn, classify.Failed} {
		it := &intake.Item{Path: fmt.Sprintf("排序/%d.xls", i), Name: fmt.Sprintf("%d.xls", i), Status: intake.Failed, Reason: "已损坏"}
		in.Items = append(in.Items, it)
		in.Pieces = append(in.Pieces, &dossier.Piece{Item: it, Kind: k})
	}
	fs := unattributed(in, itemKinds(in.Pieces))
	var fixes []string
	for _, f := range fs {
		if f.Code == "M09" {
			fixes = append(fixes, f.Fix)
		}
	}
	if len(fixes) != 3 || !strings.Contains(fixes[0], "行业主管部门") || !strings.Contains(fixes[1], "联审结果的部门") || !strings.Contains(fixes[2], "无法判断所属窗口") {
		t.Errorf("M09 fixes %q", fixes)
	}
}
