package serve

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Download names. They are fixed: nothing from a request or an input ever
// becomes a path on disk.
const (
	nameRegister = "合规审查登记表.xlsx"
	nameJSON     = "审查结果.json"
	nameNotices  = "补正告知书.zip"
)

const typeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// finished finds the job in the path and answers 404 or 409 unless it is
// done.
func (s *Server) finished(w http.ResponseWriter, r *http.Request) *job {
	j := s.lookup(w, r)
	if j == nil {
		return nil
	}
	switch st := j.status(); st.State {
	case Done:
		return j
	case Failed:
		fail(w, http.StatusConflict, "这次审查没有完成："+st.Error)
	default:
		fail(w, http.StatusConflict, "审查尚未完成，请稍候")
	}
	return nil
}

func (s *Server) handleResult(w http.ResponseWriter, r *http.Request) {
	if j := s.finished(w, r); j != nil {
		serveFile(w, r, j.out.JSON, "application/json; charset=utf-8", nameJSON)
	}
}

func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) {
	if j := s.finished(w, r); j != nil {
		serveFile(w, r, j.out.Register, typeXLSX, nameRegister)
	}
}

func (s *Server) handleNotices(w http.ResponseWriter, r *http.Request) {
	j := s.finished(w, r)
	if j == nil {
		return
	}
	path := filepath.Join(j.dir, "notices.zip")
	j.zipOnce.Do(func() { j.zipErr = zipFolder(path, j.out.Notices) })
	if j.zipErr != nil {
		fail(w, http.StatusInternalServerError, "无法打包告知书："+j.zipErr.Error())
		return
	}
	serveFile(w, r, path, "application/zip", nameNotices)
}

// handleScanPage serves pages/{n}.png: entry n (from 1) of scan_pages
// drawn with its rows and seals, when the job drew it.
func (s *Server) handleScanPage(w http.ResponseWriter, r *http.Request) {
	j := s.finished(w, r)
	if j == nil {
		return
	}
	file := r.PathValue("file")
	num, ok := strings.CutSuffix(file, ".png")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 || strconv.Itoa(n) != num {
		fail(w, http.StatusNotFound, "没有这一页：扫描页的地址应为 pages/页序号.png（从 1 开始），而不是“"+file+"”")
		return
	}
	path := filepath.Join(j.out.Pages, strconv.Itoa(n)+".png")
	if _, err := os.Stat(path); err != nil {
		fail(w, http.StatusNotFound, fmt.Sprintf("没有第 %d 页扫描件的图像：本次审查没有生成这一页的标注图", n))
		return
	}
	serveFile(w, r, path, "image/png", "")
}

// serveFile sends the file at path; a download name sets
// Content-Disposition (RFC 2231 encoded, so Chinese names survive).
func serveFile(w http.ResponseWriter, r *http.Request, path, ctype, download string) {
	f, err := os.Open(path)
	if err != nil {
		fail(w, http.StatusNotFound, "结果文件不存在："+filepath.Base(path))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		fail(w, http.StatusNotFound, "结果文件不存在："+filepath.Base(path))
		return
	}
	w.Header().Set("Content-Type", ctype)
	if download != "" {
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": download}))
	}
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// zipFolder writes the regular files of dir, sorted by name, into a zip at
// path. Names in the zip are UTF-8 (flagged), which Windows 10's Explorer
// and WPS read.
func zipFolder(path, dir string) (err error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	out, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.Close()
			os.Remove(path + ".tmp")
		}
	}()
	zw := zip.NewWriter(out)
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if err := addFile(zw, filepath.Join(dir, e.Name()), e.Name()); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

func addFile(zw *zip.Writer, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	hdr, err := zip.FileInfoHeader(fi)
	if err != nil {
		return err
	}
	hdr.Name, hdr.Method = name, zip.Deflate
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}
