package pipeline

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"shenbao/parser/intake"
	"shenbao/validate/profile"
)

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

// TestAnalyze checks how the parse stage classifies each kind of item, by
// content first and by name second, and what it tells the clerk.
func TestAnalyze(t *testing.T) {
	forms := "../../../samples/forms/"
	application := readFile(t, forms+"企业登记注册窗口/申报表.docx")
	pdf := readFile(t, "testdata/application.pdf")
	tests := []struct {
		name       string
		item       string
		data       []byte
		scan       bool
		kind       string
		status     intake.Status
		reason     string
		width      int
		windowHint bool
	}{
		{"申报表 docx", "申报表.docx", application, false, kindApplication, intake.Parsed, "", 0, false},
		{"初审表 docx", "初审表.docx", readFile(t, forms+"企业登记注册窗口/初审表.docx"), false, kindReview, intake.Parsed, "", 0, false},
		{"申报表 .doc", "申报表.doc", readFile(t, forms+"车驾管业务窗口/申报表.doc"), false, kindApplication, intake.Parsed, "", 0, false},
		{"docx content under a .doc name", "申报表.doc", application, false, kindApplication, intake.Parsed, "", 0, false},
		{"WPS .wps is a Word binary", "表.wps", readFile(t, "../../../parser/doc/testdata/shenbao-saved-as.wps"), false, kindApplication, intake.Parsed, "", 0, false},
		{"the 通知 is another Word document", "通知.docx", readFile(t, forms+"通知.docx"), false, kindWord, intake.Ignored, "其他WORD文档（不是申报表或初审表），未作为申报材料", 0, true},
		{"encrypted .doc", "申报表.doc", readFile(t, "../../../parser/doc/testdata/encrypted.doc"), false, kindFailed, intake.Failed, "文件已加密（设有打开密码），无法读取，请取消密码后重新提交", 0, true},
		{"truncated docx", "申报表.docx", application[:len(application)/2], false, kindFailed, intake.Failed, "WORD文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送", 0, true},
		{"garbage named .docx", "申报表.docx", []byte("not a word file at all"), false, kindFailed, intake.Failed, "文件已损坏，无法作为WORD文档打开", 0, true},
		{"PDF 申报表", "市民中心窗口申报表.pdf", pdf, false, kindNonWord, intake.Parsed, "PDF，共1页", 0, true},
		{"other PDF", "说明.pdf", pdf, false, kindPDF, intake.Ignored, "PDF文件，不作为申报材料", 0, true},
		{"scan PDF", "扫描件.pdf", pdf, true, kindScanImage, intake.Parsed, "PDF，共1页", 0, true},
		{"truncated scan PDF", "扫描件.pdf", pdf[:len(pdf)/3], true, kindFailed, intake.Failed, "PDF文件已损坏或不完整，无法打开，请重新提交", 0, true},
		{"encrypted scan PDF", "扫描件.pdf", encryptPDF(t, pdf), true, kindFailed, intake.Failed, "PDF文件已加密（设有打开密码），无法查看，请取消密码后重新提交", 0, true},
		{"photo", "环境照片.png", pngOf(1600, 1200), false, kindPhoto, intake.Parsed, "", 1600, true},
		{"photo of the 申报表", "申报表拍照.png", pngOf(1600, 1200), false, kindNonWord, intake.Parsed, "", 1600, true},
		{"mail signature logo", "logo.png", pngOf(48, 16), false, kindIgnored, intake.Ignored, "图片仅 48×16 像素，视为邮件签名或图标", 48, true},
		{"scan image", "扫描_001.png", pngOf(2480, 3508), true, kindScanImage, intake.Parsed, "", 2480, true},
		{"HEIC photo", "IMG_0001.HEIC", append([]byte{0, 0, 0, 24}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), false, kindFailed, intake.Failed, "HEIC格式照片（手机拍摄），无法读取，请转换为JPG格式后重新提交", 0, true},
		{"broken JPEG", "工作照片.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 1}, false, kindFailed, intake.Failed, "图片文件已损坏或格式不支持，无法打开", 0, true},
		{"calendar invite", "invite.ics", []byte("BEGIN:VCALENDAR\r\n"), false, kindIgnored, intake.Ignored, "日历邀请，不是申报材料", 0, false},
		{"scan metadata", "扫描记录.csv", readFile(t, "../../../samples/scans/扫描记录_第一批.csv"), true, kindMetadata, intake.Parsed, "", 0, false},
		{"a spreadsheet that is not under --scans", "名单.csv", []byte("姓名,电话\n张三,1\n"), false, kindIgnored, intake.Ignored, "表格文件，不是申报材料（扫描记录请用 --scans 指定）", 0, false},
		{"unknown bytes", "data.bin", []byte{1, 2, 3}, false, kindOther, intake.Ignored, "无法识别的文件类型，未作为申报材料", 0, true},
	}
	p := profile.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &intake.Item{Name: tc.item, Path: "mail › " + tc.item, Scan: tc.scan}
			a := analyze(it, tc.data, p)
			if a.parsed.Kind != tc.kind || it.Status != tc.status {
				t.Fatalf("kind %q status %q (reason %q), want %q %q", a.parsed.Kind, it.Status, it.Reason, tc.kind, tc.status)
			}
			if tc.reason != "" && it.Reason != tc.reason {
				t.Errorf("reason %q, want %q", it.Reason, tc.reason)
			}
			if a.parsed.Width != tc.width {
				t.Errorf("width %d, want %d", a.parsed.Width, tc.width)
			}
			if (a.parsed.WindowHint != "") != tc.windowHint {
				t.Errorf("window hint %q, want one: %v", a.parsed.WindowHint, tc.windowHint)
			}
			switch tc.kind {
			case kindApplication:
				if a.parsed.Application == nil || a.parsed.Application.Value("window_name") == "" {
					t.Errorf("no window name extracted")
				}
			case kindReview:
				if a.parsed.Review == nil || len(a.parsed.Review.Rows) != 7 {
					t.Errorf("review rows not extracted: %+v", a.parsed.Review)
				}
			case kindMetadata:
				if len(a.records) == 0 {
					t.Errorf("no scan records read")
				}
			}
		})
	}
}

