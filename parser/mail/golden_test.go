package mail

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/parser/golden"
	"shenbao/parser/problem"
)

// dump writes a message as text for the golden file, forwarded messages
// indented below their part.
func dump(b *strings.Builder, m *Message, indent string) {
	fmt.Fprintf(b, "%sFrom: %s\n%sSubject: %s\n%sDate: %s (%s)\n", indent, m.From, indent, m.Subject, indent,
		m.Date.Format("2006-01-02T15:04:05Z07:00"), m.DateText)
	fmt.Fprintf(b, "%sText: %q\n", indent, m.Text)
	for _, p := range m.Problems {
		fmt.Fprintf(b, "%sProblem: %s\n", indent, problem.Text(p))
	}
	for _, p := range m.Parts {
		fmt.Fprintf(b, "%sPart: %s | %s | %d bytes | sha256 %x | message=%v inline=%v\n", indent, p.Name, p.ContentType,
			len(p.Data), sha256.Sum256(p.Data), p.Message, p.Inline)
		if p.Message {
			inner, err := Parse(p.Data, Limits{})
			if err != nil {
				fmt.Fprintf(b, "%s  Error: %v\n", indent, err)
				continue
			}
			dump(b, inner, indent+"    ")
		}
	}
}

// TestGolden compares a text dump of every test message with
// testdata/parse.golden; run go test -update to rewrite it.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.eml")
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", filepath.Base(f))
		m, err := Parse(data, Limits{})
		if err != nil {
			fmt.Fprintf(&b, "Error: %v\n", err)
			continue
		}
		dump(&b, m, "")
	}
	data, err := os.ReadFile("testdata/outlook.msg")
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString("== outlook.msg\n")
	m, err := ReadMsg(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dump(&b, m, "")
	golden.Check(t, "testdata/parse.golden", []byte(b.String()))
}
