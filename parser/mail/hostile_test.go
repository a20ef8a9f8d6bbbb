package mail

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"shenbao/parser/golden"
	"shenbao/parser/problem"
)

// within runs fn and fails the test when it takes longer than d or
// allocates more than mem bytes.
func within(t *testing.T, d time.Duration, mem uint64, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if d = golden.Bound(d); el > d {
		t.Errorf("took %v, want under %v", el, d)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > mem {
		t.Errorf("allocated %d MiB, want under %d MiB", got>>20, mem>>20)
	}
}

// TestMboxLongLine: a 50 MB line inside an mbox message. The message
// is over a 16 MiB limit and skipped with ErrTooLarge; the next one is read.
func TestMboxLongLine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nSubject: one\n\n")
	b.Write(bytes.Repeat([]byte("x"), 50<<20))
	b.WriteString("\n\nFrom a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nSubject: two\n\nbody\n")
	data := b.Bytes()
	var msgs [][]byte
	var errs []error
	within(t, 10*time.Second, 200<<20, func() {
		m := NewMboxReader(bytes.NewReader(data), Limits{MaxMessageBytes: 16 << 20})
		for range 10 {
			msg, err := m.Next()
			if err == io.EOF {
				return
			}
			msgs, errs = append(msgs, msg), append(errs, err)
		}
	})
	if len(msgs) != 2 || !errors.Is(errs[0], ErrTooLarge) || errs[1] != nil {
		t.Fatalf("got %d messages, errors %v", len(msgs), errs)
	}
	if !bytes.Contains(msgs[1], []byte("Subject: two")) {
		t.Errorf("second message %q", msgs[1])
	}
}

// TestManyAttachments: 10,000 attachments are cut at MaxParts with a problem.
func TestManyAttachments(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("From: a@b\nSubject: many\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BB\"\n\n")
	b.WriteString("--BB\nContent-Type: text/plain\n\nhello\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "--BB\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"f%d.bin\"\n\nabc\n", i)
	}
	b.WriteString("--BB--\n")
	var msg *Message
	var err error
	within(t, 10*time.Second, 256<<20, func() { msg, err = Parse(b.Bytes(), Limits{}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Parts) != 500 {
		t.Errorf("%d parts kept, want 500", len(msg.Parts))
	}
	if len(msg.Problems) == 0 || !strings.Contains(strings.Join(problem.Texts(msg.Problems), "\n"), "500") {
		t.Errorf("problems %v", msg.Problems)
	}
}

// TestDeepMultipart: multiparts nested 900 deep (under the boundary count
// check) are walked to maxDepth only.
func TestDeepMultipart(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("From: a@b\nSubject: deep\nMIME-Version: 1.0\n")
	const n = 900
	for i := range n {
		fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i)
	}
	b.WriteString("Content-Type: text/plain\n\ndeep\n")
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "--b%d--\n", i)
	}
	var msg *Message
	var err error
	within(t, 10*time.Second, 256<<20, func() { msg, err = Parse(b.Bytes(), Limits{}) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(problem.Texts(msg.Problems), "\n"), "邮件结构嵌套过深，深层内容未读取") {
		t.Errorf("problems %v", msg.Problems)
	}
}
