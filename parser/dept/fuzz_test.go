package dept

import (
	"os"
	"path/filepath"
	"testing"

	"shenbao/parser/table"
)

// FuzzReadTables reads fuzzed files as rankings and as 联审 returns.
// Invariants: no panic; every row lies below its header row and inside the
// sheet; a recognised department is one of the spec's.
func FuzzReadTables(f *testing.F) {
	files, _ := filepath.Glob("../table/testdata/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("姓名,身份证号码,窗口名称,违法犯罪记录\n郑爽,210304199104052871,税务综合服务窗口,无\n"))
	spec := loadSpec(f)
	lim := table.Limits{MaxSheets: 8, MaxRows: 200, MaxCols: 40, MaxCells: 2000, MaxBytes: 1 << 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := table.Read("fuzz.xlsx", data, lim)
		if err != nil {
			return
		}
		rows := map[string]int{}
		for _, s := range b.Sheets {
			rows[s.Name] = max(rows[s.Name], len(s.Rows))
		}
		for _, r := range ReadRankings("fuzz.xlsx", b, spec.Rankings) {
			for _, row := range r.Rows {
				if row.Line <= r.HeaderRow || row.Line > rows[r.Sheet] || row.Window == "" {
					t.Fatalf("ranking row %+v under header %d of %d rows", row, r.HeaderRow, rows[r.Sheet])
				}
			}
		}
		rets, _ := ReadJoint("fuzz.xlsx", b, spec.Joint, spec.Rankings)
		for _, r := range rets {
			if _, ok := FindDepartment(r.Department, spec.Joint.Departments); r.Known && !ok {
				t.Fatalf("known department %q not in the spec", r.Department)
			}
			for _, row := range r.Rows {
				if row.Line <= r.HeaderRow || row.Line > rows[r.Sheet] {
					t.Fatalf("joint row %+v under header %d", row, r.HeaderRow)
				}
			}
		}
	})
}
