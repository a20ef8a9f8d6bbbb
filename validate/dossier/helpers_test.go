package dossier

import (
	"strings"
	"time"

	"shenbao/parser/classify"
	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/validate/profile"
)

// testProfile is the qingfeng-liaoning review rows and photo rules, written
// out so these tests do not depend on the embedded profile's evolution.
func testProfile() *profile.Profile {
	row := func(name, needs string, labels ...string) profile.ReviewRow {
		return profile.ReviewRow{Name: name, Needs: needs, Labels: append([]string{name}, labels...)}
	}
	return &profile.Profile{
		ReviewRows: []profile.ReviewRow{
			row("部门负责人意见", "签字", "部门负责人审核意见", "科室负责人意见"),
			row("分管领导意见", "签字", "分管领导审核意见"),
			row("组织（人事）部门意见", "盖章", "组织(人事)部门意见", "组织人事部门意见", "人事部门意见", "组织部门意见"),
			row("派驻纪检监察部门意见", "盖章", "纪检监察部门意见"),
			row("主要领导意见", "签字", "主要负责人意见"),
			row("推荐单位", "盖章", "推荐单位意见"),
			row("行业主管部门意见", "盖章", "行业主管部门审核意见"),
		},
		Photos: profile.PhotoRules{
			EnvironmentHints: []string{"环境", "场所", "大厅", "全景", "整体"},
			WorkHints:        []string{"工作", "集体", "个人", "人员", "合影", "服务"},
			PerKind:          1, MinLongSide: 1024,
		},
		Scans: profile.ScanRules{MinConfidence: 0.8},
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// email is a mail at position pos dated date ("" for none).
func email(path, date string, pos ...int) *intake.Mail {
	m := &intake.Mail{Path: path, Subject: "申报材料", Pos: pos}
	if date != "" {
		m.Date = day(date)
	}
	return m
}

// item is an attachment of m (nil: a file given directly) at pos.
func item(path string, m *intake.Mail, pos ...int) *intake.Item {
	name := path
	if i := strings.LastIndex(path, intake.Sep); i >= 0 {
		name = path[i+len(intake.Sep):]
	}
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return &intake.Item{Path: path, Name: name, Pos: pos, Mail: m, Status: intake.Parsed}
}

func app(it *intake.Item, window, unit string) *Piece {
	return &Piece{Item: it, Kind: "application", Format: "docx", Application: &form.Application{Fields: map[string]form.Field{
		"window_name": {Value: window, Found: true}, "unit": {Value: unit, Found: true}}}}
}

func review(it *intake.Item, window string, rows ...form.ReviewRow) *Piece {
	return &Piece{Item: it, Kind: "review", Format: "docx", Review: &form.Review{
		Fields: map[string]form.Field{"window_name": {Value: window, Found: true}}, Rows: rows}}
}

func photo(it *intake.Item, w, h int) *Piece {
	return &Piece{Item: it, Kind: "photo", Format: "jpeg", Width: w, Height: h}
}

func kind(it *intake.Item, k classify.Kind, hint string) *Piece {
	return &Piece{Item: it, Kind: k, WindowHint: hint}
}
