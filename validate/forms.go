package validate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/idcard"
	"shenbao/validate/profile"
)

// Field keys the rules know by name: the contract of form.Application and
// form.Review. Labels, names and which keys are required stay profile data.
const (
	keyWindow     = "window_name"
	keyUnit       = "unit"
	keyRecommend  = "recommend"
	keyStaff      = "staff"
	keyHonors     = "honors"
	keyDuties     = "duties"
	keyDeeds      = "deeds"
	keyStaffNames = "staff_names" // 初审表
)

// resubmitApp ends every fix that asks for a corrected 申报表.
const resubmitApp = "后重新提交WORD版申报表"

// newFinding builds a finding with the catalogue's level for code.
func newFinding(code, msg, field, loc, fix string) finding.Finding {
	c, _ := finding.Lookup(code)
	return finding.Finding{Code: code, Level: c.Level, Message: msg, Field: field, Location: loc, Fix: fix}
}

// place joins a file name and a cell ("申报表.docx 表1 第4行第2列").
func place(file, cell string) string {
	switch {
	case file == "":
		return cell
	case cell == "":
		return file
	}
	return file + " " + cell
}

func itemName(it *intake.Item) string {
	if it == nil {
		return ""
	}
	return it.Name
}

// fieldName is the printed label of key, for messages; key itself when the
// spec does not name it.
func fieldName(specs []form.FieldSpec, key string) string {
	for _, s := range specs {
		if s.Key == key && s.Name != "" {
			return s.Name
		}
	}
	return key
}

// appCheck holds what the 申报表 rules share.
type appCheck struct {
	a    *form.Application
	p    *profile.Profile
	file string
}

func (c appCheck) name(key string) string { return fieldName(c.p.Application.Fields, key) }

func (c appCheck) loc(key string) string { return place(c.file, c.a.Fields[key].Location) }

func (c appCheck) missing(key string) bool { return slices.Contains(c.a.Missing, key) }

// CheckApplication applies F01–F10 to the window's Word 申报表. A dossier
// without one gives nothing here (M01 is CheckMaterials'). now is the day a
// birth date may not be after.
func CheckApplication(d *dossier.Dossier, p *profile.Profile, now time.Time) []finding.Finding {
	if d == nil || d.Application == nil || d.Application.Form == nil {
		return nil
	}
	if p == nil {
		p = &profile.Profile{}
	}
	c := appCheck{a: d.Application.Form, p: p, file: itemName(d.Application.Item)}
	var fs []finding.Finding
	for _, v := range applicationViolations(c.a, p, now) {
		if f, ok := c.fromViolation(v, now); ok {
			fs = append(fs, f)
		}
	}
	fs = append(fs, c.recommend()...)
	fs = append(fs, c.pairs()...)
	fs = append(fs, c.prompts()...)
	fs = append(fs, c.quality()...)
	fs = append(fs, c.honors()...)
	fs = append(fs, c.structure()...)
	fs = append(fs, incomplete("申报表", d.Application.Item, d.Application.Warnings)...)
	return fs
}

