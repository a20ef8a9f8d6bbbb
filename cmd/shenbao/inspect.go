package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"shenbao/cmd/shenbao/pipeline"
	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/form"
	"shenbao/parser/scan"
	"shenbao/parser/word"
	"shenbao/validate/profile"
)

// inspection is what `shenbao inspect` prints for one file.
type inspection struct {
	File        string            `json:"file"`
	Format      string            `json:"format"`
	Kind        form.Kind         `json:"kind"`
	Document    *word.Document    `json:"document,omitempty"`
	Application *form.Application `json:"application,omitempty"`
	Review      *form.Review      `json:"review,omitempty"`
	Records     []scan.Record     `json:"records,omitempty"`
	Problems    []scan.Problem    `json:"problems,omitempty"`
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
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件“%s”：%v", path, err)
	}
	out := &inspection{File: path, Format: doc.Sniff(data)}
	var d *word.Document
	switch out.Format {
	case "docx":
		d, err = docx.Read(bytes.NewReader(data), int64(len(data)), docx.Limits{})
	case "doc":
		d, err = doc.Read(bytes.NewReader(data), int64(len(data)))
	case "rtf":
		d, err = doc.ReadRTF(data)
	case "html":
		d, err = doc.ReadHTML(data)
	default:
		if scan.IsMetadata(path, data) {
			out.Format = "scan-metadata"
			out.Records, out.Problems, err = scan.Read(path, data)
			if err != nil {
				return nil, fmt.Errorf("扫描记录“%s”无法读取：%v", path, err)
			}
			return out, nil
		}
		return nil, fmt.Errorf("“%s”不是WORD文档，也不是扫描记录，无法显示", path)
	}
	if err != nil {
		return nil, fmt.Errorf("“%s”无法解析：%v", path, err)
	}
	out.Document = d
	out.Application, out.Review = pipeline.Forms(d, p)
	switch {
	case out.Application != nil && out.Review != nil:
		out.Kind = form.KindApplication + "+" + form.KindReview
	case out.Application != nil:
		out.Kind = form.KindApplication
	case out.Review != nil:
		out.Kind = form.KindReview
	}
	return out, nil
}
