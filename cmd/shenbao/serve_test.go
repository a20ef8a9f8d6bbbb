package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/cmd/shenbao/serve"
	"shenbao/export"
	goldenfile "shenbao/parser/golden"
)

// samplePaths are the samples as absolute paths: the register names its
// inputs as given, so the CLI and the page must be given the same.
func samplePaths(t *testing.T) (mailbox, scans string) {
	t.Helper()
	mailbox, err := filepath.Abs("../../samples/mailbox")
	if err != nil {
		t.Fatal(err)
	}
	scans, err = filepath.Abs("../../samples/scans")
	if err != nil {
		t.Fatal(err)
	}
	return mailbox, scans
}

// cliReference runs `shenbao check` on the samples and returns the text
// dump of its register (generation time masked) and its JSON (generated_at
// masked).
func cliReference(t *testing.T, mailbox, scans string, flags ...string) (dump string, js []byte) {
	t.Helper()
	dir := t.TempDir()
	reg, jsPath := filepath.Join(dir, "r.xlsx"), filepath.Join(dir, "r.json")
	args := append([]string{"check", mailbox, "--scans", scans, "-o", reg, "--json", jsPath, "-q"}, flags...)
	code, _, stderr := runCLI(t, args...)
	if code != exitFindings {
		t.Fatalf("check exit %d: %s", code, stderr)
	}
	return registerDump(t, reg), readMasked(t, jsPath)
}

func registerDump(t *testing.T, path string) string {
	t.Helper()
	d, err := export.DumpXLSX(path)
	if err != nil {
		t.Fatal(err)
	}
	return maskTime(d)
}

func readMasked(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return maskGenerated(data)
}

// maskGenerated blanks generated_at, leaving valid JSON.
func maskGenerated(data []byte) []byte {
	return generatedAt.ReplaceAll(data, []byte(`"generated_at": ""`))
}

// startServe serves the page with the real check (or run, when given) on a
// loopback port and returns its base URL.
func startServe(t *testing.T, run serve.RunFunc) (*serve.Server, string) {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	cfg := serveConfig()
	cfg.Addr = ts.Listener.Addr().String()
	cfg.TempDir = t.TempDir()
	if run != nil {
		cfg.Run = run
	}
	s, err := serve.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return s, ts.URL
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, data)
	}
	return data
}