// fromViolation turns a failed struct or required rule into F01, F04, F06
// or F08. It reports false for violations another rule covers: a required
// field whose label is missing (F10), 推荐形式 when options exist (F02).
func (c appCheck) fromViolation(v violation, now time.Time) (finding.Finding, bool) {
	name := c.name(v.Key)
	switch v.Rule {
	case "required":
		if c.missing(v.Key) || v.Key == keyRecommend && len(c.a.Options) > 0 {
			return finding.Finding{}, false
		}
		return newFinding("F01", fmt.Sprintf("申报表“%s”栏未填写", name), name, c.loc(v.Key),
			fmt.Sprintf("请在申报表“%s”栏填写%s%s", name, requiredWhat(v.Key, name), resubmitApp)), true
	case "max":
		n := len([]rune(strings.TrimSpace(c.a.Value(v.Key))))
		if v.Key != keyWindow {
			return newFinding("F08", fmt.Sprintf("申报表“%s”长达%d字，超过%s字", name, n, v.Param), name, c.loc(v.Key),
				fmt.Sprintf("请将申报表“%s”栏精简到%s字以内%s", name, v.Param, resubmitApp)), true
		}
		return newFinding("F08", fmt.Sprintf("申报表“%s”长达%d字，超过%s字，可能填入了名称以外的内容", name, n, v.Param), name, c.loc(v.Key),
			fmt.Sprintf("请在申报表“%s”栏只填写窗口全称%s", name, resubmitApp)), true
	case "idcard":
		if v.Index < 0 || v.Index >= len(c.a.Staff) {
			return finding.Finding{}, false
		}
		s := c.a.Staff[v.Index]
		_, reason := idcard.Validate(s.ID, now)
		who := personLabel(s.Name)
		return newFinding("F04", fmt.Sprintf("%s的身份证号码（%s）无效：%s", who, idcard.Mask(s.ID), reason), name, c.loc(v.Key),
			fmt.Sprintf("请核对%s的身份证号码，在申报表中改正%s", who, resubmitApp)), true
	case "deedsband":
		return c.deeds(v.Param == "info"), true
	}
	return finding.Finding{}, false
}

// requiredWhat says what to write in a required field.
func requiredWhat(key, name string) string {
	switch key {
	case keyWindow:
		return "窗口全称"
	case keyUnit:
		return "所属单位（部门）全称"
	case keyStaff:
		return "每位窗口人员的姓名及18位身份证号码"
	case keyHonors:
		return "曾受表彰奖励情况（没有的填写“无”）"
	}
	return "“" + name + "”内容"
}

func personLabel(name string) string {
	if name == "" {
		return "未填姓名的人员"
	}
	return "窗口人员" + name
}

// deeds is F06: error outside the error band, info outside the info band.
func (c appCheck) deeds(info bool) finding.Finding {
	b := c.p.Deeds
	name := c.name(keyDeeds)
	n := WordCount(c.a.Value(keyDeeds))
	target := (b.InfoMin + b.InfoMax) / 2
	if info {
		f := newFinding("F06", fmt.Sprintf("“%s”字数为%d字，偏离“%d字左右”（宜在%d—%d字之间）", name, n, target, b.InfoMin, b.InfoMax),
			name, c.loc(keyDeeds), fmt.Sprintf("建议将“%s”调整到%d字左右（%d—%d字）", name, target, b.InfoMin, b.InfoMax))
		f.Level = finding.Info
		return f
	}
	return newFinding("F06", fmt.Sprintf("“%s”字数为%d字，不在%d—%d字范围内", name, n, b.ErrorMin, b.ErrorMax),
		name, c.loc(keyDeeds), fmt.Sprintf("请将申报表“%s”调整到%d字左右（不少于%d字、不超过%d字）%s", name, target, b.ErrorMin, b.ErrorMax, resubmitApp))
}

// recommend is F02 (nothing checked) and F03 (more than one).
func (c appCheck) recommend() []finding.Finding {
	if len(c.a.Options) == 0 || c.missing(keyRecommend) {
		return nil
	}
	name := c.name(keyRecommend)
	var all []string
	for _, o := range c.a.Options {
		all = append(all, o.Name)
	}
	switch checked := c.a.Checked(); {
	case len(checked) == 0:
		return []finding.Finding{newFinding("F02", fmt.Sprintf("申报表“%s”未勾选任何一项", name), name, c.loc(keyRecommend),
			fmt.Sprintf("请在申报表“%s”栏勾选一种（%s）%s", name, strings.Join(all, "、"), resubmitApp))}
	case len(checked) > 1:
		return []finding.Finding{newFinding("F03", fmt.Sprintf("申报表“%s”勾选了%d项：%s", name, len(checked), strings.Join(checked, "、")), name, c.loc(keyRecommend),
			fmt.Sprintf("请核实推荐形式，只保留一种的，在申报表“%s”栏只勾选一项%s", name, resubmitApp))}
	}
	return nil
}

