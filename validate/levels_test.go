package validate

import (
	"slices"
	"testing"

	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

func TestApplyLevels(t *testing.T) {
	in := []finding.Finding{
		{Code: "P02", Level: finding.Error, Field: "分管领导意见", Location: "b"},
		{Code: "F09", Level: finding.Info, Field: "曾受表彰奖励情况", Location: "a"},
		{Code: "F06", Level: finding.Info, Field: "主要事迹", Location: "a"},
		{Code: "P02", Level: finding.Error, Field: "分管领导意见", Location: "a", Message: "first"},
		{Code: "P02", Level: finding.Error, Field: "分管领导意见", Location: "a", Message: "second"},
		{Code: "F08", Level: finding.Info, Field: "主要事迹", Location: "a"},
		{Code: "P02", Level: finding.Error, Field: "部门负责人意见", Location: "a"},
	}
	orig := slices.Clone(in)
	p := &profile.Profile{Rules: profile.RuleSettings{
		Disabled: []string{"F09", " f08 "},
		Levels:   map[string]string{"F06": "error", "p02": "待核查", "P05": "nonsense"},
	}}
	got := ApplyLevels(in, p)
	want := []finding.Finding{
		{Code: "F06", Level: finding.Error, Field: "主要事迹", Location: "a"},
		{Code: "P02", Level: finding.Review, Field: "分管领导意见", Location: "a", Message: "first"},
		{Code: "P02", Level: finding.Review, Field: "分管领导意见", Location: "a", Message: "second"},
		{Code: "P02", Level: finding.Review, Field: "分管领导意见", Location: "b"},
		{Code: "P02", Level: finding.Review, Field: "部门负责人意见", Location: "a"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if !slices.Equal(in, orig) {
		t.Errorf("input changed: %+v", in)
	}
	if got := ApplyLevels(orig, nil); len(got) != len(orig) || got[0].Code != "F06" {
		t.Errorf("nil profile: %+v", got)
	}
	if got := ApplyLevels(nil, p); len(got) != 0 {
		t.Errorf("nil findings: %+v", got)
	}
}
