package mail

import (
	"bufio"
	"bytes"
	"net/textproto"
	"strings"

	"github.com/jhillyerd/enmime/v2"
)

// fastTree splits a well-formed message into the same part tree enmime
// builds with RawContent, without enmime's byte-at-a-time boundary reader,
// which costs more than everything else in a batch of mail with photos.
// It handles only what needs no repair: a header block textproto accepts,
// and multiparts with a boundary parameter and a closing delimiter. ok is
// false for anything else, and the message goes to enmime, whose tolerance
// of broken mail is the point of using it.
func fastTree(data []byte, depth int) (root *enmime.Part, ok bool) {
	if depth > maxDepth {
		// The collector stops here and records the nesting; handing the
		// message to enmime instead cost seconds, as it reads every level
		// of a message nested hundreds deep.
		return &enmime.Part{ContentType: "multipart/mixed"}, true
	}
	head, body, found := splitHeader(data)
	if !found {
		return nil, false
	}
	// A buffer the header's size, not bufio's 4 KB: one per part of every
	// message was 240 MB of garbage at 10,000 windows.
	br := bufio.NewReaderSize(bytes.NewReader(head), min(len(head), 4096))
	hdr, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		return nil, false
	}
	mtype, params, _, _ := parseMediaType(hdr.Get("Content-Type"))
	p := &enmime.Part{
		Header:            hdr,
		ContentType:       mtype,
		ContentTypeParams: params,
		ContentID:         strings.Trim(hdr.Get("Content-Id"), "<> "),
	}
	boundary := params["boundary"]
	if !strings.HasPrefix(strings.ToLower(mtype), "multipart/") {
		if boundary != "" {
			return nil, false // a leaf claiming a boundary: enmime reports it
		}
		_, dparams := parseParams(hdr.Get("Content-Disposition"))
		p.FileName = firstNonEmpty(dparams["filename"], params["name"], params["file"])
		p.Content = body
		return p, true
	}
	if boundary == "" {
		return nil, false
	}
	parts, ok := splitMultipart(body, boundary)
	if !ok {
		return nil, false
	}
	p.Boundary = boundary
	var last *enmime.Part
	for _, raw := range parts {
		child, ok := fastTree(raw, depth+1)
		if !ok {
			return nil, false
		}
		child.Parent = p
		if last == nil {
			p.FirstChild = child
		} else {
			last.NextSibling = child
		}
		last = child
	}
	return p, true
}

// splitHeader splits an entity at the blank line after its header block.
// The header keeps its last line break and gains the blank line textproto
// needs to see its end. An entity with no blank line is not split.
func splitHeader(data []byte) (head, body []byte, ok bool) {
	if bytes.HasPrefix(data, []byte("\r\n")) {
		return []byte("\r\n"), data[2:], true // no header fields at all
	}
	if bytes.HasPrefix(data, []byte("\n")) {
		return []byte("\n"), data[1:], true
	}
	crlf := bytes.Index(data, []byte("\r\n\r\n"))
	// A bare blank line counts only before the first CRLF one, so look for
	// it there alone: a CRLF message has none, and searching its whole body
	// would cost a pass over every attachment of every part.
	before := data
	if crlf >= 0 {
		before = data[:crlf]
	}
	lf := bytes.Index(before, []byte("\n\n"))
	switch {
	case crlf >= 0 && (lf < 0 || crlf < lf):
		return data[:crlf+4], data[crlf+4:], true
	case lf >= 0:
		return data[:lf+2], data[lf+2:], true
	}
	return nil, nil, false
}

// splitMultipart cuts a multipart body at its delimiter lines. The line
// break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
// ok is false when the closing delimiter is missing.
func splitMultipart(body []byte, boundary string) (parts [][]byte, ok bool) {
	delim := []byte("--" + boundary)
	start := -1 // where the current part's content begins
	for pos := 0; pos < len(body); {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			return nil, false
		}
		at := pos + i
		lineStart := at == 0 || body[at-1] == '\n'
		rest := body[at+len(delim):]
		closing := bytes.HasPrefix(rest, []byte("--"))
		if closing {
			rest = rest[2:]
		}
		eol, lineEnd := lineEndAfter(rest)
		if !lineStart || !eol {
			pos = at + len(delim)
			continue
		}
		if start >= 0 {
			end := at
			if end > 0 && body[end-1] == '\n' {
				end--
				if end > 0 && body[end-1] == '\r' {
					end--
				}
			}
			if end < start {
				end = start
			}
			parts = append(parts, body[start:end])
		}
		if closing {
			return parts, true
		}
		start = at + len(delim) + lineEnd
		pos = start
	}
	return nil, false
}

// lineEndAfter tells whether rest continues with optional white space and
// then a line break (or the end of the data), and how many bytes that is.
func lineEndAfter(rest []byte) (ok bool, n int) {
	for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
		n++
	}
	switch {
	case n == len(rest):
		return true, n
	case rest[n] == '\n':
		return true, n + 1
	case rest[n] == '\r' && n+1 < len(rest) && rest[n+1] == '\n':
		return true, n + 2
	}
	return false, 0
}
