package export

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/validate/finding"
)

// documentXML returns word/document.xml of the .docx at path.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
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
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

var tagRE = regexp.MustCompile(`<[^>]+>`)

// plainText is the document's text, one paragraph per line.
func plainText(doc string) string {
	doc = strings.ReplaceAll(doc, "</w:p>", "\n")
	doc = tagRE.ReplaceAllString(doc, "")
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#34;", `"`, "&#39;", "'", "&amp;", "&")
	return r.Replace(doc)
}

func sampleNoticeOptions() NoticeOptions {
	return NoticeOptions{
		Title:    "鞍山市第二批“清风辽宁政务窗口”",
		Deadline: "2024年4月19日",
		Contact:  "市营商局 王科长 0412-5551234",
		Issuer:   "鞍山市“清风辽宁政务窗口”评选工作办公室",
		Date:     time.Date(2024, 4, 12, 0, 0, 0, 0, time.UTC),
	}
}

func TestTemplatePlaceholdersWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.docx")
	if err := os.WriteFile(path, noticeTemplate, 0o644); err != nil {
		t.Fatal(err)
	}
	doc := documentXML(t, path)
	for _, ph := range []string{phTitle, phWindow, phUnit, phDate, phFindings, phDeadline, phContact, phIssuer} {
		re := regexp.MustCompile(`<w:t(?: [^>]*)?>[^<]*` + regexp.QuoteMeta(ph) + `[^<]*</w:t>`)
		if !re.MatchString(doc) {
			t.Errorf("placeholder %s is not whole inside one w:t of notice/template.docx", ph)
		}
	}
}

func TestWriteNotices(t *testing.T) {
	dir := t.TempDir()
	res := sampleResult()
	paths, err := WriteNotices(dir, res, sampleNoticeOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"02_税费综合窗口_材料补正一次性告知书.docx",
		"03_企业开办专区_材料补正一次性告知书.docx",
		"04_工程建设项目审批窗口_材料补正一次性告知书.docx",
		"05_社保医保综合柜员窗口_材料补正一次性告知书.docx",
	}
	if len(paths) != len(want) {
		t.Fatalf("wrote %d notices %q, want %d", len(paths), paths, len(want))
	}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("notice %d = %s, want %s", i, filepath.Base(p), want[i])
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("folder holds %d files, want %d (temp files left?)", len(entries), len(want))
	}
	for _, p := range paths {
		doc := documentXML(t, p)
		text := plainText(doc)
		if strings.Contains(doc, "{{") || strings.Contains(doc, "}}") {
			t.Errorf("%s: a placeholder is left:\n%s", filepath.Base(p), text)
		}
		var sub = res.Submissions[0]
		for _, s := range res.Submissions {
			if strings.Contains(filepath.Base(p), "_"+s.WindowName+"_") {
				sub = s
			}
		}
		for _, s := range []string{"材料补正一次性告知书", sub.WindowName, sub.Unit, "2024年4月19日", "市营商局 王科长 0412-5551234", "2024年4月12日", "鞍山市“清风辽宁政务窗口”评选工作办公室"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s lacks %q:\n%s", filepath.Base(p), s, text)
			}
		}
		for _, f := range sub.Findings {
			if !strings.Contains(text, "【"+f.Code+"】") || !strings.Contains(text, f.Message) || !strings.Contains(text, f.Fix) {
				t.Errorf("%s lacks finding %s %q / %q:\n%s", filepath.Base(p), f.Code, f.Message, f.Fix, text)
			}
		}
		if n := strings.Count(text, "】（"); n != len(sub.Findings) {
			t.Errorf("%s lists %d findings, want %d", filepath.Base(p), n, len(sub.Findings))
		}
	}
}

