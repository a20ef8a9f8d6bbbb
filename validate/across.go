package validate

import (
	"fmt"
	"strings"

	"shenbao/parser/form"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/idcard"
	"shenbao/validate/profile"
)

// CheckAcross is F11: the same ID number in the 申报表 of more than one
// window. The result is index-aligned with ds; each affected window gets one
// finding per shared number naming the other windows. Numbers are compared
// upper-cased without spaces; fragments shorter than 15 characters ("无",
// "/") are not numbers and never match.
func CheckAcross(ds []*dossier.Dossier, p *profile.Profile) [][]finding.Finding {
	staffField := staffFieldName(p)
	out := make([][]finding.Finding, len(ds))
	where := map[string][]int{} // number → dossier indexes, ascending, distinct
	for i, d := range ds {
		for _, s := range staffOf(d) {
			id := idKey(s.ID)
			if id == "" {
				continue
			}
			if w := where[id]; len(w) == 0 || w[len(w)-1] != i {
				where[id] = append(w, i)
			}
		}
	}
	for i, d := range ds {
		seen := map[string]bool{}
		for _, s := range staffOf(d) {
			id := idKey(s.ID)
			if id == "" || seen[id] || len(where[id]) < 2 {
				continue
			}
			seen[id] = true
			var others []string
			for _, j := range where[id] {
				if j != i {
					others = append(others, windowLabel(ds[j]))
				}
			}
			who := personLabel(s.Name)
			loc := place(itemName(d.Application.Item), d.Application.StaffLocation())
			out[i] = append(out[i], newFinding("F11",
				fmt.Sprintf("%s（身份证号码%s）同时出现在其他窗口的申报表中：%s", who, idcard.Mask(id), strings.Join(others, "、")),
				staffField, loc, "请核实该人员所在窗口；同一人员只能随一个窗口申报，其他窗口的申报表应删除该人员后重新提交WORD版申报表"))
		}
	}
	return out
}

// staffFieldName is the printed label of the staff field, for F11; a
// profile that names none gets the reference campaign's.
func staffFieldName(p *profile.Profile) string {
	if p != nil {
		if name := fieldName(p.Application.Fields, "staff"); name != "" && name != "staff" {
			return name
		}
	}
	return "窗口人员姓名及身份证号码"
}

func staffOf(d *dossier.Dossier) []form.Person {
	if d == nil || d.Application == nil {
		return nil
	}
	return d.Application.Staff() // read before the window's forms are opened
}

// idKey is the number as F11 compares it; "" for what is not a number.
func idKey(id string) string {
	id = strings.ToUpper(strings.Join(strings.Fields(id), ""))
	if len(id) < 15 {
		return ""
	}
	return id
}

// windowLabel names a window in a message.
func windowLabel(d *dossier.Dossier) string {
	switch {
	case d.Window != "":
		return "“" + d.Window + "”"
	case d.Key != "":
		return "“" + d.Key + "”"
	}
	return "未命名窗口"
}
