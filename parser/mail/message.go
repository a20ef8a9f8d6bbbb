package mail

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jhillyerd/enmime/v2"

	"shenbao/parser/problem"
	"shenbao/parser/text"
)

// Message is one email, decoded.
type Message struct {
	From     string            // "张三 <zhang@163.com>", decoded
	Subject  string            // decoded
	Date     time.Time         // zero when missing/unparseable
	DateText string            // the raw Date header
	Text     string            // plain-text body, decoded to UTF-8 (HTML body converted to text if no plain part)
	Parts    []Part            // every attachment and inline file part, in MIME order; forwarded message/rfc822 parts too
	Problems []problem.Problem // recoverable problems (problem.Text words them for the clerk), capped at 20
}

// Part is one attachment, inline file or forwarded message.
type Part struct {
	Name        string // decoded file name; when the part has none, a made-up one like "附件3.bin"/"转发邮件1.eml" — never empty
	ContentType string // lower-case media type
	Data        []byte
	Message     bool // a forwarded message (message/rfc822 part, or an .eml attachment): the walker parses Data with Parse again
	Inline      bool // Content-Disposition inline (signature logos etc.)
	// Owned says Data is a buffer of its own, decoded from the message and
	// taken from bufpool, not a part of the message's bytes: whoever is
	// done with it last may give it back with bufpool.Put.
	Owned bool
}

// Limits bounds what one message may cost.
type Limits struct {
	MaxMessageBytes int64 // largest message read; 0 means 200 MiB
	MaxParts        int   // most parts kept per message; 0 means 500
}

const maxProblems = 20

// maxMultiparts bounds the multipart containers of one message.
const maxMultiparts = 1000

func (l Limits) maxBytes() int64 {
	if l.MaxMessageBytes <= 0 {
		return 200 << 20
	}
	return l.MaxMessageBytes
}

func (l Limits) maxParts() int {
	if l.MaxParts <= 0 {
		return 500
	}
	return l.MaxParts
}

// ErrTooLarge is returned (wrapped) for a message over Limits.MaxMessageBytes.
var ErrTooLarge = errors.New("message over the size limit")

// ErrNotMessage is returned (wrapped) when the bytes hold no email header.
var ErrNotMessage = errors.New("not an email message")

// ErrTooComplex is returned (wrapped) for a message of more multipart
// containers than the parser will nest.
var ErrTooComplex = errors.New("message structure too complex")

// Parse reads one RFC 5322 message. It returns an error only when nothing
// can be read: the input is over the size limit, empty, or has no header.
// Everything else is recorded in Message.Problems.
func Parse(data []byte, lim Limits) (*Message, error) {
	return parse(data, lim, true)
}

// parse is Parse; fast false sends every message through enmime, which
// the tests use to hold the fast splitter to enmime's results.
func parse(data []byte, lim Limits, fast bool) (*Message, error) {
	if int64(len(data)) > lim.maxBytes() {
		return nil, fmt.Errorf("mail: %w (%d bytes, limit %d)", ErrTooLarge, len(data), lim.maxBytes())
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n") // exports sometimes indent or pad the first line
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("mail: %w: empty", ErrNotMessage)
	}
	if bytes.HasPrefix(data, []byte("From ")) {
		// an mbox separator line left in front of a single message
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	if !hasHeader(data) {
		return nil, fmt.Errorf("mail: %w: no header at the start", ErrNotMessage)
	}
	// enmime recurses once per nested multipart and buffers at each level;
	// a message built to nest thousands deep would exhaust memory there
	if n := countBoundaryParams(data); n > maxMultiparts {
		return nil, fmt.Errorf("mail: %w: more than %d multipart containers", ErrTooComplex, maxMultiparts)
	}
	data = repairRunOnHeaders(data)
	p := enmime.NewParser(
		enmime.SkipMalformedParts(true),
		enmime.MultipartWOBoundaryAsSinglePart(true),
		enmime.RawContent(true),
		enmime.MaxStoredPartErrors(maxProblems),
		enmime.DisableTextConversion(true),
		enmime.DisableCharacterDetection(true),
		enmime.SetCustomParseMediaType(parseMediaType),
	)
	var root *enmime.Part
	ok := false
	if fast {
		root, ok = fastTree(data, 0)
	}
	if !ok {
		var err error
		if root, err = p.ReadParts(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("mail: read MIME structure: %w", err)
		}
	}
	m := &Message{}
	c := &collector{msg: m, lim: lim, parser: p}
	m.From = decodeAddress(root.Header.Get("From"))
	m.Subject = decodeHeader(root.Header.Get("Subject"))
	m.DateText = strings.TrimSpace(fixRaw(root.Header.Get("Date")))
	if m.DateText == "" {
		c.problem(problem.Problem{Code: problem.DateMissing})
	} else if d, ok := parseDate(m.DateText); ok {
		m.Date = d
	} else {
		c.problem(problem.Problem{Code: problem.DateUnreadable, Detail: text.Clip(m.DateText, 60)})
	}
	c.walk(root, 0)
	c.finish()
	return m, nil
}

// parseMediaType is enmime's media type parser: parseParams, which never
// fails, so enmime keeps parts whose headers the standard parser rejects.
func parseMediaType(ctype string) (string, map[string]string, []string, error) {
	mtype, params := parseParams(ctype)
	if b, ok := rawBoundary(ctype); ok {
		params["boundary"] = b
	}
	return mtype, params, nil, nil
}

// rawBoundary finds the boundary parameter undecoded: boundaries are opaque
// and must not pass through header decoding.
func rawBoundary(ctype string) (string, bool) {
	for _, p := range splitParams(ctype) {
		eq := strings.IndexByte(p, '=')
		if eq > 0 && strings.EqualFold(strings.TrimSpace(p[:eq]), "boundary") {
			v := strings.TrimSpace(p[eq+1:])
			if strings.HasPrefix(v, `"`) {
				v = strings.TrimSuffix(v[1:], `"`)
			}
			return v, true
		}
	}
	return "", false
}

// hasHeader reports whether data starts with at least one header field.
func hasHeader(data []byte) bool {
	line := data
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return false
	}
	for _, c := range line[:colon] {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// countBoundaryParams counts "oundary=" and "OUNDARY=" in data. It looks at
// each '=', which base64 bodies hold only as padding, rather than at each
// 'o', which they hold every 64 bytes: a 1 MB message is counted in a
// fraction of the time.
func countBoundaryParams(data []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '=')
		if j < 0 {
			return n
		}
		i += j
		if i >= 7 {
			if w := data[i-7 : i]; string(w) == "oundary" || string(w) == "OUNDARY" {
				n++
			}
		}
		i++
	}
}
