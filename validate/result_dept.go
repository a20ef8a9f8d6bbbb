package validate

// RankingTable is one 实绩排序表 as read (JSON rankings[]).
type RankingTable struct {
	Department string       `json:"department"` // as the table names it; "（未注明部门）" when none
	Source     string       `json:"source"`     // the file, as 文件清单 names it
	Sheet      string       `json:"-"`          // sheet name or 表N of a Word file
	Rows       []RankingRow `json:"rows"`
}

// RankingRow is one ranked row and the window it was matched to.
type RankingRow struct {
	Rank       int    `json:"rank"` // 0 when the rank could not be read
	WindowName string `json:"window_name"`
	Unit       string `json:"unit"`
	Score      string `json:"score"`
	Window     string `json:"window"` // the matched window's name; "" when none or several
	Line       int    `json:"-"`      // row of the sheet
	RankText   string `json:"-"`      // as written
	Note       string `json:"-"`      // 备注
	Match      string `json:"-"`      // for the register: 已对应 / 未对应 / 多个窗口 / …
}

// RankingPlace is a window's place in one ranking (submission ranking).
type RankingPlace struct {
	Department string `json:"department"`
	Rank       int    `json:"rank"`
	Of         int    `json:"of"`
}

// JointTable is one department's returned 联审 results from one sheet
// (JSON joint_review[]).
type JointTable struct {
	Department string     `json:"department"`
	Source     string     `json:"source"`
	Sheet      string     `json:"-"`
	Rows       []JointRow `json:"rows"`
}

// JointRow is one returned row; IDs are masked.
type JointRow struct {
	Name     string `json:"name"`
	IDMasked string `json:"id_masked"`
	Window   string `json:"window"` // the matched window; "" when none
	Result   string `json:"result"` // 无问题 / 有问题 / 未填写
	Text     string `json:"text"`   // the department's words
	Line     int    `json:"-"`
}

// JointResult is one department's result for one person of a window
// (submission joint_review).
type JointResult struct {
	Department string `json:"department"`
	Person     string `json:"person"`
	Result     string `json:"result"` // 无问题 / 有问题 / 未填写
	Text       string `json:"text"`
}

// Joint results.
const (
	JointClear    = "无问题"
	JointProblem  = "有问题"
	JointBlank    = "未填写"
	JointMissing  = "未反馈" // no row from the department: register only
	JointPassed   = "通过"
	JointWaiting  = "待反馈"
	noDepartment  = "（未注明部门）"
	rankingsField = "行业排序"
)
