package pipeline

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // photo formats decoded for their pixel size
	_ "image/jpeg"
	_ "image/png"
	"path"
	"strings"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/word"
	"shenbao/validate/dossier"
	"shenbao/validate/profile"
)

// Kinds of parsed items, as dossier.Parsed.Kind.
const (
	kindApplication = "application"
	kindReview      = "review"
	kindWord        = "word"
	kindNonWord     = "application-nonword"
	kindPhoto       = "photo"
	kindScanImage   = "scan-image"
	kindMetadata    = "scan-metadata"
	kindPDF         = "pdf"
	kindIgnored     = "ignored"
	kindFailed      = "failed"
	kindOther       = "other"
)

// minPhotoSide is the size under which a picture is taken for a logo or a
// mail signature image rather than a photo of the window.
const minPhotoSide = 300

// analysis is what the parse stage made of one leaf item.
type analysis struct {
	parsed *dossier.Parsed
	// second is the 初审表 of a document that holds both forms; nil for
	// every other item.
	second   *dossier.Parsed
	records  []scan.Record
	problems []scan.Problem
}

// analyze parses one leaf item. It never fails: trouble becomes the item's
// status and reason, in Chinese, for 文件清单 and M09.
func analyze(it *intake.Item, data []byte, p *profile.Profile) analysis {
	pd := &dossier.Parsed{Item: it}
	a := analysis{parsed: pd}
	if it.Status == intake.Failed || it.Status == intake.Ignored {
		pd.Kind = kindFailed
		if it.Status == intake.Ignored {
			pd.Kind = kindIgnored
		}
		return a
	}
	fail := func(format, reason string) analysis {
		pd.Kind, pd.Format = kindFailed, format
		it.Status, it.Reason = intake.Failed, reason
		pd.WindowHint = it.Name
		return a
	}
	ignore := func(reason string) analysis {
		pd.Kind = kindIgnored
		it.Status, it.Reason = intake.Ignored, reason
		return a
	}
	ext := strings.ToLower(path.Ext(it.Name))

	switch format := doc.Sniff(data); format {
	case "docx", "doc", "rtf", "html":
		if format == "html" && ext != ".doc" && ext != ".wps" && ext != ".docx" {
			return ignore("网页文件，不是申报材料")
		}
		d, err := readWord(format, data)
		if err != nil {
			return fail(format, wordError(err))
		}
		if format == "doc" && ext == ".wps" {
			format = "wps"
		}
		pd.Format = format
		it.Status = intake.Parsed
		a.second = classifyWord(pd, d, p)
		return a
	case "encrypted-ooxml":
		return fail("docx", "文件已加密（设有打开密码），无法读取，请取消密码后重新提交")
	case "works":
		return fail("wps", "Microsoft Works 格式，无法读取，请另存为WORD格式（.docx）后重新提交")
	}

	if it.Scan && scan.IsMetadata(it.Name, data) {
		recs, probs, err := scan.Read(it.Path, data)
		if err != nil {
			return fail("metadata", err.Error())
		}
		pd.Kind, pd.Format = kindMetadata, strings.TrimPrefix(ext, ".")
		a.records, a.problems = recs, probs
		it.Status = intake.Parsed
		if len(probs) > 0 {
			it.Reason = fmt.Sprintf("%d 行有问题，见问题清单", len(probs))
		}
		return a
	}

	if bytes.HasPrefix(data, []byte("%PDF")) {
		pd.Format = "pdf"
		switch {
		case it.Scan:
			pd.Kind = kindScanImage
		case mentionsApplication(it.Name, p):
			pd.Kind = kindNonWord
		default:
			pd.Kind = kindPDF
		}
		pd.WindowHint = it.Name
		if pd.Kind == kindPDF {
			it.Status, it.Reason = intake.Ignored, "PDF文件，不作为申报材料"
			return a
		}
		pages, err := pdfPages(data)
		switch {
		case errors.Is(err, errPDFEncrypted):
			return fail("pdf", "PDF文件已加密（设有打开密码），无法查看，请取消密码后重新提交")
		case err != nil:
			return fail("pdf", "PDF文件已损坏或不完整，无法打开，请重新提交")
		}
		it.Status, it.Reason = intake.Parsed, fmt.Sprintf("PDF，共%d页", pages)
		return a
	}

	if isHEIC(data) {
		return fail("heic", "HEIC格式照片（手机拍摄），无法读取，请转换为JPG格式后重新提交")
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		pd.Format, pd.Width, pd.Height = format, cfg.Width, cfg.Height
		pd.WindowHint = it.Name
		it.Status = intake.Parsed
		switch {
		case it.Scan:
			pd.Kind = kindScanImage
		case mentionsApplication(it.Name, p):
			pd.Kind = kindNonWord
		case max(cfg.Width, cfg.Height) < minPhotoSide:
			return ignore(fmt.Sprintf("图片仅 %d×%d 像素，视为邮件签名或图标", cfg.Width, cfg.Height))
		default:
			pd.Kind = kindPhoto
		}
		return a
	} else if looksLikeImage(ext) {
		return fail(strings.TrimPrefix(ext, "."), "图片文件已损坏或格式不支持，无法打开")
	}

	switch ext {
	case ".ics", ".vcs":
		return ignore("日历邀请，不是申报材料")
	case ".txt", ".htm", ".html", ".vcf", ".p7s", ".asc", ".sig":
		return ignore("邮件附带的文本或签名文件，不是申报材料")
	case ".docx", ".doc", ".wps", ".docm", ".dotx", ".dot":
		return fail(strings.TrimPrefix(ext, "."), "文件已损坏，无法作为WORD文档打开")
	case ".xlsx", ".xls", ".et", ".csv":
		return ignore("表格文件，不是申报材料（扫描记录请用 --scans 指定）")
	}
	pd.Kind = kindOther
	pd.WindowHint = it.Name
	it.Status, it.Reason = intake.Ignored, "无法识别的文件类型，未作为申报材料"
	return a
}

