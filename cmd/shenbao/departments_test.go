package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shenbao/export"
)

// TestCheckDepartments runs the samples with the rankings and the returned
// 联审 sheets of samples/rankings and samples/joint (made by
// samples/make_departments.py; the planted cases are in
// samples/departments.md), compares the JSON and the register with golden
// files, and checks that every planted R and J case is found.
func TestCheckDepartments(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	js := filepath.Join(dir, "r.json")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox", "--scans", "../../samples/scans",
		"--rankings", "../../samples/rankings", "--joint-review", "../../samples/joint", "-o", reg, "--json", js, "-q")
	if code != exitFindings {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "departments.json.golden", generatedAt.ReplaceAll(data, []byte(`"generated_at": "-"`)))
	dump, err := export.DumpXLSX(reg)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "departments.xlsx.golden", []byte(maskTime(dump)))

	type fd struct{ Code, Message string }
	var res struct {
		Submissions []struct {
			WindowName string `json:"window_name"`
			Ranking    *struct {
				Department string
				Rank, Of   int
			}
			Findings []fd
		}
		Unattributed []fd
		Rankings     []struct{ Department string }
		JointReview  []struct{ Department string } `json:"joint_review"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	has := func(fs []fd, code, words string) bool {
		for _, f := range fs {
			if f.Code == code && strings.Contains(f.Message, words) {
				return true
			}
		}
		return false
	}
	byWindow := map[string][]fd{}
	ranked := map[string]string{}
	for _, s := range res.Submissions {
		byWindow[s.WindowName] = s.Findings
		if s.Ranking != nil {
			ranked[s.WindowName] = s.Ranking.Department
		}
	}
	planted := []struct {
		window, code, words string // window "" means unattributed
	}{
		{"", "R02", "人才服务窗口"},
		{"", "R02", "第二税务分局办税服务厅"},
		{"", "R03", "第1名重复"},
		{"", "R03", "“服务窗口”可对应多个窗口"},
		{"公积金提取窗口", "R01", "未列入"},
		{"民生服务窗口", "J01", "袁野"},
		{"车驾管业务窗口", "J01", "张志强"},
		{"规划许可审批窗口", "J02", "市信访局尚未反馈邓佳、许文博"},
		{"社保医保综合窗口", "J02", "市工商联的联审反馈中李秀梅、赵敏、孙鹏的结果未填写"},
		{"综合受理窗口", "J03", "李明"},
		{"企业登记注册窗口", "J03", "刘洋"},
		{"公积金提取窗口", "J03", "马骏"},
	}
	for _, p := range planted {
		fs := res.Unattributed
		if p.window != "" {
			fs = byWindow[p.window]
		}
		if !has(fs, p.code, p.words) {
			t.Errorf("planted %s %q on %q not found", p.code, p.words, p.window)
		}
	}
	// The 简称 户籍窗口 (with its 所属单位) and 不动产登记窗口 are matched.
	for w, d := range map[string]string{"户籍业务窗口": "鞍山市公安局", "市民中心不动产登记窗口": "鞍山市营商环境建设局", "社保医保综合窗口": "鞍山市人力资源和社会保障局"} {
		if ranked[w] != d {
			t.Errorf("%s ranked by %q, want %q", w, ranked[w], d)
		}
	}
	if len(res.Rankings) != 4 || len(res.JointReview) != 7 {
		t.Errorf("%d rankings and %d 联审 returns, want 4 and 7", len(res.Rankings), len(res.JointReview))
	}
	// The register: every window shows 行业排序 and 联审结果, and the full
	// IDs of the returned sheets appear nowhere.
	if regexp.MustCompile(`\d{17}[\dX]`).MatchString(dump) || regexp.MustCompile(`\d{17}[\dX]`).Match(data) {
		t.Errorf("a full ID number reached the register or the JSON")
	}
	for _, want := range []string{"实绩排序", "行业排序", "联审结果", "鞍山市税务局 第1名/共2名", "通过", "有问题：市信访局（袁野"} {
		if !strings.Contains(dump, want) {
			t.Errorf("register lacks %q", want)
		}
	}
}

// TestCheckRankingAmongInputs: a ranking that came with the mail (here a
// folder given as input, beside the mailbox) is told apart by its content
// and used without --rankings; an unreadable file given under --rankings
// is listed in 文件清单 as the 实绩排序表 it was meant to be, with an M09
// that sends the clerk back to the department.
func TestCheckRankingAmongInputs(t *testing.T) {
	dir := t.TempDir()
	attached := filepath.Join(dir, "邮件附件")
	broken := filepath.Join(dir, "排序表")
	for _, d := range []string{attached, broken} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	xlsx, err := os.ReadFile("../../samples/rankings/营商局_政务服务中心窗口排序.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	xls, err := os.ReadFile("../../samples/rankings/市公安局_窗口实绩排序.xls")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(attached, "附件3.xlsx"), xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "市公安局排序.xls"), xls[:2000], 0o644); err != nil {
		t.Fatal(err)
	}
	reg, js := filepath.Join(dir, "r.xlsx"), filepath.Join(dir, "r.json")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox", attached, "--rankings", broken, "-o", reg, "--json", js, "-q")
	if code != exitFindings {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	type fd struct{ Code, Message, Fix string }
	var res struct {
		Inputs []struct {
			Path, Kind, Status string
		}
		Submissions []struct {
			WindowName string `json:"window_name"`
			Findings   []fd
		}
		Unattributed []fd
		Rankings     []struct{ Department string }
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Rankings) != 1 || res.Rankings[0].Department != "鞍山市营商环境建设局" {
		t.Errorf("rankings %+v, want the one attached", res.Rankings)
	}
	kinds := map[string]string{}
	for _, in := range res.Inputs {
		kinds[filepath.Base(in.Path)] = in.Kind + " " + in.Status
	}
	if kinds["附件3.xlsx"] != "实绩排序表 parsed" || kinds["市公安局排序.xls"] != "实绩排序表 failed" {
		t.Errorf("文件清单 kinds: 附件3.xlsx %q, 市公安局排序.xls %q", kinds["附件3.xlsx"], kinds["市公安局排序.xls"])
	}
	m09 := false
	for _, f := range res.Unattributed {
		if f.Code == "M09" && strings.Contains(f.Message, "市公安局排序.xls") && strings.Contains(f.Message, "已损坏") && strings.Contains(f.Fix, "行业主管部门") {
			m09 = true
		}
	}
	if !m09 {
		t.Errorf("no M09 for the damaged ranking sending the clerk to the department: %+v", res.Unattributed)
	}
	r01 := 0
	for _, s := range res.Submissions {
		for _, f := range s.Findings {
			if f.Code == "R01" {
				r01++
			}
		}
	}
	if r01 == 0 {
		t.Errorf("no R01 although a ranking was found among the inputs")
	}
}
