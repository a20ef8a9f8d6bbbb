package validate

import (
	"slices"
	"testing"

	"shenbao/parser/form"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// TestCheckAcrossNamesTheProfileLabel names the staff field as the
// campaign's form prints it.
func TestCheckAcrossNamesTheProfileLabel(t *testing.T) {
	p := profile.Default()
	a, b := fixture(t, p), fixture(t, p)
	b.Window = "另一个窗口"
	other := *p
	other.Application.Fields = []form.FieldSpec{{Key: "staff", Name: "工作人员及身份证号"}}
	for _, tc := range []struct {
		p    *profile.Profile
		want string
	}{{&other, "工作人员及身份证号"}, {nil, "窗口人员姓名及身份证号码"}} {
		got := CheckAcross([]*dossier.Dossier{a, b}, tc.p)
		if len(got[0]) == 0 {
			t.Fatalf("no F11 for the same people in two windows")
		}
		for _, f := range got[0] {
			if f.Field != tc.want {
				t.Errorf("F11 field %q, want %q", f.Field, tc.want)
			}
		}
	}
}

func TestCheckAcross(t *testing.T) {
	p := profile.Default()
	a := fixture(t, p)
	b := fixture(t, p)
	b.Window = "鞍山市政务服务中心公积金窗口"
	b.Application.Form.Staff = []form.Person{{Name: "王强", ID: "11010519491231002X"}}
	c := fixture(t, p)
	c.Window = "鞍山市铁东区政务服务中心综合窗口"
	c.Application.Form.Staff = []form.Person{{Name: "李娜", ID: "210302198503121248"}, {Name: "无", ID: "无"}, {Name: "赵六", ID: "无"}}
	noApp := &dossier.Dossier{Window: "只有照片的窗口"}

	got := CheckAcross([]*dossier.Dossier{a, b, nil, c, noApp}, p)
	if len(got) != 5 {
		t.Fatalf("got %d lists, want 5", len(got))
	}
	wantCodes := [][]string{{"F11/review"}, {}, {}, {"F11/review"}, {}}
	for i, fs := range got {
		if c := codes(fs); !slices.Equal(c, wantCodes[i]) {
			t.Errorf("window %d: got %v, want %v", i, c, wantCodes[i])
		}
		assertWellFormed(t, fs)
	}
	want := finding.Finding{
		Code: "F11", Level: finding.Review,
		Message:  "窗口人员李娜（身份证号码210302********1248）同时出现在其他窗口的申报表中：“鞍山市铁东区政务服务中心综合窗口”",
		Field:    "窗口人员姓名及身份证号码",
		Location: "申报表.docx 表1 第4行第2列",
		Fix:      "请核实该人员所在窗口；同一人员只能随一个窗口申报，其他窗口的申报表应删除该人员后重新提交WORD版申报表",
	}
	if got[0][0] != want {
		t.Errorf("got %+v\nwant %+v", got[0][0], want)
	}
}

func TestCheckAcrossSameWindowTwice(t *testing.T) {
	p := profile.Default()
	a := fixture(t, p)
	a.Application.Form.Staff = append(a.Application.Form.Staff, a.Application.Form.Staff[0])
	if got := CheckAcross([]*dossier.Dossier{a}, nil); len(got) != 1 || len(got[0]) != 0 {
		t.Errorf("a number repeated inside one window is not F11: %+v", got)
	}
	if got := CheckAcross(nil, nil); len(got) != 0 {
		t.Errorf("nil: %+v", got)
	}
}
