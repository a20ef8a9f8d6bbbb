package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"shenbao/export"
	"shenbao/export/fsname"
	"shenbao/parser/seal"
	"shenbao/validate"
	"shenbao/validate/profile"
)

// registerPath is the -o value as a register path: a name without an
// extension gets .xlsx; another extension is refused, since Excel and WPS
// would not open an xlsx under it.
func registerPath(out string) (string, error) {
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return out, nil // CheckWritable says it is a folder
	}
	ext := filepath.Ext(out)
	switch {
	case strings.EqualFold(ext, ".xlsx"):
		return out, nil
	case ext == "" || strings.HasSuffix(out, "."):
		return strings.TrimSuffix(out, ".") + ".xlsx", nil
	}
	return "", fmt.Errorf("登记表文件名应以 .xlsx 结尾，现为“%s”；例如 -o 合规审查登记表.xlsx", out)
}

// checkOutputs reports, before any work, an output that cannot be written
// or replaced: a missing folder, no write permission, a file open in Excel
// or WPS.
func checkOutputs(f checkFlags) error {
	replaceable := f.replaceable
	if replaceable == nil {
		replaceable = export.CheckReplaceable
	}
	files := []struct{ path, what string }{{f.out, "登记表"}, {f.json, "JSON 结果"}, {f.report, "审查情况报告"}}
	for _, o := range files {
		if o.path == "" {
			continue
		}
		if err := export.CheckWritable(o.path); err != nil {
			return err
		}
		if err := replaceable(o.path, o.what); err != nil {
			return err
		}
	}
	if f.notices != "" {
		if err := export.CheckDir(f.notices); err != nil {
			return err
		}
		if err := export.CheckNoticesReplaceable(f.notices); err != nil {
			return err
		}
	}
	return nil
}

// noticeDate is the notices' date: the profile's notice.date, else the
// day of the run.
func noticeDate(p *profile.Profile, res *validate.Result) time.Time {
	if p.Notice.Date != "" {
		if d, err := time.ParseInLocation(time.DateOnly, p.Notice.Date, res.GeneratedAt.Location()); err == nil {
			return d
		}
	}
	return res.GeneratedAt
}

// maxListed bounds the files named in the no-material message.
const maxListed = 10

// noMaterial is the error of a run that found no window: what was read,
// by kind, and the first files with what became of them.
func noMaterial(inputs []string, res *validate.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "未找到任何申报材料（申报表、初审表、照片），登记表等输出文件均未改动。输入：%s。", strings.Join(inputs, "、"))
	var files []validate.Input // what was read, folders aside
	for _, in := range res.Inputs {
		if in.Kind != "文件夹" {
			files = append(files, in)
		}
	}
	if len(files) == 0 {
		b.WriteString("\n其中没有任何文件，请检查路径是否正确。")
		return fmt.Errorf("%s", b.String())
	}
	var kinds []string
	count := map[string]int{}
	for _, in := range files {
		if count[in.Kind] == 0 {
			kinds = append(kinds, in.Kind)
		}
		count[in.Kind]++
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %d 个", k, count[k])
	}
	fmt.Fprintf(&b, "\n共找到 %d 个文件：%s。", len(files), strings.Join(parts, "，"))
	for i, in := range files {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  ……另有 %d 个文件", len(files)-maxListed)
			break
		}
		line := "\n  " + in.Path + "：" + statusText(in.Status)
		if in.Reason != "" {
			line += "（" + in.Reason + "）"
		}
		b.WriteString(line)
	}
	b.WriteString("\n请检查输入的文件夹是否正确，或材料是否在邮件、压缩包里。")
	return fmt.Errorf("%s", b.String())
}

// statusText is the Chinese word for an input's status.
func statusText(status string) string {
	switch status {
	case "parsed":
		return "已读取"
	case "ignored":
		return "已忽略"
	case "failed":
		return "无法解析"
	case "superseded":
		return "已被新版本替代"
	}
	return status
}

// overlayName names the drawn scan pages: 1.png, 2.png … for the web page;
// for a clerk, 001_窗口名称_文件_第N页.png so that they sort as
// scan_pages does and say whose they are.
func overlayName(numbered bool) func(int, seal.Page) string {
	if numbered {
		return nil
	}
	return func(i int, pg seal.Page) string {
		window := pg.Window
		if window == "" {
			window = "未对应窗口"
		}
		return fmt.Sprintf("%03d_%s_%s", i+1, fsname.Clean(window, 90, "窗口"), export.OverlayName(pg.File, pg.Page))
	}
}
