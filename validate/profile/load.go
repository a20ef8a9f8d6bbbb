package profile

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"shenbao/parser/form"
)

//go:embed profiles/*.yaml
var embedded embed.FS

// DefaultName is the name of the embedded default profile.
const DefaultName = "qingfeng-liaoning"

// maxProfileBytes bounds a profile file read from disk.
const maxProfileBytes = 4 << 20

// Error is a problem in a profile file, with the line it is on (0 when the
// problem has no single line). Its message is Chinese: the clerk reads it.
type Error struct {
	File string // file name as given, or the embedded profile's name
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("配置文件 %s 第%d行：%s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("配置文件 %s：%s", e.File, e.Msg)
}

// Names returns the embedded profile names, sorted.
func Names() []string {
	entries, err := embedded.ReadDir("profiles")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Default returns the embedded qingfeng-liaoning profile. The embedded file
// is checked by the package tests, so a failure here is a build defect.
func Default() *Profile {
	p, err := Load(DefaultName)
	if err != nil {
		panic("profile: embedded default profile is invalid: " + err.Error())
	}
	return p
}

// Load returns the embedded profile called nameOrPath, or reads the YAML
// file at that path (any name ending in .yaml or .yml, or containing a path
// separator).
func Load(nameOrPath string) (*Profile, error) {
	isFile := strings.HasSuffix(nameOrPath, ".yaml") || strings.HasSuffix(nameOrPath, ".yml") ||
		strings.ContainsRune(nameOrPath, '/') || strings.ContainsRune(nameOrPath, filepath.Separator)
	if !isFile {
		data, err := embedded.ReadFile("profiles/" + nameOrPath + ".yaml")
		if err != nil {
			return nil, &Error{File: nameOrPath, Msg: fmt.Sprintf("没有名为“%s”的内置配置（可用：%s；自己的配置请写 YAML 文件的路径）", nameOrPath, strings.Join(Names(), "、"))}
		}
		return Parse(nameOrPath+".yaml", data)
	}
	f, err := os.Open(nameOrPath)
	if err != nil {
		// "qingfeng-liaoning.yaml" with no such file here means the embedded one.
		base := strings.TrimSuffix(nameOrPath, filepath.Ext(nameOrPath))
		if data, e := embedded.ReadFile("profiles/" + base + ".yaml"); e == nil && os.IsNotExist(err) && !strings.ContainsAny(base, `/\`) {
			return Parse(base+".yaml", data)
		}
		return nil, &Error{File: nameOrPath, Msg: openReason(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxProfileBytes+1))
	if err != nil {
		return nil, &Error{File: nameOrPath, Msg: "无法读取（文件正被占用或已损坏）"}
	}
	if len(data) > maxProfileBytes {
		return nil, &Error{File: nameOrPath, Msg: "文件过大（超过 4 MB）"}
	}
	return Parse(filepath.Base(nameOrPath), data)
}

var lineRE = regexp.MustCompile(`line (\d+): (.*)`)

// Parse decodes and checks a profile. file names it in error messages.
func Parse(file string, data []byte) (*Profile, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, &Error{File: file, Msg: "文件为空"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return nil, yamlError(file, err)
	}
	if err := check(file, &p, root.Content[0]); err != nil {
		return nil, err
	}
	p.Review.Rows = make([]form.RowSpec, 0, len(p.ReviewRows))
	for _, r := range p.ReviewRows {
		labels := r.Labels
		if len(labels) == 0 {
			labels = []string{r.Name}
		}
		p.Review.Rows = append(p.Review.Rows, form.RowSpec{Name: r.Name, Labels: labels})
	}
	return &p, nil
}

// yamlError turns a yaml syntax or type error into an Error on its line.
func yamlError(file string, err error) error {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return &Error{File: file, Msg: "YAML 格式错误：" + strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	detail := m[2]
	if f, ok := strings.CutPrefix(detail, "field "); ok {
		if name, _, ok := strings.Cut(f, " not found"); ok {
			return &Error{File: file, Line: line, Msg: "未知的配置项 " + name}
		}
	}
	if strings.Contains(detail, "cannot unmarshal") {
		return &Error{File: file, Line: line, Msg: "值的类型不对（" + detail + "）"}
	}
	return &Error{File: file, Line: line, Msg: "YAML 格式错误：" + detail}
}

// Show writes the effective profile as YAML.
func (p *Profile) Show(w io.Writer) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("encode profile: %w", err)
	}
	return enc.Close()
}
