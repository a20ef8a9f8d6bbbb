package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	tables "shenbao/parser/table"
	"shenbao/validate"
	"shenbao/validate/finding"
)

// maxPrevious bounds the previous run's file: a JSON of 3,000 windows is
// well under 64 MiB.
const maxPrevious = 256 << 20

// PreviousError is a previous-run file that cannot be compared with: the
// message is for the clerk, in Chinese.
type PreviousError struct {
	Path string
	Msg  string
}

func (e *PreviousError) Error() string { return "上次的审查结果“" + e.Path + "”" + e.Msg }

// ReadPrevious reads an earlier run for --previous: the JSON written by
// --json, or, when that is not at hand, the register (.xlsx) it wrote
// (登记表, 问题清单 and 文件清单 are read back; the register has no field
// column, so findings are later matched by code and cell). The run must be
// of the campaign profileName (for a register: whose 汇总 names the campaign
// title, or profileName in registers of earlier versions). Any other
// file, another campaign's run, or a JSON of an incompatible shape is a
// *PreviousError.
func ReadPrevious(path, profileName, title string) (*validate.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &PreviousError{path, "无法打开，请检查路径"}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPrevious+1))
	if err != nil {
		return nil, &PreviousError{path, "无法读取：" + err.Error()}
	}
	if len(data) > maxPrevious {
		return nil, &PreviousError{path, "过大，不是本程序写出的审查结果"}
	}
	return parsePrevious(path, data, profileName, title)
}

// parsePrevious is ReadPrevious on the file's bytes; path only names the
// file in messages.
func parsePrevious(path string, data []byte, profileName, title string) (*validate.Result, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readPreviousRegister(path, data, profileName, title)
	}
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return nil, &PreviousError{path, "不是有效的 Excel 登记表（.xlsx）"}
	}
	return readPreviousJSON(path, data, profileName)
}

// previousShape is the part of the JSON that must be there, typed loosely
// enough to say what is missing.
type previousShape struct {
	Profile     *string           `json:"profile"`
	GeneratedAt *string           `json:"generated_at"`
	Submissions []json.RawMessage `json:"submissions"`
}

type previousSubmission struct {
	WindowName *string            `json:"window_name"`
	Conclusion *string            `json:"conclusion"`
	Findings   *[]json.RawMessage `json:"findings"`
}

func readPreviousJSON(path string, data []byte, profileName string) (*validate.Result, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var shape previousShape
	if err := json.Unmarshal(data, &shape); err != nil {
		return nil, &PreviousError{path, "不是本程序写出的 JSON 审查结果（无法解析），请用 --json 写出的文件或登记表（.xlsx）"}
	}
	incompatible := func(what string) error {
		return &PreviousError{path, "与本版本程序不兼容（" + what + "），请用本版本重新生成上次的结果，或改用上次的登记表（.xlsx）"}
	}
	switch {
	case shape.Profile == nil:
		return nil, incompatible("缺少 profile")
	case shape.GeneratedAt == nil:
		return nil, incompatible("缺少 generated_at")
	case shape.Submissions == nil:
		return nil, incompatible("缺少 submissions")
	}
	if *shape.Profile != profileName {
		return nil, &PreviousError{path, fmt.Sprintf("是另一套评选规则（%s）的结果，本次使用的是 %s，无法比较", *shape.Profile, profileName)}
	}
	if _, err := time.Parse(time.RFC3339, *shape.GeneratedAt); err != nil {
		return nil, incompatible("generated_at 不是有效时间")
	}
	for i, raw := range shape.Submissions {
		var s previousSubmission
		if err := json.Unmarshal(raw, &s); err != nil || s.WindowName == nil || s.Conclusion == nil || s.Findings == nil {
			return nil, incompatible(fmt.Sprintf("第%d个窗口缺少 window_name、conclusion 或 findings", i+1))
		}
		if !knownConclusion(*s.Conclusion) {
			return nil, incompatible(fmt.Sprintf("窗口“%s”的结论“%s”无法识别", *s.WindowName, *s.Conclusion))
		}
	}
	var res validate.Result
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, incompatible("字段类型不符：" + err.Error())
	}
	for i := range res.Submissions {
		for j, f := range res.Submissions[i].Findings {
			if f.Code == "" {
				return nil, incompatible(fmt.Sprintf("窗口“%s”的第%d条问题缺少 code", res.Submissions[i].WindowName, j+1))
			}
		}
	}
	return &res, nil
}

