package validate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/scan"
	"shenbao/parser/text"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// resubmitReview ends every fix that asks for a corrected 初审表.
const resubmitReview = "后重新报送签字盖章的初审表（扫描件）"

// Row stages of profile.ReviewRow.Stage, for P06.
const (
	stageInternal  = "internal"
	stageRecommend = "recommend"
	stageIndustry  = "industry"
)

// CheckReview applies the 初审表 rules: P01–P08 on the merged evidence rows
// (d.Rows), and F07 and F10 on the Word 初审表 itself (template text left in
// it, labels not found). A dossier with no 初审表 at all — no Word form, no
// scan records, no row found — gives nothing here (M03 is CheckMaterials').
func CheckReview(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	if d == nil {
		return nil
	}
	if p == nil {
		p = &profile.Profile{}
	}
	word := d.Review != nil && d.Review.Form != nil
	found := slices.ContainsFunc(d.Rows, func(r dossier.Row) bool { return r.Found })
	if !word && len(d.Scans) == 0 && !found {
		return nil
	}
	var fs []finding.Finding
	// Records read from scan pages carry only seals: they do not make an
	// opinion or a date missing.
	metadata := slices.ContainsFunc(d.Scans, func(r scan.Record) bool { return !r.Image })
	for _, r := range d.Rows {
		fs = append(fs, checkRow(r, p, metadata)...)
	}
	fs = append(fs, checkOrder(d.Rows, p)...)
	if word {
		fs = append(fs, checkNames(d, p)...)
		fs = append(fs, reviewPrompts(d, p)...)
		fs = append(fs, reviewStructure(d, p)...)
		fs = append(fs, incomplete("初审表", d.Review.Item, d.Review.Warnings)...)
	}
	return fs
}

// checkRow is P01–P05 and P08 for one row. Rows neither found in the Word
// 初审表 nor covered by scans have no evidence either way: F10 reports the
// missing label, not P01.
func checkRow(r dossier.Row, p *profile.Profile, scans bool) []finding.Finding {
	var fs []finding.Finding
	role, loc := r.Role, r.Location
	opinion := strings.TrimSpace(r.Opinion)
	if opinion == "" && (r.Found || scans) && !r.Unread {
		fs = append(fs, newFinding("P01", fmt.Sprintf("初审表“%s”栏未填写意见", role), role, loc,
			fmt.Sprintf("请在初审表“%s”栏签署审核意见并注明日期%s", role, resubmitReview)))
	}
	from := ""
	if r.MarkFrom != "" {
		from = "（依据" + r.MarkFrom + "）"
	}
	if r.Needs == "签字" && r.Signed == scan.No {
		fs = append(fs, newFinding("P02", fmt.Sprintf("初审表“%s”栏未签字%s", role, from), role, loc,
			fmt.Sprintf("请由负责人在初审表“%s”栏亲笔签字（打印的姓名不能代替签字）%s", role, resubmitReview)))
	}
	if r.Needs == "盖章" && r.Stamped == scan.No {
		fs = append(fs, newFinding("P03", fmt.Sprintf("初审表“%s”栏未盖章%s", role, from), role, loc,
			fmt.Sprintf("请在初审表“%s”栏加盖单位公章%s", role, resubmitReview)))
	}
	date, dated := rowDate(r)
	if !dated && (opinion != "" || r.Found) && !r.Unread {
		fs = append(fs, newFinding("P04", dateProblem(r), role, loc,
			fmt.Sprintf("请在初审表“%s”栏填写签署日期（某年某月某日）%s", role, resubmitReview)))
	}
	if dl, ok := deadline(p, role); ok && dated && date.After(dl) {
		fs = append(fs, newFinding("P05", fmt.Sprintf("初审表“%s”日期（%s）晚于时间节点（%s）", role, ymd(date), ymd(dl)), role, loc,
			fmt.Sprintf("请核实“%s”的签署日期；确实晚于时间节点的，请书面说明原因", role)))
	}
	if w := negativeWord(opinion, p.NegativeWords); w != "" {
		fs = append(fs, newFinding("P08", fmt.Sprintf("初审表“%s”为否定性意见（含“%s”）：%s", role, w, text.Clip(opinion, 40)), role, loc,
			fmt.Sprintf("“%s”意见为否定性意见的，该窗口不能推荐；如填写有误，请重新签署意见%s", role, resubmitReview)))
	}
	return fs
}

// dateProblem says what is wrong with a row's missing date.
func dateProblem(r dossier.Row) string {
	switch t := strings.TrimSpace(r.DateText); {
	case r.DateInvalid && t != "":
		return fmt.Sprintf("初审表“%s”日期“%s”无效", r.Role, text.Clip(t, 20))
	case untouchedDate.MatchString(squeeze(t)):
		return fmt.Sprintf("初审表“%s”未填写日期（仍为“X年X月X日”）", r.Role)
	}
	return fmt.Sprintf("初审表“%s”未填写日期", r.Role)
}

// rowDate is the row's date as a calendar day; false when there is none
// or what was written is not a real date.
func rowDate(r dossier.Row) (time.Time, bool) {
	if r.Date.IsZero() || r.DateInvalid {
		return time.Time{}, false
	}
	return day(r.Date), true
}

