// Command gen writes the sample scan metadata in samples/scans: what a
// scanning station would export after scanning the signed and stamped paper
// 初审表 of the sample windows in samples/forms, in three files (CSV UTF-8
// with BOM, CSV GBK, XLSX), with planted gaps, and the README that lists
// them. Output is deterministic.
//
//	go run ./samples/scansgen samples/forms samples/scans
package main

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shenbao/validate/profile"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "用法：go run ./samples/scansgen 样例表格目录 输出目录")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// noScans are sample windows left without scan records: the one with an
// electronic seal, one kept as the plain S04 example, and the two whose
// planted 初审表 defects the scans would otherwise change.
var noScans = []string{"出入境证件办理窗口", "户籍业务窗口", "规划许可审批窗口", "工程建设项目审批窗口"}

// unknownWindow is a record for a window that sent nothing (S03).
const unknownWindow = "鞍山市档案馆查档窗口"

// A gap is a planted defect in one window's records.
type gap struct {
	window, role string
	apply        func(r *record)
	note, codes  string
}

var gaps = []gap{
	{"社保医保综合窗口", "组织（人事）部门意见", func(r *record) { r.stamped = "no" }, "盖章为“否”", "P03"},
	{"车驾管业务窗口", "分管领导意见", func(r *record) { r.signed = "" }, "签字栏空白（未知）", "S01"},
	{"公积金提取窗口", "推荐单位", func(r *record) { r.confidence = 0.62 }, "盖章置信度0.62", "S01"},
	{"医保经办服务窗口", "部门负责人意见", func(r *record) { r.dateText = "2024年4月31日" }, "日期“2024年4月31日”无法识别", "metadata problem, listed unattributed (S03)"},
	{"企业登记注册窗口", "主要领导意见", func(r *record) { r.date = r.date.AddDate(0, 0, 1); r.dateText = "" }, "日期比WORD版晚一天（2024年4月3日）", "S02"},
}

// record is one review row of one window, before it is written.
type record struct {
	window, file string
	page         int
	field        string
	opinion      string
	signed       string // "yes", "no" or ""
	stamped      string
	date         time.Time
	dateText     string // overrides date when set
	confidence   float64
}

// stageDates are the dates the sample forms carry (samples/forms/windows.py).
var stageDates = map[string]time.Time{
	"internal":  time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC),
	"recommend": time.Date(2024, 4, 8, 0, 0, 0, 0, time.UTC),
	"industry":  time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC),
}

func run(formsDir, outDir string) error {
	windows, err := windowNames(formsDir)
	if err != nil {
		return err
	}
	for _, g := range gaps {
		if !slices.Contains(windows, g.window) {
			return fmt.Errorf("planted gap names %s, which is not in %s", g.window, formsDir)
		}
	}
	p := profile.Default()
	var files [3][]record
	var placed [3][]string
	n := 0
	for _, w := range windows {
		if slices.Contains(noScans, w) {
			continue
		}
		files[n%3] = append(files[n%3], windowRecords(w, p)...)
		placed[n%3] = append(placed[n%3], w)
		n++
	}
	// The unknown window goes into the first file.
	stray := windowRecords(unknownWindow, p)[5]
	files[0] = append(files[0], stray)

	csv1, err := writeCSV(files[0], csvStyle{bom: true})
	if err != nil {
		return err
	}
	csv2, badLine, err := writeCSVWithBadRow(files[1])
	if err != nil {
		return err
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(csv2)
	if err != nil {
		return fmt.Errorf("encode gbk: %w", err)
	}
	xl, err := writeXLSX(files[2])
	if err != nil {
		return err
	}
	outputs := []struct {
		name string
		data []byte
	}{
		{"扫描记录_第一批.csv", csv1},
		{"扫描记录_第二批_GBK.csv", gbk},
		{"扫描记录_第三批.xlsx", xl},
	}
	for _, o := range outputs {
		if err := os.WriteFile(filepath.Join(outDir, o.name), o.data, 0o644); err != nil {
			return err
		}
	}
	// Pages for the windows of the first file; the others come as metadata
	// only, as when a station sends its records ahead of the images.
	if err := writePages(outDir, placed[0], placed[1][0]); err != nil {
		return err
	}
	// The notes go beside the folder, not into it, so --scans reads only
	// what a scanning station writes.
	notes := filepath.Join(filepath.Dir(filepath.Clean(outDir)), "scans.md")
	if err := os.WriteFile(notes, []byte(readme(placed, windows, badLine)), 0o644); err != nil {
		return err
	}
	return nil
}

// windowNames lists the window directories of the sample forms, sorted.
func windowNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Type()&fs.ModeSymlink == 0 && strings.HasSuffix(e.Name(), "窗口") {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("no window directories in %s", dir)
	}
	return out, nil
}

// windowRecords are the seven rows of one window's scanned 初审表, with the
// planted gaps applied.
func windowRecords(w string, p *profile.Profile) []record {
	var out []record
	for i, row := range p.ReviewRows {
		page := 1
		if i >= 4 {
			page = 2
		}
		r := record{
			window: w, file: fmt.Sprintf("扫描件/%s_初审表_第%d页.jpg", w, page), page: page,
			field: row.Name, opinion: "同意推荐。", date: stageDates[row.Stage],
			confidence: confidence(w, row.Name),
		}
		if row.Needs == "盖章" {
			r.stamped = "yes"
		} else {
			r.signed = "yes"
		}
		if w == "道路运输许可窗口" && row.Name == "行业主管部门意见" {
			r.date = time.Date(2024, 4, 22, 0, 0, 0, 0, time.UTC) // as its Word form (P05)
		}
		if w == "民生服务窗口" && row.Name == "主要领导意见" {
			r.opinion = "该窗口近期有群众投诉尚未办结，不同意推荐。" // as its Word form (P08)
		}
		for _, g := range gaps {
			if g.window == w && g.role == row.Name {
				g.apply(&r)
			}
		}
		out = append(out, r)
	}
	return out
}

// confidence is a stable figure between 0.86 and 0.98.
func confidence(window, role string) float64 {
	h := fnv.New32a()
	h.Write([]byte(window + "|" + role))
	return 0.86 + float64(h.Sum32()%13)/100
}
