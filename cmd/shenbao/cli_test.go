package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEmptyInput: a folder with no application material, or a path that
// does not exist, ends with exit 2, says 未找到任何申报材料 with what it
// found, and leaves the old register and JSON as they were.
func TestEmptyInput(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "收件箱")
	if err := os.Mkdir(junk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(junk, "说明.txt"), []byte("本文件夹用于存放申报材料"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "空文件夹")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(dir, "合规审查登记表.xlsx")
	js := filepath.Join(dir, "r.json")
	for _, p := range []string{reg, js} {
		if err := os.WriteFile(p, []byte("上次的结果"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, input string
		want        []string
	}{
		{"junk only", junk, []string{"未找到任何申报材料", "共找到 1 个文件", "说明.txt"}},
		{"empty folder", empty, []string{"未找到任何申报材料", "没有任何文件"}},
		{"typo in the path", filepath.Join(dir, "收件厢"), []string{"未找到任何申报材料", "找不到输入“" + filepath.Join(dir, "收件厢") + "”", "均未改动"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "check", tc.input, "-o", reg, "--json", js, "--notices", filepath.Join(dir, "告知书"), "-q")
			if code != exitUsage {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, exitUsage, stdout, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, p := range []string{reg, js} {
				if got, _ := os.ReadFile(p); string(got) != "上次的结果" {
					t.Errorf("%s was changed", filepath.Base(p))
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "告知书")); err == nil {
				t.Errorf("a notices folder was created")
			}
		})
	}
}

// TestLockedRegister: an existing register that cannot be replaced (held
// open by Excel on Windows) stops the run before any work, with the file
// named; nothing is written.
func TestLockedRegister(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "合规审查登记表.xlsx")
	if err := os.WriteFile(reg, []byte("open in Excel"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	f := checkFlags{
		out: reg, profile: "qingfeng-liaoning", inputs: []string{"../../samples/mailbox"}, quiet: true, progress: &stderr,
		replaceable: func(path, what string) error {
			if path == reg {
				return errors.New(what + "正被其他程序打开，请先关闭 Excel/WPS 中的“合规审查登记表.xlsx”")
			}
			return nil
		},
	}
	code, err := check(context.Background(), f, &stdout)
	if code != exitUsage || err == nil || !strings.Contains(err.Error(), "登记表正被其他程序打开") {
		t.Fatalf("check = %d, %v; want exit 2 and the lock named", code, err)
	}
	if got, _ := os.ReadFile(reg); string(got) != "open in Excel" {
		t.Errorf("the register was touched")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the register alone", len(entries))
	}
	// The real check, on a read-only file: refused even where the owner
	// (or root) could rename over it, since Windows cannot.
	if err := os.Chmod(reg, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, msg := runCLI(t, "check", "../../samples/mailbox", "-o", reg, "-q")
	if code != exitUsage || !strings.Contains(msg, "登记表正被其他程序打开") {
		t.Errorf("read-only register: exit %d, %s", code, msg)
	}
	if got, _ := os.ReadFile(reg); string(got) != "open in Excel" {
		t.Errorf("the read-only register was replaced")
	}
}

// TestNoticeMovedAside: a notice whose old file cannot be replaced at the
// end of the run is written beside it, and the run says where.
func TestNoticeMovedAside(t *testing.T) {
	dir := t.TempDir()
	notices := filepath.Join(dir, "告知书")
	args := []string{"check", "../../samples/mailbox", "--scans", "../../samples/scans", "-o", filepath.Join(dir, "r.xlsx"), "--notices", notices, "-q"}
	if code, _, stderr := runCLI(t, args...); code == exitUsage {
		t.Fatal(stderr)
	}
	first, _ := filepath.Glob(filepath.Join(notices, "*告知书.docx"))
	if len(first) == 0 {
		t.Fatal("no notices")
	}
	// A folder where the old notice was: nothing can be renamed over it.
	if err := os.Remove(first[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(first[0], "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, args...)
	if code == exitUsage {
		t.Fatalf("exit 2: %s", stderr)
	}
	aside := strings.TrimSuffix(first[0], ".docx") + "(1).docx"
	if _, err := os.Stat(aside); err != nil {
		t.Errorf("no notice beside the held one: %v", err)
	}
	if !strings.Contains(stderr, "另存为") || !strings.Contains(stderr, filepath.Base(aside)) {
		t.Errorf("the run does not say where the notice went:\n%s", stderr)
	}
}

// english finds English words of Go's flag package in a message.
var english = regexp.MustCompile(`(?i)\b(flag|usage|invalid|provided|defined|parse|value|string|no such file|permission denied)\b`)

func TestFlagMessages(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"check", "--nope", "x"}, "参数有误：没有这个选项 -nope\n运行 shenbao check -h 查看用法\n"},
		{"-j 0", []string{"check", "-j", "0", "x"}, "参数有误：选项 -j 的取值“0”无效：应为不小于 1 的整数（同时处理的文件数），例如 -j 4\n运行 shenbao check -h 查看用法\n"},
		{"-j -3", []string{"check", "-j", "-3", "x"}, "选项 -j 的取值“-3”无效"},
		{"-j abc", []string{"check", "-j", "abc", "x"}, "选项 -j 的取值“abc”无效"},
		{"-o without a value", []string{"check", "x", "-o"}, "选项 -o 后面缺少取值"},
		{"-o .xls", []string{"check", "-o", filepath.Join(dir, "r.xls"), "../../samples/forms"}, "登记表文件名应以 .xlsx 结尾"},
		{"-o a folder", []string{"check", "-o", dir, "../../samples/forms"}, "输出路径“" + dir + "”是一个文件夹"},
		{"--json in a missing folder", []string{"check", "-o", filepath.Join(dir, "r.xlsx"), "--json", filepath.Join(dir, "无此文件夹", "r.json"), "../../samples/forms"}, "输出文件夹“" + filepath.Join(dir, "无此文件夹") + "”不存在"},
		{"inspect without a file", []string{"inspect"}, "请指定要查看的一个文件"},
		{"profile without show", []string{"profile", "list"}, "请写 shenbao profile show"},
		{"profile show of no such name", []string{"profile", "show", "qingfeng"}, "没有名为“qingfeng”的内置配置"},
		{"--profile of a missing file", []string{"check", "--profile", filepath.Join(dir, "我的配置.yaml"), "../../samples/forms"}, "找不到这个文件，请检查路径"},
		{"inspect a missing file", []string{"inspect", filepath.Join(dir, "无此文件.docx")}, "找不到文件"},
		{"inspect a folder", []string{"inspect", dir}, "是一个文件夹"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want 2\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			msg := strings.TrimPrefix(stderr, "错误：")
			if strings.HasSuffix(tc.want, "\n") && msg != tc.want || !strings.Contains(msg, tc.want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tc.want)
			}
			if strings.ContainsRune(stderr, '"') {
				t.Errorf("stderr quotes with ASCII quotes, not “”:\n%s", stderr)
			}
			if strings.Contains(stderr, "： ") {
				t.Errorf("stderr has a stray space after a full-width colon:\n%s", stderr)
			}
			if english.MatchString(stderr) || strings.Contains(stderr, "选项：") {
				t.Errorf("stderr holds English or the whole usage:\n%s", stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused runs wrote %d files", len(entries))
	}
}

// TestRegisterExtensionAdded: -o without an extension writes NAME.xlsx.
func TestRegisterExtensionAdded(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, "check", "../../samples/forms", "-o", filepath.Join(dir, "登记表"), "-q")
	if code == exitUsage {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "登记表.xlsx")); err != nil {
		t.Errorf("no 登记表.xlsx: %v\n%s", err, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "登记表")); err == nil {
		t.Errorf("an xlsx was written without its extension")
	}
}

// TestExampleContactWarning: notices with the shipped example contact get
// a warning before the run, saying how to fill in the office's own; a
// profile with the office's contact gets none.
func TestExampleContactWarning(t *testing.T) {
	dir := t.TempDir()
	warn := "告知书中的联系人仍为示例，请在配置文件中填写"
	run := func(extra ...string) string {
		args := append([]string{"check", "../../samples/forms", "-o", filepath.Join(dir, "r.xlsx"), "--notices", filepath.Join(dir, "告知书"), "-q"}, extra...)
		code, _, stderr := runCLI(t, args...)
		if code == exitUsage {
			t.Fatal(stderr)
		}
		return stderr
	}
	if got := run(); !strings.Contains(got, warn) || !strings.Contains(got, "shenbao profile show > 我的配置.yaml") {
		t.Errorf("default profile: stderr lacks the warning:\n%s", got)
	}
	code, shown, stderr := runCLI(t, "profile", "show")
	if code != exitOK {
		t.Fatal(stderr)
	}
	own := regexp.MustCompile(`(?m)^(\s*contact: ).*$`).ReplaceAllString(shown, "${1}鞍山市营商环境建设局 张华，电话 0412-5551234")
	if own == shown {
		t.Fatal("profile show has no contact line")
	}
	path := filepath.Join(dir, "我的配置.yaml")
	if err := os.WriteFile(path, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := run("--profile", path); strings.Contains(got, warn) {
		t.Errorf("own contact: warned anyway:\n%s", got)
	}
	// Exported and not edited: still the example.
	if err := os.WriteFile(path, []byte(shown), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := run("--profile", path); !strings.Contains(got, warn) {
		t.Errorf("unedited export: no warning:\n%s", got)
	}
}