func knownConclusion(c string) bool {
	return c == finding.Compliant || c == finding.NeedsFix || c == finding.NeedsReview
}

// table is a sheet read back by its header row: the first of the top rows
// that has every wanted header.
type table struct {
	col  map[string]int
	rows [][]string
}

func (t *table) get(row []string, header string) string {
	i, ok := t.col[header]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// Bounds on a previous register read back. Ours has about 30 columns and a
// row per window or finding; the bounds keep a damaged or hostile workbook
// (a member that inflates without end, a cell in column XFD on every row)
// from taking the run's memory.
const (
	previousUnzipLimit = 1 << 30  // all members inflated, and at most previousRatio times the file
	previousRatio      = 64       // ours inflate about 13 times (10,000 windows: 9.3 MB to 125 MB)
	previousXMLLimit   = 64 << 20 // a sheet larger than this is spilled to a temporary file by excelize
	previousMaxCols    = 256      // cells kept per row
	previousMaxRows    = 1 << 20  // Excel's own limit
)

// previousRows streams sheet's rows to fn, each cut to previousMaxCols cells,
// until fn returns false or previousMaxRows rows were read.
func previousRows(f *excelize.File, sheet string, fn func(row []string) bool) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 0; n < previousMaxRows && rows.Next(); n++ {
		row, err := rows.Columns()
		if err != nil {
			return err
		}
		if len(row) > previousMaxCols {
			row = slices.Clone(row[:previousMaxCols]) // not the wide row's array
		}
		if !fn(row) {
			break
		}
	}
	return rows.Error()
}

// readTable finds the header row of sheet (within its first 10 rows) by
// the headers in need and returns the rows below it. Headers are matched
// after removing spaces and line breaks, and 所属单位(部门) matches 所属单位.
func readTable(f *excelize.File, sheet string, need ...string) (*table, bool) {
	var t *table
	n, used := 0, 0 // rows read; rows below the header up to the last with a cell
	err := previousRows(f, sheet, func(row []string) bool {
		n++
		if t != nil {
			t.rows = append(t.rows, row)
			if len(row) > 0 {
				used = len(t.rows)
			}
			return true
		}
		if col, ok := headerRow(row, need); ok {
			t = &table{col: col}
		}
		return t != nil || n < 10
	})
	if err != nil || t == nil {
		return nil, false
	}
	t.rows = t.rows[:used]
	return t, true
}

