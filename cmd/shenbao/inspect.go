package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"shenbao/parser/classify"
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

func runInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("inspect", "inspect [--profile 名称] 文件（.docx/.doc/.wps/.rtf，或扫描记录 .csv/.xlsx/.json）", stderr)
	name := fs.String("profile", "qingfeng-liaoning", "评选规则配置：内置名称或 YAML 文件路径")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("请指定一个文件")
	}
	p, err := profile.Load(*name)
	if err != nil {
		return err
	}
	out, err := inspectFile(files[0], p)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func inspectFile(path string, p *profile.Profile) (*inspection, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("找不到文件“%s”，请检查路径", path)
	case err != nil:
		return nil, fmt.Errorf("无法访问文件“%s”（没有读取权限？）", path)
	case fi.IsDir():
		return nil, fmt.Errorf("“%s”是一个文件夹；inspect 只看一个文件，审查整个文件夹请用 shenbao check", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件“%s”（没有读取权限或文件正被占用）", path)
	}
	// As under --scans, so that a spreadsheet is read as scan metadata.
	r := classify.File(classify.Input{Name: filepath.Base(path), Source: path, Data: data, Scan: true},
		classify.Specs{Application: p.Application, Review: p.Review})
	switch {
	case r.Kind == classify.Failed:
		return nil, fmt.Errorf("“%s”无法解析：%s", path, r.Verdict.Reason)
	case r.Document == nil && r.Kind != classify.ScanMetadata:
		return nil, fmt.Errorf("“%s”不是WORD文档，也不是扫描记录，无法显示", path)
	}
	out := &inspection{File: path, Format: r.Format, Kind: r.Kind.Label(), Result: r}
	if r.Kind == classify.ScanMetadata {
		out.Format = "scan-metadata"
	}
	return out, nil
}
