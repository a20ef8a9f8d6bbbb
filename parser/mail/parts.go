package mail

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/jhillyerd/enmime/v2"

	"shenbao/parser/problem"
	"shenbao/parser/text"
)

// maxDepth bounds MIME nesting walked; enmime itself bounds nothing.
const maxDepth = 50

// maxGuesses bounds the multiparts re-read with a guessed boundary.
const maxGuesses = 3

// collector walks enmime's part tree and fills a Message.
type collector struct {
	msg       *Message
	lim       Limits
	parser    *enmime.Parser // to re-read multiparts without a boundary
	guesses   int
	plain     []string
	html      []string
	rich      []string // text/enriched and text/richtext, as plain text
	forwarded int
	dropped   int
	problems  map[problem.Problem]bool
}

func (c *collector) problem(s problem.Problem) {
	if c.problems == nil {
		c.problems = map[problem.Problem]bool{}
	}
	if c.problems[s] || len(c.msg.Problems) >= maxProblems {
		return
	}
	c.problems[s] = true
	c.msg.Problems = append(c.msg.Problems, s)
}

// walk visits p and its descendants in MIME order.
func (c *collector) walk(p *enmime.Part, depth int) {
	for _, e := range p.Errors {
		if code := translate(e); code != "" {
			c.problem(problem.Problem{Code: code})
		}
	}
	if depth > maxDepth {
		c.problem(problem.Problem{Code: problem.TooDeep, Limit: maxDepth})
		return
	}
	if p.FirstChild != nil {
		for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
			c.walk(ch, depth+1)
		}
		return
	}
	if strings.HasPrefix(strings.ToLower(p.ContentType), "multipart/") {
		c.noBoundary(p, depth)
		return
	}
	c.leaf(p)
}

// noBoundary reads a multipart whose boundary parameter is missing, using
// the first "--" line of its body as the boundary.
func (c *collector) noBoundary(p *enmime.Part, depth int) {
	if len(bytes.TrimSpace(p.Content)) == 0 {
		return // an empty multipart
	}
	if b := guessBoundary(p.Content); b != "" && c.parser != nil && c.guesses < maxGuesses {
		c.guesses++ // each guess re-reads the part: a few per message at most
		sub := append([]byte("Content-Type: multipart/mixed; boundary=\""+b+"\"\r\n\r\n"), p.Content...)
		if root, err := c.parser.ReadParts(bytes.NewReader(sub)); err == nil && root.FirstChild != nil {
			c.problem(problem.Problem{Code: problem.BoundaryGuessed})
			c.walk(root, depth+1)
			return
		}
	}
	c.problem(problem.Problem{Code: problem.BoundaryMissing})
}

// guessBoundary returns the boundary of the first "--boundary" line.
func guessBoundary(body []byte) string {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		line = bytes.TrimRight(line, "\r \t")
		if len(line) > 2 && len(line) <= 200 && bytes.HasPrefix(line, []byte("--")) && !bytes.ContainsAny(line, "\"\x00") {
			return strings.TrimSuffix(string(line[2:]), "--")
		}
	}
	return ""
}

// leaf sorts one leaf part into body text or Parts.
func (c *collector) leaf(p *enmime.Part) {
	ctype := strings.ToLower(p.ContentType)
	if ctype == "" {
		ctype = "text/plain"
		if p.Parent != nil && strings.EqualFold(p.Parent.ContentType, "multipart/digest") {
			ctype = "message/rfc822" // the default inside a digest (RFC 2046 §5.1.5)
		}
	}
	content := cutAtDelimiter(p.Content, p)
	disp, dparams := parseParams(p.Header.Get("Content-Disposition"))
	_, cparams := parseParams(p.Header.Get("Content-Type"))
	name := firstNonEmpty(dparams["filename"], cparams["name"], dparams["name"], cparams["filename"], p.FileName)
	cte := p.Header.Get("Content-Transfer-Encoding")
	if bodyTypes[ctype] && disp != "attachment" && name == "" {
		c.body(p, ctype, cte, cparams["charset"], content)
		return
	}
	data, owned, err := decodeTransfer(cte, content)
	if err != nil {
		c.problem(problem.Problem{Code: problem.PartEncoding, Where: displayOr(name, ctype), Detail: err.Error()})
	}
	if isUUEncoding(cte) {
		if f, ok := uudecodeFirst(content); ok {
			raw, _ := decodeCharset("", f.Name)
			data, name, owned = f.Data, firstNonEmpty(name, raw), false
		}
	}
	c.file(p, ctype, disp, name, data, owned)
}

// bodyTypes are the media types read as body text when they are not
// attachments: plain text, HTML and the rich-text formats of old clients.
var bodyTypes = map[string]bool{"text/plain": true, "text/html": true, "text/enriched": true, "text/richtext": true}