// runJob posts req as the page does and waits until the job is done; it
// returns the job's id and last status.
func runJob(t *testing.T, s *serve.Server, base string, r serve.Request) (string, serve.Status) {
	t.Helper()
	body, _ := json.Marshal(r)
	req, _ := http.NewRequest("POST", base+"/api/jobs", bytes.NewReader(body))
	req.Header.Set(serve.TokenHeader, s.Token())
	req.Header.Set("Origin", base)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var created struct{ ID string }
	json.NewDecoder(resp.Body).Decode(&created)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || created.ID == "" {
		t.Fatalf("POST /api/jobs: %d %+v", resp.StatusCode, created)
	}
	var st serve.Status
	deadline := time.Now().Add(2 * time.Minute)
	for st.State != serve.Done {
		if st.State == serve.Failed || time.Now().After(deadline) {
			t.Fatalf("job: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
		json.Unmarshal(get(t, base+"/api/jobs/"+created.ID), &st)
	}
	return created.ID, st
}

// TestServeSameAsCheck runs the samples (with the rankings and the joint
// review returns) through the HTTP interface and
// checks that the register and the JSON are the CLI's, that the notices
// zip holds every notice, and that the typed input folders were not
// written.
func TestServeSameAsCheck(t *testing.T) {
	mailbox, scans := samplePaths(t)
	rankings, joint := filepath.Join(filepath.Dir(mailbox), "rankings"), filepath.Join(filepath.Dir(mailbox), "joint")
	wantDump, wantJSON := cliReference(t, mailbox, scans, "--rankings", rankings, "--joint-review", joint)
	before := listTree(t, filepath.Dir(mailbox))
	s, base := startServe(t, nil)

	id, st := runJob(t, s, base, serve.Request{Inputs: []string{mailbox}, Scans: []string{scans}, Rankings: []string{rankings}, JointReview: []string{joint}})
	want := referenceFacts(t, wantJSON)
	if *st.Summary != want.summary {
		t.Errorf("summary %+v, want %+v", *st.Summary, want.summary)
	}
	if st.Progress.Items != int64(want.items) || st.Progress.Windows != int64(want.summary.Windows) {
		t.Errorf("progress %+v, want %d items and %d windows", st.Progress, want.items, want.summary.Windows)
	}

	dir := t.TempDir()
	reg := filepath.Join(dir, "page.xlsx")
	os.WriteFile(reg, get(t, base+"/api/jobs/"+id+"/register.xlsx"), 0o644)
	if got := registerDump(t, reg); got != wantDump {
		t.Errorf("the page's register differs from the CLI's:\n%s", goldenfile.Diff(wantDump, got))
	}
	if got := maskGenerated(get(t, base+"/api/jobs/"+id+"/result.json")); !bytes.Equal(got, wantJSON) {
		t.Errorf("the page's JSON differs from the CLI's:\n%s", goldenfile.Diff(string(wantJSON), string(got)))
	}
	zipData := get(t, base+"/api/jobs/"+id+"/notices.zip")
	if n := strings.Count(string(zipData), ".docx") / 2; n != want.summary.NeedsFix { // local header + central directory
		t.Errorf("notices.zip holds %d notices, want %d", n, want.summary.NeedsFix)
	}
	if after := listTree(t, filepath.Dir(mailbox)); after != before {
		t.Errorf("the samples folder changed:\n%s", goldenfile.Diff(before, after))
	}
}

// facts are what the page must show of a reference run.
type facts struct {
	summary serve.Summary
	items   int // inputs[] entries: every item read
}

func referenceFacts(t *testing.T, js []byte) facts {
	t.Helper()
	var res struct {
		Inputs      []json.RawMessage
		Submissions []struct{ Conclusion string }
	}
	if err := json.Unmarshal(js, &res); err != nil {
		t.Fatal(err)
	}
	f := facts{items: len(res.Inputs), summary: serve.Summary{Windows: len(res.Submissions)}}
	for _, s := range res.Submissions {
		switch s.Conclusion {
		case "合规":
			f.summary.Compliant++
		case "需补正":
			f.summary.NeedsFix++
		case "待核查":
			f.summary.NeedsReview++
		}
	}
	return f
}

// listTree lists every path under dir with its size and modification time.
func listTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.Name() == "__pycache__" {
			return filepath.SkipDir
		}
		b.WriteString(p + "\t" + fi.ModTime().String() + "\t" + itoa(int(fi.Size())) + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestServeScanPages runs the image-only mailbox through the HTTP
// interface and fetches pages/{n}.png: one drawn page per scan_pages
// entry, in its order, and 404 past the last.
func TestServeScanPages(t *testing.T) {
	mailbox, _ := samplePaths(t)
	scans := filepath.Join(filepath.Dir(mailbox), "mailbox-scans")
	s, base := startServe(t, nil)
	id, _ := runJob(t, s, base, serve.Request{Inputs: []string{scans}})
	var res struct {
		ScanPages []struct{ File, Window string } `json:"scan_pages"`
	}
	json.Unmarshal(get(t, base+"/api/jobs/"+id+"/result.json"), &res)
	if len(res.ScanPages) != 6 {
		t.Fatalf("%d scan pages, want 6", len(res.ScanPages))
	}
	for n := 1; n <= len(res.ScanPages); n++ {
		img, err := png.Decode(bytes.NewReader(get(t, fmt.Sprintf("%s/api/jobs/%s/pages/%d.png", base, id, n))))
		if err != nil || img.Bounds().Dx() < 600 {
			t.Errorf("page %d (%s): %v", n, res.ScanPages[n-1].File, err)
		}
	}
	r, err := http.Get(fmt.Sprintf("%s/api/jobs/%s/pages/%d.png", base, id, len(res.ScanPages)+1))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusNotFound {
		t.Errorf("page past the last: %d, want 404", r.StatusCode)
	}
}
