package classify

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"shenbao/parser/intake"
)

// FuzzFile feeds arbitrary bytes under the names a mailbox delivers and
// checks the invariants of the result: one verdict per kind, forms only on
// form kinds, scan kinds only under --scans, a reason whenever the file is
// not used, the input bytes untouched, and the same answer twice.
func FuzzFile(f *testing.F) {
	seeds := []string{
		"testdata/application.pdf",
		"testdata/both-forms.docx",
		"../../samples/forms/企业登记注册窗口/申报表.docx",
		"../../samples/forms/企业登记注册窗口/初审表.docx",
		"../../samples/forms/车驾管业务窗口/申报表.doc",
		"../../samples/scans/扫描记录_第一批.csv",
		"../doc/testdata/shenbao.rtf",
		"../doc/testdata/shenbao.html",
		"../doc/testdata/encrypted.doc",
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(s), data, false)
		f.Add(filepath.Base(s), data, true)
	}
	f.Add("环境照片.png", pngOf(400, 300), false)
	f.Add("logo.png", pngOf(40, 30), false)
	f.Add("IMG_0001.HEIC", append([]byte{0, 0, 0, 24}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), false)
	f.Add("invite.ics", []byte("BEGIN:VCALENDAR\r\n"), false)
	f.Add("扫描记录.json", []byte(`[{"窗口名称":"a","栏目":"b","签字":"是"}]`), true)

	specs := loadSpecs(f, "qingfeng-liaoning")
	f.Fuzz(func(t *testing.T, name string, data []byte, scan bool) {
		orig := bytes.Clone(data)
		in := Input{Name: name, Data: data, Scan: scan}
		r := File(in, specs)
		if !bytes.Equal(data, orig) {
			t.Fatal("File modified its input")
		}
		checkResult(t, r, scan)
		again := File(in, specs)
		if again.Kind != r.Kind || again.Verdict != r.Verdict || again.Format != r.Format {
			t.Fatalf("two calls disagree: %q %+v, then %q %+v", r.Kind, r.Verdict, again.Kind, again.Verdict)
		}
	})
}

// checkResult holds the invariants every Result keeps.
func checkResult(t *testing.T, r *Result, scan bool) {
	t.Helper()
	want := map[Kind]intake.Status{
		Application: intake.Parsed, Review: intake.Parsed, BothForms: intake.Parsed,
		NonWordApplication: intake.Parsed, Photo: intake.Parsed, ScanImage: intake.Parsed, ScanMetadata: intake.Parsed,
		OtherWord: intake.Ignored, PDF: intake.Ignored, Ignored: intake.Ignored, Other: intake.Ignored,
		Failed: intake.Failed,
	}
	status, ok := want[r.Kind]
	if !ok {
		t.Fatalf("unknown kind %q", r.Kind)
	}
	if r.Verdict.Status != status {
		t.Fatalf("kind %q with status %q", r.Kind, r.Verdict.Status)
	}
	if status != intake.Parsed && r.Verdict.Reason == "" {
		t.Fatalf("%s %q without a reason", status, r.Kind)
	}
	if r.Kind.Label() == "" {
		t.Fatalf("kind %q has no label", r.Kind)
	}
	if (r.Application != nil) != r.Kind.HasApplication() || (r.Review != nil) != r.Kind.HasReview() {
		t.Fatalf("kind %q with application %v, review %v", r.Kind, r.Application != nil, r.Review != nil)
	}
	isWord := r.Kind.HasApplication() || r.Kind.HasReview() || r.Kind == OtherWord
	if (r.Document != nil) != isWord {
		t.Fatalf("kind %q with document %v", r.Kind, r.Document != nil)
	}
	if !scan && (r.Kind == ScanImage || r.Kind == ScanMetadata) {
		t.Fatalf("kind %q outside --scans", r.Kind)
	}
	if (len(r.Records) > 0 || len(r.Problems) > 0) && r.Kind != ScanMetadata {
		t.Fatalf("scan records on kind %q", r.Kind)
	}
	if r.Kind == Photo && max(r.Width, r.Height) < minPhotoSide {
		t.Fatalf("photo of %d×%d", r.Width, r.Height)
	}
	if r.Kind == Failed && r.Format == "" {
		t.Fatalf("failed without a format")
	}
}