func TestNoticeListOrderAndNumbers(t *testing.T) {
	res := sampleResult()
	got := noticeLines(res.Submissions[2].Findings) // M06 review, S01 review, M10 info
	want := []string{
		"1. 【M06】（待核查）服务场所整体环境照片有2张，应为1张；补正要求：请确认使用哪一张照片",
		"2. 【S01】（待核查）派驻纪检监察部门意见栏盖章识别置信度低（0.62）；补正要求：请人工核对印章",
		"3. 【M10】（提示）照片分辨率过低：合影.jpg 长边800像素",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("notice lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoticeEscapesAndUniqueNames(t *testing.T) {
	res := sampleResult()
	res.Submissions = res.Submissions[:2]
	res.Submissions[0].Conclusion = finding.NeedsFix
	res.Submissions[0].WindowName = `A<B>&"C"/窗口:1?`
	res.Submissions[0].Findings = []finding.Finding{{Code: "F01", Level: finding.Error, Message: "必填项<主要职责>为空 & 需填写", Fix: "请填写\n主要职责"}}
	dir := t.TempDir()
	paths, err := WriteNotices(dir, res, NoticeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(paths[0]); got != "01_A_B_&_C__窗口_1__材料补正一次性告知书.docx" {
		t.Errorf("file name = %q", got)
	}
	text := plainText(documentXML(t, paths[0]))
	if !strings.Contains(text, "1. 【F01】（错误）必填项<主要职责>为空 & 需填写；补正要求：请填写 主要职责") {
		t.Errorf("escaped finding missing:\n%s", text)
	}
	if !strings.Contains(text, "通知规定的期限") || !strings.Contains(text, res.Title) {
		t.Errorf("defaults missing:\n%s", text)
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"不动产登记窗口", "不动产登记窗口"},
		{`a<b>c:d"e/f\g|h?i*j`, "a_b_c_d_e_f_g_h_i_j"},
		{"tab\there\x00", "tab_here_"},
		{"窗口. . ", "窗口"},
		{"CON", "_CON"},
		{"com1.txt", "_com1.txt"},
		{"LPT9", "_LPT9"},
		{"COM10", "COM10"},
		{"  ", "未命名窗口"},
		{"...", "未命名窗口"},
		{strings.Repeat("窗", 70), strings.Repeat("窗", 60)},
	}
	for _, tc := range tests {
		if got := safeName(tc.in); got != tc.want {
			t.Errorf("safeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	used := map[string]bool{}
	var got []string
	for _, s := range []string{"a", "A", "a", "b"} {
		got = append(got, uniqueName(s, ".docx", used))
	}
	if want := "a.docx A_2.docx a_3.docx b.docx"; strings.Join(got, " ") != want {
		t.Errorf("uniqueName = %q, want %q", strings.Join(got, " "), want)
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"窗口", "CON", "a<b", "x. ", "\x00", "COM1.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := safeName(s)
		if got == "" || strings.ContainsAny(got, `<>:"/\|?*`) || strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Fatalf("safeName(%q) = %q", s, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("safeName(%q) = %q has a control character", s, got)
			}
		}
		base := strings.ToUpper(got)
		if i := strings.IndexByte(base, '.'); i >= 0 {
			base = base[:i]
		}
		if reservedName(base) {
			t.Fatalf("safeName(%q) = %q is a device name", s, got)
		}
	})
}

func TestWriteNoticesDir(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
		want      string // part of the error; "" when the notices are written
	}{
		{"missing parent", filepath.Join(base, "missing", "告知书"), "不存在"},
		{"a file", file, "是一个文件"},
		{"empty", "", "为空"},
		{"created", filepath.Join(base, "告知书"), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths, err := WriteNotices(tc.dir, sampleResult(), NoticeOptions{})
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("WriteNotices(%q) = %v, want an error with %q", tc.dir, err, tc.want)
				}
				if paths != nil {
					t.Fatalf("WriteNotices(%q) returned paths with an error", tc.dir)
				}
				return
			}
			if err != nil || len(paths) != 4 {
				t.Fatalf("WriteNotices(%q) = %d paths, %v; want 4, nil", tc.dir, len(paths), err)
			}
		})
	}
}
