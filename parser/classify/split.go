package classify

import (
	"shenbao/parser/form"
	"shenbao/parser/word"
)

// splitForms cuts a document that holds both forms (附件1 and 附件2 filled in
// one file) into one document per form. Each top-level table goes to the
// form it is detected as on its own; a table that is neither (the rest of a
// form carried over to the next page) follows the table before it;
// paragraphs go with the table after them. Either result is nil when no
// table was detected as that form.
func splitForms(d *word.Document, s Specs) (app, rev *word.Document) {
	var (
		parts   [2][]word.Block // application, review
		pending []word.Block    // paragraphs waiting for their table
		current = -1
	)
	for _, b := range d.Blocks {
		if b.Table == nil {
			pending = append(pending, b)
			continue
		}
		one := &word.Document{Format: d.Format, Blocks: []word.Block{b}}
		switch form.Detect(one, s.Application, s.Review) {
		case form.KindApplication:
			current = 0
		case form.KindReview:
			current = 1
		}
		if current < 0 {
			pending = append(pending, b)
			continue
		}
		parts[current] = append(parts[current], pending...)
		parts[current] = append(parts[current], b)
		pending = nil
	}
	if current >= 0 {
		parts[current] = append(parts[current], pending...)
	}
	doc := func(bs []word.Block) *word.Document {
		if len(bs) == 0 {
			return nil
		}
		return &word.Document{Format: d.Format, Blocks: bs, Warnings: d.Warnings}
	}
	return doc(parts[0]), doc(parts[1])
}
