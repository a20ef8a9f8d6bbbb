package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMaskIDs(t *testing.T) {
	id := idNumber("21030219850312002") // 210302198503120026
	tests := []struct {
		name, in, want string
	}{
		{"alone", id, "210302********0026"},
		{"in a sentence", "王丽（" + id + "）的材料", "王丽（210302********0026）的材料"},
		{"in a file name", "王丽" + id + ".jpg", "王丽210302********0026.jpg"},
		{"two", id + "、" + id, "210302********0026、210302********0026"},
		{"after a JSON escape", `王丽\n` + id, `王丽\n210302********0026`},
		{"lower-case x", "11010519491231002x", "110105********002x"},
		{"wrong check digit", id[:17] + "9", id[:17] + "9"},
		{"inside a longer digit run", "9" + id, "9" + id},
		{"inside a hash", "ab" + id + "cd", "ab" + id + "cd"},
		{"not a date", "210302198513320026", "210302198513320026"},
		{"short", "2103021985", "2103021985"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := maskIDs(tc.in); got != tc.want {
				t.Errorf("maskIDs(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestIDsInTextMasked puts a full number where the inputs may carry one —
// a file name, an opinion, the 事迹, a finding's message — and checks that
// neither the register (any part, without --full-id) nor the JSON holds it.
func TestIDsInTextMasked(t *testing.T) {
	res := sampleResult()
	id := res.Submissions[0].Staff[0].ID
	res.Inputs[1].Path += " › 王丽" + id + ".jpg"
	res.Inputs[1].Name = "王丽" + id + ".jpg"
	res.Submissions[0].Deeds = "窗口人员王丽（身份证号码" + id + "）……"
	res.Submissions[0].ReviewRows[0].Opinion = "同意。经办人" + id
	res.Submissions[1].Findings[0].Message += "（" + id + "）"
	res.Submissions[0].Sources = append(res.Submissions[0].Sources, "王丽"+id+".jpg")

	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	if err := WriteRegister(reg, res, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	if raw := unzipAll(t, reg); strings.Contains(raw, id) {
		t.Errorf("the register holds the full number %s", id)
	}
	js := filepath.Join(dir, "r.json")
	if err := WriteJSON(js, res); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), id) {
		t.Errorf("the JSON holds the full number %s", id)
	}
	if !strings.Contains(string(data), "210302********0026") {
		t.Errorf("the JSON lacks the masked number")
	}
}

// TestRosterBirth: masked, 联审名单 shows the birth year only; with FullID
// the full date under 出生日期.
func TestRosterBirth(t *testing.T) {
	for _, tc := range []struct {
		fullID       bool
		header, cell string
	}{
		{false, "出生年份", "1985"},
		{true, "出生日期", "1985-03-12"},
	} {
		opt := sampleOptions()
		opt.FullID = tc.fullID
		rows := sheetRows(t, writeSample(t, opt), "联审名单")
		if got := rows[2][6]; got != tc.header {
			t.Errorf("FullID %v: birth header %q, want %q", tc.fullID, got, tc.header)
		}
		if got := rows[3][6]; got != tc.cell {
			t.Errorf("FullID %v: 王丽's birth cell %q, want %q", tc.fullID, got, tc.cell)
		}
	}
}
