package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// stateEvent is the data of an "event: state" line: the job's state, the
// pipeline stage running, and for a queued job how many are ahead of it.
type stateEvent struct {
	State string `json:"state"`
	Stage string `json:"stage"`
	Ahead int    `json:"ahead"`
}

// eventsEvery is how often the stream looks for news.
const eventsEvery = 200 * time.Millisecond

// handleEvents streams a job's progress as server-sent events: an
// "event: state" whenever the state or stage changes, an unnamed event
// with the progress object whenever a count changes, and at the end an
// "event: done" with the job's whole status (done or failed).
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	j := s.lookup(w, r)
	if j == nil {
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	send := func(event string, v any) bool {
		data, _ := json.Marshal(v)
		if event != "" {
			fmt.Fprintf(w, "event: %s\n", event)
		}
		fmt.Fprintf(w, "data: %s\n\n", data)
		return rc.Flush() == nil
	}
	fmt.Fprint(w, "retry: 2000\n\n")

	tick := time.NewTicker(eventsEvery)
	defer tick.Stop()
	var lastState stateEvent
	var lastProg ProgressJSON
	first := true
	for {
		st := j.status()
		se := stateEvent{State: st.State, Stage: j.prog.CurrentStage(), Ahead: s.ahead(j)}
		if first || se != lastState {
			if !send("state", se) {
				return
			}
			lastState = se
		}
		if first || st.Progress != lastProg {
			if !send("", st.Progress) {
				return
			}
			lastProg = st.Progress
		}
		first = false
		if st.State == Done || st.State == Failed {
			send("done", st)
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-s.ctx.Done():
			// The server is stopping: the job ends with it, and one
			// more look sends that.
			j.fail(msgStopped)
		case <-tick.C:
		}
	}
}

// ahead counts the queued jobs created before j while j is queued.
func (s *Server) ahead(j *job) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, o := range s.order {
		if o == j {
			break
		}
		if !o.ended() && o.status().State == Queued {
			n++
		}
	}
	if j.status().State != Queued {
		return 0
	}
	return n
}
