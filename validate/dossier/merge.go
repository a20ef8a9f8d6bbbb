package dossier

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/text"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// Evidence sources, as Row.OpinionFrom, DateFrom and MarkFrom hold them.
const (
	FromWord = "电子版"
	FromScan = "扫描"
)

// needsStamp is profile.ReviewRow.Needs of a row that wants a seal; any
// other row wants a signature.
const needsStamp = "盖章"

// mergeRows builds one Row per profile review row from the Word 初审表 and
// the window's scan records, and reports records it cannot place (S03) and
// contradictions between the two (S02).
func mergeRows(d *Dossier, p *profile.Profile) ([]Row, []finding.Finding) {
	var fs []finding.Finding
	byRow := make([][]scan.Record, len(p.ReviewRows))
	for _, r := range d.Scans {
		i := matchRow(r.Field, p.ReviewRows)
		if i < 0 {
			fs = append(fs, newFinding("S03",
				fmt.Sprintf("%s：栏目“%s”无法对应到初审表的审核栏目", recordName(r), r.Field),
				r.Field, recordPlace(r), "请核对扫描记录的栏目名称，应为初审表中的审核栏目之一"))
			continue
		}
		byRow[i] = append(byRow[i], r)
	}
	var rv *form.Review // unpacked for the rows only while packed
	if d.Review != nil {
		rv = d.Review.form()
	}
	rows := make([]Row, len(p.ReviewRows))
	for i, spec := range p.ReviewRows {
		row := Row{Role: spec.Name, Needs: spec.Needs, Confidence: -1}
		var word *form.ReviewRow
		if rv != nil {
			word = wordRow(rv, spec.Name)
		}
		var locs []string
		if word != nil {
			row.Found = true
			locs = append(locs, place(d.Review.Item.Name, word.Location))
			fromWord(&row, word)
		}
		if recs := byRow[i]; len(recs) > 0 {
			row.Found = true
			rec := markRecord(recs, spec.Needs)
			locs = append(locs, recordPlace(rec))
			fs = append(fs, contradictions(&row, word, d.Review, rec)...)
			fromScan(&row, rec, recs)
			row.Unread = word == nil && !slices.ContainsFunc(recs, func(r scan.Record) bool { return !r.Image })
		}
		if !row.Found && len(d.ScanPages) > 0 {
			row.Unread = true // the scan is there, its rows were not located
		}
		row.Location = strings.Join(locs, "；")
		rows[i] = row
	}
	return rows, fs
}

// wordRow returns the Word 初审表's row of role when its label was found.
func wordRow(f *form.Review, role string) *form.ReviewRow {
	for i := range f.Rows {
		if f.Rows[i].Role == role && f.Rows[i].Found {
			return &f.Rows[i]
		}
	}
	return nil
}

func fromWord(row *Row, w *form.ReviewRow) {
	if w.Opinion != "" {
		row.Opinion, row.OpinionFrom = w.Opinion, FromWord
	}
	if !w.Date.IsZero() || w.DateText != "" || w.DateInvalid {
		row.Date, row.DateText, row.DateInvalid, row.DateFrom = w.Date, w.DateText, w.DateInvalid, FromWord
	}
	if len(w.Images) > 0 {
		if row.Needs == needsStamp {
			row.Stamped = scan.Yes
		} else {
			row.Signed = scan.Yes
		}
		row.MarkFrom = FromWord
	}
}

// markRecord picks the record whose mark counts for a row: one that saw the
// needed mark (the most confident), else one that saw it missing, else the
// last record.
func markRecord(recs []scan.Record, needs string) scan.Record {
	best, bestRank := recs[len(recs)-1], -1
	for _, r := range recs {
		rank := 0
		switch mark(r, needs) {
		case scan.Yes:
			rank = 2
		case scan.No:
			rank = 1
		}
		if rank > bestRank || (rank == bestRank && rank > 0 && r.Confidence > best.Confidence) {
			best, bestRank = r, rank
		}
	}
	return best
}

func mark(r scan.Record, needs string) scan.Tri {
	if needs == needsStamp {
		return r.Stamped
	}
	return r.Signed
}

// fromScan adds a record's evidence: the marks always (the paper shows them,
// the Word file cannot), the opinion and date only where the Word form has
// none.
func fromScan(row *Row, rec scan.Record, recs []scan.Record) {
	if m := mark(rec, row.Needs); m != scan.Unknown || row.MarkFrom == "" {
		row.Signed, row.Stamped = rec.Signed, rec.Stamped
		row.MarkFrom, row.Confidence = FromScan, rec.Confidence
		if rec.Image {
			row.ScanPage = rec.Page
		}
	}
	if row.OpinionFrom == "" {
		for _, r := range recs {
			if r.Opinion != "" {
				row.Opinion, row.OpinionFrom = r.Opinion, FromScan
				break
			}
		}
	}
	if row.DateFrom == "" {
		for _, r := range recs {
			if r.DateText != "" {
				row.Date, row.DateText, row.DateInvalid, row.DateFrom = r.Date, r.DateText, r.Date.IsZero(), FromScan
				break
			}
		}
	}
}

