package mail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
)

// MboxReader splits an mbox file into messages. It reads mboxo and mboxrd:
// a message starts at a "From " line at the start of the file or at one
// followed by a header block (see separates), and lines matching ^>+From
// lose one '>'.
type MboxReader struct {
	r       *bufio.Reader
	lim     Limits
	pending []byte // the separator line of the next message, already read
	started bool
	done    bool
	err     error
	n       int
}

// NewMboxReader returns a reader of the messages in r.
func NewMboxReader(r io.Reader, lim Limits) *MboxReader {
	return &MboxReader{r: bufio.NewReaderSize(r, 64<<10), lim: lim}
}

var fromTime = regexp.MustCompile(`\d{1,2}:\d\d`)

// Next returns the next message, without its "From " separator line. It
// returns io.EOF after the last one. A message over Limits.MaxMessageBytes is
// skipped with an error wrapping ErrTooLarge; Next can be called again.
// Empty messages (two separators in a row) are skipped.
func (m *MboxReader) Next() ([]byte, error) {
	for !m.done {
		var b []byte
		var err error
		if !m.started {
			m.started = true
			line, rerr := m.readLine()
			switch {
			case len(line) == 0:
				m.done, m.err = true, rerr
				return nil, m.eof()
			case bytes.HasPrefix(line, []byte("From ")):
				if rerr != nil {
					m.done, m.err = true, rerr
					return nil, m.eof()
				}
				b, err = m.body(nil, nil)
			default:
				// no separator first: the line is message content
				b, err = m.body(line, rerr)
			}
		} else {
			if m.pending == nil {
				m.done = true
				break
			}
			m.pending = nil
			b, err = m.body(nil, nil)
		}
		if err != nil || len(bytes.TrimSpace(b)) > 0 {
			return b, err
		}
	}
	return nil, m.eof()
}

func (m *MboxReader) eof() error {
	if m.err != nil && !errors.Is(m.err, io.EOF) {
		return fmt.Errorf("mail: read mbox: %w", m.err)
	}
	return io.EOF
}

// body reads message lines until the next separator or the end. first is an
// already-read content line.
func (m *MboxReader) body(first []byte, firstErr error) ([]byte, error) {
	m.n++
	limit := m.lim.maxBytes()
	var buf bytes.Buffer
	over := false
	prevBlank := true
	add := func(line []byte) {
		if over {
			return
		}
		if int64(buf.Len()+len(line)) > limit {
			over = true
			buf.Reset()
			return
		}
		buf.Write(unescapeFrom(line))
	}
	if first != nil {
		add(first)
		prevBlank = isBlank(first)
	}
	err := firstErr
	atStart := first == nil || bytes.HasSuffix(first, []byte("\n"))
	for err == nil {
		var line []byte
		line, err = m.readLine()
		if len(line) == 0 {
			break
		}
		if atStart && bytes.HasPrefix(line, []byte("From ")) && m.separates(line, prevBlank) {
			m.pending = line
			break
		}
		add(line)
		atStart = line[len(line)-1] == '\n' // false inside a line longer than the buffer
		prevBlank = atStart && isBlank(line)
	}
	if err != nil {
		m.done = true
		if !errors.Is(err, io.EOF) {
			m.err = err
		}
	}
	if over {
		return nil, fmt.Errorf("mail: mbox message %d: %w (limit %d bytes)", m.n, ErrTooLarge, limit)
	}
	out := buf.Bytes()
	// the empty line before the next separator belongs to the separator
	if m.pending != nil || m.done {
		if bytes.HasSuffix(out, []byte("\r\n\r\n")) {
			out = out[:len(out)-2]
		} else if bytes.HasSuffix(out, []byte("\n\n")) {
			out = out[:len(out)-1]
		}
	}
	if m.err != nil && len(out) == 0 {
		return nil, m.eof()
	}
	return out, nil
}

// separates judges a "From " line inside a message by what follows it: a
// header block makes it the separator of the next message, whatever the line
// before (Thunderbird writes "From - " with no date, and not always after a
// blank line); anything else makes it body text that a writer left
// unescaped. A header block is two well-known fields (IsEML), or, after a
// blank line or on a separator that carries a time of day, one field.
func (m *MboxReader) separates(line []byte, prevBlank bool) bool {
	next, _ := m.r.Peek(min(4096, m.r.Size()))
	if IsEML(next) {
		return true
	}
	first, _ := lineAt(next, 0)
	return (prevBlank || fromTime.Match(line)) && isFieldLine(first)
}

// readLine returns the next line with its line ending, or a piece of at most
// maxLine bytes of a longer one.
func (m *MboxReader) readLine() ([]byte, error) {
	line, err := m.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		err = nil
	}
	return append([]byte(nil), line...), err
}

func isBlank(line []byte) bool {
	return len(bytes.TrimRight(line, "\r\n")) == 0
}

// unescapeFrom strips one '>' from a line matching ^>+From .
func unescapeFrom(line []byte) []byte {
	if len(line) == 0 || line[0] != '>' {
		return line
	}
	i := 0
	for i < len(line) && line[i] == '>' {
		i++
	}
	if bytes.HasPrefix(line[i:], []byte("From ")) {
		return line[1:]
	}
	return line
}

// IsMbox reports whether head (the first bytes of a file) looks like an
// mbox: a "From " separator line followed by header lines.
func IsMbox(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(head, []byte("From ")) {
		return false
	}
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		return false
	}
	return IsEML(head[nl+1:])
}

// IsEML reports whether head looks like an RFC 5322 message: it starts with
// header fields, among them at least two well-known ones (or one of
// Received, Return-Path, MIME-Version, Delivered-To).
func IsEML(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	known, strong := 0, false
	lines := 0
	for len(head) > 0 && lines < 200 {
		var line []byte
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			line, head = head, nil
		}
		line = bytes.TrimRight(line, "\r")
		lines++
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if lines == 1 {
				return false
			}
			continue
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			if head == nil && lines > 1 {
				break // the head was cut inside a line
			}
			return false
		}
		name := bytes.ToLower(bytes.TrimRight(line[:colon], " "))
		for _, c := range name {
			if c <= ' ' || c >= 0x7f {
				return false
			}
		}
		switch string(name) {
		case "received", "return-path", "mime-version", "delivered-to", "x-mailer", "dkim-signature", "x-originating-ip",
			"x-mozilla-status", "x-mozilla-status2", "x-account-key", "x-gm-thrid", "x-gmail-labels", "x-qq-mid", "x-qq-ssf":
			strong = true
			known++
		case "from", "to", "subject", "date", "message-id", "cc", "content-type", "reply-to", "sender":
			known++
		}
	}
	return strong || known >= 2
}
