package doc

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// mhtPart is one resource of an MHT archive.
type mhtPart struct {
	contentType string
	body        []byte
}

// Limits of the MHT reader.
const (
	maxMHTParts    = 1000
	maxMHTPartSize = 64 << 20
)

// htmlPage returns the HTML of data: data itself, or the first text/html
// part of an MHT archive with its Content-Type and the other parts.
func htmlPage(data []byte) ([]byte, string, map[string]mhtPart, error) {
	head := strings.TrimLeft(strings.ToLower(string(data[:min(len(data), 4096)])), " \r\n\t")
	if strings.HasPrefix(head, "<") || !strings.Contains(head, "content-type:") {
		return data, "", nil, nil
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, "", nil, err
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, "", nil, err
	}
	if !strings.HasPrefix(mt, "multipart/") {
		body, err := decodePart(msg.Body, msg.Header.Get("Content-Transfer-Encoding"))
		return body, msg.Header.Get("Content-Type"), nil, err
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var page []byte
	var pageType string
	parts := map[string]mhtPart{}
	for i := 0; i < maxMHTParts; i++ {
		p, err := mr.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if page != nil {
				break
			}
			return nil, "", nil, err
		}
		body, err := decodePart(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			continue
		}
		ct := p.Header.Get("Content-Type")
		if page == nil && strings.HasPrefix(strings.ToLower(ct), "text/html") {
			page, pageType = body, ct
			continue
		}
		pt, _, _ := mime.ParseMediaType(ct)
		part := mhtPart{contentType: pt, body: body}
		if loc := p.Header.Get("Content-Location"); loc != "" {
			parts[loc] = part
			parts[loc[strings.LastIndex(loc, "/")+1:]] = part
		}
		if id := strings.Trim(p.Header.Get("Content-ID"), "<>"); id != "" {
			parts[id] = part
		}
	}
	if page == nil {
		return nil, "", nil, errors.New("mht archive has no text/html part")
	}
	return page, pageType, parts, nil
}

func decodePart(r io.Reader, cte string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	return readLimited(r, maxMHTPartSize)
}
