package export

import (
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
