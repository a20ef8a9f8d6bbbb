package export

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nguyenthenguyen/docx"

	"shenbao/export/fsname"
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
	for _, ph := range placeholders {
		re := regexp.MustCompile(`<w:t(?: [^>]*)?>` + regexp.QuoteMeta(ph) + `</w:t>`)
		if !re.MatchString(doc) {
			t.Errorf("placeholder %s is not alone inside one w:t of notice/template.docx", ph)
		}
	}
}

// fixNotice is the whole text of window 2's notice with the sample
// options and a 文号 pattern: errors as numbered sentences with their
// 补正要求, the hint with its fix under its own heading, the review finding
// (F03) left to the clerk's list, issuer, （盖章） and date at the foot.
const fixNotice = `材料补正一次性告知书
鞍营商补〔2024〕2号
鞍山市不动产登记中心税费综合窗口：
经对你窗口报送的鞍山市第二批“清风辽宁政务窗口”申报材料进行合规性审查，发现以下问题需要补正，现一次性告知如下：
1.事迹字数为96字，应为200字左右（100–300字）。补正要求：请将主要事迹补充至200字左右。
2.缺少集体或个人工作照片。补正要求：请补报1张集体或个人工作照片。
3.推荐单位意见栏未盖章。补正要求：请加盖推荐单位公章后重新扫描报送。
此外，以下事项不影响审查结论，建议一并完善：
1.曾受表彰奖励情况未填写。建议：没有表彰时请填写“无”。
请于2024年4月19日按上述要求一次性补正，并重新报送补正后的材料。
联系方式：市营商局 王科长 0412-5551234

鞍山市“清风辽宁政务窗口”评选工作办公室
（盖章）
2024年4月12日
`

