package doc

import (
	"sort"

	"shenbao/parser/word"
)

// gridCell is one cell of a row before it is placed on the grid.
type gridCell struct {
	left, right int  // boundaries (twips) when the table has a layout
	vcont       bool // continues the vertical merge of the cell above
	hmerge      bool // merged into the cell on its left (old-style fMerged)
	rowSpan     int  // > 1 for HTML rowspan
	colSpan     int  // HTML colspan; boundaries are used when 0
	blocks      []word.Block
}

// maxGridCols bounds the columns of one table, maxGridSlots the slots of
// all tables of a document (rows past the limit are dropped). Every slot
// costs a pointer and most a padding cell: 1.6 MB of HTML tables, each one
// wide row over thousands of narrow ones, allocated 2.3 GB when the bound
// was per table.
const (
	maxGridCols  = 256
	maxGridSlots = 1 << 19
)

// markTaken marks the slots below row r that a cell spanning columns
// [start, end) down to row stop covers. Only cells that are placed mark
// slots, and the map holds at most maxGridSlots of them: a table whose every
// row spans 1000 rows and 256 columns took 10^9 map writes.
func markTaken(taken map[[2]int]bool, r, start, end, stop int) {
	for rr := r + 1; rr < stop && len(taken) < maxGridSlots; rr++ {
		for cc := start; cc < end; cc++ {
			taken[[2]int{rr, cc}] = true
		}
	}
}

// layoutGrid places rows of cells on a grid. byBounds: columns come from the
// union of the cells' boundaries (Word, RTF); otherwise each cell takes the
// next free slots, colSpan wide, and rowSpan marks slots below it taken
// (HTML). Every slot of the result is non-nil; holes are Pad cells.
//
// slots counts the grid slots of the document's tables so far.
func layoutGrid(rows [][]gridCell, byBounds bool, slots *int) *word.Table {
	var cols []int
	if byBounds {
		cols = gridColumns(rows)
	}
	type placed struct {
		c          *gridCell
		start, end int
	}
	plan := make([][]placed, len(rows))
	taken := map[[2]int]bool{}
	numCols := 0
	for r, row := range rows {
		next := 0
		for i := range row {
			c := &row[i]
			var start, end int
			if byBounds {
				start, end = colIndex(cols, c.left), colIndex(cols, c.right)
				if start < next {
					start = next
				}
				if end <= start {
					end = start + 1
				}
			} else {
				for taken[[2]int{r, next}] {
					next++
				}
				span := max(c.colSpan, 1)
				start, end = next, next+span
			}
			if end > maxGridCols {
				break
			}
			if !byBounds {
				markTaken(taken, r, start, end, min(r+max(c.rowSpan, 1), len(rows)))
			}
			next = end
			numCols = max(numCols, end)
			plan[r] = append(plan[r], placed{c, start, end})
		}
	}
	if left := max(maxGridSlots-*slots, 0); numCols > 0 && len(rows)*numCols > left {
		rows, plan = rows[:left/numCols], plan[:left/numCols]
	}
	if len(rows) == 0 {
		numCols = 0
	}
	*slots += len(rows) * numCols
	t := &word.Table{NumRows: len(rows), NumCols: numCols, Rows: make([][]*word.Cell, len(rows))}
	for r := range rows {
		t.Rows[r] = make([]*word.Cell, numCols)
	}
	for r, row := range plan {
		for _, p := range row {
			if p.c.vcont && r > 0 {
				if above := t.Rows[r-1][p.start]; above != nil && !above.Pad && above.Col == p.start &&
					above.Row+above.RowSpan == r && above.Col+above.ColSpan == p.end {
					above.RowSpan++
					if blocksHaveText(p.c.blocks) {
						above.Blocks = append(above.Blocks, p.c.blocks...)
					}
					for c := p.start; c < p.end; c++ {
						t.Rows[r][c] = above
					}
					continue
				}
			}
			span := max(p.c.rowSpan, 1)
			if r+span > len(rows) {
				span = len(rows) - r
			}
			cell := &word.Cell{Row: r, Col: p.start, RowSpan: span, ColSpan: p.end - p.start, Blocks: p.c.blocks}
			for rr := r; rr < r+span; rr++ {
				for c := p.start; c < p.end; c++ {
					if t.Rows[rr][c] == nil {
						t.Rows[rr][c] = cell
					}
				}
			}
		}
	}
	for r := range t.Rows {
		for c := range t.Rows[r] {
			if t.Rows[r][c] == nil {
				t.Rows[r][c] = &word.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Pad: true}
			}
		}
	}
	return t
}

// gridColumns returns the sorted union of all cell boundaries, boundaries
// closer than a few twips taken as one.
func gridColumns(rows [][]gridCell) []int {
	var all []int
	for _, row := range rows {
		for _, c := range row {
			all = append(all, c.left, c.right)
		}
	}
	sort.Ints(all)
	var cols []int
	for _, x := range all {
		if len(cols) == 0 || x-cols[len(cols)-1] > 3 {
			cols = append(cols, x)
		}
	}
	return cols
}

// colIndex returns the index of the grid boundary nearest to x.
func colIndex(cols []int, x int) int {
	i := sort.SearchInts(cols, x)
	if i > 0 && (i == len(cols) || x-cols[i-1] <= cols[i]-x) {
		i--
	}
	return i
}

func blocksHaveText(bs []word.Block) bool {
	for _, b := range bs {
		if b.Table != nil || (b.Paragraph != nil && (b.Paragraph.Text != "" || len(b.Paragraph.Images) > 0)) {
			return true
		}
	}
	return false
}

// numberTables sets Table.Index 1, 2, … in document order, each table
// before the tables nested in it.
func numberTables(d *word.Document) {
	for i, t := range d.Tables() {
		t.Index = i + 1
	}
}
