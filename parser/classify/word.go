package classify

import (
	"bytes"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/form"
	"shenbao/parser/word"
)

// readWord reads a Word document in any of the formats doc.Sniff tells.
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

// Forms extracts the forms a Word document holds: the 申报表, the 初审表,
// both (附件1 and 附件2 filled in one file, each read from its own tables),
// or neither (nil, nil).
func Forms(d *word.Document, s Specs) (*form.Application, *form.Review) {
	kind, hasApp, hasRev := form.Classify(d, s.Application, s.Review)
	if hasApp && hasRev {
		if ad, rd := splitForms(d, s); ad != nil && rd != nil {
			return form.ExtractApplication(ad, s.Application), form.ExtractReview(rd, s.Review)
		}
	}
	switch kind {
	case form.KindApplication:
		return form.ExtractApplication(d, s.Application), nil
	case form.KindReview:
		return nil, form.ExtractReview(d, s.Review)
	}
	return nil, nil
}
