package serve

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fake is a RunFunc that writes small outputs, like the real check, and can
// be held running until released.
type fake struct {
	mu      sync.Mutex
	running int
	most    int // the most jobs ever running at once
	runs    []Request
	hold    chan struct{} // nil: return at once
	started chan string   // the first input of each job started
	err     error
	pages   int
}

func (f *fake) run(ctx context.Context, req Request, out Outputs, p *Progress) error {
	f.mu.Lock()
	f.running++
	f.most = max(f.most, f.running)
	f.runs = append(f.runs, req)
	hold, started := f.hold, f.started
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.mu.Unlock()
	}()
	p.Stage("读取")
	p.Total(300)
	for range 3 {
		p.Item()
		p.Read(100)
	}
	p.Windows(2)
	// Told once the progress is there: a test that reads the job's events
	// after started must find the stage and the counts, not race them.
	if started != nil {
		started <- req.Inputs[0]
	}
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if f.err != nil {
		return f.err
	}
	res := `{"profile":"t","submissions":[{"window_name":"甲窗口","conclusion":"合规"},{"window_name":"乙窗口","conclusion":"需补正"}]}`
	if err := os.WriteFile(out.JSON, []byte(res), 0o600); err != nil {
		return err
	}
	if err := os.WriteFile(out.Register, []byte("xlsx of "+req.Inputs[0]), 0o600); err != nil {
		return err
	}
	for _, n := range []string{"乙窗口_材料补正一次性告知书.docx", "甲窗口_材料补正一次性告知书.docx"} {
		if err := os.WriteFile(filepath.Join(out.Notices, n), []byte(n), 0o600); err != nil {
			return err
		}
	}
	for i := 1; i <= f.pages; i++ {
		if err := os.WriteFile(filepath.Join(out.Pages, itoa(i)+".png"), pngBytes, 0o600); err != nil {
			return err
		}
	}
	return nil
}

var pngBytes = []byte("\x89PNG\r\n\x1a\n fake")

func itoa(i int) string { return string(rune('0' + i)) }

type testServer struct {
	*Server
	ts   *httptest.Server
	host string // host:port the server listens on
}

func newTestServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	cfg.Addr = ts.Listener.Addr().String()
	if cfg.TempDir == "" {
		cfg.TempDir = t.TempDir()
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return &testServer{Server: s, ts: ts, host: cfg.Addr}
}

