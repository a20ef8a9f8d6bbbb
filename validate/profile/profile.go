// Package profile holds a campaign's data: title, form labels, required
// fields, 事迹 length bands, review rows with what each needs and when,
// photo rules and negative-opinion words. Profiles are YAML; the default
// (qingfeng-liaoning) is embedded in the binary.
package profile

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"shenbao/parser/classify"
	"shenbao/parser/dept"
	"shenbao/parser/form"
)

// Profile is one campaign's rules as data.
type Profile struct {
	Name          string `yaml:"name" json:"name" validate:"required"`   // e.g. "qingfeng-liaoning"
	Title         string `yaml:"title" json:"title" validate:"required"` // campaign title, e.g. 鞍山市第二批“清风辽宁政务窗口”评选
	RegisterTitle string `yaml:"register_title" json:"register_title"`   // title row of 登记表

	// Application describes the 申报表: how to recognise it, its fields
	// with label variants, the 推荐形式 options.
	Application form.ApplicationSpec `yaml:"application" json:"application"`
	// Review describes the 初审表.
	Review form.ReviewSpec `yaml:"review" json:"review"`

	// Required lists application field keys that must not be empty (F01).
	Required []string `yaml:"required" json:"required"`
	// Deeds are the 事迹 length bands (F06), in Word 字数.
	Deeds Bands `yaml:"deeds" json:"deeds"`
	// ReviewRows are the 初审表's opinion rows, in form order.
	ReviewRows []ReviewRow `yaml:"review_rows" json:"review_rows" validate:"min=1,dive"`
	// PublicityDays is the 内部公示 length between the internal rows and the
	// 推荐单位 row (P06).
	PublicityDays int `yaml:"publicity_days" json:"publicity_days" validate:"min=0"`
	// NegativeWords make an opinion negative (P08).
	NegativeWords []string    `yaml:"negative_words" json:"negative_words"`
	Photos        PhotoRules  `yaml:"photos" json:"photos"`
	Scans         ScanRules   `yaml:"scans" json:"scans"`
	Notice        NoticeRules `yaml:"notice" json:"notice"`
	// Rankings are the words of the 实绩排序表 (--rankings).
	Rankings dept.RankingSpec `yaml:"rankings" json:"rankings"`
	// JointReview lists the 部门联审 departments, their result columns and
	// their words for “nothing found” (--joint-review).
	JointReview dept.JointSpec `yaml:"joint_review" json:"joint_review"`
	// Rules adjusts the catalogue: codes switched off, or levels changed.
	Rules RuleSettings `yaml:"rules" json:"rules"`
}

// Bands are the 事迹 word-count bands: error outside [ErrorMin, ErrorMax],
// info outside [InfoMin, InfoMax].
type Bands struct {
	ErrorMin int `yaml:"error_min" json:"error_min"`
	ErrorMax int `yaml:"error_max" json:"error_max"`
	InfoMin  int `yaml:"info_min" json:"info_min"`
	InfoMax  int `yaml:"info_max" json:"info_max"`
}

// ReviewRow is one opinion row of the 初审表 and what it needs.
type ReviewRow struct {
	Name   string   `yaml:"name" json:"name" validate:"required"`      // canonical, e.g. "组织（人事）部门意见"
	Labels []string `yaml:"labels" json:"labels"`                      // variants found in real forms
	Needs  string   `yaml:"needs" json:"needs" validate:"oneof=签字 盖章"` // "签字" or "盖章"
	// Stage orders the rows for P06: "internal" (内部审核), "recommend"
	// (推荐单位, after 公示), "industry" (行业主管部门).
	Stage    string `yaml:"stage" json:"stage" validate:"omitempty,oneof=internal recommend industry"`
	Deadline string `yaml:"deadline" json:"deadline" validate:"omitempty,datetime=2006-01-02"` // "2024-04-03"; "" for none
}

// PhotoRules say how photos are sorted and judged.
type PhotoRules struct {
	EnvironmentHints []string `yaml:"environment_hints" json:"environment_hints"`          // 环境, 场所, 大厅, 全景
	WorkHints        []string `yaml:"work_hints" json:"work_hints"`                        // 工作, 集体, 个人, 人员, 合影, 服务
	PerKind          int      `yaml:"per_kind" json:"per_kind" validate:"min=0"`           // 1
	MinLongSide      int      `yaml:"min_long_side" json:"min_long_side" validate:"min=0"` // 1024 px (M10)
}

// ScanRules hold the scan-evidence settings.
type ScanRules struct {
	MinConfidence float64 `yaml:"min_confidence" json:"min_confidence" validate:"min=0,max=1"` // 0.8 (S01)
	// NameHints mark a picture or PDF in the mailbox as a scan of the
	// 初审表 (its seals are then read); under --scans every picture is one.
	NameHints []string `yaml:"name_hints" json:"name_hints"`
}

// Specs are what the parse stage needs of the profile to classify and read
// a file: the forms' labels, the ranking and 联审 tables, the review rows a
// scan page is judged on, and the names that mark a scan of the 初审表.
func (p *Profile) Specs() classify.Specs {
	return classify.Specs{Application: p.Application, Review: p.Review, Rankings: p.Rankings, Joint: p.JointReview,
		ReviewRoles: p.RoleNames(), ScanNameHints: p.Scans.NameHints}
}

// RoleNames are the review rows' names in form order.
func (p *Profile) RoleNames() []string {
	names := make([]string, len(p.ReviewRows))
	for i, r := range p.ReviewRows {
		names[i] = r.Name
	}
	return names
}

// NoticeRules fill the 一次性告知书.
type NoticeRules struct {
	// Deadline completes “请于…按上述要求一次性补正”: a date (“2024年4月24日前”)
	// or a period (“收到本告知书之日起3个工作日内”).
	Deadline string `yaml:"deadline" json:"deadline"`
	Contact  string `yaml:"contact" json:"contact"` // contact line
	Issuer   string `yaml:"issuer" json:"issuer"`   // the office that signs the notice
	// Number is the 文号 pattern, e.g. “鞍营商补〔2024〕{序号}号”; {序号} is
	// the window's number in 登记表. Empty: the notices carry no 文号 line.
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	// Date is the notice date, 2024-04-12; empty: the day of the run.
	Date string `yaml:"date,omitempty" json:"date,omitempty" validate:"omitempty,datetime=2006-01-02"`
}

// ContactIsExample reports whether the contact line is still a shipped
// example (or empty, or marked 示例), so notices would send windows to a
// person who is not the office's. A profile exported with `profile show`
// and not edited carries the built-in line.
func (n NoticeRules) ContactIsExample() bool {
	c := strings.TrimSpace(n.Contact)
	if c == "" || strings.Contains(c, "示例") {
		return true
	}
	for _, name := range Names() {
		data, err := embedded.ReadFile("profiles/" + name + ".yaml")
		if err != nil {
			continue
		}
		var p struct {
			Notice struct {
				Contact string `yaml:"contact"`
			} `yaml:"notice"`
		}
		if yaml.Unmarshal(data, &p) == nil && strings.TrimSpace(p.Notice.Contact) == c {
			return true
		}
	}
	return false
}

// RuleSettings switch codes off or change their level.
type RuleSettings struct {
	Disabled []string          `yaml:"disabled" json:"disabled,omitempty" validate:"dive,findingcode"`
	Levels   map[string]string `yaml:"levels" json:"levels,omitempty" validate:"dive,keys,findingcode,endkeys,oneof=error review info"`
}