// contradictions compares the Word row with the record that counts (S02):
// an opinion in Word where the paper row is blank, different dates, an
// electronic mark in Word that the scan does not show.
func contradictions(row *Row, w *form.ReviewRow, rev *ReviewDoc, rec scan.Record) []finding.Finding {
	if w == nil {
		return nil
	}
	var fs []finding.Finding
	both := place(rev.Item.Name, w.Location) + "；" + recordPlace(rec)
	add := func(msg string) {
		fs = append(fs, newFinding("S02", fmt.Sprintf("“%s”%s", row.Role, msg), row.Role, both,
			fmt.Sprintf("请核对“%s”栏，使WORD版初审表与签字盖章的纸质初审表一致", row.Role)))
	}
	if w.Opinion != "" && rec.Opinion == "" && mark(rec, row.Needs) == scan.No && rec.DateText == "" {
		add(fmt.Sprintf("电子版填写了意见“%s”，但扫描件该栏为空（无意见、未%s、无日期）", text.Clip(w.Opinion, 30), row.Needs))
	}
	if !w.Date.IsZero() && !rec.Date.IsZero() && !w.Date.Equal(rec.Date) {
		add(fmt.Sprintf("电子版日期为%s，扫描件日期为%s", chineseDate(w.Date), chineseDate(rec.Date)))
	}
	if len(w.Images) > 0 && mark(rec, row.Needs) == scan.No {
		img := "签名"
		if row.Needs == needsStamp {
			img = "印章"
		}
		add(fmt.Sprintf("电子版有电子%s图片，但扫描件显示未%s", img, row.Needs))
	}
	return fs
}

// matchRow returns the index of the review row a 栏目 names: the same
// folded name or label, else the one row whose folded name or label
// contains the 栏目 or is contained in it; -1 when none or several.
func matchRow(field string, rows []profile.ReviewRow) int {
	f := foldLabel(field)
	if f == "" {
		return -1
	}
	for i, r := range rows {
		for _, l := range append([]string{r.Name}, r.Labels...) {
			if foldLabel(l) == f {
				return i
			}
		}
	}
	found := -1
	for i, r := range rows {
		for _, l := range append([]string{r.Name}, r.Labels...) {
			fl := foldLabel(l)
			if fl != "" && (strings.Contains(fl, f) || strings.Contains(f, fl)) && len([]rune(f)) >= 2 {
				if found >= 0 && found != i {
					return -1
				}
				found = i
			}
		}
	}
	return found
}

// UnmatchedFindings turns records that match no window into S03 findings.
func UnmatchedFindings(recs []scan.Record) []finding.Finding {
	fs := make([]finding.Finding, 0, len(recs))
	for _, r := range recs {
		if r.Image { // a scan page no window claims
			fs = append(fs, newFinding("S03",
				fmt.Sprintf("扫描件“%s”第%d页无法对应到窗口：文件名、所在邮件和扫描记录都没有指明是哪个窗口的初审表", r.File, r.Page),
				"", recordPlace(r), "请在文件名中注明窗口名称（如“××窗口_初审表.jpg”），或在扫描记录的“文件”列登记该文件"))
			continue
		}
		fs = append(fs, newFinding("S03",
			fmt.Sprintf("%s：窗口“%s”（栏目“%s”）无法对应到已收到材料的任何窗口", recordName(r), r.Window, r.Field),
			r.Field, recordPlace(r), "请核对扫描记录中的窗口名称是否与申报表一致，或补交该窗口的申报材料"))
	}
	return fs
}

func newFinding(code, msg, field, loc, fix string) finding.Finding {
	c, _ := finding.Lookup(code)
	return finding.Finding{Code: code, Level: c.Level, Message: msg, Field: field, Location: loc, Fix: fix}
}

// recordName is "扫描记录 x.csv 第N行" for messages.
func recordName(r scan.Record) string { return "扫描记录 " + recordPlace(r) }

// recordPlace is "x.csv 第N行", the Location of a record.
func recordPlace(r scan.Record) string {
	name := r.Source
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndex(name, intake.Sep); i >= 0 {
		name = name[i+len(intake.Sep):]
	}
	if r.Image { // read from the scan page itself
		return fmt.Sprintf("%s 第%d页", name, r.Page)
	}
	unit := "行"
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		unit = "条"
	}
	return fmt.Sprintf("%s 第%d%s", name, r.Row, unit)
}

func place(file, cell string) string {
	if cell == "" {
		return file
	}
	return file + " " + cell
}

func chineseDate(t time.Time) string { return t.Format("2006年1月2日") }