// do sends a request; headers are pairs of name and value.
func (s *testServer) do(t *testing.T, method, path string, body io.Reader, headers ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, s.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := s.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func (s *testServer) origin() string { return "http://" + s.host }

// post sends a state-changing request as the page does.
func (s *testServer) post(t *testing.T, path string, v any) *http.Response {
	t.Helper()
	data, _ := json.Marshal(v)
	return s.do(t, "POST", path, bytes.NewReader(data), "Content-Type", "application/json", TokenHeader, s.Token(), "Origin", s.origin())
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantStatus(t *testing.T, resp *http.Response, code int, contains string) string {
	t.Helper()
	body := readAll(t, resp)
	if resp.StatusCode != code {
		t.Fatalf("%s %s: status %d, want %d\n%s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, code, body)
	}
	if !strings.Contains(body, contains) {
		t.Fatalf("%s %s: body lacks %q:\n%s", resp.Request.Method, resp.Request.URL.Path, contains, body)
	}
	return body
}

// start creates a job over a fresh input folder and returns its id.
func (s *testServer) start(t *testing.T, req Request) string {
	t.Helper()
	if req.Inputs == nil {
		req.Inputs = []string{t.TempDir()}
	}
	resp := s.post(t, "/api/jobs", req)
	body := wantStatus(t, resp, http.StatusAccepted, `"id"`)
	var out struct{ ID string }
	json.Unmarshal([]byte(body), &out)
	if out.ID == "" {
		t.Fatalf("no id in %s", body)
	}
	return out.ID
}

func (s *testServer) status(t *testing.T, id string) Status {
	t.Helper()
	body := wantStatus(t, s.do(t, "GET", "/api/jobs/"+id, nil), http.StatusOK, "")
	var st Status
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func (s *testServer) wait(t *testing.T, id string, state string) Status {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := s.status(t, id)
		if st.State == state {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s is %s (%s), want %s", id, st.State, st.Error, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPageAndAssets(t *testing.T) {
	s := newTestServer(t, Config{Run: (&fake{}).run, Profiles: []Profile{{Name: "qingfeng-liaoning", Title: "清风辽宁政务窗口"}}})
	body := wantStatus(t, s.do(t, "GET", "/", nil), http.StatusOK, `content="`+s.Token()+`"`)
	for _, want := range []string{"开始审查", "清风辽宁政务窗口（qingfeng-liaoning）", "/assets/app.js", "/assets/style.css"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Errorf("page refers to another site:\n%s", body)
	}
	tests := []struct {
		path, ctype string
		code        int
	}{
		{"/assets/app.js", "text/javascript", 200},
		{"/assets/style.css", "text/css", 200},
		{"/assets/index.html", "application/json", 404}, // only through /
		{"/assets/", "application/json", 404},           // no listing
		{"/assets/nope.js", "application/json", 404},
		{"/api/", "application/json", 404},
		{"/api/jobs/", "application/json", 404},
		{"/favicon.ico", "application/json", 404},
	}
	for _, tc := range tests {
		resp := s.do(t, "GET", tc.path, nil)
		body := readAll(t, resp)
		if resp.StatusCode != tc.code || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) {
			t.Errorf("GET %s: %d %s, want %d %s\n%s", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), tc.code, tc.ctype, body)
		}
		if tc.code == 404 && !strings.Contains(body, "没有") {
			t.Errorf("GET %s: 404 body is not the Chinese message: %s", tc.path, body)
		}
	}
	for _, name := range []string{"app.js", "style.css", "index.html"} {
		data, _ := assets.ReadFile("assets/" + name)
		if bytes.Contains(data, []byte("http://")) || bytes.Contains(data, []byte("https://")) {
			t.Errorf("%s refers to another site", name)
		}
	}
	resp := s.do(t, "GET", "/", nil)
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

// TestRefusals covers SPEC §4a's refusals: Host, Origin, token.
func TestRefusals(t *testing.T) {
	s := newTestServer(t, Config{Run: (&fake{}).run})
	_, port, _ := strings.Cut(s.host, ":")
	in := t.TempDir()
	job := `{"inputs":[` + quote(in) + `]}`
	tests := []struct {
		name    string
		method  string
		path    string
		body    string
		headers []string
		code    int
		want    string
	}{
		{"page", "GET", "/", "", nil, 200, "开始审查"},
		{"page via localhost", "GET", "/", "", []string{"Host", "localhost:" + port}, 200, "开始审查"},
		{"page via LOCALHOST", "GET", "/", "", []string{"Host", "LOCALHOST:" + port}, 200, "开始审查"},
		{"rebinding host", "GET", "/", "", []string{"Host", "evil.example:" + port}, 403, "Host"},
		{"rebinding host on the API", "GET", "/api/jobs/x", "", []string{"Host", "evil.example:" + port}, 403, "Host"},
		{"rebinding host for the token", "GET", "/api/token", "", []string{"Host", "evil.example"}, 403, "Host"},
		{"other port", "GET", "/", "", []string{"Host", "127.0.0.1:1"}, 403, "Host"},
		{"no port", "GET", "/", "", []string{"Host", "127.0.0.1"}, 403, "Host"},
		{"token", "GET", "/api/token", "", nil, 200, `"token"`},
		{"token same origin", "GET", "/api/token", "", []string{"Origin", "http://" + s.host}, 200, `"token"`},
		{"token cross origin", "GET", "/api/token", "", []string{"Origin", "http://evil.example"}, 403, "令牌"},
		{"token https origin", "GET", "/api/token", "", []string{"Origin", "https://" + s.host}, 403, "令牌"},
		{"token cross site fetch", "GET", "/api/token", "", []string{"Sec-Fetch-Site", "cross-site"}, 403, "令牌"},
		{"job without token", "POST", "/api/jobs", job, []string{"Origin", "http://" + s.host}, 403, TokenHeader},
		{"job with wrong token", "POST", "/api/jobs", job, []string{"Origin", "http://" + s.host, TokenHeader, "x" + s.Token()}, 403, TokenHeader},
		{"job from another origin", "POST", "/api/jobs", job, []string{"Origin", "http://evil.example", TokenHeader, s.Token()}, 403, "Origin"},
		{"job from a null origin", "POST", "/api/jobs", job, []string{"Origin", "null", TokenHeader, s.Token()}, 403, "Origin"},
		{"job cross site", "POST", "/api/jobs", job, []string{"Sec-Fetch-Site", "cross-site", TokenHeader, s.Token()}, 403, "Origin"},
		{"job via rebinding host", "POST", "/api/jobs", job, []string{"Host", "evil.example:" + port, "Origin", "http://evil.example:" + port, TokenHeader, s.Token()}, 403, "Host"},
		{"upload without token", "POST", "/api/uploads", "", []string{"Origin", "http://" + s.host}, 403, TokenHeader},
		{"delete without token", "DELETE", "/api/jobs/x", "", nil, 403, TokenHeader},
		{"job from a tool (no Origin)", "POST", "/api/jobs", job, []string{TokenHeader, s.Token()}, 202, `"id"`},
		{"job from the page", "POST", "/api/jobs", job, []string{"Origin", "http://" + s.host, TokenHeader, s.Token()}, 202, `"id"`},
		{"job via localhost", "POST", "/api/jobs", job, []string{"Host", "localhost:" + port, "Origin", "http://localhost:" + port, TokenHeader, s.Token()}, 202, `"id"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			wantStatus(t, s.do(t, tc.method, tc.path, body, tc.headers...), tc.code, tc.want)
		})
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestCreateJobBadRequests(t *testing.T) {
	s := newTestServer(t, Config{Run: (&fake{}).run, Check: func(r Request) error {
		if r.Profile == "no-such" {
			return errors.New("找不到评选规则配置“no-such”")
		}
		return nil
	}})
	in := t.TempDir()
	tests := []struct {
		name string
		body any
		code int
		want string
	}{
		{"not json", "{", 400, "请求格式有误"},
		{"unknown key", map[string]any{"inputs": []string{in}, "input": "x"}, 400, "请求格式有误"},
		{"no inputs", Request{}, 400, "请至少填写"},
		{"blank inputs", Request{Inputs: []string{" ", ""}}, 400, "请至少填写"},
		{"missing input", Request{Inputs: []string{filepath.Join(in, "没有这个文件夹")}}, 400, "找不到审查材料"},
		{"missing scans", Request{Inputs: []string{in}, Scans: []string{filepath.Join(in, "扫描件")}}, 400, "找不到扫描件"},
		{"refused by Check", Request{Inputs: []string{in}, Profile: "no-such"}, 400, "找不到评选规则配置"},
		{"quoted path from 复制为路径", Request{Inputs: []string{` "` + in + `" `}}, 202, `"id"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var resp *http.Response
			if str, ok := tc.body.(string); ok {
				resp = s.do(t, "POST", "/api/jobs", strings.NewReader(str), TokenHeader, s.Token())
			} else {
				resp = s.post(t, "/api/jobs", tc.body)
			}
			wantStatus(t, resp, tc.code, tc.want)
		})
	}
}

func TestJobLifecycle(t *testing.T) {
	f := &fake{pages: 2}
	s := newTestServer(t, Config{Run: f.run})
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "邮件.eml"), []byte("From: a\n\nhi"), 0o644)
	before := snapshot(t, in)
	rel, err := filepath.Rel(mustGetwd(t), in)
	if err != nil {
		t.Fatal(err)
	}
	id := s.start(t, Request{Inputs: []string{rel}, Profile: "qingfeng-liaoning", FullID: true})
	st := s.wait(t, id, Done)

	// The status object has exactly SPEC §4a's keys.
	body := wantStatus(t, s.do(t, "GET", "/api/jobs/"+id, nil), 200, "")
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(body), &raw)
	if got := sortedKeys(raw); !slices.Equal(got, []string{"error", "id", "progress", "state", "summary"}) {
		t.Errorf("status keys %v", got)
	}
	var prog, sum map[string]any
	json.Unmarshal(raw["progress"], &prog)
	json.Unmarshal(raw["summary"], &sum)
	if got := sortedKeys(prog); !slices.Equal(got, []string{"bytes_done", "bytes_total", "items", "windows"}) {
		t.Errorf("progress keys %v", got)
	}
	if got := sortedKeys(sum); !slices.Equal(got, []string{"windows", "合规", "待核查", "需补正"}) {
		t.Errorf("summary keys %v", got)
	}
	want := Status{ID: id, State: Done, Progress: ProgressJSON{Items: 3, Windows: 2, BytesDone: 300, BytesTotal: 300},
		Summary: &Summary{Windows: 2, Compliant: 1, NeedsFix: 1}}
	if st.ID != want.ID || st.Progress != want.Progress || *st.Summary != *want.Summary || st.Error != "" {
		t.Errorf("status %+v %+v, want %+v %+v", st, st.Summary, want, want.Summary)
	}
	// The typed relative path reached the job absolute, and was only read.
	if got := f.runs[0]; got.Inputs[0] != in || !got.FullID || got.Profile != "qingfeng-liaoning" {
		t.Errorf("job got %+v", got)
	}
	if after := snapshot(t, in); !slices.Equal(before, after) {
		t.Errorf("the input folder changed: %v → %v", before, after)
	}

	downloads := []struct {
		path, ctype, name string
	}{
		{"/result.json", "application/json", nameJSON},
		{"/register.xlsx", typeXLSX, nameRegister},
		{"/notices.zip", "application/zip", nameNotices},
	}
	for _, d := range downloads {
		resp := s.do(t, "GET", "/api/jobs/"+id+d.path, nil)
		body := wantStatus(t, resp, 200, "")
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, d.ctype) {
			t.Errorf("%s: Content-Type %q", d.path, ct)
		}
		_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
		if err != nil || params["filename"] != d.name {
			t.Errorf("%s: Content-Disposition %q gives %q, want %q", d.path, resp.Header.Get("Content-Disposition"), params["filename"], d.name)
		}
		switch d.path {
		case "/register.xlsx":
			if body != "xlsx of "+in {
				t.Errorf("register body %q", body)
			}
		case "/notices.zip":
			zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, zf := range zr.File {
				names = append(names, zf.Name)
			}
			if want := []string{"乙窗口_材料补正一次性告知书.docx", "甲窗口_材料补正一次性告知书.docx"}; !slices.Equal(names, want) {
				t.Errorf("zip holds %v, want %v", names, want)
			}
		}
	}
	// Scan pages: n from 1, nothing else names a file.
	resp := s.do(t, "GET", "/api/jobs/"+id+"/pages/2.png", nil)
	if body := wantStatus(t, resp, 200, ""); body != string(pngBytes) || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("page 2: %q %q", resp.Header.Get("Content-Type"), body)
	}
	for _, p := range []string{"3.png", "0.png", "01.png", "-1.png", "1.PNG", "1", "x.png", "..%2F..%2Fregister.xlsx", "1.png.png", "%2e%2e"} {
		wantStatus(t, s.do(t, "GET", "/api/jobs/"+id+"/pages/"+p, nil), 404, "没有")
	}
	for _, p := range []string{"/api/jobs/" + id + "/", "/api/jobs/" + id + "/pages/", "/api/jobs/nope", "/api/jobs/nope/register.xlsx", "/api/jobs/" + id + "/告知书"} {
		wantStatus(t, s.do(t, "GET", p, nil), 404, "没有")
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// snapshot lists every file under dir with its size and time.
func snapshot(t *testing.T, dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p+" "+fi.Mode().String()+" "+fi.ModTime().String()+" "+itoa(int(fi.Size()%10)))
		return nil
	})
	return out
}

