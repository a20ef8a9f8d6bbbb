package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"shenbao/cmd/shenbao/serve"
	goldenfile "shenbao/parser/golden"
)

// findChromium returns the browser the page test drives: $SHENBAO_CHROMIUM,
// or Debian's chromium (which .ci/run installs), or "" when there is none.
func findChromium() string {
	if p := os.Getenv("SHENBAO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives the page in headless Chromium as a clerk would: type
// the export and scans folders (Chinese names with a space), start, watch
// the progress, read the window table, filter it, open one window and
// download the register, which must be the CLI's. Screenshots of the start
// page, the run in progress and the result go to $SHENBAO_SCREENSHOTS when
// set.
func TestBrowser(t *testing.T) {
	chromium := findChromium()
	if chromium == "" {
		if os.Getenv("SHENBAO_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium not found, and SHENBAO_REQUIRE_BROWSER is set (as .ci/run does): install Debian's chromium")
		}
		t.Skip("chromium not found (install Debian's chromium, as .ci/run does, or set SHENBAO_CHROMIUM): the page is not tested in a browser")
	}
	// The samples under a folder with a Chinese name and a space.
	root := filepath.Join(t.TempDir(), "评选 材料")
	mailbox, scans := filepath.Join(root, "邮箱导出"), filepath.Join(root, "扫描件")
	srcMail, srcScans := samplePaths(t)
	if err := os.CopyFS(mailbox, os.DirFS(srcMail)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(scans, os.DirFS(srcScans)); err != nil {
		t.Fatal(err)
	}
	wantDump, wantJSON := cliReference(t, mailbox, scans)
	var want struct {
		Submissions []struct {
			WindowName string `json:"window_name"`
			Unit       string
			Conclusion string
			Findings   []struct{ Code string }
		}
	}
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}

	// The job holds at its end until the progress screenshot is taken.
	release := make(chan struct{})
	run := func(ctx context.Context, req serve.Request, out serve.Outputs, p *serve.Progress) error {
		err := serveJob(ctx, req, out, p)
		select {
		case <-release:
		case <-ctx.Done():
		}
		return err
	}
	_, base := startServe(t, run)

	shots := os.Getenv("SHENBAO_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	downloads := t.TempDir()
	profileDir := t.TempDir()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(profileDir),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	defer cancelCtx()
	go func() {
		time.Sleep(3 * time.Minute)
		cancelCtx()
	}()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string, out any) {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if err := json.Unmarshal(v, out); err != nil {
			t.Fatalf("%s: %v (%s)", what, err, v)
		}
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitText := func(what, sel, contains string) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for {
			var got string
			eval(what, fmt.Sprintf(`document.querySelector(%q).textContent`, sel), &got)
			if strings.Contains(got, contains) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s shows %q, want %q", what, sel, got, contains)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	progress := chromedp.Events(ctx, browser.DownloadProgress)
	do("open the page",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#start-button")),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  downloads,
				EventsEnabled: ptr(true),
			})
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#inputs"), mailbox),
		chromedp.SendKeys(chromedp.CSS("#scans"), scans),
	)
	var typed []string
	eval("read the typed paths", `[document.querySelector("#inputs").value, document.querySelector("#scans").value]`, &typed)
	if !slices.Equal(typed, []string{mailbox, scans}) {
		t.Fatalf("typed paths read back as %q", typed)
	}
	shot("1-开始页.png")

	do("start", chromedp.Click(chromedp.CSS("#start-button")), chromedp.WaitVisible(chromedp.CSS("#progress")))
	waitText("progress", "#stat-windows", fmt.Sprintf("%d 个", len(want.Submissions)))
	ref := referenceFacts(t, wantJSON)
	waitText("progress items", "#stat-items", fmt.Sprintf("%d 项", ref.items))
	shot("2-审查进行中.png")
	close(release)

	do("result", chromedp.WaitVisible(chromedp.CSS("#result")))
	var rows [][]string
	eval("window table", `[...document.querySelectorAll("#windows tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`, &rows)
	if len(rows) != len(want.Submissions) {
		t.Fatalf("the table has %d windows, want %d: %q", len(rows), len(want.Submissions), rows)
	}
	for i, s := range want.Submissions {
		if rows[i][1] != s.WindowName || rows[i][3] != s.Conclusion {
			t.Errorf("row %d: %q, want %s %s", i+1, rows[i], s.WindowName, s.Conclusion)
		}
	}
	var counts string
	eval("counts", `document.querySelector("#counts").textContent`, &counts)
	sum := ref.summary
	if !strings.Contains(counts, fmt.Sprintf("%d窗口总数%d需补正%d待核查%d合规", sum.Windows, sum.NeedsFix, sum.NeedsReview, sum.Compliant)) {
		t.Errorf("counts read %q", counts)
	}
	shot("3-审查结果.png")

	// Filter: by conclusion, then by finding code and unit together.
	visible := func() []string {
		t.Helper()
		var names []string
		eval("visible rows", `[...document.querySelectorAll("#windows tbody tr")].filter(tr => !tr.hidden).map(tr => tr.cells[1].textContent)`, &names)
		return names
	}
	choose := func(sel, value string) {
		t.Helper()
		var ok bool
		eval("choose "+value, fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change")); return s.value === %q; })()`, sel, value, value), &ok)
		if !ok {
			t.Fatalf("%s has no option %q", sel, value)
		}
	}
	filtered := func(keep func(i int) bool) []string {
		var names []string
		for i, s := range want.Submissions {
			if keep(i) {
				names = append(names, s.WindowName)
			}
		}
		return names
	}
	choose("#f-conclusion", "待核查")
	if got, w := visible(), filtered(func(i int) bool { return want.Submissions[i].Conclusion == "待核查" }); !slices.Equal(got, w) || len(w) == 0 {
		t.Errorf("filtered by 待核查: %q, want %q", got, w)
	}
	choose("#f-conclusion", "")
	unit, code := want.Submissions[0].Unit, want.Submissions[0].Findings[0].Code
	choose("#f-unit", unit)
	choose("#f-code", code)
	w := filtered(func(i int) bool {
		s := want.Submissions[i]
		return s.Unit == unit && slices.ContainsFunc(s.Findings, func(f struct{ Code string }) bool { return f.Code == code })
	})
	if got := visible(); !slices.Equal(got, w) || len(w) == 0 {
		t.Errorf("filtered by %s and %s: %q, want %q", unit, code, got, w)
	}
	choose("#f-unit", "")
	choose("#f-code", "")

	// Open one window: its findings and files.
	pick := slices.IndexFunc(want.Submissions, func(s struct {
		WindowName string `json:"window_name"`
		Unit       string
		Conclusion string
		Findings   []struct{ Code string }
	}) bool {
		return s.Conclusion == "需补正" && len(s.Findings) >= 2
	})
	do("open a window",
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#windows tbody tr:nth-child(%d)", pick+1))),
		chromedp.WaitVisible(chromedp.CSS("#detail")),
	)
	var detail struct {
		Title    string
		Findings [][]string
		Files    int
	}
	eval("window detail", `({
		Title: document.querySelector("#detail-title").textContent,
		Findings: [...document.querySelectorAll("#detail-findings tbody tr")].map(tr => [...tr.cells].map(c => c.textContent)),
		Files: document.querySelectorAll("#detail-files tbody tr").length })`, &detail)
	sub := want.Submissions[pick]
	if !strings.Contains(detail.Title, sub.WindowName) || len(detail.Findings) != len(sub.Findings) || detail.Files == 0 {
		t.Errorf("window %s shows %+v, want %d findings and its files", sub.WindowName, detail, len(sub.Findings))
	}
	for i, f := range sub.Findings {
		if i < len(detail.Findings) && detail.Findings[i][0] != f.Code {
			t.Errorf("finding %d shows %q, want code %s", i, detail.Findings[i], f.Code)
		}
	}
	time.Sleep(600 * time.Millisecond) // the smooth scroll
	shot("4-窗口详情.png")

	// A window with scan pages shows each page drawn with its rows and
	// seals, loaded from pages/{n}.png.
	withPages := slices.IndexFunc(want.Submissions, func(s struct {
		WindowName string `json:"window_name"`
		Unit       string
		Conclusion string
		Findings   []struct{ Code string }
	}) bool {
		return s.WindowName == "企业开办一窗通办窗口"
	})
	if withPages < 0 {
		t.Fatal("the samples have no 企业开办一窗通办窗口")
	}
	do("open a window with scan pages",
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#windows tbody tr:nth-child(%d)", withPages+1))),
		chromedp.WaitVisible(chromedp.CSS("#detail-pages img")),
	)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var loaded []int
		eval("scan page images", `[...document.querySelectorAll("#detail-pages img")].map(i => i.complete ? i.naturalWidth : 0)`, &loaded)
		if len(loaded) > 0 && !slices.Contains(loaded, 0) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("scan page images not loaded: widths %v", loaded)
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(600 * time.Millisecond)
	shot("5-扫描件标注.png")

	// Download the register as the clerk does.
	do("download", chromedp.Click(chromedp.CSS("#dl-register")))
	var saved string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the download was cancelled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			saved = filepath.Join(downloads, ev.GUID)
			break
		}
	}
	if got := registerDump(t, saved); got != wantDump {
		t.Errorf("the downloaded register differs from the CLI's:\n%s", goldenfile.Diff(wantDump, got))
	}

	// A second run in a row, from the same page.
	do("run again",
		chromedp.Click(chromedp.CSS("#result .again")),
		chromedp.WaitVisible(chromedp.CSS("#start-button")),
		chromedp.Click(chromedp.CSS("#start-button")),
		chromedp.WaitVisible(chromedp.CSS("#result")),
	)
	rows = nil
	eval("second window table", `[...document.querySelectorAll("#windows tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`, &rows)
	if len(rows) != len(want.Submissions) {
		t.Errorf("the second run's table has %d windows, want %d", len(rows), len(want.Submissions))
	}
	t.Logf("screenshots in %s", shots)
}

func ptr[T any](v T) *T { return &v }
