package serve

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Job states, SPEC §4a.
const (
	Queued  = "queued"
	Running = "running"
	Done    = "done"
	Failed  = "failed"
)

// Summary counts a finished job's windows by conclusion.
type Summary struct {
	Windows     int `json:"windows"`
	Compliant   int `json:"合规"`
	NeedsFix    int `json:"需补正"`
	NeedsReview int `json:"待核查"`
}

// Status is the body of GET /api/jobs/{id}. Summary is null until the job
// is done; Error is set when it failed.
type Status struct {
	ID       string       `json:"id"`
	State    string       `json:"state"`
	Progress ProgressJSON `json:"progress"`
	Summary  *Summary     `json:"summary"`
	Error    string       `json:"error"`
}

// job is one check run and its private folder.
type job struct {
	id   string
	req  Request
	dir  string
	out  Outputs
	prog Progress

	mu       sync.Mutex
	state    string
	err      string
	summary  *Summary
	started  time.Time
	finished time.Time
	zipOnce  sync.Once
	zipErr   error
}

func (j *job) status() Status {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Status{ID: j.id, State: j.state, Progress: j.prog.Snapshot(), Summary: j.summary, Error: j.err}
}

func (j *job) setState(state string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.state = state
	if state == Running {
		j.started = time.Now()
	}
}

// fail ends a job that has not ended yet with msg.
func (j *job) fail(msg string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.state == Done || j.state == Failed {
		return
	}
	j.state, j.err, j.finished = Failed, msg, time.Now()
}

func (j *job) finish(sum *Summary) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.state, j.summary, j.finished = Done, sum, time.Now()
}

func (j *job) ended() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.state == Done || j.state == Failed
}

// maxRequestBytes bounds a POST /api/jobs body.
const maxRequestBytes = 1 << 20

func (s *Server) handleCreateJob(w http.ResponseWriter, r *http.Request) {
	var req Request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fail(w, http.StatusBadRequest, "请求格式有误："+err.Error())
		return
	}
	if err := cleanRequest(&req); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	if s.cfg.Check != nil {
		if err := s.cfg.Check(req); err != nil {
			fail(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	j, code, err := s.enqueue(req)
	if err != nil {
		fail(w, code, err.Error())
		return
	}
	s.log.Info("job queued", "id", j.id, "inputs", len(req.Inputs), "scans", len(req.Scans))
	w.Header().Set("Location", "/api/jobs/"+j.id)
	writeJSON(w, http.StatusAccepted, map[string]string{"id": j.id})
}

// cleanRequest tidies the typed paths (spaces and the quotes Windows'
// “复制为路径” adds, relative paths made absolute) and checks that each
// exists. It never creates or changes anything at those paths.
func cleanRequest(req *Request) error {
	lists := []struct {
		name  string
		paths *[]string
	}{
		{"审查材料", &req.Inputs}, {"扫描件", &req.Scans}, {"实绩排序表", &req.Rankings}, {"部门联审结果", &req.JointReview},
	}
	for _, l := range lists {
		var out []string
		for _, p := range *l.paths {
			p = strings.TrimSpace(p)
			p = strings.TrimSpace(strings.Trim(p, `"'“”`))
			if p == "" {
				continue
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				return fmt.Errorf("%s路径“%s”无效", l.name, p)
			}
			if _, err := os.Stat(abs); err != nil {
				return fmt.Errorf("找不到%s“%s”，请检查路径（可在资源管理器中按住 Shift 右键该文件夹，选“复制为路径”后粘贴）", l.name, p)
			}
			out = append(out, abs)
		}
		*l.paths = out
	}
	if len(req.Inputs) == 0 {
		return errors.New("请至少填写一个要审查的文件夹或文件（邮箱导出所在位置），或先上传文件")
	}
	req.Profile = strings.TrimSpace(strings.Trim(strings.TrimSpace(req.Profile), `"'“”`))
	return nil
}

// enqueue makes a job and its folder and queues it behind the running one.
func (s *Server) enqueue(req Request) (*job, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, http.StatusServiceUnavailable, errors.New(msgStopped)
	}
	id := rand.Text()
	dir := filepath.Join(s.root, "jobs", id)
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, http.StatusInternalServerError, fmt.Errorf("无法创建临时文件夹：%v", err)
	}
	j := &job{id: id, req: req, dir: dir, state: Queued, out: Outputs{
		Register: filepath.Join(dir, "合规审查登记表.xlsx"),
		JSON:     filepath.Join(dir, "审查结果.json"),
		Notices:  filepath.Join(dir, "告知书"),
		Pages:    filepath.Join(dir, "pages"),
	}}
	select {
	case s.queue <- j:
	default:
		os.RemoveAll(dir)
		return nil, http.StatusServiceUnavailable, fmt.Errorf("排队的审查任务已有 %d 个，请等前面的完成后再开始", s.lim.MaxQueued)
	}
	s.jobs[id] = j
	s.order = append(s.order, j)
	s.prune()
	return j, 0, nil
}

