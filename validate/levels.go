package validate

import (
	"cmp"
	"slices"
	"strings"

	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// ApplyLevels applies the profile's rule settings to fs: findings whose code
// is disabled are dropped, levels the profile overrides are changed (for
// every finding of that code, F06's info ones included), and the result is
// sorted by code, field and location, keeping the rules' order among equals.
// fs is not modified.
func ApplyLevels(fs []finding.Finding, p *profile.Profile) []finding.Finding {
	out := applyRules(fs, p)
	slices.SortStableFunc(out, func(a, b finding.Finding) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Field, b.Field), cmp.Compare(a.Location, b.Location))
	})
	return out
}

// applyRules is ApplyLevels without the sorting, for lists whose order is
// already meaningful (the unattributed findings). fs is not modified.
func applyRules(fs []finding.Finding, p *profile.Profile) []finding.Finding {
	var rules profile.RuleSettings
	if p != nil {
		rules = p.Rules
	}
	// Codes normalised once, in sorted key order so that two spellings of
	// one code ("f06", "F06") resolve the same way on every run.
	levels := map[string]finding.Level{}
	keys := make([]string, 0, len(rules.Levels))
	for k := range rules.Levels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if l, ok := parseLevel(rules.Levels[k]); ok {
			levels[strings.ToUpper(strings.TrimSpace(k))] = l
		}
	}
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if slices.ContainsFunc(rules.Disabled, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), f.Code) }) {
			continue
		}
		if l, ok := levels[f.Code]; ok {
			f.Level = l
		}
		out = append(out, f)
	}
	return out
}

// parseLevel reads a profile level: error/review/info or the register's
// Chinese 错误/待核查/提示. An unknown word leaves the level as it was.
func parseLevel(s string) (finding.Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "错误":
		return finding.Error, true
	case "review", "待核查":
		return finding.Review, true
	case "info", "提示":
		return finding.Info, true
	}
	return "", false
}