func TestFailedJobs(t *testing.T) {
	f := &fake{err: errors.New("找不到评选规则配置")}
	s := newTestServer(t, Config{Run: f.run})
	id := s.start(t, Request{})
	st := s.wait(t, id, Failed)
	if st.Error != "找不到评选规则配置" || st.Summary != nil {
		t.Errorf("failed status %+v", st)
	}
	for _, p := range []string{"/result.json", "/register.xlsx", "/notices.zip", "/pages/1.png"} {
		wantStatus(t, s.do(t, "GET", "/api/jobs/"+id+p, nil), http.StatusConflict, "没有完成")
	}

	// A panic in the run fails that job and the next one still runs.
	panicky := func(ctx context.Context, req Request, out Outputs, p *Progress) error {
		if strings.HasSuffix(req.Inputs[0], "boom") {
			panic("boom")
		}
		return (&fake{}).run(ctx, req, out, p)
	}
	s2 := newTestServer(t, Config{Run: panicky})
	boom := filepath.Join(t.TempDir(), "boom")
	os.Mkdir(boom, 0o755)
	id = s2.start(t, Request{Inputs: []string{boom}})
	if st := s2.wait(t, id, Failed); !strings.Contains(st.Error, "内部错误") {
		t.Errorf("panicked job: %+v", st)
	}
	s2.wait(t, s2.start(t, Request{}), Done)
}

