package pipeline

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/textproto"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sync/errgroup"

	"shenbao/samples/scale"
)

// floor does only the work no check of dir's mail can avoid, on jobs
// workers: read every file, SHA-256 it, base64-decode every attachment,
// SHA-256 it, and inflate every member of the zip-based (docx) ones. It
// returns the bytes read. The check's time over the floor's is what the
// pipeline adds: parsing, rules, the register and the JSON.
func floor(dir string, jobs int) (int64, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	sizes := make([]int64, len(files))
	var g errgroup.Group
	g.SetLimit(jobs)
	for i, name := range files {
		g.Go(func() error {
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			sizes[i] = int64(len(data))
			sha256.Sum256(data)
			return floorMail(data)
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	var total int64
	for _, n := range sizes {
		total += n
	}
	return total, nil
}

// floorMail decodes, hashes and inflates the attachments of one message
// held in memory, cutting it at its boundaries without copying, as the mail
// parser does.
func floorMail(data []byte) error {
	head, body, ok := cutHeader(data)
	if !ok {
		return nil
	}
	h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(head))).ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		return fmt.Errorf("header: %w", err)
	}
	mt, params, _ := mime.ParseMediaType(h.Get("Content-Type"))
	if strings.HasPrefix(mt, "multipart/") && params["boundary"] != "" {
		delim := []byte("\n--" + params["boundary"])
		for {
			i := bytes.Index(body, delim)
			if i < 0 {
				return nil
			}
			body = body[i+len(delim):]
			if bytes.HasPrefix(body, []byte("--")) {
				return nil
			}
			end := bytes.Index(body, delim)
			if end < 0 {
				end = len(body)
			}
			if j := bytes.IndexByte(body, '\n'); j >= 0 && j < end {
				if err := floorMail(body[j+1 : end]); err != nil {
					return err
				}
			}
			body = body[end:]
		}
	}
	if !strings.EqualFold(strings.TrimSpace(h.Get("Content-Transfer-Encoding")), "base64") {
		return nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(body)))
	n, err := base64.StdEncoding.Decode(out, body)
	if err != nil {
		return fmt.Errorf("base64: %w", err)
	}
	out = out[:n]
	sha256.Sum256(out)
	if !bytes.HasPrefix(out, []byte("PK\x03\x04")) {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// cutHeader splits a message or part at the blank line after its header.
func cutHeader(data []byte) (head, body []byte, ok bool) {
	if i := bytes.Index(data, []byte("\r\n\r\n")); i >= 0 {
		return data[:i+4], data[i+4:], true
	}
	if i := bytes.Index(data, []byte("\n\n")); i >= 0 {
		return data[:i+2], data[i+2:], true
	}
	return nil, nil, false
}

// TestFloor holds the floor to its work: every byte read, every attachment
// decoded, the forms' members inflated without error.
func TestFloor(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "export")
	size, err := scale.Write(dir, scale.Options{Windows: 3})
	if err != nil {
		t.Fatal(err)
	}
	got, err := floor(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got != size {
		t.Errorf("floor read %d bytes, the export has %d", got, size)
	}
	data, err := os.ReadFile(filepath.Join(dir, "00001.eml"))
	if err != nil {
		t.Fatal(err)
	}
	// A broken form must be noticed, so the floor cannot skip the inflating.
	i := bytes.Index(data, []byte("UEsDB")) // the base64 of a zip's first bytes
	if i < 0 {
		t.Fatal("no zip attachment in the generated mail")
	}
	bad := slices.Clone(data)
	copy(bad[i+200:], bytes.Repeat([]byte("A"), 400))
	if err := floorMail(bad); err == nil {
		t.Error("floorMail accepted a damaged docx")
	}
}
