package serve

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"shenbao/export/fsname"
)

// handleUpload takes multipart files (or one zip) into a new private
// folder and answers {"path"} to use as an input. Files are stored under a
// safe base name; an archive is stored as it came and unpacked by the
// check itself, with intake's limits like any other archive. The body is
// bounded by Limits.MaxUploadBytes and the files by MaxUploadFiles; all
// uploads together by MaxUploadTotal.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closed, used := s.closed, s.uploadBytes
	s.mu.Unlock()
	if closed {
		fail(w, http.StatusServiceUnavailable, msgStopped)
		return
	}
	if used >= s.lim.MaxUploadTotal {
		fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("已上传的文件共 %s，达到上限，请重启 shenbao 后再上传，或直接填写文件夹路径", sizeText(used)))
		return
	}
	if r.ContentLength > s.lim.MaxUploadBytes {
		fail(w, http.StatusRequestEntityTooLarge, s.tooBig())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.lim.MaxUploadBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		fail(w, http.StatusBadRequest, "上传格式有误：请用页面上的“上传文件”按钮上传")
		return
	}
	dir := filepath.Join(s.root, "uploads", rand.Text())
	if err := os.Mkdir(dir, 0o700); err != nil {
		fail(w, http.StatusInternalServerError, fmt.Sprintf("无法创建临时文件夹：%v", err))
		return
	}
	n, size, code, err := s.receive(mr, dir)
	if err == nil && n == 0 {
		code, err = http.StatusBadRequest, errors.New("没有收到文件，请选择要上传的文件")
	}
	if err != nil {
		os.RemoveAll(dir)
		fail(w, code, err.Error())
		return
	}
	s.mu.Lock()
	s.uploadBytes += size
	s.mu.Unlock()
	s.log.Info("upload stored", "files", n, "bytes", size)
	writeJSON(w, http.StatusOK, map[string]any{"path": dir, "files": n, "bytes": size})
}

// receive writes each file part into dir; it returns the files and bytes
// written, or an HTTP status and a message for the clerk.
func (s *Server) receive(mr *multipart.Reader, dir string) (n int, size int64, code int, err error) {
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return n, size, 0, nil
		}
		if err != nil {
			if isTooBig(err) {
				return n, size, http.StatusRequestEntityTooLarge, errors.New(s.tooBig())
			}
			return n, size, http.StatusBadRequest, errors.New("上传中断或格式有误，请重新上传")
		}
		if part.FileName() == "" {
			part.Close()
			continue // a plain form field
		}
		if n >= s.lim.MaxUploadFiles {
			part.Close()
			return n, size, http.StatusRequestEntityTooLarge, fmt.Errorf("一次最多上传 %d 个文件；文件更多时请压缩成一个 zip，或直接填写文件夹路径", s.lim.MaxUploadFiles)
		}
		written, err := store(part, dir, part.FileName())
		part.Close()
		size += written
		if err != nil {
			if isTooBig(err) {
				return n, size, http.StatusRequestEntityTooLarge, errors.New(s.tooBig())
			}
			return n, size, http.StatusInternalServerError, fmt.Errorf("保存上传的文件“%s”失败：%v", safeName(part.FileName()), err)
		}
		n++
	}
}

func (s *Server) tooBig() string {
	return fmt.Sprintf("上传的文件超过 %s 的上限；材料较多时请直接填写文件夹路径", sizeText(s.lim.MaxUploadBytes))
}

func isTooBig(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// store copies r into dir under a safe, unused version of name.
func store(r io.Reader, dir, name string) (int64, error) {
	base := safeName(name)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for i := 1; ; i++ {
		candidate := base
		if i > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		f, err := os.OpenFile(filepath.Join(dir, candidate), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		n, err := io.Copy(f, r)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return n, err
	}
}

// maxNameBytes bounds a stored file name (Windows allows 255 UTF-16 units).
const maxNameBytes = 180

// safeName reduces an uploaded file name to one element that is a valid
// name on Windows, macOS and Linux, at most maxNameBytes long.
func safeName(name string) string {
	return fsname.Clean(name, maxNameBytes, "上传的文件")
}

// sizeText writes a byte count the way the page does (MB / GB).
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
}