// TestQueue starts jobs while one runs: they wait, in order, one at a
// time, each with its own outputs.
func TestQueue(t *testing.T) {
	f := &fake{hold: make(chan struct{}), started: make(chan string, 4)}
	s := newTestServer(t, Config{Run: f.run, Limits: Limits{MaxQueued: 2}})
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	a := s.start(t, Request{Inputs: dirs[:1]})
	if got := <-f.started; got != dirs[0] {
		t.Fatalf("first job started on %s", got)
	}
	b := s.start(t, Request{Inputs: dirs[1:2]})
	c := s.start(t, Request{Inputs: dirs[2:3]})
	if st := s.status(t, a); st.State != Running {
		t.Errorf("a is %s", st.State)
	}
	for _, id := range []string{b, c} {
		if st := s.status(t, id); st.State != Queued {
			t.Errorf("%s is %s, want queued", id, st.State)
		}
	}
	if got := s.ahead(s.jobs[c]); got != 1 {
		t.Errorf("c has %d ahead, want 1", got)
	}
	// The queue is full: a fourth is refused, not mixed in.
	wantStatus(t, s.post(t, "/api/jobs", Request{Inputs: dirs[:1]}), http.StatusServiceUnavailable, "排队")
	for i, id := range []string{a, b, c} {
		f.hold <- struct{}{}
		s.wait(t, id, Done)
		if i < 2 {
			if got := <-f.started; got != dirs[i+1] {
				t.Errorf("job %d started on %s, want %s", i+1, got, dirs[i+1])
			}
		}
	}
	if f.most != 1 {
		t.Errorf("%d jobs ran at once", f.most)
	}
	for i, id := range []string{a, b, c} {
		body := wantStatus(t, s.do(t, "GET", "/api/jobs/"+id+"/register.xlsx", nil), 200, "")
		if body != "xlsx of "+dirs[i] {
			t.Errorf("job %d register %q", i, body)
		}
	}
}

