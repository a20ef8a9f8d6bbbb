package serve

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/export/fsname"
)

// multipartBody builds an upload of files (name → content) in name order,
// as a browser's FormData does.
func multipartBody(t *testing.T, files map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("note", "not a file")
	names := sortedKeys(files)
	for _, name := range names {
		w, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// upload posts files and returns the folder it answered.
func (s *testServer) upload(t *testing.T, files map[string]string) string {
	t.Helper()
	body, ctype := multipartBody(t, files)
	resp := s.do(t, "POST", "/api/uploads", body, "Content-Type", ctype, TokenHeader, s.Token(), "Origin", s.origin())
	out := wantStatus(t, resp, 200, `"path"`)
	var got struct {
		Path  string
		Files int
	}
	json.Unmarshal([]byte(out), &got)
	if got.Files != len(files) {
		t.Errorf("upload answered %d files, want %d", got.Files, len(files))
	}
	return got.Path
}

func TestUpload(t *testing.T) {
	f := &fake{}
	s := newTestServer(t, Config{Run: f.run})
	dir := s.upload(t, map[string]string{
		"申报材料.zip":               "zip",
		"../../../etc/evil.eml":  "up and out",
		`C:\fakepath\初审表.docx`:   "windows path",
		"CON.txt":                "device",
		"a:b*c?.doc":             "reserved",
		"trailing. . ":           "dots",
		"..":                     "dotdot",
		"/abs/申报材料.zip":          "second of the same name",
		strings.Repeat("长", 100): "long",
	})
	if !strings.HasPrefix(dir, filepath.Join(s.root, "uploads")) {
		t.Errorf("upload folder %s is not under the server's temp folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{strings.Repeat("长", 60), "_CON.txt", "a_b_c_.doc", "evil.eml", "trailing", "上传的文件", "初审表.docx", "申报材料 (2).zip", "申报材料.zip"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("stored names\n got %q\nwant %q", names, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "evil.eml")); string(data) != "up and out" {
		t.Errorf("evil.eml holds %q", data)
	}
	// Nothing escaped the folder.
	if _, err := os.Stat(filepath.Join(s.root, "etc")); err == nil {
		t.Error("an upload name became a path outside its folder")
	}
	// The folder is an input.
	id := s.start(t, Request{Inputs: []string{dir}})
	s.wait(t, id, Done)
	if f.runs[0].Inputs[0] != dir {
		t.Errorf("job inputs %v", f.runs[0].Inputs)
	}
}

func TestUploadLimits(t *testing.T) {
	s := newTestServer(t, Config{Run: (&fake{}).run, Limits: Limits{MaxUploadFiles: 2, MaxUploadBytes: 4096, MaxUploadTotal: 6000}})
	post := func(files map[string]string) *http.Response {
		body, ctype := multipartBody(t, files)
		return s.do(t, "POST", "/api/uploads", body, "Content-Type", ctype, TokenHeader, s.Token(), "Origin", s.origin())
	}
	wantStatus(t, post(map[string]string{"a": "1", "b": "2", "c": "3"}), http.StatusRequestEntityTooLarge, "一次最多上传 2 个文件")
	wantStatus(t, post(map[string]string{"big.zip": strings.Repeat("x", 5000)}), http.StatusRequestEntityTooLarge, "上限")
	wantStatus(t, post(map[string]string{}), http.StatusBadRequest, "没有收到文件")
	wantStatus(t, s.do(t, "POST", "/api/uploads", strings.NewReader("x"), "Content-Type", "text/plain", TokenHeader, s.Token()), http.StatusBadRequest, "上传格式有误")
	// Refused uploads leave nothing behind.
	if entries, _ := os.ReadDir(filepath.Join(s.root, "uploads")); len(entries) != 0 {
		t.Errorf("refused uploads left %d folders", len(entries))
	}
	// All uploads together are bounded too.
	s.upload(t, map[string]string{"a.zip": strings.Repeat("x", 3000)})
	s.upload(t, map[string]string{"b.zip": strings.Repeat("x", 3000)})
	wantStatus(t, post(map[string]string{"c.zip": "x"}), http.StatusRequestEntityTooLarge, "达到上限")
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"申报表.docx", "申报表.docx"},
		{"../../x.eml", "x.eml"},
		{`..\..\x.eml`, "x.eml"},
		{`C:\Users\a\Desktop\材料.zip`, "材料.zip"},
		{"", "上传的文件"},
		{".", "上传的文件"},
		{"..", "上传的文件"},
		{"/", "上传的文件"},
		{"nul", "_nul"},
		{"LPT1.docx", "_LPT1.docx"},
		{"com10.docx", "com10.docx"},
		{"a\x00b\nc.doc", "a_b_c.doc"},
		{"名称 .", "名称"},
		{"\xff\xfe.eml", "_.eml"},
		{"a|b<c>d\"e.txt", "a_b_c_d_e.txt"},
	}
	for _, tc := range tests {
		if got := safeName(tc.in); got != tc.want {
			t.Errorf("safeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzSafeName checks that any name becomes one safe local element.
func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"申报表.docx", "../a", `C:\x\y.zip`, "CON", "a. ", strings.Repeat("长", 90) + ".docx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := safeName(name)
		if got == "" || got == "." || got == ".." || !filepath.IsLocal(got) || strings.ContainsAny(got, `/\:*?"<>|`) ||
			len(got) > maxNameBytes || !utf8.ValidString(got) || strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Fatalf("safeName(%q) = %q", name, got)
		}
		stem, _, _ := strings.Cut(got, ".")
		if fsname.IsDevice(strings.TrimSpace(stem)) {
			t.Fatalf("safeName(%q) = %q is a device name", name, got)
		}
		if safeName(got) != got {
			t.Fatalf("safeName is not stable on %q: %q", got, safeName(got))
		}
	})
}