// headerRow maps row's headers to their columns when it has every header
// in need.
func headerRow(row []string, need []string) (map[string]int, bool) {
	col := map[string]int{}
	for i, c := range row {
		h := strings.Join(strings.Fields(c), "")
		if strings.HasPrefix(h, "所属单位") {
			h = "所属单位"
		}
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, h := range need {
		if _, has := col[h]; !has {
			return nil, false
		}
	}
	return col, true
}

func readPreviousRegister(path string, data []byte, profileName, title string) (*validate.Result, error) {
	if err := tables.CheckColumns(data, previousMaxCols); err != nil {
		return nil, &PreviousError{path, fmt.Sprintf("有单元格超出第%d列，不是本程序写出的登记表", previousMaxCols)}
	}
	unzip := min(previousUnzipLimit, previousRatio*int64(len(data))+16<<20)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    unzip,
		UnzipXMLSizeLimit: min(unzip, previousXMLLimit),
	})
	if err != nil {
		return nil, &PreviousError{path, "不是有效的 Excel 登记表（.xlsx），无法读取"}
	}
	defer f.Close()
	notRegister := &PreviousError{path, "不是本程序写出的合规审查登记表（缺少“登记表”或“问题清单”工作表），无法比较"}
	reg, ok := readTable(f, sheetRegister, "窗口名称", "所属单位", "审查结论")
	if !ok {
		return nil, notRegister
	}
	list, ok := readTable(f, sheetFindings, "窗口名称", "代码")
	if !ok {
		return nil, notRegister
	}
	res := &validate.Result{Profile: profileName}
	props, _ := f.GetDocProps()
	if props != nil {
		res.GeneratedAt, _ = time.Parse(time.RFC3339, props.Created)
	}
	if !registerOfProfile(f, profileName, title) {
		name := "另一次评选"
		if props != nil && props.Title != "" {
			name = "另一次评选（" + props.Title + "）"
		}
		return nil, &PreviousError{path, "是" + name + "的登记表，无法比较"}
	}
	if res.GeneratedAt.IsZero() {
		return nil, &PreviousError{path, "缺少生成时间，不是本程序写出的登记表"}
	}
	index := map[string]int{}
	for _, row := range reg.rows {
		name := reg.get(row, "窗口名称")
		conclusion := reg.get(row, "审查结论")
		if name == "" || !knownConclusion(conclusion) {
			continue // title, notes or an empty row
		}
		index[name] = len(res.Submissions)
		res.Submissions = append(res.Submissions, validate.Submission{
			WindowName: name, Unit: reg.get(row, "所属单位"), Conclusion: conclusion, Findings: []finding.Finding{},
		})
	}
	for _, row := range list.rows {
		i, ok := index[list.get(row, "窗口名称")]
		code := list.get(row, "代码")
		if !ok || code == "" {
			continue // unattributed findings have no window to compare
		}
		s := &res.Submissions[i]
		s.Findings = append(s.Findings, finding.Finding{
			Code: code, Level: levelOf(list.get(row, "级别"), code), Message: list.get(row, "问题"),
			Location: list.get(row, "位置"), Fix: list.get(row, "补正要求"),
		})
	}
	if files, ok := readTable(f, sheetFiles, "SHA-256", "归属窗口"); ok {
		for _, row := range files.rows {
			res.Inputs = append(res.Inputs, validate.Input{
				Path: cmp.Or(files.get(row, "路径"), files.get(row, "文件名")), SHA256: files.get(row, "SHA-256"), Kind: files.get(row, "类型"),
				Status: statusOf(files.get(row, "处理结果")), Window: files.get(row, "归属窗口"),
			})
		}
	}
	return res, nil
}

// registerOfProfile reports whether 汇总 names the campaign: its 评选活动
// is title, or (registers of earlier versions) its 规则配置 is profileName.
func registerOfProfile(f *excelize.File, profileName, title string) bool {
	found := false
	err := previousRows(f, sheetSummary, func(row []string) bool {
		if len(row) < 2 {
			return true
		}
		switch strings.TrimSpace(row[0]) {
		case "评选活动":
			found = strings.TrimSpace(row[1]) == title
			return false
		case "规则配置":
			found = strings.TrimSpace(row[1]) == profileName
			return false
		}
		return true
	})
	return err == nil && found
}

// levelOf reads back the 级别 cell; an unknown word takes the code's
// catalogue level.
func levelOf(label, code string) finding.Level {
	for _, l := range []finding.Level{finding.Error, finding.Review, finding.Info} {
		if l.Label() == label {
			return l
		}
	}
	c, _ := finding.Lookup(code)
	return c.Level
}

// statusOf reads back the 处理结果 cell of 文件清单.
func statusOf(cell string) string {
	switch {
	case strings.HasPrefix(cell, "已解析"):
		return "parsed"
	case strings.HasPrefix(cell, "已被新版本替代"), strings.HasPrefix(cell, "已替代"):
		return "superseded"
	case strings.HasPrefix(cell, "无法解析"):
		return "failed"
	}
	return "ignored"
}
