package word

import "strings"

// Text returns the document's visible text, one line per paragraph, table
// rows as lines with cells separated by "\t".
func (d *Document) Text() string { return blocksText(d.Blocks) }

// Tables returns every table in document order, nested ones after their parent.
func (d *Document) Tables() []*Table {
	var out []*Table
	var walk func([]Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			if b.Table == nil {
				continue
			}
			out = append(out, b.Table)
			for _, c := range b.Table.Origins() {
				walk(c.Blocks)
			}
		}
	}
	walk(d.Blocks)
	return out
}

func blocksText(bs []Block) string {
	if len(bs) == 1 && bs[0].Paragraph != nil {
		return bs[0].Paragraph.Text // the common cell: one paragraph, nothing to join
	}
	var sb strings.Builder
	for i, b := range bs {
		if i > 0 {
			sb.WriteByte('\n')
		}
		switch {
		case b.Paragraph != nil:
			sb.WriteString(b.Paragraph.Text)
		case b.Table != nil:
			for r, row := range b.Table.Rows {
				if r > 0 {
					sb.WriteByte('\n')
				}
				first := true
				for c, cell := range row {
					if cell == nil || cell.Row != r || cell.Col != c {
						continue
					}
					if !first {
						sb.WriteByte('\t')
					}
					first = false
					sb.WriteString(strings.ReplaceAll(cell.Text(), "\n", " "))
				}
			}
		}
	}
	return sb.String()
}

func blocksImages(bs []Block) []Image {
	var out []Image
	for _, b := range bs {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Images...)
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				out = append(out, blocksImages(c.Blocks)...)
			}
		}
	}
	return out
}

func blocksCheckboxes(bs []Block) []Checkbox {
	var out []Checkbox
	for _, b := range bs {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Checkboxes...)
		}
		if b.Table != nil {
			for _, c := range b.Table.Origins() {
				out = append(out, blocksCheckboxes(c.Blocks)...)
			}
		}
	}
	return out
}
