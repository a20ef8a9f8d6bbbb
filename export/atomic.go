package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckWritable reports, before any work is done, whether a file can be
// written at path: its folder must exist and accept new files, and path must
// not be a folder. The error is a Chinese message for the clerk.
func CheckWritable(path string) error {
	if path == "" {
		return errors.New("输出路径为空")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("输出路径 %q 是一个文件夹，请给出文件名", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("输出文件夹 %q 不存在或无法访问，请先创建该文件夹", dir)
	}
	if !fi.IsDir() {
		return fmt.Errorf("输出路径 %q 的上级 %q 不是文件夹", path, dir)
	}
	probe, err := os.CreateTemp(dir, ".shenbao-probe-*")
	if err != nil {
		return fmt.Errorf("无法在文件夹 %q 中写入文件（没有写权限或磁盘已满），请换一个输出位置", dir)
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
		return fmt.Errorf("告知书输出文件夹 %q 无法访问，请换一个输出位置", dir)
	case !fi.IsDir():
		return fmt.Errorf("告知书输出路径 %q 是一个文件，不是文件夹", dir)
	}
	return CheckWritable(filepath.Join(dir, "告知书.docx"))
}

// writeAtomic writes path by calling write on a temporary file in the same
// folder, syncing it and renaming it over path. On any error the temporary
// file is removed and path is left as it was.
func writeAtomic(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temp file for %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
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
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}
