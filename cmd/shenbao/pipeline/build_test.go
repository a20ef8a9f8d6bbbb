package pipeline

import (
	"testing"
	"time"

	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/validate/dossier"
)

func TestReviewRowCell(t *testing.T) {
	day := time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		row  dossier.Row
		want string
	}{
		{"complete from a scan", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "扫描", Date: day, DateFrom: "扫描", Stamped: scan.Yes, MarkFrom: "扫描"}, "✓（扫描）"},
		{"word opinion, scanned stamp", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "电子版", Date: day, DateFrom: "电子版", Stamped: scan.Yes, MarkFrom: "扫描"}, "✓（电子版+扫描）"},
		{"stamp missing", dossier.Row{Found: true, Needs: "盖章", Opinion: "同意", OpinionFrom: "扫描", Date: day, DateFrom: "扫描", Stamped: scan.No, MarkFrom: "扫描"}, "缺盖章（扫描）"},
		{"word only: signature unknown", dossier.Row{Found: true, Needs: "签字", Opinion: "同意", OpinionFrom: "电子版", Date: day, DateFrom: "电子版"}, "签字待核（电子版）"},
		{"empty row", dossier.Row{Found: true, Needs: "签字", Signed: scan.No, MarkFrom: "扫描"}, "缺意见 缺签字 缺日期（扫描）"},
		{"row not found anywhere", dossier.Row{Needs: "签字"}, "缺"},
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
