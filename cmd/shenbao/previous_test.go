package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/export"
)

// TestCheckPreviousRefused: a previous run that cannot be compared with
// stops the run before any work, with exit 2 and a Chinese message naming
// the file, and no register is written.
func TestCheckPreviousRefused(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"../../export/testdata/previous/other-profile.json", "是另一套评选规则（zhengfeng-hangfeng）的结果"},
		{"../../export/testdata/previous/old-shape.json", "与本版本程序不兼容"},
		{"../../export/testdata/previous/truncated.json", "无法解析"},
		{"../../export/testdata/previous/not-register.xlsx", "不是本程序写出的合规审查登记表"},
		{"../../samples/mailbox/16_咨询邮件_无附件.eml", "无法解析"},
		{"没有这个文件.json", "无法打开"},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			reg := filepath.Join(t.TempDir(), "r.xlsx")
			code, _, stderr := runCLI(t, "check", "../../samples/mailbox", "-o", reg, "--previous", tc.file, "-q")
			if code != exitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, tc.file) {
				t.Errorf("exit %d, stderr %q; want exit 2 and a message naming %s saying %q", code, stderr, tc.file, tc.want)
			}
			if _, err := os.Stat(reg); !os.IsNotExist(err) {
				t.Errorf("register written although the previous run was refused")
			}
		})
	}
}

// docxText is the text of a .docx's body: one paragraph a line, table cells
// joined by " | ".
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		doc := strings.ReplaceAll(string(data), "</w:p></w:tc>", " | ")
		doc = strings.ReplaceAll(doc, " | </w:tr>", "\n")
		doc = strings.ReplaceAll(doc, "</w:p>", "\n")
		doc = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(doc, "")
		return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(doc)
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

// TestCheckSecondRun is the README's second-run example: the samples with
// the corrected resends, compared with the first run's JSON in
// samples/previous. 变化情况, the leaders' report and the JSON's changes
// are compared with golden files; the resent windows' findings are closed
// by the resent files.
func TestCheckSecondRun(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	js := filepath.Join(dir, "r.json")
	rep := filepath.Join(dir, "审查情况报告.docx")
	notices := filepath.Join(dir, "告知书")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox", "../../samples/resends", "--scans", "../../samples/scans",
		"--previous", "../../samples/previous/第一次审查结果.json", "-o", reg, "--json", js, "--report", rep, "--notices", notices, "-q")
	if code != exitFindings {
		t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, exitFindings, stdout, stderr)
	}
	// Of the resent windows, two still owe something; the other windows'
	// notices of the first run still stand.
	entries, err := os.ReadDir(notices)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := "07_社保医保综合窗口_材料补正一次性告知书.docx 16_规划许可审批窗口_材料补正一次性告知书.docx"; strings.Join(names, " ") != want {
		t.Errorf("notices %v, want %s", names, want)
	}
	if text := docxText(t, filepath.Join(notices, names[0])); !strings.Contains(text, "前次告知的第1项已补正") {
		t.Errorf("notice of 社保医保综合窗口 does not say what was resolved:\n%s", text)
	}
	dump, err := export.DumpXLSX(reg)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(dump, "== 变化情况 ==")
	if at < 0 {
		t.Fatal("no sheet 变化情况")
	}
	now := time.Now()
	today := regexp.MustCompile(regexp.QuoteMeta(now.Format("2006年1月2日")) + "|" + now.Format("2006-01-02") + "|" + now.UTC().Format("2006-01-02"))
	golden(t, "second_run_changes.golden", []byte(today.ReplaceAllString(maskTime(dump[at:]), "<today>")))
	golden(t, "second_run_report.golden", []byte(today.ReplaceAllString(docxText(t, rep), "<today>")))

	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Changes json.RawMessage `json:"changes"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, res.Changes, "", "  "); err != nil {
		t.Fatal(err)
	}
	stamp := regexp.MustCompile(`(` + now.Format("2006-01-02") + `|` + now.UTC().Format("2006-01-02") + `)T[0-9:.]+(Z|[+-]\d\d:\d\d)`)
	masked := stamp.ReplaceAll(indented.Bytes(), []byte("<now>"))
	golden(t, "second_run_changes.json.golden", today.ReplaceAll(masked, []byte("<today>")))

	// The JSON of this run is itself a previous run for the next one: a
	// third run over the same inputs closes nothing and counts two runs
	// open.
	reg3 := filepath.Join(dir, "r3.xlsx")
	js3 := filepath.Join(dir, "r3.json")
	code, _, stderr = runCLI(t, "check", "../../samples/mailbox", "../../samples/resends", "--scans", "../../samples/scans",
		"--previous", js, "-o", reg3, "--json", js3, "-q")
	if code != exitFindings {
		t.Fatalf("third run: exit %d: %s", code, stderr)
	}
	third, err := os.ReadFile(js3)
	if err != nil {
		t.Fatal(err)
	}
	var ch struct {
		Changes struct {
			Run     int `json:"run"`
			Windows []struct {
				Closed []json.RawMessage `json:"closed"`
				Open   []struct {
					Code string `json:"code"`
					Runs int    `json:"runs"`
				} `json:"open"`
			} `json:"windows"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(third, &ch); err != nil {
		t.Fatal(err)
	}
	if ch.Changes.Run != 3 {
		t.Errorf("third run numbered %d", ch.Changes.Run)
	}
	maxRuns := 0
	for _, w := range ch.Changes.Windows {
		if len(w.Closed) > 0 {
			t.Errorf("third run over the same inputs closed %d findings", len(w.Closed))
		}
		for _, o := range w.Open {
			maxRuns = max(maxRuns, o.Runs)
		}
	}
	if maxRuns != 3 {
		t.Errorf("findings open since the first run count %d runs, want 3", maxRuns)
	}
}
