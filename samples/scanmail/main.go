// Command scanmail writes samples/mailbox-scans: a mailbox export in which
// every window's 初审表 arrives only as a scan (JPEG, PNG, PDF), never as
// Word, so the seals must be read from the page itself (parser/seal):
//
//	go run ./samples/scanmail samples/forms samples/mailbox-scans
//
// Each message carries the window's Word 申报表 and photos from
// samples/forms and a 初审表 scan rendered by parser/seal/sealtest with the
// seals planted as samples/mailbox-scans.md lists. The output is
// deterministic: fixed dates, boundaries and seeds.
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"shenbao/parser/seal/sealtest"
)

// message is one window's email.
type message struct {
	window  string
	from    string
	date    string
	scan    string // the scan's file name in the email
	class   string // sealtest class of the page
	seed    uint64
	stamp   []bool // per review row (sealtest.DefaultRoles)
	pdf     int    // >0: wrap the JPEG page in a PDF with this /Rotate
	notScan bool   // attach the 环境照片 under the scan's name: no table to find
}

var all = []bool{false, false, true, true, false, true, true}

func without(rows ...int) []bool {
	s := append([]bool(nil), all...)
	for _, r := range rows {
		s[r] = false
	}
	return s
}

var messages = []message{
	{window: "企业开办一窗通办窗口", from: "qykb@as.example.gov.cn", date: "Mon, 8 Apr 2024 09:12:40 +0800",
		scan: "初审表扫描件.jpg", class: "clean", seed: 7001, stamp: all},
	{window: "医保经办服务窗口", from: "ybjb@as.example.gov.cn", date: "Mon, 8 Apr 2024 10:05:11 +0800",
		scan: "附件2初审表.pdf", class: "scanner", seed: 7002, stamp: without(5), pdf: 0},
	{window: "民生服务窗口", from: "msfw@as.example.gov.cn", date: "Tue, 9 Apr 2024 14:30:02 +0800",
		scan: "初审表_黑白扫描.jpg", class: "grey", seed: 7003, stamp: all},
	{window: "综合受理窗口", from: "zhsl@as.example.gov.cn", date: "Tue, 9 Apr 2024 16:48:27 +0800",
		scan: "初审表扫描件.jpg", notScan: true},
	{window: "户籍业务窗口", from: "hjyw@as.example.gov.cn", date: "Wed, 10 Apr 2024 08:55:19 +0800",
		scan: "初审表（手机拍照）.jpg", class: "phone", seed: 7005, stamp: without(3, 6)},
	{window: "出入境证件办理窗口", from: "crj@as.example.gov.cn", date: "Wed, 10 Apr 2024 11:20:45 +0800",
		scan: "初审表扫描.pdf", class: "clean", seed: 7006, stamp: without(2), pdf: 90},
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: scanmail FORMS_DIR OUT_DIR")
		os.Exit(2)
	}
	forms, out := os.Args[1], os.Args[2]
	if err := os.MkdirAll(out, 0o755); err != nil {
		fail(err)
	}
	for i, m := range messages {
		data, err := build(forms, m, i)
		if err != nil {
			fail(err)
		}
		name := fmt.Sprintf("%02d_%s_扫描件.eml", i+1, m.window)
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// build writes the email of one window.
func build(forms string, m message, i int) ([]byte, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(forms, m.window, name)) }
	app, err := read("申报表.docx")
	if err != nil {
		return nil, err
	}
	env, err := read("环境照片.jpg")
	if err != nil {
		return nil, err
	}
	work, err := read("工作照片.jpg")
	if err != nil {
		return nil, err
	}
	var scan []byte
	switch {
	case m.notScan:
		scan = env
	default:
		// 200 dpi, as most offices scan: the pages stay small.
		cs := sealtest.Case{Seed: m.seed, Class: m.class, Roles: sealtest.DefaultRoles, Needs: sealtest.DefaultNeeds, Stamp: m.stamp, DPI: 200}
		page, truth := sealtest.Render(cs)
		scan = page
		if strings.HasSuffix(m.scan, ".pdf") {
			if truth.Ext != "jpg" {
				return nil, fmt.Errorf("%s: a PDF sample needs a JPEG page, the class gives %s", m.window, truth.Ext)
			}
			scan, err = pdfOf(page, m.pdf)
			if err != nil {
				return nil, err
			}
		}
	}
	boundary := fmt.Sprintf("----=_Part_%d_20240408.scan", 4100+i)
	var b bytes.Buffer
	subject := mime.BEncoding.Encode("UTF-8", "清风辽宁政务窗口申报材料——"+m.window)
	fmt.Fprintf(&b, "Date: %s\r\nFrom: %s\r\nTo: qfzc@as.example.gov.cn\r\nSubject: %s\r\n", m.date, m.from, subject)
	fmt.Fprintf(&b, "Message-ID: <scan-%02d-20240408@as.example.gov.cn>\r\nMIME-Version: 1.0\r\n", i+1)
	fmt.Fprintf(&b, "Content-Type: multipart/mixed;\r\n\tboundary=\"%s\"\r\n\r\n", boundary)
	part := func(head string, body []byte) {
		fmt.Fprintf(&b, "--%s\r\n%s\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary, head)
		s := base64.StdEncoding.EncodeToString(body)
		for len(s) > 76 {
			b.WriteString(s[:76] + "\r\n")
			s = s[76:]
		}
		b.WriteString(s + "\r\n")
	}
	part("Content-Type: text/plain; charset=\"UTF-8\"",
		[]byte("您好！\r\n附件是"+m.window+"的申报表、签字盖章后的初审表扫描件和照片，请查收。\r\n"))
	file := func(name, ctype string, data []byte) {
		enc := mime.BEncoding.Encode("UTF-8", name)
		part(fmt.Sprintf("Content-Type: %s;\r\n\tname=\"%s\"\r\nContent-Disposition: attachment;\r\n\tfilename=\"%s\"", ctype, enc, enc), data)
	}
	file("申报表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", app)
	ctype := "image/jpeg"
	if strings.HasSuffix(m.scan, ".pdf") {
		ctype = "application/pdf"
	}
	file(m.scan, ctype, scan)
	file("环境照片.jpg", "image/jpeg", env)
	file("工作照片.jpg", "image/jpeg", work)
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes(), nil
}