// day is t's calendar day, so dates compare by day whatever the clock.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

func profileRow(p *profile.Profile, role string) (profile.ReviewRow, bool) {
	for _, r := range p.ReviewRows {
		if r.Name == role {
			return r, true
		}
	}
	return profile.ReviewRow{}, false
}

// deadline is the row's profile deadline; false when it has none (or the
// profile's text is not a date).
func deadline(p *profile.Profile, role string) (time.Time, bool) {
	r, ok := profileRow(p, role)
	if !ok || r.Deadline == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(r.Deadline))
	return t, err == nil
}

// checkOrder is P06. The review runs 内部审核 (every internal row), then
// PublicityDays of 内部公示, then the 推荐单位's collective decision, then
// the 行业主管部门. So each recommend row must be dated no earlier than the
// latest internal row plus PublicityDays, and each industry row no earlier
// than the recommend row (or, without a dated recommend row, than the latest
// internal row). Undated rows are P04's and skipped here.
func checkOrder(rows []dossier.Row, p *profile.Profile) []finding.Finding {
	// dated is a row with a real date; internal is the latest internal
	// row, recommend the latest recommend row.
	type dated struct {
		role string
		date time.Time
	}
	var internal, recommend *dated
	for _, r := range rows {
		pr, _ := profileRow(p, r.Role)
		t, ok := rowDate(r)
		if !ok {
			continue
		}
		switch pr.Stage {
		case stageInternal:
			if internal == nil || t.After(internal.date) {
				internal = &dated{r.Role, t}
			}
		case stageRecommend:
			if recommend == nil || t.After(recommend.date) {
				recommend = &dated{r.Role, t}
			}
		}
	}
	fix := fmt.Sprintf("请核实各栏签署日期：内部审核、内部公示%d天、推荐单位集体审定、行业主管部门审核应依次进行；日期填写有误的%s", p.PublicityDays, resubmitReview)
	var fs []finding.Finding
	for _, r := range rows {
		pr, _ := profileRow(p, r.Role)
		t, ok := rowDate(r)
		if !ok {
			continue
		}
		switch {
		case pr.Stage == stageRecommend && internal != nil:
			earliest := internal.date.AddDate(0, 0, p.PublicityDays)
			if t.Before(earliest) {
				msg := fmt.Sprintf("“%s”日期（%s）早于内部审核日期（“%s”%s）加%d天公示（%s）", r.Role, ymd(t), internal.role, ymd(internal.date), p.PublicityDays, ymd(earliest))
				if p.PublicityDays == 0 {
					msg = fmt.Sprintf("“%s”日期（%s）早于内部审核日期（“%s”%s）", r.Role, ymd(t), internal.role, ymd(internal.date))
				}
				fs = append(fs, newFinding("P06", msg, r.Role, r.Location, fix))
			}
		case pr.Stage == stageIndustry && recommend != nil:
			if t.Before(recommend.date) {
				fs = append(fs, newFinding("P06", fmt.Sprintf("“%s”日期（%s）早于“%s”日期（%s）", r.Role, ymd(t), recommend.role, ymd(recommend.date)), r.Role, r.Location, fix))
			}
		case pr.Stage == stageIndustry && internal != nil:
			if t.Before(internal.date) {
				fs = append(fs, newFinding("P06", fmt.Sprintf("“%s”日期（%s）早于内部审核日期（“%s”%s）", r.Role, ymd(t), internal.role, ymd(internal.date)), r.Role, r.Location, fix))
			}
		}
	}
	return fs
}

// negations before a negative word cancel it: 无不同意见, 未发现不符合.
var negations = []string{"无", "没有", "并无", "未有", "未发现", "未提出"}

// negativeWord returns the first of words found in opinion as a real
// negative: "不同意" in "同意推荐" is never matched (it is not there), and
// "不同意见" (dissenting views, as in 无不同意见) or a word preceded by a
// negation is not negative. "" when the opinion is not negative.
func negativeWord(opinion string, words []string) string {
	for _, w := range words {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(opinion[from:], w)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(w)
			from = end
			if strings.HasSuffix(w, "意") && strings.HasPrefix(opinion[end:], "见") {
				continue // 不同意见: "differing views", not "disagree"
			}
			before := opinion[:start]
			if slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
				continue
			}
			return w
		}
	}
	return ""
}

