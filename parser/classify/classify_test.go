package classify

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"go.yaml.in/yaml/v3"

	"shenbao/parser/dept"
	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/internal/pdfconf"
	"shenbao/parser/problem"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
)

// loadSpecs reads the form specs of a bundled profile. The profiles live in
// validate/profile; the test decodes them directly so parser does not depend
// on validate.
func loadSpecs(t testing.TB, name string) Specs {
	t.Helper()
	data, err := os.ReadFile("../../validate/profile/profiles/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Application form.ApplicationSpec `yaml:"application"`
		Review      form.ReviewSpec      `yaml:"review"`
		ReviewRows  []struct {
			Name   string   `yaml:"name"`
			Labels []string `yaml:"labels"`
		} `yaml:"review_rows"`
		Rankings dept.RankingSpec `yaml:"rankings"`
		Joint    dept.JointSpec   `yaml:"joint_review"`
	}
	if err := yaml.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	for _, r := range p.ReviewRows {
		labels := r.Labels
		if len(labels) == 0 {
			labels = []string{r.Name}
		}
		p.Review.Rows = append(p.Review.Rows, form.RowSpec{Name: r.Name, Labels: labels})
	}
	return Specs{Application: p.Application, Review: p.Review, Rankings: p.Rankings, Joint: p.Joint}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func pngOf(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// TestFile checks how the parse stage classifies each kind of item, by
// content first and by name second, and what it tells the clerk.
func TestFile(t *testing.T) {
	forms := "../../samples/forms/"
	application := readFile(t, forms+"企业登记注册窗口/申报表.docx")
	pdf := readFile(t, "testdata/application.pdf")
	tests := []struct {
		name       string
		item       string
		data       []byte
		scan       bool
		kind       Kind
		status     intake.Status
		reason     string
		width      int
		windowHint bool
	}{
		{"申报表 docx", "申报表.docx", application, false, Application, intake.Parsed, "", 0, false},
		{"初审表 docx", "初审表.docx", readFile(t, forms+"企业登记注册窗口/初审表.docx"), false, Review, intake.Parsed, "", 0, false},
		{"申报表 .doc", "申报表.doc", readFile(t, forms+"车驾管业务窗口/申报表.doc"), false, Application, intake.Parsed, "", 0, false},
		{"docx content under a .doc name", "申报表.doc", application, false, Application, intake.Parsed, "", 0, false},
		{"WPS .wps is a Word binary", "表.wps", readFile(t, "../../parser/doc/testdata/shenbao-saved-as.wps"), false, Application, intake.Parsed, "", 0, false},
		{"the 通知 is another Word document", "通知.docx", readFile(t, forms+"通知.docx"), false, OtherWord, intake.Ignored, "其他WORD文档（不是申报表或初审表），未作为申报材料", 0, true},
		{"encrypted .doc", "申报表.doc", readFile(t, "../../parser/doc/testdata/encrypted.doc"), false, Failed, intake.Failed, "文件已加密（设有打开密码），无法读取，请取消密码后重新提交", 0, true},
		{"truncated docx", "申报表.docx", application[:len(application)/2], false, Failed, intake.Failed, "WORD文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送", 0, true},
		{"garbage named .docx", "申报表.docx", []byte("not a word file at all"), false, Failed, intake.Failed, "文件已损坏，无法作为WORD文档打开", 0, true},
		{"PDF 申报表", "市民中心窗口申报表.pdf", pdf, false, NonWordApplication, intake.Parsed, "PDF，共1页", 0, true},
		{"other PDF", "说明.pdf", pdf, false, PDF, intake.Ignored, "PDF文件，不作为申报材料", 0, true},
		{"scan PDF", "扫描件.pdf", pdf, true, ScanImage, intake.Parsed, "PDF，共1页", 0, true},
		{"truncated scan PDF", "扫描件.pdf", pdf[:len(pdf)/3], true, Failed, intake.Failed, "PDF文件已损坏或不完整，无法打开，请重新提交", 0, true},
		{"encrypted scan PDF", "扫描件.pdf", encryptPDF(t, pdf), true, Failed, intake.Failed, "PDF文件已加密（设有打开密码），无法查看，请取消密码后重新提交", 0, true},
		{"photo", "环境照片.png", pngOf(1600, 1200), false, Photo, intake.Parsed, "", 1600, true},
		{"photo of the 申报表", "申报表拍照.png", pngOf(1600, 1200), false, NonWordApplication, intake.Parsed, "", 1600, true},
		{"mail signature logo", "logo.png", pngOf(48, 16), false, Ignored, intake.Ignored, "图片仅 48×16 像素，视为邮件签名或图标", 48, true},
		{"scan image", "扫描_001.png", pngOf(2480, 3508), true, ScanImage, intake.Parsed, "", 2480, true},
		{"HEIC photo", "IMG_0001.HEIC", append([]byte{0, 0, 0, 24}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), false, Failed, intake.Failed, "HEIC格式照片（手机拍摄），无法读取，请转换为JPG格式后重新提交", 0, true},
		{"broken JPEG", "工作照片.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 1}, false, Failed, intake.Failed, "图片文件已损坏或格式不支持，无法打开", 0, true},
		{"calendar invite", "invite.ics", []byte("BEGIN:VCALENDAR\r\n"), false, Ignored, intake.Ignored, "日历邀请，不是申报材料", 0, false},
		{"scan metadata", "扫描记录.csv", readFile(t, "../../samples/scans/扫描记录_第一批.csv"), true, ScanMetadata, intake.Parsed, "", 0, false},
		{"a spreadsheet that is not under --scans", "名单.csv", []byte("姓名,电话\n张三,1\n"), false, Ignored, intake.Ignored, "表格文件，不是申报材料（扫描记录请用 --scans 指定）", 0, false},
		{"unknown bytes", "data.bin", []byte{1, 2, 3}, false, Other, intake.Ignored, "无法识别的文件类型，未作为申报材料", 0, true},
	}
	specs := loadSpecs(t, "qingfeng-liaoning")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := File(Input{Name: tc.item, Source: "mail › " + tc.item, Data: tc.data, Scan: tc.scan}, specs)
			if a.Kind != tc.kind || a.Verdict.Status != tc.status {
				t.Fatalf("kind %q status %q (reason %q), want %q %q", a.Kind, a.Verdict.Status, a.Verdict.Reason, tc.kind, tc.status)
			}
			checkResult(t, a, tc.scan)
			if tc.reason != "" && a.Verdict.Reason != tc.reason {
				t.Errorf("reason %q, want %q", a.Verdict.Reason, tc.reason)
			}
			if a.Width != tc.width {
				t.Errorf("width %d, want %d", a.Width, tc.width)
			}
			if (a.WindowHint != "") != tc.windowHint {
				t.Errorf("window hint %q, want one: %v", a.WindowHint, tc.windowHint)
			}
			switch tc.kind {
			case Application:
				if a.Application == nil || a.Application.Value("window_name") == "" {
					t.Errorf("no window name extracted")
				}
			case Review:
				if a.Review == nil || len(a.Review.Rows) != 7 {
					t.Errorf("review rows not extracted: %+v", a.Review)
				}
			case ScanMetadata:
				if len(a.Records) == 0 {
					t.Errorf("no scan records read")
				}
			}
		})
	}
}

