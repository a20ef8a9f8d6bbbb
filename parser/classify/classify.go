package classify

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // photo formats decoded for their pixel size
	_ "image/jpeg"
	_ "image/png"
	"path"
	"strings"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"shenbao/parser/dept"
	"shenbao/parser/doc"
	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
	"shenbao/parser/table"
	"shenbao/parser/word"
)

// minPhotoSide is the size under which a picture is taken for a logo or a
// mail signature image rather than a photo of the window.
const minPhotoSide = 300

// Specs are what classification needs of the campaign profile: the two form
// specs (labels, detection words and the 申报表's file-name hints).
type Specs struct {
	Application form.ApplicationSpec
	Review      form.ReviewSpec
	Rankings    dept.RankingSpec
	Joint       dept.JointSpec
	// ReviewRoles are the 初审表's review rows in form order: with them a
	// scan image's pages are analysed for seals (parser/seal); without,
	// scan images are only sized.
	ReviewRoles []string
	// ScanNameHints mark a picture or PDF that came outside --scans (in the
	// mailbox) as a scan of the 初审表: 初审表, 附件2, 扫描件.
	ScanNameHints []string
}

// Input is one file to classify.
type Input struct {
	Name string // the file's own name (attachment or entry name): extension and name hints
	Data []byte
	// Scan is set for files given under --scans: pictures and PDFs are scan
	// images and spreadsheets are read as scan metadata.
	Scan bool
	// Source names the file in scan records and their problems (the item's
	// whole path); Name when empty.
	Source string
	// Rankings is set for files given under --rankings, Joint for those
	// under --joint-review: their tables are read as such.
	Rankings, Joint bool
}

// Verdict is what the parse stage concluded about a file, for 文件清单.
type Verdict struct {
	Status intake.Status // intake.Parsed, intake.Ignored or intake.Failed
	Reason string        // the clerk's words; "" when there is nothing to say
}

