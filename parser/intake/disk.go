package intake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"shenbao/parser/archive"
	"shenbao/parser/mail"
)

// headSize is how much of a file is read to recognise its type.
const headSize = 4096

// diskPath visits a file or folder on disk. Top-level inputs follow
// symbolic links (the clerk named them); folder members do not.
func (w *walk) diskPath(n node, fsPath string, top bool) error {
	stat := os.Lstat
	if top {
		stat = os.Stat
	}
	fi, err := stat(fsPath)
	switch {
	case err != nil:
		return w.fail(n.item(""), osReason(err))
	case fi.Mode()&fs.ModeSymlink != 0:
		it := n.item("")
		it.Status, it.Reason = Ignored, "符号链接，未读取"
		return w.put(it, nil)
	case fi.IsDir():
		return w.folder(n, fsPath)
	case !fi.Mode().IsRegular():
		it := n.item("")
		it.Status, it.Reason = Ignored, "不是普通文件（设备、管道等），未读取"
		return w.put(it, nil)
	}
	return w.file(n, fsPath)
}

// folder visits a folder's entries in name order, then emits the folder.
func (w *walk) folder(n node, dir string) error {
	it := n.item("folder")
	entries, err := os.ReadDir(dir)
	var wg sync.WaitGroup
	for i, e := range entries {
		if err := w.spawn(&wg, func() error {
			return w.diskPath(n.member(i, e.Name()), filepath.Join(dir, e.Name()), false)
		}); err != nil {
			wg.Wait()
			return err
		}
	}
	wg.Wait()
	if err != nil {
		return w.fail(it, "无法读取文件夹："+osText(err))
	}
	it.Status = Parsed
	return w.put(it, nil)
}

// file visits a regular file. Archives and mbox files are read from disk as
// they are needed; anything else is read into memory up to MaxItemBytes.
func (w *walk) file(n node, fsPath string) error {
	n.budget, n.top = &budget{}, true
	if err := w.openFile(n, fsPath); err != nil {
		return err
	}
	return w.budgetReport(n)
}

// openFile visits the regular file of file.
func (w *walk) openFile(n node, fsPath string) error {
	f, err := os.Open(fsPath) // read-only
	if err != nil {
		return w.fail(n.item(""), osReason(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return w.fail(n.item(""), osReason(err))
	}
	size := fi.Size()
	head := make([]byte, min(size, headSize))
	if _, err := f.ReadAt(head, 0); err != nil && err != io.EOF {
		return w.fail(n.item(""), osReason(err))
	}
	if format := archive.Detect(head); format != "" && !isOfficeZip(format, n.name, f, size) {
		it := n.item(format)
		if it.Size, it.SHA256, err = hashReaderAt(f, size); err != nil {
			return w.fail(it, osReason(err))
		}
		return w.archive(n, it, format, f, size)
	}
	if mail.IsMbox(head) {
		it := n.item("mbox")
		if it.Size, it.SHA256, err = hashReaderAt(f, size); err != nil {
			return w.fail(it, osReason(err))
		}
		return w.mbox(n, it, io.NewSectionReader(f, 0, size))
	}
	if size > w.lim.MaxItemBytes {
		it := n.item("")
		if it.Size, it.SHA256, err = hashReaderAt(f, size); err != nil {
			return w.fail(it, osReason(err))
		}
		return w.fail(it, tooLargeReason(size, w.lim.MaxItemBytes))
	}
	data, err := readSized(f, size, w.lim.MaxItemBytes+1)
	if err != nil {
		return w.fail(n.item(""), osReason(err))
	}
	if int64(len(data)) > w.lim.MaxItemBytes { // grew while we read it
		it := n.item("")
		it.Size = int64(len(data))
		return w.fail(it, tooLargeReason(it.Size, w.lim.MaxItemBytes))
	}
	n.buf = newFileBuffer(data)
	err = w.data(n, data)
	n.buf.release() // everything inside the file has been walked (reuse.go)
	return err
}

// readSized reads r to its end, at most limit bytes, into one buffer sized
// for the size the file had when it was opened: io.ReadAll would grow its
// buffer a dozen times for a 1 MB email, copying and clearing each time.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	data := buffer(int(min(size, limit) + 1)) // +1 sees the end without growing
	for int64(len(data)) < limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew while we read it
		}
		room := min(int64(cap(data)), limit) - int64(len(data))
		n, err := r.Read(data[len(data) : int64(len(data))+room])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// hashReaderAt streams size bytes of r through SHA-256.
func hashReaderAt(r io.ReaderAt, size int64) (int64, string, error) {
	h := sha256.New()
	n, err := io.Copy(h, io.NewSectionReader(r, 0, size))
	if err != nil {
		return n, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// osReason words a file-system error for the clerk.
func osReason(err error) string {
	return "无法读取文件：" + osText(err)
}

func osText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}
