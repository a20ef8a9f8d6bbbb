package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/validate"
)

func TestWriteJSON(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "result.json")
	res := sampleResult()
	res.Submissions[4].Photos = validate.Photos{} // nil lists become []
	res.Submissions[0].Honors = "<无> & 其他"
	if err := WriteJSON(path, res); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	wantPrefix := "{\n  \"profile\": \"qingfeng-liaoning\",\n  \"generated_at\": \"2024-04-12T09:30:00+08:00\",\n  \"inputs\": [\n    {\n      \"path\": \"收件箱.mbox\",\n"
	if !strings.HasPrefix(text, wantPrefix) {
		t.Errorf("JSON starts\n%s\nwant\n%s", text[:min(len(text), 300)], wantPrefix)
	}
	for _, s := range res.Submissions {
		for _, p := range s.Staff {
			if len(p.ID) == 18 && strings.Contains(text, p.ID) {
				t.Errorf("JSON holds the full ID number of %s", p.Name)
			}
		}
	}
	for _, want := range []string{`"environment": []`, `"work": []`, `"signed": true`, `"status": "superseded"`, `"unattributed": [`, `"honors": "<无> & 其他"`} {
		if !strings.Contains(text, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	if strings.Contains(text, `\u003c`) {
		t.Errorf("JSON escapes HTML characters")
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	subs := back["submissions"].([]any)
	if len(subs) != 6 {
		t.Fatalf("%d submissions, want 6", len(subs))
	}
	keys := []string{"window_name", "unit", "recommend_forms", "staff", "honors", "duties", "deeds", "deeds_chars", "review_rows", "photos", "sources", "conclusion", "findings"}
	first := subs[0].(map[string]any)
	for _, k := range keys {
		if _, ok := first[k]; !ok {
			t.Errorf("submission lacks key %q", k)
		}
	}
	if rf := subs[3].(map[string]any)["recommend_forms"]; rf == nil {
		t.Errorf("nil recommend_forms written as null, want []")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want 1", len(entries))
	}
}

// wholeJSON is the result encoded in one piece, as WriteJSON did before it
// streamed: the reference for the streamed bytes.
func wholeJSON(t *testing.T, res *validate.Result) []byte {
	t.Helper()
	out := *res
	if out.Inputs == nil {
		out.Inputs = []validate.Input{}
	}
	out.Submissions = make([]validate.Submission, len(res.Submissions))
	for i, s := range res.Submissions {
		out.Submissions[i] = normalizedSubmission(s)
	}
	var buf bytes.Buffer
	if err := newJSONEncoder(&buf, "").Encode(&out); err != nil {
		t.Fatal(err)
	}
	maskIDBytes(buf.Bytes())
	return buf.Bytes()
}

func TestWriteJSONStreamsTheSameBytes(t *testing.T) {
	empty := sampleResult()
	empty.Inputs, empty.Submissions, empty.Unattributed = nil, nil, nil
	withChanges := sampleResult()
	withChanges.Changes = &validate.Changes{}
	tests := []struct {
		name string
		res  *validate.Result
	}{
		{"sample", sampleResult()},
		{"nothing", empty},
		{"changes after the lists", withChanges},
		{"a thousand windows", bigResult(1000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "result.json")
			if err := WriteJSON(path, tc.res); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if want := wholeJSON(t, tc.res); !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("streamed JSON differs at byte %d:\n%q\nwant\n%q", i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
		})
	}
}
