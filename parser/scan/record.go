package scan

import "time"

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

// Problem is a recoverable fault in a metadata file, in Chinese for the clerk.
type Problem struct {
	Source  string `json:"source"`
	Row     int    `json:"row,omitempty"` // 0 for the file as a whole
	Message string `json:"message"`
}