// pdfOf wraps a JPEG page in a one-page PDF as a scanner's "scan to PDF"
// does: an A4 page with the image drawn over it. rotate > 0 stores the
// image turned against the page and sets /Rotate so a viewer shows it
// upright (how many copiers save a page fed sideways).
func pdfOf(jpg []byte, rotate int) ([]byte, error) {
	if rotate == 90 {
		img, err := jpeg.Decode(bytes.NewReader(jpg))
		if err != nil {
			return nil, err
		}
		// Stored turned 90° anticlockwise; /Rotate 90 turns it back.
		bd := img.Bounds()
		t := image.NewRGBA(image.Rect(0, 0, bd.Dy(), bd.Dx()))
		for y := range bd.Dy() {
			for x := range bd.Dx() {
				t.Set(y, bd.Dx()-1-x, img.At(bd.Min.X+x, bd.Min.Y+y))
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, t, &jpeg.Options{Quality: 88}); err != nil {
			return nil, err
		}
		jpg = buf.Bytes()
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(jpg))
	if err != nil {
		return nil, err
	}
	pw, ph := 595.0, 842.0
	if cfg.Width > cfg.Height {
		pw, ph = ph, pw
	}
	draw := fmt.Sprintf("q %.0f 0 0 %.0f 0 0 cm /Im0 Do Q", pw, ph)
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	rot := ""
	if rotate != 0 {
		rot = fmt.Sprintf(" /Rotate %d", rotate)
	}
	obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f]%s /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>", pw, ph, rot))
	offs = append(offs, b.Len())
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n", cfg.Width, cfg.Height, len(jpg))
	b.Write(jpg)
	b.WriteString("\nendstream\nendobj\n")
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(draw), draw))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes(), nil
}
