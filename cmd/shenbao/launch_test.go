package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDecide(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "邮箱 导出")
	file := filepath.Join(dir, "申报表 (1).docx")
	os.Mkdir(folder, 0o755)
	os.WriteFile(file, []byte("x"), 0o644)
	checkDir := filepath.Join(dir, "check")
	os.Mkdir(checkDir, 0o755)
	exists := func(p string) bool { return pathExists(p) }
	tests := []struct {
		name string
		args []string
		want launchMode
	}{
		{"double-click", nil, modeServe},
		{"empty list", []string{}, modeServe},
		{"one folder dropped", []string{folder}, modeDrop},
		{"folder and file dropped", []string{folder, file}, modeDrop},
		{"command", []string{"check", folder}, modeCommand},
		{"serve", []string{"serve"}, modeCommand},
		{"help", []string{"--help"}, modeCommand},
		{"version", []string{"version"}, modeCommand},
		{"a path and a missing one", []string{folder, filepath.Join(dir, "nope")}, modeCommand},
		{"unknown word", []string{"frobnicate"}, modeCommand},
		{"a flag", []string{folder, "-q"}, modeCommand},
		{"command word wins over a folder of that name", []string{"check"}, modeCommand},
		{"that folder by its path", []string{checkDir}, modeDrop},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := decide(tc.args, exists); got != tc.want {
				t.Errorf("decide(%q) = %d, want %d", tc.args, got, tc.want)
			}
		})
	}
}

func TestSplitDropped(t *testing.T) {
	tests := []struct {
		paths, inputs, scans []string
	}{
		{[]string{"a/邮箱导出", "a/扫描件"}, []string{"a/邮箱导出"}, []string{"a/扫描件"}},
		{[]string{"a/Scans/", "b/mail.mbox", "c/扫描记录.csv"}, []string{"b/mail.mbox"}, []string{"a/Scans/", "c/扫描记录.csv"}},
		{[]string{"a/扫描件"}, []string{"a/扫描件"}, nil},
		{[]string{"x", "y"}, []string{"x", "y"}, nil},
	}
	for _, tc := range tests {
		in, sc := splitDropped(tc.paths)
		if !slices.Equal(in, tc.inputs) || !slices.Equal(sc, tc.scans) {
			t.Errorf("splitDropped(%q) = %q, %q; want %q, %q", tc.paths, in, sc, tc.inputs, tc.scans)
		}
	}
}

func TestDropOutputs(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "邮箱 导出")
	file := filepath.Join(dir, "收件箱.mbox")
	os.Mkdir(folder, 0o755)
	os.WriteFile(file, nil, 0o644)
	tests := []struct {
		first, register, notices string
	}{
		{folder, filepath.Join(dir, "邮箱 导出_合规审查登记表.xlsx"), filepath.Join(dir, "邮箱 导出_补正告知书")},
		{folder + string(filepath.Separator), filepath.Join(dir, "邮箱 导出_合规审查登记表.xlsx"), filepath.Join(dir, "邮箱 导出_补正告知书")},
		{file, filepath.Join(dir, "收件箱_合规审查登记表.xlsx"), filepath.Join(dir, "收件箱_补正告知书")},
		{string(filepath.Separator), filepath.Join(string(filepath.Separator), "合规审查登记表.xlsx"), filepath.Join(string(filepath.Separator), "补正告知书")},
		{"材料", "材料_合规审查登记表.xlsx", "材料_补正告知书"},
	}
	for _, tc := range tests {
		reg, notices := dropOutputs(tc.first)
		if reg != tc.register || notices != tc.notices {
			t.Errorf("dropOutputs(%q) = %q, %q; want %q, %q", tc.first, reg, notices, tc.register, tc.notices)
		}
	}
}

// TestDrop runs the program as Explorer does when a folder with a Chinese
// name and a space is dropped on it: the register and the notices appear
// beside the folder, the folder itself is untouched.
func TestDrop(t *testing.T) {
	dir := t.TempDir()
	mailbox := filepath.Join(dir, "邮箱 导出")
	scans := filepath.Join(dir, "扫描件")
	if err := os.CopyFS(mailbox, os.DirFS("../../samples/mailbox")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(scans, os.DirFS("../../samples/scans")); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := launch([]string{mailbox, scans}, strings.NewReader(""), &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	reg := filepath.Join(dir, "邮箱 导出_合规审查登记表.xlsx")
	for _, want := range []string{"审查完成：共 16 个窗口", reg, "扫描件：" + scans} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if _, err := os.Stat(reg); err != nil {
		t.Error(err)
	}
	notices, _ := os.ReadDir(filepath.Join(dir, "邮箱 导出_补正告知书"))
	if len(notices) != 13 { // one per window 需补正
		t.Errorf("%d notices, want 13", len(notices))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("the folder holds %d entries, want the two inputs and two outputs: %v", len(entries), entries)
	}
}