// Result is what File made of one file. Only the fields of its Kind are set.
// Its JSON form is what `shenbao inspect` prints after the file name.
type Result struct {
	Kind    Kind    `json:"-"`
	Format  string  `json:"-"` // "docx", "doc", "wps", "rtf", "html", "pdf", "jpeg", "png", "csv", …
	Verdict Verdict `json:"-"`

	// Word files.
	Document    *word.Document    `json:"document,omitempty"`
	Application *form.Application `json:"application,omitempty"` // Application and BothForms
	Review      *form.Review      `json:"review,omitempty"`      // Review and BothForms

	// Scan metadata.
	Records  []scan.Record  `json:"records,omitempty"`
	Problems []scan.Problem `json:"problems,omitempty"`

	// Ranking tables and 联审 returns.
	Rankings      []dept.Ranking     `json:"rankings,omitempty"`
	Joint         []dept.JointReturn `json:"joint_review,omitempty"`
	JointProblems []dept.Problem     `json:"joint_problems,omitempty"`

	// Scan images: what each page shows (rows and seals), one per page.
	ScanPages []seal.Page `json:"-"`

	// Pictures: pixel size. PDFs: page count.
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`
	Pages  int `json:"pages,omitempty"`

	// WindowHint is the file name, kept for files that name no window in
	// their content (photos, PDFs, unreadable files), so assembly can try
	// it; "" for forms and files that are not material.
	WindowHint string `json:"-"`
}

// File classifies and reads one file. It never fails and never panics on
// input: trouble is the Verdict (Failed or Ignored, with the reason).
func File(in Input, s Specs) *Result {
	r := &Result{Verdict: Verdict{Status: intake.Parsed}}
	data := in.Data
	ext := strings.ToLower(path.Ext(in.Name))
	fail := func(format, reason string) *Result {
		r.Kind, r.Format = Failed, format
		r.Verdict = Verdict{intake.Failed, reason}
		r.WindowHint = in.Name
		return r
	}
	ignore := func(kind Kind, reason string) *Result {
		r.Kind = kind
		r.Verdict = Verdict{intake.Ignored, reason}
		return r
	}

	source := in.Source
	if source == "" {
		source = in.Name
	}
	if in.Rankings || in.Joint {
		return departmentTable(r, in, source, s)
	}

	switch format := doc.Sniff(data); format {
	case "docx", "doc", "rtf", "html":
		if format == "html" && ext != ".doc" && ext != ".wps" && ext != ".docx" {
			return ignore(Ignored, reasonHTMLPage)
		}
		d, err := readWord(format, data)
		if err != nil {
			return fail(format, reasonWord(err))
		}
		if format == "doc" && ext == ".wps" {
			format = "wps"
		}
		r.Format, r.Document = format, d
		r.Verdict.Reason = reasonWarnings(d.Warnings)
		r.Application, r.Review = Forms(d, s)
		switch {
		case r.Application != nil && r.Review != nil:
			r.Kind = BothForms
		case r.Application != nil:
			r.Kind = Application
		case r.Review != nil:
			r.Kind = Review
		default:
			if rankingFound(r, data, source, s) {
				return r
			}
			r.WindowHint = in.Name
			return ignore(OtherWord, reasonOtherWord)
		}
		return r
	case "encrypted-ooxml":
		return fail("docx", reasonEncryptedDocx)
	case "works":
		return fail("wps", reasonWorks)
	}

	if in.Scan && scan.IsMetadata(in.Name, data) {
		recs, probs, err := scan.Read(source, data)
		if err != nil {
			return fail("metadata", reasonMetadata(err))
		}
		r.Kind, r.Format = ScanMetadata, strings.TrimPrefix(ext, ".")
		for i := range probs {
			probs[i].Message = scanProblemWords(probs[i])
		}
		r.Records, r.Problems = recs, probs
		if len(probs) > 0 {
			r.Verdict.Reason = reasonMetadataProblems(len(probs))
		}
		return r
	}

	if bytes.HasPrefix(data, []byte("%PDF")) {
		r.Format = "pdf"
		switch {
		case in.Scan || mentions(in.Name, s.ScanNameHints):
			r.Kind = ScanImage
		case mentionsApplication(in.Name, s):
			r.Kind = NonWordApplication
		default:
			r.Kind = PDF
		}
		r.WindowHint = in.Name
		if r.Kind == PDF {
			r.Verdict = Verdict{intake.Ignored, reasonOtherPDF}
			return r
		}
		pages, err := pdfPages(data)
		switch {
		case errors.Is(err, errPDFEncrypted):
			return fail("pdf", reasonPDFEncrypted)
		case err != nil:
			return fail("pdf", reasonPDFBroken)
		}
		r.Pages = pages
		r.Verdict.Reason = reasonPDFPages(pages)
		return scanPages(r, in, s)
	}

	if isHEIC(data) {
		return fail("heic", reasonHEIC)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		r.Format, r.Width, r.Height = format, cfg.Width, cfg.Height
		r.WindowHint = in.Name
		switch {
		case in.Scan || mentions(in.Name, s.ScanNameHints):
			r.Kind = ScanImage
			return scanPages(r, in, s)
		case mentionsApplication(in.Name, s):
			r.Kind = NonWordApplication
		case max(cfg.Width, cfg.Height) < minPhotoSide:
			return ignore(Ignored, reasonSmallPicture(cfg.Width, cfg.Height))
		default:
			r.Kind = Photo
		}
		return r
	} else if looksLikeImage(ext) {
		return fail(strings.TrimPrefix(ext, "."), reasonImageBroken)
	}

	switch ext {
	case ".ics", ".vcs":
		return ignore(Ignored, reasonCalendar)
	case ".txt", ".htm", ".html", ".vcf", ".p7s", ".asc", ".sig":
		return ignore(Ignored, reasonMailText)
	case ".docx", ".doc", ".wps", ".docm", ".dotx", ".dot":
		return fail(strings.TrimPrefix(ext, "."), reasonWordBroken)
	case ".xlsx", ".xls", ".et", ".csv":
		if rankingFound(r, data, source, s) {
			return r
		}
		return ignore(Ignored, reasonSpreadsheet)
	}
	if k := table.Kind(data); (k == "xlsx" || k == "xls") && rankingFound(r, data, source, s) {
		return r
	}
	r.WindowHint = in.Name
	return ignore(Other, reasonUnknown)
}

// mentionsApplication tells whether a file name says it is the 申报表.
func mentionsApplication(name string, s Specs) bool { return mentions(name, s.Application.NameHints) }

// scanPages analyses every page of a scan image for its review rows and
// seals (one page at a time). A file that cannot be opened as pages fails.
func scanPages(r *Result, in Input, s Specs) *Result {
	if r.Kind != ScanImage || len(s.ReviewRoles) == 0 {
		return r
	}
	pages, err := seal.Analyze(in.Name, in.Data, seal.Options{Roles: s.ReviewRoles})
	if err != nil {
		r.Kind = Failed
		r.Verdict = Verdict{intake.Failed, reasonScanImage(err)}
		return r
	}
	for i := range pages {
		if pages[i].Trouble != nil {
			pages[i].Problem = sealWords(pages[i].Trouble)
		}
	}
	r.ScanPages = pages
	r.Verdict.Reason = reasonScanPages(pages)
	return r
}

// mentions tells whether a file name contains one of the hints.
func mentions(name string, hints []string) bool {
	n := form.NormalizeLabel(name)
	for _, hint := range hints {
		if strings.Contains(n, form.NormalizeLabel(hint)) {
			return true
		}
	}
	return false
}

func looksLikeImage(ext string) bool {
	switch ext {
	case ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp":
		return true
	}
	return false
}

// isHEIC tells an ISO-BMFF HEIC/HEIF picture by its ftyp box.
func isHEIC(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
		return true
	}
	return false
}
