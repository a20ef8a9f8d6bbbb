package dept

// RankingSpec is the campaign's wording of 实绩排序表 (profile key
// rankings).
type RankingSpec struct {
	Headers RankingHeaders `yaml:"headers" json:"headers"`
	// TitleCut are words that end a department's name in a title, file or
	// sheet name: 鞍山市公安局|窗口工作实绩排序表.
	TitleCut []string `yaml:"title_cut" json:"title_cut"`
	// Suffixes end a department's name: 局, 委, 中心, 院…
	Suffixes []string `yaml:"department_suffixes" json:"department_suffixes"`
}

// RankingHeaders are the header words of each column, variants first to
// last; a header cell is matched after folding (width, spaces, brackets),
// by equality or by starting with a variant (得分（百分制）).
type RankingHeaders struct {
	Rank   []string `yaml:"rank" json:"rank"`     // 名次, 排名, 排序
	Seq    []string `yaml:"seq" json:"seq"`       // 序号: the rank when no rank column
	Window []string `yaml:"window" json:"window"` // 窗口名称, 参评窗口
	Unit   []string `yaml:"unit" json:"unit"`     // 所属单位
	Score  []string `yaml:"score" json:"score"`   // 得分, 分数
	Note   []string `yaml:"note" json:"note"`     // 备注
}

// JointSpec is the campaign's 部门联审 (profile key joint_review).
type JointSpec struct {
	Headers JointHeaders `yaml:"headers" json:"headers"`
	// Departments are the 联审 departments; every one is expected to
	// return results for every person (J02).
	Departments []Department `yaml:"departments" json:"departments"`
	// ClearWords say “nothing found” for every department: 无, 未发现…
	ClearWords []string `yaml:"clear_words" json:"clear_words"`
	// Fillers may surround a clear word without changing it: 经查, 相关,
	// 记录, 情况, 问题 (无相关记录 = 无).
	Fillers []string `yaml:"fillers" json:"fillers"`
}

// JointHeaders are the header words of the roster columns of a 联审 sheet.
type JointHeaders struct {
	Seq    []string `yaml:"seq" json:"seq"`
	Name   []string `yaml:"name" json:"name"`
	ID     []string `yaml:"id" json:"id"`
	Window []string `yaml:"window" json:"window"`
	Unit   []string `yaml:"unit" json:"unit"`
	Other  []string `yaml:"other" json:"other"` // 性别, 出生日期…: read past
	// Result are generic result headers (联审意见, 核查结果): the column of
	// the sheet's own department.
	Result []string `yaml:"result" json:"result"`
}

// Department is one 联审 department.
type Department struct {
	Name    string   `yaml:"name" json:"name"`       // as the register prints it: 市公安局
	Aliases []string `yaml:"aliases" json:"aliases"` // other spellings: 公安局, 鞍山市公安局
	// Columns are the department's result headers: 违法犯罪记录.
	Columns []string `yaml:"columns" json:"columns"`
	// ClearWords are this department's own “nothing found” words, on top
	// of JointSpec.ClearWords.
	ClearWords []string `yaml:"clear_words" json:"clear_words,omitempty"`
}