// encryptPDF locks a PDF with a user password, as a clerk's colleague might.
func encryptPDF(t *testing.T, pdf []byte) []byte {
	t.Helper()
	pdfConfig() // keep pdfcpu from writing its config folder
	conf := model.NewAESConfiguration("user-pw", "owner-pw", 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &out, conf); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestAnalyzeKeepsWalkVerdict leaves items the walk already judged alone.
func TestAnalyzeKeepsWalkVerdict(t *testing.T) {
	it := &intake.Item{Name: "大.zip", Status: intake.Failed, Reason: "文件过大"}
	a := analyze(it, nil, profile.Default())
	if a.parsed.Kind != kindFailed || it.Reason != "文件过大" {
		t.Errorf("kind %q reason %q", a.parsed.Kind, it.Reason)
	}
}

// TestAnalyzeBothForms reads a document in which 附件1 and 附件2 were filled
// in one file as both a 申报表 and a 初审表, each from its own table.
func TestAnalyzeBothForms(t *testing.T) {
	it := &intake.Item{Name: "企业登记注册窗口申报材料.docx"}
	a := analyze(it, readFile(t, "testdata/both-forms.docx"), profile.Default())
	if a.parsed.Kind != kindApplication || a.second == nil || a.second.Kind != kindReview || a.second.Item != it {
		t.Fatalf("kinds %q and %+v, want a 申报表 and a 初审表 of the same item", a.parsed.Kind, a.second)
	}
	app, rev := a.parsed.Application, a.second.Review
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