// encryptPDF locks a PDF with a user password, as a clerk's colleague might.
func encryptPDF(t *testing.T, pdf []byte) []byte {
	t.Helper()
	pdfconf.Config() // keep pdfcpu from writing its config folder
	conf := model.NewAESConfiguration("user-pw", "owner-pw", 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &out, conf); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestFileBothForms reads a document in which 附件1 and 附件2 were filled
// in one file as both a 申报表 and a 初审表, each from its own table.
func TestFileBothForms(t *testing.T) {
	a := File(Input{Name: "企业登记注册窗口申报材料.docx", Data: readFile(t, "testdata/both-forms.docx")}, loadSpecs(t, "qingfeng-liaoning"))
	if a.Kind != BothForms || a.Application == nil || a.Review == nil || a.Verdict.Status != intake.Parsed {
		t.Fatalf("kind %q (%+v), want a 申报表 and a 初审表", a.Kind, a.Verdict)
	}
	app, rev := a.Application, a.Review
	if got := app.Value("window_name"); got != "企业登记注册窗口" {
		t.Errorf("申报表 window %q", got)
	}
	if len(app.Staff) != 2 || app.Staff[0].Name != "王丽娜" {
		t.Errorf("申报表 staff %+v", app.Staff)
	}
	if got := rev.Fields["window_name"]; got.Value != "企业登记注册窗口" || got.Location != "表2 第1行第2列" {
		t.Errorf("初审表 window %+v, want it read from the second table", got)
	}
	for _, r := range rev.Rows {
		if !r.Found || r.Opinion == "" || r.Date.IsZero() {
			t.Errorf("初审表 row %s: found %v opinion %q date %v", r.Role, r.Found, r.Opinion, r.Date)
		}
	}
}

// withAltChunk returns a .docx with an altChunk (content imported from
// another format, which the reader does not read) added at the end of its
// body, as Word writes one for pasted HTML.
func withAltChunk(t *testing.T, docx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			i := bytes.LastIndex(data, []byte("<w:sectPr"))
			if i < 0 {
				t.Fatal("no w:sectPr in document.xml")
			}
			data = append(append(bytes.Clone(data[:i]), `<w:altChunk r:id="rIdAlt1"/>`...), data[i:]...)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestFileWarningsReachTheClerk reads a 申报表 with content the reader
// skipped: it is still a 申报表, and its verdict says in Chinese what was
// not read.
func TestFileWarningsReachTheClerk(t *testing.T) {
	data := withAltChunk(t, readFile(t, "../../samples/forms/企业登记注册窗口/申报表.docx"))
	r := File(Input{Name: "申报表.docx", Data: data}, loadSpecs(t, "qingfeng-liaoning"))
	if r.Kind != Application || r.Verdict.Status != intake.Parsed {
		t.Fatalf("kind %q verdict %+v", r.Kind, r.Verdict)
	}
	if len(r.Document.Warnings) != 1 || r.Document.Warnings[0].Code != problem.EmbeddedUnread {
		t.Fatalf("warnings %v, want one embedded-unread", r.Document.Warnings)
	}
	if want := "读取时发现问题：文档中嵌入的其他格式内容未读取"; r.Verdict.Reason != want {
		t.Errorf("reason %q, want %q", r.Verdict.Reason, want)
	}
}

// TestSealWords: every kind of seal.Error has the clerk's own words, and
// none reaches the clerk as the parser's English.
func TestSealWords(t *testing.T) {
	for k := seal.NotImage; k <= seal.NoReviewRows; k++ {
		got := sealWords(&seal.Error{Kind: k, Page: 2, N: 3, Limit: 100, W: 10, H: 10, Format: "jp2"})
		if got == "文件无法读取" || strings.Contains(got, "seal") {
			t.Errorf("kind %d: %q", k, got)
		}
	}
	if got := reasonScanImage(fmt.Errorf("open: %w", &seal.Error{Kind: seal.PDFJPX, Page: 4})); got != "扫描件无法读取：PDF 第 4 页的图像为 JPEG 2000（JPX）格式，无法解码，请改用 JPEG 扫描" {
		t.Errorf("wrapped error worded %q", got)
	}
}

// TestScanProblemWords: the clerk's wording of scan metadata problems,
// pointing at the file, the sheet and the row or record.
func TestScanProblemWords(t *testing.T) {
	tests := []struct {
		p    scan.Problem
		want string
	}{
		{scan.Problem{File: "badrows.csv", Row: 3, Code: scan.ColumnCount, N: 5, M: 9}, "扫描记录 badrows.csv 第3行：列数为5，表头为9列，已跳过"},
		{scan.Problem{File: "badrows.csv", Row: 4, Code: scan.BadSigned, Value: "可能"}, "扫描记录 badrows.csv 第4行：签字“可能”无法识别为是/否，按未知处理"},
		{scan.Problem{File: "wrapped.json", Row: 3, Records: true, Code: scan.NotRecord}, "扫描记录 wrapped.json 第3条：不是记录对象，已跳过"},
		{scan.Problem{File: "metadata.xlsx", Sheet: "扫描记录", Row: 6, Code: scan.BadStamped, Value: "？"}, "扫描记录 metadata.xlsx 工作表“扫描记录” 第6行：盖章“？”无法识别为是/否，按未知处理"},
		{scan.Problem{File: "a.csv", Code: scan.MoreProblems, N: 7}, "扫描记录 a.csv：另有7个问题未列出"},
	}
	for _, tc := range tests {
		if got := scanProblemWords(tc.p); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.p.Code, got, tc.want)
		}
	}
	for c := scan.TooManyRecords; c <= scan.MoreProblems; c++ {
		if got := scanProblemWords(scan.Problem{File: "x.csv", Row: 2, Code: c}); strings.HasSuffix(got, "：无法读取") {
			t.Errorf("code %v has no words", c)
		}
	}
}

// TestDamagedPDFSameEveryTime reads a PDF whose xref pdfcpu must rebuild
// many times over: the clerk must get the same answer on every run, and the
// file is read, since pdfcpu can rebuild it. Before pdfconf about one read
// in five failed; with objects taken in order alone, every read failed.
func TestDamagedPDFSameEveryTime(t *testing.T) {
	data := readFile(t, "testdata/damaged-xref.pdf")
	specs := loadSpecs(t, "qingfeng-liaoning")
	first := File(Input{Name: "扫描件.pdf", Data: data, Scan: true}, specs)
	if first.Kind != ScanImage || first.Verdict.Status != intake.Parsed {
		t.Fatalf("damaged PDF: %s %+v, want a read scan", first.Kind, first.Verdict)
	}
	for i := range 40 {
		r := File(Input{Name: "扫描件.pdf", Data: data, Scan: true}, specs)
		if r.Kind != first.Kind || r.Verdict != first.Verdict {
			t.Fatalf("read %d: %s %+v, first read: %s %+v", i+2, r.Kind, r.Verdict, first.Kind, first.Verdict)
		}
	}
}
