package docx

import (
	"bytes"
	"io"
	"unicode/utf8"

	"shenbao/parser/word"
)

// textCap passes an XML part through, dropping the part of any run of
// character data (the bytes between '>' and the next '<') past capRun bytes.
// A paragraph keeps word.MaxParagraphBytes anyway, and encoding/xml
// decodes text one byte at a time into a buffer that doubles: a 50 MB text
// node cost seconds and hundreds of megabytes before the paragraph cut it.
// The cut falls on a character boundary outside an entity reference, so
// what passes stays well-formed, and the kept run is still longer than a
// paragraph may be, so the paragraph records the cut. Quoted attribute
// values are followed, so a '>' inside one does not end its tag. Parts in
// UTF-16 (a byte-order mark first) pass unchanged.
type textCap struct {
	r       io.Reader
	limit   int  // bytes kept of one run; 0 means capRun
	started bool // the first bytes were looked at
	utf16   bool
	inRun   bool // between '>' and '<'
	quote   byte // the quote of the attribute value being passed, or 0
	run     int  // bytes of the current run passed so far
	amp     bool // the run passed so far ends inside an entity reference ("&am")
	cutting bool // dropping the rest of the current run
}

// capRun is the character data kept of one run.
const capRun = word.MaxParagraphBytes + 64

func (c *textCap) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		if !c.started && n > 0 {
			c.started = true
			c.utf16 = n >= 2 && (p[0] == 0xFF && p[1] == 0xFE || p[0] == 0xFE && p[1] == 0xFF)
		}
		if c.utf16 {
			return n, err
		}
		m := c.filter(p[:n])
		if m > 0 || err != nil {
			return m, err
		}
	}
}

// filter compacts buf in place and returns the bytes kept.
func (c *textCap) filter(buf []byte) int {
	w := 0
	for i := 0; i < len(buf); {
		if !c.inRun {
			end := c.markupEnd(buf[i:])
			if end >= 0 {
				end += i + 1
				c.inRun, c.run, c.amp, c.cutting = true, 0, false, false
			} else {
				end = len(buf)
			}
			w += copy(buf[w:], buf[i:end])
			i = end
			continue
		}
		j := bytes.IndexByte(buf[i:], '<')
		end := len(buf)
		if j >= 0 {
			end = i + j
		}
		seg := buf[i:end]
		if !c.cutting {
			limit := c.limit
			if limit <= 0 {
				limit = capRun
			}
			keep := len(seg)
			if c.run+keep > limit {
				keep = c.cutPoint(seg, max(limit-c.run, 0))
			}
			c.track(seg[:keep])
			w += copy(buf[w:], seg[:keep])
			c.run += keep
		}
		i = end
		if j >= 0 {
			c.inRun = false // the '<' goes out with the markup
		}
	}
	return w
}

// cutPoint returns the first offset at or after at in seg where the run may
// end: a character boundary outside an entity reference. When seg ends
// first, all of seg is kept and the cut moves to the next piece.
func (c *textCap) cutPoint(seg []byte, at int) int {
	amp := c.amp
	if at > 0 {
		c2 := *c
		c2.track(seg[:at])
		amp = c2.amp
	}
	for k := at; k < len(seg); k++ {
		if !amp && utf8.RuneStart(seg[k]) {
			c.cutting = true
			return k
		}
		switch seg[k] {
		case '&':
			amp = true
		case ';':
			amp = false
		}
	}
	return len(seg)
}

// track notes whether the bytes passed end inside an entity reference.
func (c *textCap) track(b []byte) {
	a, s := bytes.LastIndexByte(b, '&'), bytes.LastIndexByte(b, ';')
	switch {
	case a > s:
		c.amp = true
	case s > a:
		c.amp = false
	}
}

// markupEnd returns the index of the '>' that ends the tag being passed, or
// -1 when b ends first.
func (c *textCap) markupEnd(b []byte) int {
	for k, ch := range b {
		switch {
		case c.quote != 0:
			if ch == c.quote {
				c.quote = 0
			}
		case ch == '"' || ch == '\'':
			c.quote = ch
		case ch == '>':
			return k
		}
	}
	return -1
}
