package profile

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"shenbao/parser/dept"
	"shenbao/validate/finding"
)

// Allowed values of ReviewRow.Needs and ReviewRow.Stage.
var (
	needsValues = []string{"签字", "盖章"}
	stageValues = []string{"", "internal", "recommend", "industry"}
	levelValues = []string{string(finding.Error), string(finding.Review), string(finding.Info)}
)

// check validates a decoded profile; root is the document's mapping node,
// used to put the line of the offending value into the error.
func check(file string, p *Profile, root *yaml.Node) error {
	fail := func(msg string, path ...any) error {
		return &Error{File: file, Line: lineOf(root, path...), Msg: msg}
	}
	if p.Name == "" {
		return fail("缺少 name（配置名称）")
	}
	if len(p.Application.Fields) == 0 {
		return fail("application.fields 为空：至少要有一个申报表字段", "application")
	}
	keys := map[string]bool{}
	for i, f := range p.Application.Fields {
		if f.Key == "" {
			return fail("申报表字段缺少 key", "application", "fields", i)
		}
		if keys[f.Key] {
			return fail("申报表字段 key 重复："+f.Key, "application", "fields", i, "key")
		}
		keys[f.Key] = true
		if len(f.Labels) == 0 {
			return fail("申报表字段 "+f.Key+" 没有 labels", "application", "fields", i)
		}
	}
	for i, k := range p.Required {
		if !keys[k] {
			return fail("required 中的字段 "+k+" 不在 application.fields 中", "required", i)
		}
	}
	for i, f := range p.Review.Fields {
		if f.Key == "" || len(f.Labels) == 0 {
			return fail("初审表字段缺少 key 或 labels", "review", "fields", i)
		}
	}
	b := p.Deeds
	if b.ErrorMin < 0 || b.ErrorMin > b.InfoMin || b.InfoMin > b.InfoMax || b.InfoMax > b.ErrorMax || b.ErrorMax == 0 {
		return fail(fmt.Sprintf("事迹字数区间顺序不对：应为 error_min ≤ info_min ≤ info_max ≤ error_max（现为 %d、%d、%d、%d）",
			b.ErrorMin, b.InfoMin, b.InfoMax, b.ErrorMax), "deeds")
	}
	if len(p.ReviewRows) == 0 {
		return fail("review_rows 为空：至少要有一个初审意见栏")
	}
	for i, r := range p.ReviewRows {
		if r.Name == "" {
			return fail("初审意见栏缺少 name", "review_rows", i)
		}
		if !contains(needsValues, r.Needs) {
			return fail("needs 只能是“签字”或“盖章”，现为 "+strconv.Quote(r.Needs), "review_rows", i, "needs")
		}
		if !contains(stageValues, r.Stage) {
			return fail("stage 只能是 internal、recommend 或 industry，现为 "+strconv.Quote(r.Stage), "review_rows", i, "stage")
		}
		if r.Deadline != "" {
			if _, err := time.Parse(time.DateOnly, r.Deadline); err != nil {
				return fail("deadline 不是有效日期（格式 2024-04-03）："+r.Deadline, "review_rows", i, "deadline")
			}
		}
	}
	if p.Notice.Date != "" {
		if _, err := time.Parse(time.DateOnly, p.Notice.Date); err != nil {
			return fail("notice.date 不是有效日期（格式 2024-04-12）："+p.Notice.Date, "notice", "date")
		}
	}
	if p.PublicityDays < 0 {
		return fail("publicity_days 不能为负数", "publicity_days")
	}
	if p.Photos.PerKind < 0 || p.Photos.MinLongSide < 0 {
		return fail("photos 的数值不能为负数", "photos")
	}
	if p.Scans.MinConfidence < 0 || p.Scans.MinConfidence > 1 {
		return fail("scans.min_confidence 应在 0 到 1 之间", "scans", "min_confidence")
	}
	seen := map[string]bool{}
	for i, d := range p.JointReview.Departments {
		if d.Name == "" {
			return fail("联审部门缺少 name", "joint_review", "departments", i)
		}
		k := dept.DepartmentKey(d.Name)
		if seen[k] {
			return fail("联审部门重复："+d.Name, "joint_review", "departments", i, "name")
		}
		seen[k] = true
	}
	for i, c := range p.Rules.Disabled {
		if _, ok := finding.Lookup(c); !ok {
			return fail("未知的规则代码 "+c, "rules", "disabled", i)
		}
	}
	for c, lv := range p.Rules.Levels {
		if _, ok := finding.Lookup(c); !ok {
			return fail("未知的规则代码 "+c, "rules", "levels", key(c))
		}
		if !contains(levelValues, lv) {
			return fail("级别只能是 error、review 或 info，现为 "+strconv.Quote(lv), "rules", "levels", c)
		}
	}
	return nil
}

// key marks a path step that wants the mapping key's line, not its value's.
type key string

// lineOf follows path (mapping keys as strings, sequence indexes as ints)
// from root and returns the line of the node reached, or of the deepest
// node found on the way.
func lineOf(root *yaml.Node, path ...any) int {
	n := root
	line := 0
	if n != nil {
		line = n.Line
	}
	for _, step := range path {
		if n == nil {
			break
		}
		var next *yaml.Node
		switch s := step.(type) {
		case string, key:
			name := fmt.Sprint(s)
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == name {
						next = n.Content[i+1]
						if _, isKey := s.(key); isKey {
							next = n.Content[i]
						}
						line = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s >= 0 && s < len(n.Content) {
				next = n.Content[s]
			}
		}
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return line
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
