package mail

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"shenbao/parser/problem"
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
	}{m.From, m.Subject, m.Text, ps, problem.Texts(m.Problems)}
}

// TestCountBoundaryParams holds the fast count to the plain one.
func TestCountBoundaryParams(t *testing.T) {
	pieces := []string{"oundary=", "OUNDARY=", "boundary", "=", "o", "Boundary=\"x\"", "oUNDARY=", "==", "\r\n", "ABC"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		want := bytes.Count(data, []byte("oundary=")) + bytes.Count(data, []byte("OUNDARY="))
		if got := countBoundaryParams(data); got != want {
			t.Fatalf("countBoundaryParams(%q) = %d, want %d", data, got, want)
		}
	}
}

// TestSplitHeaderBlankLines holds splitHeader to the first blank line of
// either kind.
func TestSplitHeaderBlankLines(t *testing.T) {
	pieces := []string{"A: b", "\r\n", "\n", "\r", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		if bytes.HasPrefix(data, []byte("\n")) || bytes.HasPrefix(data, []byte("\r\n")) {
			continue
		}
		crlf, lf := bytes.Index(data, []byte("\r\n\r\n")), bytes.Index(data, []byte("\n\n"))
		wantHead := -1
		switch {
		case crlf >= 0 && (lf < 0 || crlf < lf):
			wantHead = crlf + 4
		case lf >= 0:
			wantHead = lf + 2
		}
		head, _, ok := splitHeader(data)
		if ok != (wantHead >= 0) || (ok && len(head) != wantHead) {
			t.Fatalf("splitHeader(%q): head %d bytes, ok %v; want %d", data, len(head), ok, wantHead)
		}
	}
}

// TestFindBoundaryParams holds the fast search to the pattern run over
// every byte, as it was.
func TestFindBoundaryParams(t *testing.T) {
	ref := regexp.MustCompile(`(?i)boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))`)
	pieces := []string{"boundary", "BOUNDARY", "Boundary", "bOuNdArY", "oundary", "=", " ", "\r\n", "\t", "\"", "x", "abc", ";", "==", "é", "\xff"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		n := 1 + rng.IntN(4)
		want := ref.FindAllSubmatch(data, n)
		got := findBoundaryParams(data, n)
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches, want %d", data, len(got), len(want))
		}
		for i := range want {
			for k := range want[i] {
				if (got[i][k] == nil) != (want[i][k] == nil) || !bytes.Equal(got[i][k], want[i][k]) {
					t.Fatalf("%q: match %d group %d = %q, want %q", data, i, k, got[i][k], want[i][k])
				}
			}
		}
	}
}