// checkNames is P07: the 初审表's window name and staff against the 申报表's,
// compared by form.NormalizeName (the key windows are grouped by): width,
// bracket forms, spaces and name punctuation do not matter; every other
// character must be the same.
func checkNames(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	if d.Application == nil || d.Application.Form == nil {
		return nil
	}
	rv, ap := d.Review.Form, d.Application.Form
	file := itemName(d.Review.Item)
	var fs []finding.Finding
	rw, aw := strings.TrimSpace(rv.Value(keyWindow)), strings.TrimSpace(ap.Value(keyWindow))
	if rw != "" && aw != "" && form.NormalizeName(rw) != form.NormalizeName(aw) {
		name := fieldName(p.Review.Fields, keyWindow)
		fs = append(fs, newFinding("P07", fmt.Sprintf("初审表窗口名称“%s”与申报表“%s”不一致", text.Clip(rw, 60), text.Clip(aw, 60)), name,
			place(file, rv.Fields[keyWindow].Location),
			"请将初审表与申报表的窗口名称统一为窗口全称"+resubmitReview))
	}
	var names []string
	for _, s := range ap.Staff {
		if s.Name != "" {
			names = append(names, s.Name)
		}
	}
	text := strings.TrimSpace(rv.Value(keyStaffNames))
	if text == "" || len(names) == 0 {
		return fs
	}
	lack, extra := compareStaff(text, names)
	if len(lack) == 0 && len(extra) == 0 {
		return fs
	}
	var parts []string
	if len(lack) > 0 {
		parts = append(parts, "初审表缺少"+strings.Join(lack, "、"))
	}
	if len(extra) > 0 {
		parts = append(parts, "初审表多出"+strings.Join(extra, "、"))
	}
	name := fieldName(p.Review.Fields, keyStaffNames)
	fs = append(fs, newFinding("P07", "初审表窗口人员与申报表不一致："+strings.Join(parts, "，"), name,
		place(file, rv.Fields[keyStaffNames].Location),
		"请核实窗口人员，使初审表与申报表填写的人员一致"+resubmitReview))
	return fs
}

// nameSeparators split the 初审表's staff text into names.
const nameSeparators = "、,;，；/|\n"

// compareStaff compares the 初审表's staff text with the 申报表's names as
// sets. Each 申报表 name (longest first) is looked for in the text with
// spaces removed, so "张  三" (spaced to align) matches 张三; what is left
// over, split at separators, are the extra names.
func compareStaff(text string, names []string) (lack, extra []string) {
	rest := form.NormalizeName(strings.ReplaceAll(text, "\n", "、"))
	sorted := slices.Clone(names)
	slices.SortStableFunc(sorted, func(a, b string) int { return len([]rune(b)) - len([]rune(a)) })
	for _, n := range sorted {
		k := form.NormalizeName(n)
		if k == "" {
			continue
		}
		if i := strings.Index(rest, k); i >= 0 {
			rest = rest[:i] + "|" + rest[i+len(k):]
		} else {
			lack = append(lack, n)
		}
	}
	extra = append(extra, strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(nameSeparators, r) })...)
	slices.SortStableFunc(lack, func(a, b string) int { return slices.Index(names, a) - slices.Index(names, b) })
	return lack, extra
}

// reviewPrompts is F07 on the Word 初审表: prompts left in opinion cells,
// an untouched X年X月X日, a mark standing alone as a field's value.
func reviewPrompts(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	rv, file := d.Review.Form, itemName(d.Review.Item)
	labels := []string{}
	for _, r := range p.ReviewRows {
		labels = append(labels, r.Name)
		labels = append(labels, r.Labels...)
	}
	prompts := append(promptPlaceholders(p.Review.Placeholders), labelPrompts(labels)...)
	marks := markPlaceholders(p.Review.Placeholders)
	var fs []finding.Finding
	add := func(field, loc string, left []string) {
		if len(left) == 0 {
			return
		}
		q := quoteAll(left)
		fs = append(fs, newFinding("F07", fmt.Sprintf("初审表“%s”栏保留了模板提示文字%s", field, q), field, loc,
			fmt.Sprintf("请删除初审表“%s”栏中的提示文字%s，填写实际内容%s", field, q, resubmitReview)))
	}
	for _, s := range p.Review.Fields {
		if f, ok := rv.Fields[s.Key]; ok {
			add(fieldName(p.Review.Fields, s.Key), place(file, f.Location), leftovers(f.Value, nil, marks))
		}
	}
	for _, r := range rv.Rows {
		var left []string
		raw := squeeze(r.Raw)
		for _, pr := range prompts {
			if strings.Contains(raw, pr.fold) {
				left = append(left, pr.show)
			}
		}
		if o := squeeze(r.Opinion); o != "" && slices.ContainsFunc(marks, func(m template) bool { return m.fold == o }) {
			left = append(left, strings.TrimSpace(r.Opinion))
		}
		if untouchedDate.MatchString(squeeze(r.DateText)) || untouchedDate.MatchString(raw) {
			left = append(left, "X年X月X日")
		}
		add(r.Role, place(file, r.Location), left)
	}
	return fs
}

// reviewStructure is F10 on the Word 初审表.
func reviewStructure(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	rv := d.Review.Form
	if len(rv.Missing) == 0 {
		return nil
	}
	names := make([]string, 0, len(rv.Missing))
	for _, k := range rv.Missing {
		names = append(names, fieldName(p.Review.Fields, k))
	}
	return []finding.Finding{newFinding("F10", fmt.Sprintf("初审表中未找到以下栏目：%s，表格可能与模板不符", strings.Join(names, "、")), "初审表", itemName(d.Review.Item),
		"请使用通知所附初审表模板填写，不要增删或改动栏目"+resubmitReview)}
}