func TestKeepJobs(t *testing.T) {
	s := newTestServer(t, Config{Run: (&fake{}).run, Limits: Limits{KeepJobs: 2}})
	var ids []string
	for range 4 {
		id := s.start(t, Request{})
		s.wait(t, id, Done)
		ids = append(ids, id)
	}
	// Starting the fourth forgot the first: 2 finished are kept besides it.
	wantStatus(t, s.do(t, "GET", "/api/jobs/"+ids[0], nil), 404, "没有这个审查任务")
	if _, err := os.Stat(filepath.Join(s.root, "jobs", ids[0])); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the forgotten job's folder is still there: %v", err)
	}
	s.wait(t, ids[3], Done)
}

// event is one server-sent event.
type event struct{ name, data string }

func readEvents(t *testing.T, r io.Reader) []event {
	t.Helper()
	var out []event
	var cur event
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.data != "" {
				out = append(out, cur)
			}
			cur = event{}
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data = strings.TrimPrefix(line, "data: ")
		}
	}
	return out
}

func TestEvents(t *testing.T) {
	f := &fake{hold: make(chan struct{}), started: make(chan string, 2)}
	s := newTestServer(t, Config{Run: f.run})
	id := s.start(t, Request{})
	<-f.started
	resp := s.do(t, "GET", "/api/jobs/"+id+"/events", nil)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	go func() {
		time.Sleep(3 * eventsEvery)
		f.hold <- struct{}{}
	}()
	evs := readEvents(t, resp.Body)
	if len(evs) < 3 {
		t.Fatalf("events %v", evs)
	}
	if evs[0].name != "state" || !strings.Contains(evs[0].data, `"state":"running"`) || !strings.Contains(evs[0].data, `"stage":"读取"`) {
		t.Errorf("first event %+v", evs[0])
	}
	var sawProgress bool
	for _, e := range evs {
		if e.name == "" {
			var p map[string]any
			json.Unmarshal([]byte(e.data), &p)
			if !slices.Equal(sortedKeys(p), []string{"bytes_done", "bytes_total", "items", "windows"}) {
				t.Errorf("progress event keys %v", sortedKeys(p))
			}
			sawProgress = p["items"] == 3.0 && p["bytes_total"] == 300.0
		}
	}
	if !sawProgress {
		t.Errorf("no progress event with the counts: %v", evs)
	}
	last := evs[len(evs)-1]
	if last.name != "done" || !strings.Contains(last.data, `"state":"done"`) || !strings.Contains(last.data, `"合规":1`) {
		t.Errorf("last event %+v", last)
	}
	// A finished job's stream says done at once.
	evs = readEvents(t, s.do(t, "GET", "/api/jobs/"+id+"/events", nil).Body)
	if evs[len(evs)-1].name != "done" {
		t.Errorf("events of a finished job: %v", evs)
	}
	wantStatus(t, s.do(t, "GET", "/api/jobs/nope/events", nil), 404, "没有这个审查任务")
}

// TestClose stops a server with a job running and one queued: both end,
// every temporary file goes, and nothing new starts.
func TestClose(t *testing.T) {
	f := &fake{hold: make(chan struct{}), started: make(chan string, 2)}
	s := newTestServer(t, Config{Run: f.run})
	a := s.start(t, Request{})
	<-f.started
	b := s.start(t, Request{})
	up := s.upload(t, map[string]string{"a.eml": "x"})
	if _, err := os.Stat(up); err != nil {
		t.Fatal(err)
	}
	events := s.do(t, "GET", "/api/jobs/"+a+"/events", nil)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{a, b} {
		if st := s.status(t, id); st.State != Failed || st.Error != msgStopped {
			t.Errorf("job %s after Close: %+v", id, st)
		}
	}
	evs := readEvents(t, events.Body)
	if last := evs[len(evs)-1]; last.name != "done" || !strings.Contains(last.data, msgStopped) {
		t.Errorf("the stream ended with %+v", last)
	}
	if _, err := os.Stat(s.root); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary folder %s left behind: %v", s.root, err)
	}
	wantStatus(t, s.post(t, "/api/jobs", Request{Inputs: []string{t.TempDir()}}), http.StatusServiceUnavailable, msgStopped)
}
