package validate

import (
	"time"

	"shenbao/parser/seal"
	"shenbao/validate/finding"
)

// Result is the whole run's outcome, what export writes. Its JSON form is
// the contract of SPEC §2.
type Result struct {
	Profile     string    `json:"profile"`
	GeneratedAt time.Time `json:"generated_at"`
	Title       string    `json:"-"` // campaign title, for the register and notices
	Inputs      []Input   `json:"inputs"`
	// Submissions are the windows' results in register order. Report keeps
	// them in a temporary file instead and leaves this nil: read them with
	// Windows and All, which see both.
	Submissions []Submission `json:"submissions"`
	// Unattributed are findings that belong to no window (S03 records that
	// match nothing, metadata problems); they appear in 问题清单 with an
	// empty 窗口名称.
	Unattributed []finding.Finding `json:"unattributed,omitempty"`
	// ScanPages are the pages of scan images whose seals were read, in
	// input order, each with the window it went to ("" for none).
	ScanPages []seal.Page `json:"scan_pages,omitempty"`
	// Changes is what changed since the previous run (--previous); nil
	// when there was none to compare with.
	Changes *Changes `json:"changes,omitempty"`
	// Rankings are the 实绩排序表 as read (--rankings), JointReview the
	// returned 联审 sheets (--joint-review); empty when none was given.
	Rankings    []RankingTable `json:"rankings,omitempty"`
	JointReview []JointTable   `json:"joint_review,omitempty"`
	// RankingsGiven and JointGiven say whether the run had such inputs: the
	// register then shows 行业排序 / 联审结果 and the 实绩排序 sheet.
	RankingsGiven bool `json:"-"`
	JointGiven    bool `json:"-"`
	// JointDepartments are the 联审名单's department columns, in order: the
	// profile's departments, then others that returned results.
	JointDepartments []string `json:"-"`

	// spill holds the submissions instead of Submissions once Report has
	// put them in a temporary file; read them with All.
	spill *spilled
}

// Input is one row of 文件清单: an input file or an item inside one.
type Input struct {
	Path   string `json:"path"`   // the whole provenance chain
	SHA256 string `json:"sha256"` //
	Kind   string `json:"kind"`   // 申报表, 初审表, Word文档, 照片, 扫描件, 扫描记录, 压缩包, 邮件, 邮箱, 文件夹, PDF, 其他
	Status string `json:"status"` // parsed, ignored, failed, superseded
	Reason string `json:"reason"`
	Window string `json:"window"`
	Size   int64  `json:"size"`
	Name   string `json:"-"` // the last element of Path
	Source string `json:"-"` // 来源: the email (sender, date, subject) or the input path
}

// Submission is one window: one row of 登记表.
type Submission struct {
	WindowName     string            `json:"window_name"`
	Unit           string            `json:"unit"`
	RecommendForms []string          `json:"recommend_forms"`
	Staff          []Staff           `json:"staff"`
	Honors         string            `json:"honors"`
	Duties         string            `json:"duties"`
	Deeds          string            `json:"deeds"`
	DeedsChars     int               `json:"deeds_chars"`
	ReviewRows     []ReviewRow       `json:"review_rows"`
	Photos         Photos            `json:"photos"`
	Sources        []string          `json:"sources"` // provenance chains of the items used
	Conclusion     string            `json:"conclusion"`
	Findings       []finding.Finding `json:"findings"`
	// Ranking is the window's place in its 行业主管部门's ranking (the first
	// when several rank it); nil when none does.
	Ranking *RankingPlace `json:"ranking"`
	// JointReview are the 联审 results returned for the window's people.
	JointReview []JointResult `json:"joint_review"`

	// For the register only.
	RankingCell string `json:"-"` // 行业排序: "市税务局 第2名/共5名"
	JointCell   string `json:"-"` // 联审结果: 通过 / 有问题：… / 待反馈
	Application string `json:"-"` // 申报表 column: "✓ docx" or what is wrong ("缺", "PDF")
	Review      string `json:"-"` // 初审表 column: "电子版+扫描", "仅电子版", "仅扫描", "缺"
	Mail        string `json:"-"` // 来源: sender, date, subject of the newest email
}

// Staff is one person of a window.
type Staff struct {
	Name     string `json:"name"`
	IDMasked string `json:"id_masked"` // 前6后4, e.g. 210302********1234
	ID       string `json:"-"`         // the full number: only with --full-id, never in logs or JSON
	Gender   string `json:"-"`         // 男/女 from the number, "" when invalid
	Birth    string `json:"-"`         // 1985-03-12 from the number, "" when invalid
	// Joint holds the 联审名单 cell of each of Result.JointDepartments:
	// 无问题, 有问题：…, 未填写, 未反馈.
	Joint []string `json:"-"`
}

// ReviewRow is one opinion row as the register shows it.
type ReviewRow struct {
	Role    string `json:"role"`
	Opinion string `json:"opinion"`
	Signed  *bool  `json:"signed"`  // null when unknown
	Stamped *bool  `json:"stamped"` // null when unknown
	Date    string `json:"date"`    // 2024-04-02, "" when none
	// Cell is the register cell: "✓" or what is missing (缺意见 / 缺签字 /
	// 缺盖章 / 缺日期), then on a second line the source (扫描 / 电子版).
	Cell string `json:"-"`
}

// Photos are the photo file names by category.
type Photos struct {
	Environment []string `json:"environment"`
	Work        []string `json:"work"`
	Unsorted    []string `json:"unsorted,omitempty"`
}
