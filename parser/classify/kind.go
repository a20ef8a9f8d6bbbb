package classify

// Kind is what a file is, the one vocabulary the parse stage, assembly and
// 文件清单 share. The values are stable English words (they key tests and
// logs); Label gives the clerk's word.
type Kind string

const (
	Application        Kind = "application"         // a Word 申报表 (附件1)
	Review             Kind = "review"              // a Word 初审表 (附件2)
	BothForms          Kind = "application+review"  // one Word file holding both forms
	OtherWord          Kind = "word"                // a Word document that is neither form
	NonWordApplication Kind = "application-nonword" // a 申报表 sent as PDF or picture (M02)
	Photo              Kind = "photo"               // a photo of the window
	ScanImage          Kind = "scan-image"          // a picture or PDF given under --scans
	ScanMetadata       Kind = "scan-metadata"       // a scan station's CSV/XLSX/JSON export
	PDF                Kind = "pdf"                 // another PDF, not material
	Ranking            Kind = "ranking"             // a 行业主管部门's 实绩排序表
	JointReturn        Kind = "joint-review"        // a returned 部门联审 sheet (--joint-review)
	Ignored            Kind = "ignored"             // not material (calendar invite, logo, spreadsheet…)
	Failed             Kind = "failed"              // could not be read
	Other              Kind = "other"               // unknown content
)

// HasApplication reports whether the kind carries a Word 申报表.
func (k Kind) HasApplication() bool { return k == Application || k == BothForms }

// HasReview reports whether the kind carries a Word 初审表.
func (k Kind) HasReview() bool { return k == Review || k == BothForms }