// prune forgets the oldest finished jobs beyond KeepJobs and removes their
// folders. The caller holds s.mu.
func (s *Server) prune() {
	ended := 0
	for _, j := range s.order {
		if j.ended() {
			ended++
		}
	}
	keep := s.order[:0]
	for _, j := range s.order {
		if ended > s.lim.KeepJobs && j.ended() {
			ended--
			delete(s.jobs, j.id)
			os.RemoveAll(j.dir)
			continue
		}
		keep = append(keep, j)
	}
	s.order = keep
}

// work runs the queued jobs one after the other until the server stops.
func (s *Server) work() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			return
		case j := <-s.queue:
			s.runJob(j)
		}
	}
}

func (s *Server) runJob(j *job) {
	if s.ctx.Err() != nil {
		j.fail(msgStopped)
		return
	}
	j.setState(Running)
	s.log.Info("job started", "id", j.id)
	for _, d := range []string{j.out.Notices, j.out.Pages} {
		if err := os.Mkdir(d, 0o700); err != nil {
			j.fail(fmt.Sprintf("无法创建临时文件夹：%v", err))
			return
		}
	}
	err := s.runSafely(j)
	switch {
	case s.ctx.Err() != nil:
		j.fail(msgStopped)
	case err != nil:
		j.fail(err.Error())
	default:
		sum, err := readSummary(j.out.JSON)
		if err != nil {
			j.fail("审查结果无法读取：" + err.Error())
			break
		}
		j.finish(sum)
	}
	st := j.status()
	s.log.Info("job ended", "id", j.id, "state", st.State, "error", st.Error)
}

// runSafely calls Run, turning a panic into a failed job so one bad run
// does not take the page down with it.
func (s *Server) runSafely(j *job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("job panicked", "id", j.id, "panic", p)
			err = fmt.Errorf("审查程序内部错误（%v），请把材料和这条信息反馈给维护人员", p)
		}
	}()
	return s.cfg.Run(s.ctx, j.req, j.out, &j.prog)
}

// readSummary counts the conclusions of the result JSON at path.
func readSummary(path string) (*Summary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var res struct {
		Submissions []struct {
			Conclusion string `json:"conclusion"`
		} `json:"submissions"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, err
	}
	sum := &Summary{Windows: len(res.Submissions)}
	for _, sub := range res.Submissions {
		switch sub.Conclusion {
		case "合规":
			sum.Compliant++
		case "需补正":
			sum.NeedsFix++
		case "待核查":
			sum.NeedsReview++
		}
	}
	return sum, nil
}

// lookup finds the job named in the path, or answers 404.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) *job {
	id := r.PathValue("id")
	s.mu.Lock()
	j := s.jobs[id]
	s.mu.Unlock()
	if j == nil {
		fail(w, http.StatusNotFound, "没有这个审查任务（可能已被清理或服务已重启），请重新开始审查")
	}
	return j
}

func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	if j := s.lookup(w, r); j != nil {
		writeJSON(w, http.StatusOK, j.status())
	}
}