// body adds a body part's text. An enriched or richtext rendering counts as
// plain text, except as an alternative, where it is read only when there is
// neither a plain nor an HTML one. Files uuencoded into plain text are taken
// out of it and listed as the attachments they are.
func (c *collector) body(p *enmime.Part, ctype, cte, charset string, content []byte) {
	data, _, err := decodeTransfer(cte, content)
	if err != nil {
		c.problem(problem.Problem{Code: problem.BodyEncoding, Detail: err.Error()})
	}
	if ctype == "text/plain" {
		var files []uuFile
		data, files = extractUU(data)
		for _, f := range files {
			name, _ := decodeCharset("", f.Name)
			c.file(nil, mimeByExt(name), "attachment", name, f.Data, false)
		}
	}
	if charset == "" && ctype == "text/html" {
		charset = metaCharset(data)
	}
	s, ok := decodeCharset(charset, data)
	if !ok {
		c.problem(problem.Problem{Code: problem.CharsetUnknown, Detail: text.Clip(charset, 30)})
	}
	switch ctype {
	case "text/html":
		c.html = append(c.html, s)
	case "text/enriched", "text/richtext":
		s = enrichedToText(s, ctype == "text/richtext")
		if p.Parent != nil && strings.EqualFold(p.Parent.ContentType, "multipart/alternative") {
			c.rich = append(c.rich, s) // another rendering of the plain text, if there is one
		} else {
			c.plain = append(c.plain, s)
		}
	default:
		c.plain = append(c.plain, s)
	}
}

// file adds one file part; p is nil for files found inside body text.
// owned says data is a decoded buffer of its own (Part.Owned).
func (c *collector) file(p *enmime.Part, ctype, disp, name string, data []byte, owned bool) {
	if len(c.msg.Parts) >= c.lim.maxParts() {
		c.dropped++
		return
	}
	part := Part{
		Name:        baseName(name),
		ContentType: ctype,
		Data:        data,
		Owned:       owned,
		Inline:      disp == "inline" || disp == "" && p != nil && inRelated(p),
	}
	lower := strings.ToLower(part.Name)
	if ctype == "message/rfc822" || ctype == "message/global" ||
		strings.HasSuffix(lower, ".eml") && (ctype == "application/octet-stream" || strings.HasPrefix(ctype, "message/") || IsEML(data)) {
		part.Message = true
	}
	c.add(part)
}

// add appends a file part, naming it when the mail gave no name: forwarded
// messages 转发邮件N.eml, other parts 附件N with an extension for their type.
func (c *collector) add(p Part) {
	if p.Message {
		c.forwarded++
		if p.Name == "" {
			p.Name = fmt.Sprintf("转发邮件%d.eml", c.forwarded)
		}
	}
	if p.Name == "" {
		p.Name = fmt.Sprintf("附件%d%s", len(c.msg.Parts)+1, extFor(p.ContentType))
	}
	c.msg.Parts = append(c.msg.Parts, p)
}

// finish sets the body text and the summary problems.
func (c *collector) finish() {
	if len(c.plain) > 0 {
		c.msg.Text = strings.Join(c.plain, "\n\n")
	} else if len(c.html) > 0 {
		c.msg.Text = htmlToText(strings.Join(c.html, "\n"))
	} else if len(c.rich) > 0 {
		c.msg.Text = strings.Join(c.rich, "\n\n")
	}
	c.msg.Text = normalizeText(c.msg.Text)
	if c.dropped > 0 {
		c.problem(problem.Problem{Code: problem.PartsDropped, Limit: c.lim.maxParts(), Count: c.dropped})
	}
}

// baseName sanitises a decoded file name for display: control characters
// go, and leading directories ("C:\fakepath\申报表.docx") are cut off.
func baseName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F {
			return -1 // bidi controls can disguise an extension (申报表\u202Excod.exe)
		}
		return r
	}, name)
	name = strings.TrimRight(cleanText(name), `/\ `)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		if rest := strings.TrimSpace(name[i+1:]); rest != "" {
			name = rest
		}
	}
	name = strings.Trim(name, " .")
	if name == "" {
		return ""
	}
	if len(name) > 255 {
		ext := path.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		name = strings.ToValidUTF8(name[:255-len(ext)], "") + ext
	}
	return name
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func displayOr(name, ctype string) string {
	if name != "" {
		return baseName(name)
	}
	return ctype
}

// extFor gives a file extension for a made-up part name.
func extFor(ctype string) string {
	switch ctype {
	case "application/pdf":
		return ".pdf"
	case "application/msword":
		return ".doc"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return ".docx"
	case "application/vnd.ms-excel":
		return ".xls"
	case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
		return ".xlsx"
	case "application/zip", "application/x-zip-compressed":
		return ".zip"
	case "application/x-7z-compressed":
		return ".7z"
	case "application/x-rar-compressed", "application/vnd.rar":
		return ".rar"
	case "application/ms-tnef", "application/vnd.ms-tnef":
		return ".dat"
	case "image/jpeg", "image/jpg", "image/pjpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	case "image/bmp":
		return ".bmp"
	case "text/plain":
		return ".txt"
	case "text/html":
		return ".html"
	case "message/rfc822":
		return ".eml"
	}
	return ".bin"
}

// normalizeText gives body text "\n" line ends and no control characters
// other than tab and newline.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0x7f || r == 0xfeff:
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// inRelated reports whether p is a resource of a multipart/related body,
// such as a signature image referenced by its Content-ID.
func inRelated(p *enmime.Part) bool {
	return p.Parent != nil && strings.EqualFold(p.Parent.ContentType, "multipart/related") && p.ContentID != ""
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)`)

// metaCharset finds the charset an HTML body declares in a meta tag.
func metaCharset(data []byte) string {
	head := data[:min(len(data), 4096)]
	if m := metaCharsetRe.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}
