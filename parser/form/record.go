package form

import "time"

// Kind tells which form a document is. It is detection's answer only;
// the vocabulary of file kinds shown to anyone is parser/classify's Kind.
type Kind int

const (
	KindNone        Kind = iota // neither form (e.g. the 通知 itself)
	KindApplication             // the 申报表, 附件1
	KindReview                  // the 初审表, 附件2
)

// String names the kind in test and log messages.
func (k Kind) String() string {
	switch k {
	case KindApplication:
		return "application"
	case KindReview:
		return "review"
	}
	return "none"
}

// Field is one label/value pair found in a form.
type Field struct {
	Value    string `json:"value"`              // trimmed text of the value cell(s)
	Found    bool   `json:"found"`              // the label was found
	Location string `json:"location,omitempty"` // e.g. "表1 第2行第2列"
}

// Option is one checkbox option of 推荐形式.
type Option struct {
	Name    string `json:"name"`           // the profile's canonical name, e.g. "窗口自荐"
	Checked bool   `json:"checked"`        //
	Form    string `json:"form,omitempty"` // word.Form* of the checkbox, "typed-tick", or FormWritten
}

// Person is one staff member as written in the 申报表.
type Person struct {
	Name string `json:"name"` // empty when a number stands without a name
	ID   string `json:"id"`   // as written, upper-cased, spaces removed; empty when a name stands alone
}

// Application is the extracted 申报表.
type Application struct {
	// Fields by the profile's field key: window_name, unit, recommend,
	// staff, honors, duties, deeds (and any other key the profile names).
	Fields map[string]Field `json:"fields"`
	// Options lists every 推荐形式 option the profile names, in profile order.
	Options []Option `json:"options"`
	// Staff pairs names with ID numbers, in the order written.
	Staff []Person `json:"staff"`
	// Missing lists labels (profile field keys) not found in the document.
	Missing []string `json:"missing,omitempty"`
}

// Value returns the value of field key, "" when absent.
func (a *Application) Value(key string) string { return a.Fields[key].Value }

// Checked returns the names of the checked options.
func (a *Application) Checked() []string {
	var out []string
	for _, o := range a.Options {
		if o.Checked {
			out = append(out, o.Name)
		}
	}
	return out
}

// Review is the extracted 初审表.
type Review struct {
	Fields  map[string]Field `json:"fields"` // window_name, staff_names
	Rows    []ReviewRow      `json:"rows"`   // one per profile review row, in profile order
	Missing []string         `json:"missing,omitempty"`
}

// Value returns the value of field key, "" when absent.
func (r *Review) Value(key string) string { return r.Fields[key].Value }

// ReviewRow is one opinion row of the 初审表.
type ReviewRow struct {
	Role     string `json:"role"`  // the profile's canonical row name, e.g. "部门负责人意见"
	Found    bool   `json:"found"` // the row's label was found
	Location string `json:"location,omitempty"`
	// Opinion is the opinion text with the printed placeholders
	// (（签字）（盖章）年 月 日, prompts) removed; "" when nothing was written.
	Opinion string `json:"opinion"`
	// Raw is the whole cell text as found, for F07 and for the clerk.
	Raw string `json:"raw,omitempty"`
	// Images are pictures in the row's cells: electronic seals or signatures.
	Images []ImageRef `json:"images,omitempty"`
	// Date is the parsed date; zero when none. DateText is what was written
	// ("" or the untouched "X年X月X日" when no date was filled in).
	Date     time.Time `json:"date,omitzero"`
	DateText string    `json:"date_text,omitempty"`
	// DateInvalid is set when something date-like was written but does not
	// parse to a real date (2024年2月30日).
	DateInvalid bool `json:"date_invalid,omitempty"`
}

// ImageRef is an image found in a form cell.
type ImageRef struct {
	Target      string `json:"target"`
	ContentType string `json:"content_type,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
}
