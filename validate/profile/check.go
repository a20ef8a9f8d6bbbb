package profile

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"go.yaml.in/yaml/v3"

	"shenbao/parser/dept"
	"shenbao/parser/form"
	"shenbao/validate/finding"
)

// The profile's own schema is declared where its types are: `validate`
// tags on this package's structs, and rules registered below for the specs
// that parser packages own (form.FieldSpec, dept.Department), which carry no
// tags of this package. Which fields a campaign requires, its bands and
// limits are values of the profile, never tags.
var schema = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Error namespaces in YAML keys: "Profile.review_rows[2].needs".
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must(v.RegisterValidation("findingcode", func(fl validator.FieldLevel) bool {
		_, ok := finding.Lookup(fl.Field().String())
		return ok
	}))
	v.RegisterStructValidationMapRules(map[string]string{"Fields": "min=1,dive"}, form.ApplicationSpec{})
	v.RegisterStructValidationMapRules(map[string]string{"Fields": "dive"}, form.ReviewSpec{})
	v.RegisterStructValidationMapRules(map[string]string{"Key": "required", "Labels": "min=1", "MaxLength": "min=0"}, form.FieldSpec{})
	v.RegisterStructValidationMapRules(map[string]string{"Departments": "dive"}, dept.JointSpec{})
	v.RegisterStructValidationMapRules(map[string]string{"Name": "required"}, dept.Department{})
	v.RegisterStructValidation(checkBands, Bands{})
	v.RegisterStructValidation(checkApplicationKeys, form.ApplicationSpec{})
	v.RegisterStructValidation(checkDepartments, dept.JointSpec{})
	v.RegisterStructValidation(checkRequired, Profile{})
	return v
})

// must stops on a registration error: the rules are constants of this file,
// so an error is a programming mistake any test finds, never input.
func must(err error) {
	if err != nil {
		panic("profile: register validation: " + err.Error())
	}
}

// checkBands: error_min ≤ info_min ≤ info_max ≤ error_max, error_max set.
func checkBands(sl validator.StructLevel) {
	b := sl.Current().Interface().(Bands)
	if b.ErrorMin < 0 || b.ErrorMin > b.InfoMin || b.InfoMin > b.InfoMax || b.InfoMax > b.ErrorMax || b.ErrorMax == 0 {
		sl.ReportError(b, "", "", "bandorder", fmt.Sprintf("%d、%d、%d、%d", b.ErrorMin, b.InfoMin, b.InfoMax, b.ErrorMax))
	}
}

// checkApplicationKeys: no two 申报表 fields share a key.
func checkApplicationKeys(sl validator.StructLevel) {
	spec := sl.Current().Interface().(form.ApplicationSpec)
	seen := map[string]bool{}
	for i, f := range spec.Fields {
		if f.Key != "" && seen[f.Key] {
			sl.ReportError(f.Key, fmt.Sprintf("fields[%d].key", i), "Key", "uniquekey", f.Key)
		}
		seen[f.Key] = true
	}
}

// checkDepartments: no two 联审 departments with the same name.
func checkDepartments(sl validator.StructLevel) {
	spec := sl.Current().Interface().(dept.JointSpec)
	seen := map[string]bool{}
	for i, d := range spec.Departments {
		k := dept.DepartmentKey(d.Name)
		if d.Name != "" && seen[k] {
			sl.ReportError(d.Name, fmt.Sprintf("departments[%d].name", i), "Name", "uniquedept", d.Name)
		}
		seen[k] = true
	}
}

// checkRequired: every required key is a 申报表 field.
func checkRequired(sl validator.StructLevel) {
	p := sl.Current().Interface().(Profile)
	keys := map[string]bool{}
	for _, f := range p.Application.Fields {
		keys[f.Key] = true
	}
	for i, k := range p.Required {
		if !keys[k] {
			sl.ReportError(k, fmt.Sprintf("required[%d]", i), "Required", "appfield", k)
		}
	}
}

// check validates a decoded profile against the schema; root is the
// document's mapping node, used to put the line of the offending value into
// the error. The first problem, in the order of the profile's keys, is
// reported.
func check(file string, p *Profile, root *yaml.Node) error {
	err := schema().Struct(p)
	var verrs validator.ValidationErrors
	if err == nil {
		return nil
	}
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return &Error{File: file, Msg: err.Error()}
	}
	fe := verrs[0]
	path := yamlPath(fe.Namespace())
	return &Error{File: file, Line: lineOf(root, path...), Msg: schemaMessage(pattern(path), fe)}
}

var segment = regexp.MustCompile(`^([^\[]*)((?:\[[^\]]*\])*)$`)

// yamlPath turns a validator namespace ("Profile.review_rows[2].needs",
// "Profile.rules.levels[X01]") into the steps lineOf follows: mapping keys
// as strings, sequence indexes as ints, map keys as key.
func yamlPath(ns string) []any {
	parts := strings.Split(ns, ".")
	var path []any
	for _, part := range parts[1:] {
		m := segment.FindStringSubmatch(part)
		if m == nil {
			path = append(path, part)
			continue
		}
		if m[1] != "" {
			path = append(path, m[1])
		}
		for _, ix := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(m[2], "["), "]"), "][") {
			if ix == "" {
				continue
			}
			if n, err := strconv.Atoi(ix); err == nil {
				path = append(path, n)
			} else {
				path = append(path, key(ix))
			}
		}
	}
	return path
}

// pattern is path without its indexes, "review_rows[].needs", to pick the
// message.
func pattern(path []any) string {
	var b strings.Builder
	for _, s := range path {
		switch s := s.(type) {
		case int, key:
			b.WriteString("[]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, s)
		}
	}
	return b.String()
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