func TestWriteNotices(t *testing.T) {
	dir := t.TempDir()
	res := sampleResult()
	opt := sampleNoticeOptions()
	opt.Number = "鞍营商补〔2024〕{序号}号"
	paths, err := WriteNotices(dir, res, opt)
	if err != nil {
		t.Fatal(err)
	}
	// 03 企业开办专区 is 待核查 only: no notice without Review.
	want := []string{
		"02_税费综合窗口_材料补正一次性告知书.docx",
		"04_工程建设项目审批窗口_材料补正一次性告知书.docx",
		"05_社保医保综合柜员窗口_材料补正一次性告知书.docx",
	}
	var got []string
	for _, p := range paths {
		got = append(got, filepath.Base(p))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("wrote %q, want %q", got, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("folder holds %d files, want %d (temp files left?)", len(entries), len(want))
	}
	if text := strings.TrimLeft(plainText(documentXML(t, paths[0])), "\n"); text != fixNotice {
		t.Errorf("notice of 税费综合窗口:\n%s\nwant:\n%s", text, fixNotice)
	}
	for _, p := range paths {
		doc := documentXML(t, p)
		text := plainText(doc)
		if strings.Contains(doc, "{{") || strings.Contains(doc, "}}") {
			t.Errorf("%s: a placeholder is left:\n%s", filepath.Base(p), text)
		}
		for _, bad := range []string{"【", "】", "（错误）", "（提示）", "（待核查）", "  ", " \n", "\n "} {
			if strings.Contains(text, bad) {
				t.Errorf("%s holds %q:\n%s", filepath.Base(p), bad, text)
			}
		}
		if stray := regexp.MustCompile(`(?m)^[ 　]|[ 　]$|　`).FindString(text); stray != "" {
			t.Errorf("%s has a stray space %q:\n%s", filepath.Base(p), stray, text)
		}
	}
}

func TestNoticeReview(t *testing.T) {
	dir := t.TempDir()
	res := sampleResult()
	opt := sampleNoticeOptions()
	opt.Review = true
	paths, err := WriteNotices(dir, res, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 4 || filepath.Base(paths[1]) != "03_企业开办专区_材料核实告知书.docx" {
		t.Fatalf("with Review wrote %q, want a 核实 notice for 03 企业开办专区 among 4", paths)
	}
	text := plainText(documentXML(t, paths[1]))
	for _, want := range []string{
		"材料核实告知书\n鞍山市行政审批局企业开办专区：\n",
		"以下事项需要你窗口核实确认：\n1.服务场所整体环境照片有2张，应为1张。\n2.派驻纪检监察部门意见栏盖章识别置信度低（0.62）。\n请于2024年4月19日将核实情况反馈",
		"（盖章）\n2024年4月12日",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("核实 notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "补正要求") || strings.Contains(text, "照片分辨率过低：合影.jpg 长边800像素") && !strings.Contains(text, "建议") {
		t.Errorf("核实 notice asks for corrections:\n%s", text)
	}
}

func TestNoticeEmptyFieldsAndEscapes(t *testing.T) {
	res := sampleResult()
	res.Submissions = res.Submissions[:2]
	res.Submissions[0].Conclusion = finding.NeedsFix
	res.Submissions[0].Unit = ""
	res.Submissions[0].WindowName = `A<B>&"C"/窗口:1?`
	res.Submissions[0].Findings = []finding.Finding{{Code: "F01", Level: finding.Error, Message: "必填项<主要职责>为空 & 需填写（210302198503120026）；", Fix: "请填写\n主要职责。"}}
	dir := t.TempDir()
	paths, err := WriteNotices(dir, res, NoticeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(paths[0]); got != "01_A_B_&_C__窗口_1__材料补正一次性告知书.docx" {
		t.Errorf("file name = %q", got)
	}
	text := plainText(documentXML(t, paths[0]))
	for _, want := range []string{
		"材料补正一次性告知书\nA<B>&\"C\"/窗口:1?：\n",
		"1.必填项<主要职责>为空 & 需填写（210302********0026）。补正要求：请填写主要职责。\n",
		"通知规定的期限内", res.Title,
		"\n\n（盖章）\n2024年4月12日\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "联系方式") || strings.Contains(text, "210302198503120026") {
		t.Errorf("empty contact printed, or a full ID:\n%s", text)
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
		stem, _, _ := strings.Cut(got, ".")
		if fsname.IsDevice(strings.TrimSpace(stem)) {
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
			if err != nil || len(paths) != 3 {
				t.Fatalf("WriteNotices(%q) = %d paths, %v; want 3, nil", tc.dir, len(paths), err)
			}
		})
	}
}

// TestNoticeLeavesOfficeFindingsOut: what the departments reported (R, J)
// stays in the register; a window whose only findings are those gets no
// notice at all.
func TestNoticeLeavesOfficeFindingsOut(t *testing.T) {
	dir := t.TempDir()
	res := sampleResult()
	j01 := finding.Finding{Code: "J01", Level: finding.Error, Message: "市信访局联审反馈：袁野（210321********1190）有1件信访举报"}
	r01 := finding.Finding{Code: "R01", Level: finding.Review, Message: "窗口未列入任何行业主管部门的实绩排序表"}
	res.Submissions[1].Findings = append(res.Submissions[1].Findings, j01, r01)
	res.Submissions[0].Findings = []finding.Finding{j01}
	res.Submissions[0].Conclusion = finding.NeedsFix
	paths, err := WriteNotices(dir, res, sampleNoticeOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if strings.Contains(filepath.Base(p), "_"+res.Submissions[0].WindowName+"_") {
			t.Errorf("a notice was written for a window with office findings only: %s", p)
		}
		text := plainText(documentXML(t, p))
		if strings.Contains(text, "【J01】") || strings.Contains(text, "【R01】") || strings.Contains(text, "信访举报") {
			t.Errorf("%s tells the window the office's findings:\n%s", filepath.Base(p), text)
		}
	}
}

// TestNoticeBytesAsDocx: a notice written from the template's parts is
// byte for byte what the docx package writes for the same content, the
// copied parts and the zip's headers included.
func TestNoticeBytesAsDocx(t *testing.T) {
	tp, err := templateParts()
	if err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{tp.content, strings.Replace(tp.content, phTo, "铁东区税务局办税服务厅：", 1), ""} {
		r, err := docx.ReadDocxFromMemory(bytes.NewReader(noticeTemplate), int64(len(noticeTemplate)))
		if err != nil {
			t.Fatal(err)
		}
		d := r.Editable()
		d.SetContent(content)
		var want, got bytes.Buffer
		if err := d.Write(&want); err != nil {
			t.Fatal(err)
		}
		r.Close()
		if err := tp.write(&got, content); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("content of %d bytes: %d bytes written, the docx package writes %d (or they differ)", len(content), got.Len(), want.Len())
		}
	}
}
