package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckWritable reports, before any work is done, whether a file can be
// written at path: its folder must exist and accept new files, and path must
// not be a folder. The error is a Chinese message for the clerk.
func CheckWritable(path string) error {
	if path == "" {
		return errors.New("输出路径为空")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("输出路径“%s”是一个文件夹，请给出文件名", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("输出文件夹“%s”不存在或无法访问，请先创建该文件夹", dir)
	}
	if !fi.IsDir() {
		return fmt.Errorf("输出路径“%s”的上级“%s”不是文件夹", path, dir)
	}
	probe, err := os.CreateTemp(dir, ".shenbao-probe-*")
	if err != nil {
		return fmt.Errorf("无法在文件夹“%s”中写入文件（没有写权限或磁盘已满），请换一个输出位置", dir)
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	return nil
}

// CheckDir reports, before any work is done, whether the notices can be
// written into dir: an existing dir must be a writable folder; a missing
// one is created by WriteNotices, so its parent must exist and be
// writable. The error is a Chinese message for the clerk.
func CheckDir(dir string) error {
	if dir == "" {
		return errors.New("告知书输出文件夹为空")
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return CheckWritable(dir)
	case err != nil:
		return fmt.Errorf("告知书输出文件夹“%s”无法访问，请换一个输出位置", dir)
	case !fi.IsDir():
		return fmt.Errorf("告知书输出路径“%s”是一个文件，不是文件夹", dir)
	}
	return CheckWritable(filepath.Join(dir, "告知书.docx"))
}

// writeAtomic writes path by calling write on a temporary file in the same
// folder, syncing it and renaming it over path. On any error the temporary
// file is removed and path is left as it was. When only the final rename
// fails over an existing file — on Windows, a register open in Excel or
// WPS — the result is kept under a free name beside it and a *MovedError
// says where, so a long run is never lost.
func writeAtomic(path string, write func(w io.Writer) error) error {
	return writeAtomicWith(path, write, os.Rename)
}

// writeAtomicWith is writeAtomic with the rename to use.
func writeAtomicWith(path string, write func(w io.Writer) error, rename func(from, to string) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temp file for %s: %w", path, err)
	}
	name := tmp.Name()
	kept := false
	defer func() {
		if !kept {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", name, err)
	}
	if err = os.Chmod(name, 0o644); err != nil {
		return fmt.Errorf("chmod %s: %w", name, err)
	}
	err = rename(name, path)
	if err == nil {
		kept = true
		return nil
	}
	if _, statErr := os.Stat(path); statErr != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	for _, alt := range freeNames(path) {
		if _, statErr := os.Lstat(alt); statErr == nil {
			continue
		}
		if rename(name, alt) == nil {
			kept = true
			return &MovedError{Wanted: path, Written: alt, Err: err}
		}
	}
	return fmt.Errorf("rename %s: %w", path, err)
}

// freeNames are the names tried beside path when it cannot be replaced:
// 合规审查登记表(1).xlsx … 合规审查登记表(99).xlsx.
func freeNames(path string) []string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	out := make([]string, 99)
	for i := range out {
		out[i] = fmt.Sprintf("%s(%d)%s", stem, i+1, ext)
	}
	return out
}

// MovedError reports an output written under another name because the
// file at Wanted could not be replaced (open in Excel or WPS, read-only).
// The output is complete at Written; the error is for telling the clerk.
type MovedError struct {
	Wanted, Written string
	Err             error // why the replace failed
	// More counts further files moved the same way (notices).
	More int
}

func (e *MovedError) Error() string {
	msg := fmt.Sprintf("“%s”无法替换（可能正被 Excel/WPS 打开），本次结果已另存为“%s”", e.Wanted, e.Written)
	if e.More > 0 {
		msg += fmt.Sprintf("；另有 %d 个文件同样另存（文件名后加了序号）", e.More)
	}
	return msg
}

func (e *MovedError) Unwrap() error { return e.Err }

// CheckReplaceable reports, before any work is done, whether an existing
// file at path can be replaced: on Windows a file open in Excel or WPS
// refuses to be opened for writing, as does a read-only file anywhere.
// what names the output for the clerk (登记表, JSON 结果). A missing file
// is fine.
func CheckReplaceable(path, what string) error {
	return checkReplaceable(path, what, func(p string) error {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		return f.Close()
	})
}

func checkReplaceable(path, what string, open func(string) error) error {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	// A read-only file cannot be replaced on Windows (the rename fails at
	// the very end), so it is refused everywhere, even where the owner
	// could rename over it.
	if err := open(path); err != nil || fi.Mode().Perm()&0o200 == 0 {
		name := filepath.Base(path)
		return fmt.Errorf("%s正被其他程序打开（或是只读文件），无法覆盖：请先关闭 Excel/WPS 中的“%s”，再重新运行（文件位置：%s）", what, name, path)
	}
	return nil
}

// CheckNoticesReplaceable is CheckReplaceable for the notices already in
// dir: any of them may be overwritten by this run.
func CheckNoticesReplaceable(dir string) error {
	old, _ := filepath.Glob(filepath.Join(dir, "*告知书.docx"))
	for _, p := range old {
		if err := CheckReplaceable(p, "告知书"); err != nil {
			return err
		}
	}
	return nil
}