// pairs is F05: a name without a number or a number without a name.
func (c appCheck) pairs() []finding.Finding {
	name := c.name(keyStaff)
	var fs []finding.Finding
	for _, s := range c.a.Staff {
		switch {
		case s.Name != "" && s.ID == "":
			fs = append(fs, newFinding("F05", fmt.Sprintf("窗口人员%s未填写身份证号码", s.Name), name, c.loc(keyStaff),
				fmt.Sprintf("请在申报表“%s”栏补填%s的18位身份证号码%s", name, s.Name, resubmitApp)))
		case s.Name == "" && s.ID != "":
			fs = append(fs, newFinding("F05", fmt.Sprintf("身份证号码%s没有对应的人员姓名", idcard.Mask(s.ID)), name, c.loc(keyStaff),
				fmt.Sprintf("请在申报表“%s”栏补填身份证号码%s对应人员的姓名%s", name, idcard.Mask(s.ID), resubmitApp)))
		}
	}
	return fs
}

// keys returns the application's field keys in spec order, then any other
// key sorted, so findings come out in a stable order.
func (c appCheck) keys() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range c.p.Application.Fields {
		if _, ok := c.a.Fields[s.Key]; ok && !seen[s.Key] {
			out = append(out, s.Key)
			seen[s.Key] = true
		}
	}
	var rest []string
	for k := range c.a.Fields {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// prompts is F07 on the 申报表: a label's bracketed prompt ("（200字左右）")
// or a template mark left as content.
func (c appCheck) prompts() []finding.Finding {
	var labels []string
	for _, s := range c.p.Application.Fields {
		labels = append(labels, s.Name)
		labels = append(labels, s.Labels...)
	}
	prompts := labelPrompts(labels)
	marks := markPlaceholders(c.p.Review.Placeholders)
	var fs []finding.Finding
	for _, key := range c.keys() {
		left := leftovers(c.a.Value(key), prompts, marks)
		if len(left) == 0 {
			continue
		}
		name := c.name(key)
		q := quoteAll(left)
		fs = append(fs, newFinding("F07", fmt.Sprintf("申报表“%s”栏保留了模板提示文字%s", name, q), name, c.loc(key),
			fmt.Sprintf("请删除申报表“%s”栏中的提示文字%s，填写实际内容%s", name, q, resubmitApp)))
	}
	return fs
}

// quality is F08 on 事迹, 职责 and 表彰: one finding per field and kind.
func (c appCheck) quality() []finding.Finding {
	var fs []finding.Finding
	for _, key := range []string{keyDeeds, keyDuties, keyHonors} {
		name := c.name(key)
		for _, is := range textIssues(c.a.Value(key)) {
			fs = append(fs, newFinding("F08", fmt.Sprintf("申报表“%s”%s", name, is.message), name, c.loc(key),
				fmt.Sprintf("请在申报表“%s”栏%s%s", name, is.fix, resubmitApp)))
		}
	}
	return fs
}

// honors is F09: 曾受表彰奖励情况 left empty (when the profile does not make
// it required; then it is F01).
func (c appCheck) honors() []finding.Finding {
	f, ok := c.a.Fields[keyHonors]
	if !ok || !f.Found || strings.TrimSpace(f.Value) != "" || slices.Contains(c.p.Required, keyHonors) {
		return nil
	}
	name := c.name(keyHonors)
	return []finding.Finding{newFinding("F09", fmt.Sprintf("申报表“%s”栏未填写", name), name, c.loc(keyHonors),
		fmt.Sprintf("未受过表彰奖励的，请在申报表“%s”栏填写“无”%s", name, resubmitApp))}
}

// structure is F10: labels of the template not found, listed in one finding.
func (c appCheck) structure() []finding.Finding {
	if len(c.a.Missing) == 0 {
		return nil
	}
	names := make([]string, 0, len(c.a.Missing))
	for _, k := range c.a.Missing {
		names = append(names, c.name(k))
	}
	return []finding.Finding{newFinding("F10", fmt.Sprintf("申报表中未找到以下栏目：%s，表格可能与模板不符", strings.Join(names, "、")), "申报表", c.file,
		"请使用通知所附申报表模板填写，不要增删或改动栏目"+resubmitApp)}
}
