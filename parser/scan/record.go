package scan

import (
	"fmt"
	"time"
)

// Tri is a yes/no cell that may be blank: blank is Unknown, not No.
type Tri int8

const (
	Unknown Tri = iota
	Yes
	No
)

func (t Tri) String() string {
	switch t {
	case Yes:
		return "是"
	case No:
		return "否"
	}
	return ""
}

// Record is one metadata row: one review row of one window's scanned 初审表.
type Record struct {
	Source string `json:"source"` // the metadata file's path as given
	Row    int    `json:"row"`    // 1-based data row (CSV/XLSX line, JSON index+1)

	Window  string `json:"window"`
	File    string `json:"file,omitempty"` // the scan image the record is about
	Page    int    `json:"page,omitempty"`
	Field   string `json:"field"` // 栏目 as written
	Opinion string `json:"opinion,omitempty"`
	Signed  Tri    `json:"signed"`
	Stamped Tri    `json:"stamped"`
	// Date is the parsed date; zero when blank or unparseable (DateText keeps
	// what was written).
	Date     time.Time `json:"date,omitzero"`
	DateText string    `json:"date_text,omitempty"`
	// Confidence is 0–1 (a 0–100 figure is scaled); -1 when not given.
	Confidence float64 `json:"confidence"`
	// Image says the record was read from the page image itself (the seal
	// analysis, parser/seal), not from a scanning station's metadata: it
	// carries the seal only, never an opinion, a signature or a date.
	Image bool `json:"-"`
}

// Problem is a recoverable fault in a metadata file: a typed value the
// reader records; parser/classify words it for the clerk into Message.
type Problem struct {
	Source string `json:"source"`
	Row    int    `json:"row,omitempty"` // 0 for the file as a whole
	// File is the file's base name, Sheet the worksheet (XLSX) and
	// Records says rows are JSON records, not lines: where to point.
	File    string      `json:"-"`
	Sheet   string      `json:"-"`
	Records bool        `json:"-"`
	Code    ProblemCode `json:"-"`
	Value   string      `json:"-"` // the cell that could not be read
	N, M    int         `json:"-"` // counts the code names (see ProblemCode)
	Detail  string      `json:"-"` // the CSV reader's own words (English)
	// Message is the clerk's wording, filled in by parser/classify.
	Message string `json:"message"`
}

// ProblemCode names a kind of Problem. The values are stable.
type ProblemCode int

// Kinds of Problem.
const (
	TooManyRecords ProblemCode = iota + 1 // N records kept, the rest ignored
	NotRecord                             // a JSON array element that is not an object
	ColumnCount                           // a CSV row of N cells under an M-column header
	NoWindow                              // 窗口名称 empty
	NoField                               // 栏目 empty
	BadPage                               // 页码 Value unreadable
	BadSigned                             // 签字 Value not yes/no
	BadStamped                            // 盖章 Value not yes/no
	BadConfidence                         // 置信度 Value not 0–1 or 0–100
	BadDate                               // 日期 Value unreadable
	Unparsable                            // a CSV line the reader refused (Detail)
	MoreProblems                          // N more problems not listed
)

var problemNames = [...]string{"", "TooManyRecords", "NotRecord", "ColumnCount", "NoWindow", "NoField",
	"BadPage", "BadSigned", "BadStamped", "BadConfidence", "BadDate", "Unparsable", "MoreProblems"}

func (c ProblemCode) String() string {
	if c > 0 && int(c) < len(problemNames) {
		return problemNames[c]
	}
	return fmt.Sprintf("ProblemCode(%d)", int(c))
}
