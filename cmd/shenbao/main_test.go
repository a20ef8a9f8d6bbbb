package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shenbao/export"
	goldenfile "shenbao/parser/golden"
)

// generatedAt masks the one value that may differ between runs.
var generatedAt = regexp.MustCompile(`"generated_at": "[^"]*"`)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestCheckSamples runs the README's main command on the bundled samples and
// compares the JSON result and a text dump of the register with golden files.
func TestCheckSamples(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	js := filepath.Join(dir, "r.json")
	notices := filepath.Join(dir, "告知书")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox", "--scans", "../../samples/scans",
		"-o", reg, "--json", js, "--notices", notices, "-q")
	if code != exitFindings {
		t.Fatalf("exit code %d, want %d (samples have planted defects)\nstdout: %s\nstderr: %s", code, exitFindings, stdout, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "samples.json.golden", generatedAt.ReplaceAll(data, []byte(`"generated_at": "-"`)))

	dump, err := export.DumpXLSX(reg)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "samples.xlsx.golden", []byte(maskTime(dump)))

	var res struct {
		Inputs []struct {
			Path, Status string
		}
		Submissions []struct {
			WindowName string `json:"window_name"`
			Conclusion string
			Staff      []struct {
				IDMasked string `json:"id_masked"`
			}
		}
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Submissions) < 12 {
		t.Errorf("%d windows, want at least 12", len(res.Submissions))
	}
	for _, s := range res.Submissions {
		for _, p := range s.Staff {
			if regexp.MustCompile(`\d{11}`).MatchString(p.IDMasked) {
				t.Errorf("window %s: unmasked ID in JSON", s.WindowName)
			}
		}
	}
	if regexp.MustCompile(`[1-9]\d{5}(19|20)\d{2}[01]\d[0-3]\d{4}`).MatchString(dump) {
		t.Errorf("register holds a full ID number without --full-id")
	}
	entries, _ := os.ReadDir(notices)
	if len(entries) == 0 {
		t.Errorf("no notices written")
	}
}

// maskTime hides the generation time in the register's 汇总 sheet and the
// run date in every sheet's 制表日期 line.
func maskTime(dump string) string {
	dump = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?`).ReplaceAllString(dump, "<time>")
	return regexp.MustCompile(`制表日期：\d{4}年\d{1,2}月\d{1,2}日`).ReplaceAllString(dump, "制表日期：<date>")
}

func TestCheckDeterministic(t *testing.T) {
	dir := t.TempDir()
	var dumps [2][]byte
	for i := range dumps {
		js := filepath.Join(dir, "r"+itoa(i)+".json")
		code, _, stderr := runCLI(t, "check", "../../samples/mailbox", "--scans", "../../samples/scans",
			"-o", filepath.Join(dir, "r"+itoa(i)+".xlsx"), "--json", js, "-q", "-j", itoa(i*3+1))
		if code == exitUsage {
			t.Fatalf("run %d failed: %s", i, stderr)
		}
		data, err := os.ReadFile(js)
		if err != nil {
			t.Fatal(err)
		}
		dumps[i] = generatedAt.ReplaceAll(data, nil)
	}
	if !bytes.Equal(dumps[0], dumps[1]) {
		t.Errorf("two runs with -j 1 and -j 4 gave different JSON:\n%s", goldenfile.Diff(string(dumps[0]), string(dumps[1])))
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, exitUsage, "用法"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "未知命令"},
		{"no inputs", []string{"check", "-q"}, exitUsage, "请指定要审查的文件或文件夹"},
		{"missing input", []string{"check", "-q", filepath.Join(dir, "nope")}, exitUsage, "找不到输入"},
		{"bad flag", []string{"check", "--nope", "x"}, exitUsage, "没有这个选项"},
		{"unwritable output", []string{"check", "-q", "-o", filepath.Join(dir, "no", "such", "dir", "r.xlsx"), "../../samples/forms"}, exitUsage, ""},
		{"output is a folder", []string{"check", "-q", "-o", dir, "../../samples/forms"}, exitUsage, ""},
		{"unknown profile", []string{"check", "-q", "--profile", "no-such-profile", "../../samples/forms"}, exitUsage, ""},
		{"help", []string{"help"}, exitOK, ""},
		{"check help", []string{"check", "-h"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout+stderr, tc.want) {
				t.Errorf("output lacks %q:\n%s%s", tc.want, stdout, stderr)
			}
		})
	}
	// Nothing was written next to the bad output path.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("usage errors left files behind: %v", entries)
	}
}

func TestInspectSample(t *testing.T) {
	matches, _ := filepath.Glob("../../samples/forms/*/申报表.docx")
	if len(matches) == 0 {
		t.Fatal("no sample forms found")
	}
	code, stdout, stderr := runCLI(t, "inspect", matches[0])
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out inspection
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("inspect output is not JSON: %v", err)
	}
	if out.Kind != "申报表" || out.Application == nil || out.Application.Value("window_name") == "" {
		t.Errorf("inspect %s: kind %q, application %+v", matches[0], out.Kind, out.Application)
	}
}
