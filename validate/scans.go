package validate

import (
	"fmt"
	"slices"
	"strings"

	"shenbao/parser/scan"
	"shenbao/parser/seal"

	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// needsStamp is profile.ReviewRow.Needs of a row that wants a seal.
const needsStamp = "盖章"

// CheckScans judges the scan evidence of a window: S01 for a mark read
// with low confidence or not given at all (the scan settles nothing: a
// person looks; on a scan page, a seal the analysis is not sure of), S05 for a scan page whose review rows could not be
// located, S04 for a Word 初审表 that has neither scan records, nor scan
// pages read, nor signature or seal images. (S02 and the S03 of unknown 栏目 are made
// while assembling and arrive in d.Findings; the S03 of records that match
// no window comes from dossier.UnmatchedFindings.)
func CheckScans(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	var fs []finding.Finding
	for _, r := range d.Rows {
		if r.MarkFrom != "扫描" {
			continue
		}
		mark := r.Signed
		if r.Needs == needsStamp {
			mark = r.Stamped
		}
		if r.ScanPage > 0 && r.Needs != needsStamp {
			continue // a page's analysis judges seals, not signatures
		}
		fix := fmt.Sprintf("请人工核对纸质初审表“%s”栏的%s", r.Role, r.Needs)
		switch {
		case r.ScanPage > 0 && mark.String() == "":
			fs = append(fs, materialFinding("S01",
				fmt.Sprintf("扫描件上“%s”栏的印章无法确认（印章模糊、跨栏、为名章或扫描件为黑白），需人工核对", r.Role),
				r.Role, r.Location, fix))
		case r.ScanPage > 0:
			// The page analysis settles a row only from its own sure
			// threshold (seal.Sure); the profile's min_confidence is for
			// the figures of scanning stations.
		case mark.String() == "":
			fs = append(fs, materialFinding("S01",
				fmt.Sprintf("扫描记录未给出“%s”是否%s（该项空白或无法识别），需人工核对", r.Role, r.Needs),
				r.Role, r.Location, fix))
		case r.Confidence >= 0 && r.Confidence < p.Scans.MinConfidence:
			fs = append(fs, materialFinding("S01",
				fmt.Sprintf("“%s”的%s在扫描件中识别为“%s”，识别置信度%.0f%%，低于%.0f%%，需人工核对", r.Role, r.Needs, mark, r.Confidence*100, p.Scans.MinConfidence*100),
				r.Role, r.Location, fix))
		}
	}
	// A page without the table (a blank back side, a cover sheet) is only
	// S05 when nothing else gives the window's rows: no other page, no
	// scanning station's records.
	settled := slices.ContainsFunc(d.ScanPages, func(pg seal.Page) bool { return pg.RowsFound() }) ||
		slices.ContainsFunc(d.Scans, func(r scan.Record) bool { return !r.Image })
	for _, pg := range d.ScanPages {
		if !pg.RowsFound() && !settled {
			fs = append(fs, materialFinding("S05",
				fmt.Sprintf("扫描件“%s”第%d页：%s，印章未判断，需人工核对", pg.File, pg.Page, pg.Problem),
				"初审表", fmt.Sprintf("%s 第%d页", pg.File, pg.Page),
				"请人工查看该页各审核栏的盖章情况；如扫描不清，请重新扫描（彩色、300dpi、页面摆正）"))
		}
	}
	if d.Review != nil && len(d.Scans) == 0 && len(d.ScanPages) == 0 {
		if f, ok := s04(d); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// s04 reports a Word 初审表 without scans whose review rows are not all
// backed by an electronic signature or seal: one finding for the form, not
// one P02/P03 per row, since nothing shows the marks are missing — only
// that nothing shows they are there. Rows that do carry an image are
// judged on it, so a form sealed in one row still needs the scan for the
// others.
func s04(d *dossier.Dossier) (finding.Finding, bool) {
	var bare []string
	marked := 0
	for _, r := range d.Rows {
		if r.MarkFrom == dossier.FromWord {
			marked++
			continue
		}
		bare = append(bare, "“"+r.Role+"”")
	}
	if len(bare) == 0 {
		return finding.Finding{}, false
	}
	msg := "初审表只有WORD电子版，没有签字盖章的扫描件，也没有电子签章"
	if marked > 0 {
		msg = fmt.Sprintf("初审表只有WORD电子版，没有扫描件；%s栏没有电子签名或电子印章，无法确认已签字盖章", strings.Join(bare, "、"))
	}
	return materialFinding("S04", msg, "初审表", d.Review.Item.Path,
		"请提交已签字盖章的纸质初审表（附件2）扫描件（PDF或JPG），各审核栏目的签字、盖章须清晰可见"), true
}