// readWord reads a Word document in any of the formats Sniff tells.
func readWord(format string, data []byte) (*word.Document, error) {
	switch format {
	case "docx":
		return docx.Read(bytes.NewReader(data), int64(len(data)), docx.Limits{})
	case "doc":
		return doc.Read(bytes.NewReader(data), int64(len(data)))
	case "rtf":
		return doc.ReadRTF(data)
	default:
		return doc.ReadHTML(data)
	}
}

// wordError turns a reader's error into the clerk's words.
func wordError(err error) string {
	switch {
	case errors.Is(err, doc.ErrEncrypted):
		return "文件已加密（设有打开密码），无法读取，请取消密码后重新提交"
	case errors.Is(err, doc.ErrUnsupported):
		return "WORD版本过旧（Word 95 及更早）或格式不支持，请另存为 .docx 后重新提交"
	case errors.Is(err, docx.ErrNotDocx), errors.Is(err, zip.ErrFormat):
		return "WORD文件已损坏或不完整（可能在发送时被截断），无法打开，请重新发送"
	}
	return "WORD文件内容有误，无法读取，请用WORD打开检查后另存重新发送"
}

// classifyWord files a Word document as a 申报表, a 初审表 or neither, by
// the labels inside it. A document that holds both forms yields the 申报表
// in pd and the 初审表 as a second result.
func classifyWord(pd *dossier.Parsed, d *word.Document, p *profile.Profile) *dossier.Parsed {
	app, rev := Forms(d, p)
	switch {
	case app != nil && rev != nil:
		pd.Kind, pd.Application = kindApplication, app
		return &dossier.Parsed{Item: pd.Item, Kind: kindReview, Format: pd.Format, Review: rev}
	case app != nil:
		pd.Kind, pd.Application = kindApplication, app
	case rev != nil:
		pd.Kind, pd.Review = kindReview, rev
	default:
		pd.Kind = kindWord
		pd.WindowHint = pd.Item.Name
		pd.Item.Reason = "其他WORD文档（不是申报表或初审表），未作为申报材料"
		pd.Item.Status = intake.Ignored
	}
	return nil
}

// Forms extracts the forms a Word document holds: the 申报表, the 初审表,
// both (附件1 and 附件2 filled in one file), or neither (nil, nil).
func Forms(d *word.Document, p *profile.Profile) (*form.Application, *form.Review) {
	kind, hasApp, hasRev := form.Classify(d, p.Application, p.Review)
	if hasApp && hasRev {
		if ad, rd := splitForms(d, p); ad != nil && rd != nil {
			return form.ExtractApplication(ad, p.Application), form.ExtractReview(rd, p.Review)
		}
	}
	switch kind {
	case form.KindApplication:
		return form.ExtractApplication(d, p.Application), nil
	case form.KindReview:
		return nil, form.ExtractReview(d, p.Review)
	}
	return nil, nil
}

// mentionsApplication tells whether a file name says it is the 申报表.
func mentionsApplication(name string, p *profile.Profile) bool {
	n := form.NormalizeLabel(name)
	for _, hint := range p.Application.NameHints {
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
