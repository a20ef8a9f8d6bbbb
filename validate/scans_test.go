package validate

import (
	"testing"

	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/validate/dossier"
	"shenbao/validate/profile"
)

func TestCheckScans(t *testing.T) {
	p := profile.Default()
	row := func(role, needs, from string, signed, stamped scan.Tri, conf float64) dossier.Row {
		return dossier.Row{Role: role, Needs: needs, Found: true, Signed: signed, Stamped: stamped,
			MarkFrom: from, Confidence: conf, Location: "meta.csv 第3行"}
	}
	rec := []scan.Record{{Source: "meta.csv", Row: 3, Field: "推荐单位"}}
	// Evidence read from a scan page itself (parser/seal).
	pageRec := []scan.Record{{Source: "mail › 初审表.jpg", File: "初审表.jpg", Page: 1, Field: "推荐单位", Image: true}}
	readPage := seal.Page{File: "初审表.jpg", Page: 1}
	lostPage := seal.Page{File: "背面.jpg", Page: 2, Trouble: &seal.Error{Kind: seal.NoTable}, Problem: "扫描件上未能找到初审表的表格线"}
	pageRow := func(role, needs string, stamped scan.Tri) dossier.Row {
		return dossier.Row{Role: role, Needs: needs, Found: true, Unread: true, Stamped: stamped,
			MarkFrom: "扫描", Confidence: 0.9, ScanPage: 1, Location: "初审表.jpg 第1页"}
	}
	tests := []struct {
		name string
		d    dossier.Dossier
		want string
	}{
		{"S01 low-confidence stamp", dossier.Dossier{Scans: rec, Rows: []dossier.Row{
			row("推荐单位", "盖章", "扫描", scan.Unknown, scan.Yes, 0.62)}},
			"S01|review|推荐单位|“推荐单位”的盖章在扫描件中识别为“是”，识别置信度62%，低于80%，需人工核对|meta.csv 第3行|请人工核对纸质初审表“推荐单位”栏的盖章"},
		{"S01 low-confidence missing signature", dossier.Dossier{Scans: rec, Rows: []dossier.Row{
			row("部门负责人意见", "签字", "扫描", scan.No, scan.Unknown, 0.5)}},
			"S01|review|部门负责人意见|“部门负责人意见”的签字在扫描件中识别为“否”，识别置信度50%，低于80%，需人工核对|meta.csv 第3行|请人工核对纸质初审表“部门负责人意见”栏的签字"},
		{"S01 blank signature cell", dossier.Dossier{Scans: rec, Rows: []dossier.Row{
			row("分管领导意见", "签字", "扫描", scan.Unknown, scan.Yes, 0.95)}},
			"S01|review|分管领导意见|扫描记录未给出“分管领导意见”是否签字（该项空白或无法识别），需人工核对|meta.csv 第3行|请人工核对纸质初审表“分管领导意见”栏的签字"},
		{"no S01 at or above the threshold, without confidence, or from Word", dossier.Dossier{Scans: rec, Rows: []dossier.Row{
			row("推荐单位", "盖章", "扫描", scan.Unknown, scan.Yes, 0.8),
			row("行业主管部门意见", "盖章", "扫描", scan.Unknown, scan.Yes, -1),
			row("组织（人事）部门意见", "盖章", "电子版", scan.Unknown, scan.Yes, -1)}}, ""},
		{"S04 Word 初审表 alone", dossier.Dossier{
			Review: &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx")},
			Rows:   []dossier.Row{{Role: "推荐单位", Needs: "盖章", Found: true, Confidence: -1}}},
			"S04|error|初审表|初审表只有WORD电子版，没有签字盖章的扫描件，也没有电子签章|mail › 初审表.docx|请提交已签字盖章的纸质初审表（附件2）扫描件（PDF或JPG），各审核栏目的签字、盖章须清晰可见"},
		{"no S04 with an electronic seal", dossier.Dossier{
			Review: &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx")},
			Rows:   []dossier.Row{row("推荐单位", "盖章", "电子版", scan.Unknown, scan.Yes, -1)}}, ""},
		{"S04 names the rows an electronic seal does not cover", dossier.Dossier{
			Review: &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx")},
			Rows: []dossier.Row{
				row("推荐单位", "盖章", "电子版", scan.Unknown, scan.Yes, -1),
				{Role: "部门负责人意见", Needs: "签字", Found: true, Confidence: -1},
				{Role: "行业主管部门意见", Needs: "盖章", Found: true, Confidence: -1}}},
			"S04|error|初审表|初审表只有WORD电子版，没有扫描件；“部门负责人意见”、“行业主管部门意见”栏没有电子签名或电子印章，无法确认已签字盖章|mail › 初审表.docx|请提交已签字盖章的纸质初审表（附件2）扫描件（PDF或JPG），各审核栏目的签字、盖章须清晰可见"},
		{"no S04 with scan records", dossier.Dossier{
			Review: &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx")}, Scans: rec,
			Rows: []dossier.Row{row("推荐单位", "盖章", "扫描", scan.Unknown, scan.Yes, 0.99)}}, ""},
		{"no S04 without a Word 初审表", dossier.Dossier{}, ""},
		{"no S04 with a scan page read", dossier.Dossier{
			Review: &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx")}, Scans: pageRec, ScanPages: []seal.Page{readPage},
			Rows: []dossier.Row{pageRow("推荐单位", "盖章", scan.Yes)}}, ""},
		{"S01 for a doubtful seal on a page, none for its 签字 rows", dossier.Dossier{Scans: pageRec, ScanPages: []seal.Page{readPage},
			Rows: []dossier.Row{pageRow("推荐单位", "盖章", scan.Unknown), pageRow("部门负责人意见", "签字", scan.Unknown)}},
			"S01|review|推荐单位|扫描件上“推荐单位”栏的印章无法确认（印章模糊、跨栏、为名章或扫描件为黑白），需人工核对|初审表.jpg 第1页|请人工核对纸质初审表“推荐单位”栏的盖章"},
		{"S05 when no page gives the rows", dossier.Dossier{ScanPages: []seal.Page{lostPage},
			Rows: []dossier.Row{{Role: "推荐单位", Needs: "盖章", Unread: true, Confidence: -1}}},
			"S05|review|初审表|扫描件“背面.jpg”第2页：扫描件上未能找到初审表的表格线，印章未判断，需人工核对|背面.jpg 第2页|请人工查看该页各审核栏的盖章情况；如扫描不清，请重新扫描（彩色、300dpi、页面摆正）"},
		{"no S05 for a blank back side when another page was read", dossier.Dossier{Scans: pageRec, ScanPages: []seal.Page{readPage, lostPage},
			Rows: []dossier.Row{pageRow("推荐单位", "盖章", scan.Yes)}}, ""},
		{"no S05 when a station's records cover the window", dossier.Dossier{Scans: rec, ScanPages: []seal.Page{lostPage},
			Rows: []dossier.Row{row("推荐单位", "盖章", "扫描", scan.Unknown, scan.Yes, 0.95)}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := renderFindings(CheckScans(&tc.d, p)); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
