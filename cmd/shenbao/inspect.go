package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"shenbao/export"
	"shenbao/parser/classify"
	"shenbao/parser/seal"
	"shenbao/validate/profile"
)

// inspection is what `shenbao inspect` prints for one file: its name, format
// and kind, then what the parse stage read (the document model and the
// extracted forms, or the scan records).
type inspection struct {
	File   string `json:"file"`
	Format string `json:"format"`
	Kind   string `json:"kind"` // 申报表, 初审表, 申报表+初审表, Word文档, 扫描记录
	*classify.Result
}

// pageInspection is what `shenbao inspect` prints for a scan image or PDF:
// what each page shows (SPEC §2 scan_pages).
type pageInspection struct {
	Pages []seal.Page `json:"pages"`
}

func runInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("inspect", "inspect [--profile 名称] [--overlay 文件夹] 文件（.docx/.doc/.wps/.rtf，扫描记录 .csv/.xlsx/.json，或扫描件 .jpg/.png/.tif/.pdf）", stderr)
	name := fs.String("profile", "qingfeng-liaoning", "评选规则配置：内置`名称`或 YAML 文件路径")
	overlay := fs.String("overlay", "", "扫描件：把每页画上识别出的审核栏和印章，存为 PNG 放在此`文件夹`")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("请指定要查看的一个文件，例如：shenbao inspect 申报表.docx（运行 shenbao inspect -h 查看用法）")
	}
	p, err := profile.Load(*name)
	if err != nil {
		return err
	}
	out, data, err := inspectFile(files[0], p)
	if err != nil {
		return err
	}
	var v any = out
	if out.Kind == classify.ScanImage.Label() {
		v = pageInspection{Pages: out.ScanPages}
		if *overlay != "" {
			if err := writeOverlays(*overlay, data, out.ScanPages, stderr); err != nil {
				return err
			}
		}
	} else if *overlay != "" {
		return fmt.Errorf("--overlay 只用于扫描件（图片或 PDF），“%s”不是扫描件", files[0])
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func inspectFile(path string, p *profile.Profile) (*inspection, []byte, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("找不到文件“%s”，请检查路径", path)
	case err != nil:
		return nil, nil, fmt.Errorf("无法访问文件“%s”（没有读取权限？）", path)
	case fi.IsDir():
		return nil, nil, fmt.Errorf("“%s”是一个文件夹；inspect 只看一个文件，审查整个文件夹请用 shenbao check", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("无法读取文件“%s”（没有读取权限或文件正被占用）", path)
	}
	// As under --scans, so that a spreadsheet is read as scan metadata.
	r := classify.File(classify.Input{Name: filepath.Base(path), Source: path, Data: data, Scan: true}, p.Specs())
	switch {
	case r.Kind == classify.Failed:
		return nil, nil, fmt.Errorf("“%s”无法解析：%s", path, r.Verdict.Reason)
	case r.Document == nil && r.Kind != classify.ScanMetadata && r.Kind != classify.ScanImage:
		return nil, nil, fmt.Errorf("“%s”不是WORD文档、扫描记录或扫描件，无法显示", path)
	}
	out := &inspection{File: path, Format: r.Format, Kind: r.Kind.Label(), Result: r}
	if r.Kind == classify.ScanMetadata {
		out.Format = "scan-metadata"
	}
	return out, data, nil
}

// writeOverlays draws each analysed page of a scan file with its rows and
// seals and writes it as DIR/<file>_第N页.png.
func writeOverlays(dir string, data []byte, pages []seal.Page, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹“%s”：%v", dir, err)
	}
	written, err := export.WriteOverlays(dir, data, pages, func(pg seal.Page) string { return export.OverlayName(pg.File, pg.Page) })
	for _, path := range written {
		fmt.Fprintf(stderr, "已写入 %s\n", path)
	}
	switch {
	case err != nil && len(written) == 0:
		return fmt.Errorf("扫描件没有画出：%v", err)
	case err != nil:
		fmt.Fprintf(stderr, "有的页没有画出：%v\n", err)
	}
	return nil
}
