package mail

import (
	"bytes"
	"regexp"
)

// maxRepairBoundaries bounds the boundaries the repair pass looks for.
const maxRepairBoundaries = 64

// repairRunOnHeaders inserts the blank line that ends a part's header block
// where a mail client left it out and the body runs straight on after the
// last header field (seen in Gmail exports and old clients). Without it
// enmime folds the body into the last header as an unindented continuation,
// and the part becomes an empty file named after its own base64.
//
// Only header blocks that follow a delimiter line of a declared boundary are
// looked at. The body is taken to start at the first line that is neither a
// header field nor an indented continuation, provided no header field
// follows it before the next blank or delimiter line; a stray unindented
// line between header fields stays enmime's business. data is returned
// unchanged, not copied, when nothing needs repair: the fast path for
// well-formed mail costs one search per boundary.
func repairRunOnHeaders(data []byte) []byte {
	bounds := declaredBoundaries(data)
	if len(bounds) == 0 {
		return data
	}
	var cuts []int // offsets where a blank line goes in
	for pos := 0; pos < len(data); {
		i := indexLineDashes(data, pos)
		if i < 0 {
			break
		}
		lineStart := i + 1
		line, next := lineAt(data, lineStart)
		pos = next
		if !isDelimiter(line, bounds) {
			continue
		}
		if cut, ok := runOnBody(data, next, bounds); ok {
			cuts = append(cuts, cut)
		}
	}
	if len(cuts) == 0 {
		return data
	}
	out := make([]byte, 0, len(data)+2*len(cuts))
	last := 0
	for _, c := range cuts {
		out = append(out, data[last:c]...)
		if c >= 2 && data[c-2] == '\r' {
			out = append(out, '\r')
		}
		out = append(out, '\n')
		last = c
	}
	return append(out, data[last:]...)
}

// indexLineDashes returns the offset of the first "\n--" in data at or after
// from, or -1: bytes.Index(data[from:], "\n--") plus from. It looks for the
// dashes, not the line break: base64 bodies have a line break every 76
// bytes but no '-', so IndexByte skips a whole attachment at once.
func indexLineDashes(data []byte, from int) int {
	for k := from + 1; k < len(data); k++ {
		j := bytes.IndexByte(data[k:], '-')
		if j < 0 {
			return -1
		}
		k += j
		if data[k-1] == '\n' && k+1 < len(data) && data[k+1] == '-' {
			return k - 1
		}
	}
	return -1
}

// declaredBoundaries returns the distinct boundary values in data.
func declaredBoundaries(data []byte) map[string]bool {
	if !bytes.Contains(data, []byte("oundary")) && !bytes.Contains(data, []byte("OUNDARY")) {
		return nil
	}
	bounds := map[string]bool{}
	for _, m := range findBoundaryParams(data, maxRepairBoundaries) {
		b := m[1]
		if b == nil {
			b = m[2]
		}
		bounds[string(b)] = true
	}
	return bounds
}

// boundaryAt finds a boundary parameter, quoted or not, at the start of its
// input.
var boundaryAt = regexp.MustCompile(`^(?i:boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200})))`)

// findBoundaryParams returns the first n boundary parameters a message
// declares anywhere in its bytes (a header of any part), as
// regexp.FindAllSubmatch would with boundaryAt unanchored, but without
// running a case-insensitive pattern over every byte of the attachments
// (seconds for a few hundred megabytes of mail): every match has an '=',
// which base64 holds only as padding, after "boundary" and white space, so
// the pattern is tried only where an '=' follows that word.
func findBoundaryParams(data []byte, n int) [][][]byte {
	var out [][][]byte
	done := 0 // matches do not overlap: the next starts after the last
	for i := 0; len(out) < n; i++ {
		j := bytes.IndexByte(data[i:], '=')
		if j < 0 {
			break
		}
		i += j
		start := i
		for start > 0 && isRegexpSpace(data[start-1]) {
			start--
		}
		start -= len("boundary")
		if start < max(done, 0) || !bytes.EqualFold(data[start:start+len("boundary")], []byte("boundary")) {
			continue
		}
		m := boundaryAt.FindSubmatchIndex(data[start:])
		if m == nil {
			continue
		}
		match := make([][]byte, 3)
		for k := range match {
			if m[2*k] >= 0 {
				match[k] = data[start+m[2*k] : start+m[2*k+1] : start+m[2*k+1]]
			}
		}
		out = append(out, match)
		done = start + m[1]
		i = done - 1
	}
	return out
}

// isRegexpSpace is \s of the regexp package.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// lineAt returns the line starting at start without its line break, and the
// offset of the next line.
func lineAt(data []byte, start int) (line []byte, next int) {
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		return bytes.TrimRight(data[start:], "\r"), len(data)
	}
	return bytes.TrimRight(data[start:start+end], "\r"), start + end + 1
}

// isDelimiter reports whether line is "--boundary" or "--boundary--" of one
// of bounds, trailing white space allowed.
func isDelimiter(line []byte, bounds map[string]bool) bool {
	line = bytes.TrimRight(line, " \t")
	if !bytes.HasPrefix(line, []byte("--")) {
		return false
	}
	b := line[2:]
	if bounds[string(b)] {
		return true
	}
	return bytes.HasSuffix(b, []byte("--")) && bounds[string(b[:len(b)-2])]
}

// runOnBody looks at the header block starting at start and returns the
// offset of the line where its body runs on, if it does.
func runOnBody(data []byte, start int, bounds map[string]bool) (int, bool) {
	fields := 0
	for pos := start; pos < len(data); {
		line, next := lineAt(data, pos)
		switch {
		case len(bytes.TrimSpace(line)) == 0 || isDelimiter(line, bounds):
			return 0, false // a proper end, or an empty part
		case line[0] == ' ' || line[0] == '\t':
			// a continuation
		case isFieldLine(line):
			fields++
		default:
			if fields == 0 || fieldFollows(data, next, bounds) {
				return 0, false
			}
			return pos, true
		}
		pos = next
	}
	return 0, false
}

// fieldFollows reports whether a header field line comes before the next
// blank or delimiter line (at most 50 lines on).
func fieldFollows(data []byte, pos int, bounds map[string]bool) bool {
	for n := 0; pos < len(data) && n < 50; n++ {
		line, next := lineAt(data, pos)
		if len(bytes.TrimSpace(line)) == 0 || isDelimiter(line, bounds) {
			return false
		}
		if isFieldLine(line) {
			return true
		}
		pos = next
	}
	return false
}

// isFieldLine reports whether line is "Name: value" with a field name of
// printable ASCII.
func isFieldLine(line []byte) bool {
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 || colon > 76 {
		return false
	}
	for _, c := range line[:colon] {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}
