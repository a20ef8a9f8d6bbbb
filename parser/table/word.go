package table

import (
	"bytes"
	"fmt"
	"strings"

	"shenbao/parser/doc"
	"shenbao/parser/docx"
	"shenbao/parser/word"
)

// readWord reads the tables of a Word document, one sheet each.
func readWord(b *builder, kind string, data []byte) error {
	var (
		d   *word.Document
		err error
	)
	switch kind {
	case "docx":
		d, err = docx.Read(bytes.NewReader(data), int64(len(data)), docx.Limits{})
	case "rtf":
		d, err = doc.ReadRTF(data)
	case "html":
		d, err = doc.ReadHTML(data)
	default:
		d, err = doc.Read(bytes.NewReader(data), int64(len(data)))
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrWord, err)
	}
	b.wordFormat = d.Format
	var before []string // paragraphs since the previous table
	n := 0
	for _, blk := range d.Blocks {
		if p := blk.Paragraph; p != nil {
			if t := clean(p.Text); t != "" {
				before = append(before, t)
			}
			continue
		}
		if blk.Table == nil {
			continue
		}
		if !b.room() {
			break
		}
		n++
		g := b.newGrid(fmt.Sprintf("表%d", n))
		g.caption = strings.Join(before[max(0, len(before)-3):], " ")
		before = nil
		wordTable(g, blk.Table)
		g.done()
	}
	if n == 0 {
		return ErrNoTables
	}
	return nil
}

// wordTable copies a Word table's grid; a merged cell's text fills every
// slot it covers, as the model already points them at one cell.
func wordTable(g *grid, t *word.Table) {
	for r, row := range t.Rows {
		for c, cell := range row {
			if cell == nil {
				continue
			}
			if !g.set(r, c, cell.Text()) {
				return
			}
		}
	}
}
