package serve

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// Request is the body of POST /api/jobs (SPEC §4a). Paths are local paths
// on the server's machine (typed by the clerk, or returned by POST
// /api/uploads); they are only read.
type Request struct {
	Inputs      []string `json:"inputs"`
	Scans       []string `json:"scans"`
	Rankings    []string `json:"rankings"`
	JointReview []string `json:"joint_review"`
	Profile     string   `json:"profile"` // a built-in name or a YAML file; "" means the default
	FullID      bool     `json:"full_id"`
}

// Outputs are where one job writes, all inside the job's private folder.
type Outputs struct {
	Register string // the register (.xlsx)
	JSON     string // the --json result
	Notices  string // the folder of notices (.docx)
	// Pages is a folder for the scan pages drawn with their rows and
	// seals, one "n.png" per entry of scan_pages (n from 1). A job that
	// draws none leaves it empty.
	Pages string
}

// RunFunc runs one check of req into out, reporting to p. It returns an
// error, in Chinese for the clerk, only when the run could not be done;
// windows that are not 合规 are a result, not an error. It must stop soon
// after ctx is cancelled.
type RunFunc func(ctx context.Context, req Request, out Outputs, p *Progress) error

// Profile is one campaign profile the page offers.
type Profile struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// Config configures a Server. Addr and Run are required.
type Config struct {
	// Addr is the address listened on (host:port, as net.Listener.Addr
	// gives it). Requests must name it, or localhost with its port, as
	// their Host.
	Addr string
	Run  RunFunc
	// Check, if set, refuses a request before it is queued (an unknown
	// profile, an option this build lacks); its error is shown to the
	// clerk.
	Check    func(Request) error
	Profiles []Profile // choices on the page, the default first
	// TempDir is where the server makes its private folder; "" means
	// os.TempDir().
	TempDir string
	Limits  Limits
	Log     *slog.Logger // nil logs nothing
}

// Limits bound what one server takes in. A zero field takes its default.
type Limits struct {
	MaxUploadBytes int64 // one upload request's body; 0 means 1 GiB
	MaxUploadFiles int   // files in one upload; 0 means 2000
	MaxUploadTotal int64 // all uploads kept at once; 0 means 4 GiB
	MaxQueued      int   // jobs waiting behind the running one; 0 means 8
	KeepJobs       int   // finished jobs kept with their files; 0 means 20
}

func (l Limits) withDefaults() Limits {
	if l.MaxUploadBytes <= 0 {
		l.MaxUploadBytes = 1 << 30
	}
	if l.MaxUploadFiles <= 0 {
		l.MaxUploadFiles = 2000
	}
	if l.MaxUploadTotal <= 0 {
		l.MaxUploadTotal = 4 << 30
	}
	if l.MaxQueued <= 0 {
		l.MaxQueued = 8
	}
	if l.KeepJobs <= 0 {
		l.KeepJobs = 20
	}
	return l
}

// Server is the HTTP handler of the page and its API. Close it to end
// running jobs and remove its temporary files.
type Server struct {
	cfg   Config
	lim   Limits
	token string
	hosts map[string]bool
	root  string // private temporary folder: jobs/ and uploads/
	log   *slog.Logger
	mux   *http.ServeMux
	page  *template.Template

	ctx    context.Context // cancelled by Close: ends jobs and event streams
	cancel context.CancelFunc
	queue  chan *job
	wg     sync.WaitGroup

	mu          sync.Mutex
	jobs        map[string]*job
	order       []*job // by creation
	closed      bool
	uploadBytes int64
}

//go:embed assets
var assets embed.FS

// New returns a Server and starts its job worker.
func New(cfg Config) (*Server, error) {
	if cfg.Run == nil {
		return nil, errors.New("serve: Config.Run is nil")
	}
	hosts, err := allowedHosts(cfg.Addr)
	if err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp(cfg.TempDir, "shenbao-serve-")
	if err != nil {
		return nil, fmt.Errorf("无法创建临时文件夹：%v", err)
	}
	for _, d := range []string{"jobs", "uploads"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o700); err != nil {
			os.RemoveAll(root)
			return nil, fmt.Errorf("无法创建临时文件夹：%v", err)
		}
	}
	page, err := template.ParseFS(assets, "assets/index.html")
	if err != nil {
		os.RemoveAll(root)
		return nil, fmt.Errorf("serve: page template: %w", err)
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:   cfg,
		lim:   cfg.Limits.withDefaults(),
		token: rand.Text(),
		hosts: hosts,
		root:  root,
		log:   log,
		page:  page,
		jobs:  map[string]*job{},
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.queue = make(chan *job, s.lim.MaxQueued)
	s.routes()
	s.wg.Add(1)
	go s.work()
	return s, nil
}

// Token is the per-process token that state-changing requests carry in
// the X-Shenbao-Token header.
func (s *Server) Token() string { return s.token }

// Close cancels running and queued jobs, waits for the running one to
// stop and removes every temporary file (uploads and job outputs). Later
// requests that start work are refused.
func (s *Server) Close() error {
	s.stop()
	s.wg.Wait()
	s.mu.Lock()
	for _, j := range s.order {
		j.fail(msgStopped)
	}
	s.mu.Unlock()
	return os.RemoveAll(s.root)
}

// stop cancels the jobs and ends the event streams; Close does the rest.
func (s *Server) stop() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
}

const msgStopped = "服务已停止，审查已取消"

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.handlePage)
	m.HandleFunc("GET /assets/{name}", s.handleAsset)
	m.HandleFunc("GET /api/token", s.handleToken)
	m.HandleFunc("POST /api/uploads", s.handleUpload)
	m.HandleFunc("POST /api/jobs", s.handleCreateJob)
	m.HandleFunc("GET /api/jobs/{id}", s.handleJob)
	m.HandleFunc("GET /api/jobs/{id}/events", s.handleEvents)
	m.HandleFunc("GET /api/jobs/{id}/result.json", s.handleResult)
	m.HandleFunc("GET /api/jobs/{id}/register.xlsx", s.handleRegister)
	m.HandleFunc("GET /api/jobs/{id}/notices.zip", s.handleNotices)
	m.HandleFunc("GET /api/jobs/{id}/pages/{file}", s.handleScanPage)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "没有这个页面或接口："+r.URL.Path)
	})
	s.mux = m
}

// ServeHTTP checks Host, Origin and the token (guard.go) before routing.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	if msg := s.refuse(r); msg != "" {
		s.log.Warn("request refused", "method", r.Method, "path", r.URL.Path, "host", r.Host, "origin", r.Header.Get("Origin"), "why", msg)
		fail(w, http.StatusForbidden, msg)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// pageData is what the page template is given.
type pageData struct {
	Token    string
	Profiles []Profile
}

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.page.Execute(w, pageData{Token: s.token, Profiles: s.cfg.Profiles}); err != nil {
		s.log.Error("page", "err", err)
	}
}

// assetTypes are the page's files besides index.html; nothing else under
// assets is served.
var assetTypes = map[string]string{
	"app.js":    "text/javascript; charset=utf-8",
	"style.css": "text/css; charset=utf-8",
}

func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ctype, ok := assetTypes[name]
	if !ok {
		fail(w, http.StatusNotFound, "没有这个文件："+name)
		return
	}
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		fail(w, http.StatusNotFound, "没有这个文件："+name)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"token": s.token})
}

// errorJSON is the body of every refusal and error.
type errorJSON struct {
	Error string `json:"error"`
}

func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorJSON{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
