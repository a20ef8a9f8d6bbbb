package doc

import (
	"fmt"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// maxDepth bounds table nesting.
const maxDepth = 64

// rowEnd is a finished table row: its cells' blocks and layout.
type rowEnd struct {
	cells [][]word.Block
	cols  []gridCell // layout of the cells (boundaries, merges); may be short
}

// level is a table being assembled at one nesting depth.
type level struct {
	rows  []rowEnd
	cells [][]word.Block // finished cells of the current row
	cur   []word.Block   // blocks of the current cell
}

// assembler turns a sequence of paragraphs marked with their table depth,
// cell ends and row ends (the shape of Word binary and RTF text) into body
// blocks with nested tables.
type assembler struct {
	body  []word.Block
	stack []*level
	slots int // grid slots of the tables laid out so far
	paras int // paragraphs kept so far, against maxParagraphs
	// dropped is set once paragraphs past maxParagraphs were left out.
	dropped bool
}

// maxParagraphs bounds the paragraphs kept of one document, in the body and
// in cells. Each costs about a hundred bytes, so 10 MB of RTF "\par" kept
// 300 MB; a real form has a few thousand.
const maxParagraphs = 1 << 17

// paragraph adds a paragraph at table depth (0 = body). cellEnd closes the
// current cell after it.
func (a *assembler) paragraph(p *word.Paragraph, depth int, cellEnd bool) {
	if a.paras >= maxParagraphs {
		a.dropped = true
		return
	}
	a.paras++
	depth = min(depth, maxDepth)
	a.closeTo(depth)
	if depth == 0 {
		a.body = append(a.body, word.Block{Paragraph: p})
		return
	}
	a.openTo(depth)
	lv := a.stack[depth-1]
	lv.cur = append(lv.cur, word.Block{Paragraph: p})
	if cellEnd {
		lv.cells = append(lv.cells, lv.cur)
		lv.cur = nil
	}
}

// row ends the current row at depth with the given cell layout.
func (a *assembler) row(depth int, cols []gridCell) {
	depth = min(depth, maxDepth)
	if depth == 0 || a.dropped {
		return
	}
	a.closeTo(depth)
	a.openTo(depth)
	lv := a.stack[depth-1]
	if len(lv.cur) > 0 {
		lv.cells = append(lv.cells, lv.cur)
		lv.cur = nil
	}
	lv.rows = append(lv.rows, rowEnd{cells: lv.cells, cols: cols})
	lv.cells = nil
}

func (a *assembler) openTo(depth int) {
	for len(a.stack) < depth {
		a.stack = append(a.stack, &level{})
	}
}

// closeTo finishes the tables deeper than depth, each into its parent's
// current cell (or the body).
func (a *assembler) closeTo(depth int) {
	for len(a.stack) > depth {
		lv := a.stack[len(a.stack)-1]
		a.stack = a.stack[:len(a.stack)-1]
		if len(lv.cur) > 0 {
			lv.cells = append(lv.cells, lv.cur)
		}
		if len(lv.cells) > 0 {
			lv.rows = append(lv.rows, rowEnd{cells: lv.cells})
		}
		if len(lv.rows) == 0 {
			continue
		}
		b := word.Block{Table: buildTable(lv.rows, &a.slots)}
		if n := len(a.stack); n > 0 {
			a.stack[n-1].cur = append(a.stack[n-1].cur, b)
		} else {
			a.body = append(a.body, b)
		}
	}
}

// finish closes every open table and returns the body.
func (a *assembler) finish() []word.Block {
	a.closeTo(0)
	return a.body
}

// finishInto closes every open table and makes the body doc's blocks,
// numbered, with a warning when paragraphs were dropped at the limit; the
// last step of every reader in this package.
func (a *assembler) finishInto(doc *word.Document) {
	doc.Blocks = a.finish()
	if a.dropped {
		doc.Warnings = append(doc.Warnings, problem.Problem{Code: problem.TextCut, Detail: fmt.Sprintf("the document has more than %d paragraphs; the rest were not read", maxParagraphs)})
	}
	if doc.Blocks == nil {
		doc.Blocks = []word.Block{}
	}
	numberTables(doc)
	doc.MarkChoices()
}

// paragraphCut is the problem of a paragraph cut at word.MaxParagraphBytes.
func paragraphCut() problem.Problem {
	return problem.Problem{Code: problem.ParagraphCut, Detail: fmt.Sprintf("a paragraph longer than %d bytes was cut there", word.MaxParagraphBytes)}
}

// buildTable lays out rows whose cells carry boundaries. A row without a
// layout takes the previous row's; cells beyond the layout get boundaries
// past its right edge; with no layout at all each cell is one column.
func buildTable(rows []rowEnd, slots *int) *word.Table {
	grid := make([][]gridCell, len(rows))
	var prev []gridCell
	for r, row := range rows {
		cols := row.cols
		if len(cols) == 0 {
			cols = prev
		}
		prev = cols
		out := make([]gridCell, 0, len(row.cells))
		for i, blocks := range row.cells {
			var g gridCell
			switch {
			case i < len(cols):
				g = cols[i]
			case len(out) > 0:
				g.left = out[len(out)-1].right
				g.right = g.left + syntheticWidth
			default:
				g.right = syntheticWidth
			}
			g.blocks = blocks
			if g.hmerge && len(out) > 0 {
				last := &out[len(out)-1]
				last.right = g.right
				if blocksHaveText(blocks) {
					last.blocks = append(last.blocks, blocks...)
				}
				continue
			}
			out = append(out, g)
		}
		grid[r] = out
	}
	return layoutGrid(grid, true, slots)
}

// syntheticWidth is the width given to cells the row layout does not cover.
const syntheticWidth = 1000
