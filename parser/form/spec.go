package form

// ApplicationSpec tells how to find the 申报表's fields. It is profile data.
type ApplicationSpec struct {
	// Detect are labels of which at least DetectMin must be present for a
	// document to be taken as this form.
	Detect    []string    `yaml:"detect" json:"detect"`
	DetectMin int         `yaml:"detect_min" json:"detect_min"`
	Fields    []FieldSpec `yaml:"fields" json:"fields"`
	// Options are the 推荐形式 checkbox options, each with its variants.
	Options []OptionSpec `yaml:"options" json:"options"`
	// NameHints are words in a file name that mark a non-Word file (PDF,
	// image) as the 申报表 sent in the wrong format (M02), e.g. "申报表".
	NameHints []string `yaml:"name_hints" json:"name_hints"`
}

// ReviewSpec tells how to find the 初审表's fields and rows.
type ReviewSpec struct {
	Detect    []string    `yaml:"detect" json:"detect"`
	DetectMin int         `yaml:"detect_min" json:"detect_min"`
	Fields    []FieldSpec `yaml:"fields" json:"fields"`
	// Rows are the opinion rows in form order (names and labels come from
	// the profile's review_rows).
	Rows []RowSpec `yaml:"-" json:"-"`
	// Placeholders are printed template texts removed from opinion cells:
	// "（签字）", "（盖章）", "年 月 日", prompts in brackets.
	Placeholders []string `yaml:"placeholders" json:"placeholders"`
}

// FieldSpec is one labelled field.
type FieldSpec struct {
	Key    string   `yaml:"key" json:"key"`       // window_name, unit, recommend, staff, honors, duties, deeds…
	Name   string   `yaml:"name" json:"name"`     // the printed label, for messages: 窗口名称
	Labels []string `yaml:"labels" json:"labels"` // variants, matched after normalisation
	// MaxLength is the most characters the value may have (0: no limit), a
	// campaign's fact that validate checks: a 窗口名称 longer than a name
	// holds something else (F08).
	MaxLength int `yaml:"max_length,omitempty" json:"max_length,omitempty"`
}

// OptionSpec is one 推荐形式 option.
type OptionSpec struct {
	Name     string   `yaml:"name" json:"name"`
	Variants []string `yaml:"variants" json:"variants"`
}

// RowSpec is one review row to find.
type RowSpec struct {
	Name   string
	Labels []string
}
