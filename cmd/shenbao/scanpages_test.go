package main

import (
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shenbao/export"
)

// TestCheckScanMailbox runs check on samples/mailbox-scans, where every
// 初审表 arrives only as a scan (JPEG, PNG, PDF with /Rotate), and checks
// what samples/mailbox-scans.md plants: P03 for exactly the 盖章 rows
// without a seal, S01 on the greyscale scan, S05 for the picture that is
// no 初审表, and no S04, P01 or P04 anywhere (the page says nothing about
// opinions and dates). The JSON and the register are kept as golden files,
// and --overlay draws every page.
func TestCheckScanMailbox(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	js := filepath.Join(dir, "r.json")
	ov := filepath.Join(dir, "标注图")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox-scans", "-o", reg, "--json", js, "--overlay", ov, "-q")
	if code != exitFindings {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "scanmail.json.golden", generatedAt.ReplaceAll(data, []byte(`"generated_at": "-"`)))
	dump, err := export.DumpXLSX(reg)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "scanmail.xlsx.golden", []byte(maskTime(dump)))

	var res struct {
		Submissions []struct {
			WindowName string `json:"window_name"`
			Conclusion string
			Findings   []struct{ Code, Field string }
		}
		ScanPages []struct {
			File, Window string
			Page         int
		} `json:"scan_pages"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		conclusion string
		codes      []string // P/S codes as code:field, sorted
	}{
		"企业开办一窗通办窗口": {"合规", nil},
		"医保经办服务窗口":   {"需补正", []string{"P03:推荐单位"}},
		"民生服务窗口":     {"待核查", []string{"S01:推荐单位", "S01:派驻纪检监察部门意见", "S01:组织（人事）部门意见", "S01:行业主管部门意见"}},
		"综合受理窗口":     {"待核查", []string{"S05:初审表"}},
		"户籍业务窗口":     {"需补正", []string{"P03:派驻纪检监察部门意见", "P03:行业主管部门意见"}},
		"出入境证件办理窗口":  {"需补正", []string{"P03:组织（人事）部门意见"}},
	}
	if len(res.Submissions) != len(want) {
		t.Errorf("%d windows, want %d", len(res.Submissions), len(want))
	}
	for _, s := range res.Submissions {
		w, ok := want[s.WindowName]
		if !ok {
			t.Errorf("unexpected window %s", s.WindowName)
			continue
		}
		var got []string
		for _, f := range s.Findings {
			if f.Code[0] == 'P' || f.Code[0] == 'S' {
				got = append(got, f.Code+":"+f.Field)
			}
		}
		slices.Sort(got)
		if s.Conclusion != w.conclusion || !slices.Equal(got, w.codes) {
			t.Errorf("%s: %s %v, want %s %v", s.WindowName, s.Conclusion, got, w.conclusion, w.codes)
		}
	}
	if len(res.ScanPages) != 6 {
		t.Errorf("%d scan pages, want 6", len(res.ScanPages))
	}
	for _, pg := range res.ScanPages {
		if pg.Window == "" || pg.Page != 1 || !strings.Contains(pg.File, "初审表") {
			t.Errorf("scan page %+v", pg)
		}
	}

	pngs, _ := filepath.Glob(filepath.Join(ov, "*.png"))
	if len(pngs) != 6 {
		t.Fatalf("%d overlays, want 6: %v", len(pngs), pngs)
	}
	if base := filepath.Base(pngs[1]); base != "002_医保经办服务窗口_附件2初审表_第1页.png" {
		t.Errorf("overlay name %s", base)
	}
	f, err := os.Open(pngs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width < 600 {
		t.Errorf("overlay %s: %v, %d px wide", pngs[0], err, cfg.Width)
	}
	hidden, _ := filepath.Glob(filepath.Join(ov, ".page-*"))
	if len(hidden) != 0 {
		t.Errorf("drawn pages left under their working names: %v", hidden)
	}
}
