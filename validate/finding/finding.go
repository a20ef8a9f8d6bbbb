// Package finding defines the stable finding codes of SPEC §3, their levels
// and Chinese names, and the conclusion a set of findings leads to.
package finding

// Level of a finding.
type Level string

const (
	Error  Level = "error"  // 错误: the window must correct something
	Review Level = "review" // 待核查: the tool is not sure, a person looks
	Info   Level = "info"   // 提示
)

// Label is the Chinese word for the level, as the register shows it.
func (l Level) Label() string {
	switch l {
	case Error:
		return "错误"
	case Review:
		return "待核查"
	}
	return "提示"
}

// Finding is one problem found in a window's materials.
type Finding struct {
	Code     string `json:"code"`  // SPEC §3 code, e.g. "F04"
	Level    Level  `json:"level"` //
	Message  string `json:"message"`
	Field    string `json:"field"`         // the form field or review row, e.g. "身份证号码", "分管领导意见"
	Location string `json:"location"`      // file and cell or page, e.g. "申报表.docx 表1 第4行第2列"
	Fix      string `json:"fix,omitempty"` // 补正要求: what the window must do
}

// Conclusions, SPEC §2.
const (
	Compliant   = "合规"
	NeedsFix    = "需补正"
	NeedsReview = "待核查"
)

// Conclude returns 需补正 when any finding is an error, 待核查 when any needs
// review, 合规 otherwise.
func Conclude(fs []Finding) string {
	review := false
	for _, f := range fs {
		switch f.Level {
		case Error:
			return NeedsFix
		case Review:
			review = true
		}
	}
	if review {
		return NeedsReview
	}
	return Compliant
}
