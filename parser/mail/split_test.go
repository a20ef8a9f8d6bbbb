package mail

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFastTreeAgreesWithEnmime parses every message we have — our
// fixtures, enmime's own corpus and the sample mailbox — once through the
// fast splitter and once through enmime alone, and requires the same
// Message. Messages the fast splitter declines go to enmime both times.
func TestFastTreeAgreesWithEnmime(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/*.eml", "../../samples/mailbox/*.eml", enmimeTestdata(t) + "/*/*.raw", enmimeTestdata(t) + "/*/*.eml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d messages found", len(files))
	}
	fast := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := fastTree(data, 0); ok {
			fast++
		}
		got, gerr := parse(data, Limits{}, true)
		want, werr := parse(data, Limits{}, false)
		if (gerr == nil) != (werr == nil) {
			t.Errorf("%s: fast error %v, enmime error %v", f, gerr, werr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast splitter and enmime disagree\nfast:   %+v\nenmime: %+v", f, summary(got), summary(want))
		}
	}
	t.Logf("%d messages, %d split by the fast path", len(files), fast)
}

func summary(m *Message) any {
	if m == nil {
		return nil
	}
	type part struct {
		Name, Type      string
		Len             int
		Message, Inline bool
	}
	var ps []part
	for _, p := range m.Parts {
		ps = append(ps, part{p.Name, p.ContentType, len(p.Data), p.Message, p.Inline})
	}
	return struct {
		From, Subject, Text string
		Parts               []part
		Problems            []string
	}{m.From, m.Subject, m.Text, ps, m.Problems}
}
