package docx

import (
	"encoding/xml"
	"strconv"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// Table bounds: Word itself allows 63 columns. Every grid slot costs a
// pointer and most a padding cell, so the slots of all tables of one
// document share one budget; a table past it is cut short with a warning
// rather than failing the whole document.
const (
	maxCols     = 512
	maxRows     = 1 << 16 // rows kept of one table
	maxDocSlots = 1 << 18 // rows × columns of all tables of a document
)

type vmerge int

const (
	mergeNone vmerge = iota
	mergeRestart
	mergeContinue
)

// rawCell and rawRow are a table as written, before the grid is laid out.
type rawCell struct {
	span   int
	vmerge vmerge
	hmerge vmerge
	blocks []word.Block
}

type rawRow struct {
	before, after int
	cells         []rawCell
	deleted       bool // a tracked row deletion
}

// table reads a w:tbl and appends it as a grid.
func (r *reader) table(out *[]word.Block) error {
	r.tables++
	t := &word.Table{Index: r.tables}
	var rows []rawRow
	grid := 0
	if err := r.tableContent(&rows, &grid); err != nil {
		return err
	}
	r.layout(t, rows, grid)
	*out = append(*out, word.Block{Table: t})
	return nil
}

func (r *reader) tableContent(rows *[]rawRow, grid *int) error {
	return r.children(func(se xml.StartElement) error {
		if isMC(se.Name) && se.Name.Local == "AlternateContent" {
			return r.alternate(func() error { return r.tableContent(rows, grid) })
		}
		if !isW(se.Name) {
			return r.skip()
		}
		switch se.Name.Local {
		case "tblGrid":
			return r.children(func(se xml.StartElement) error {
				if wEl(se, "gridCol") {
					*grid++
				}
				return r.skip()
			})
		case "tr":
			if len(*rows) >= maxRows {
				r.warn(problem.TableCut, "a table has more than %d rows; the rest were not read", maxRows)
				return r.skip()
			}
			if r.slots >= maxDocSlots {
				r.warn(problem.TableCut, "the tables of the document have more than %d cells; the rest were not read", maxDocSlots)
				return r.skip()
			}
			var row rawRow
			if err := r.rowContent(&row); err != nil {
				return err
			}
			if !row.deleted {
				*rows = append(*rows, row)
			}
			return nil
		case "sdt":
			return r.sdt(func() error { return r.tableContent(rows, grid) }, false)
		case "customXml", "ins", "moveTo", "sdtContent":
			return r.tableContent(rows, grid)
		}
		return r.skip()
	})
}

func (r *reader) rowContent(row *rawRow) error {
	return r.children(func(se xml.StartElement) error {
		if isMC(se.Name) && se.Name.Local == "AlternateContent" {
			return r.alternate(func() error { return r.rowContent(row) })
		}
		if !isW(se.Name) {
			return r.skip()
		}
		switch se.Name.Local {
		case "trPr":
			return r.rowProps(row)
		case "tc":
			c := rawCell{span: 1}
			err := r.children(func(se xml.StartElement) error {
				if wEl(se, "tcPr") {
					return r.cellProps(&c)
				}
				return r.block(se, &c.blocks)
			})
			row.cells = append(row.cells, c)
			return err
		case "sdt":
			return r.sdt(func() error { return r.rowContent(row) }, false)
		case "customXml", "ins", "moveTo", "sdtContent":
			return r.rowContent(row)
		}
		return r.skip()
	})
}

func (r *reader) rowProps(row *rawRow) error {
	return r.children(func(se xml.StartElement) error {
		if isW(se.Name) {
			v, _ := wAttr(se, "val")
			switch se.Name.Local {
			case "gridBefore":
				row.before = count(v, 0)
			case "gridAfter":
				row.after = count(v, 0)
			case "del":
				row.deleted = true
			}
		}
		return r.skip()
	})
}

func (r *reader) cellProps(c *rawCell) error {
	return r.children(func(se xml.StartElement) error {
		if isW(se.Name) {
			v, present := wAttr(se, "val")
			switch se.Name.Local {
			case "gridSpan":
				c.span = max(count(v, 1), 1)
			case "vMerge":
				c.vmerge = mergeKind(v, present)
			case "hMerge":
				c.hmerge = mergeKind(v, present)
			}
		}
		return r.skip()
	})
}

// mergeKind reads ST_Merge; an absent value means continue.
func mergeKind(v string, present bool) vmerge {
	if present && v == "restart" {
		return mergeRestart
	}
	return mergeContinue
}

// count parses a small non-negative count, bounded by maxCols.
func count(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return def
	}
	return min(n, maxCols)
}

// layout places the cells of rows on a grid of NumCols columns: the widest
// of the declared grid and every row. Continued merges point at their
// origin; gaps are filled with Pad cells. A grid wider than maxCols is cut
// to maxCols columns, and rows past the document's slot budget are dropped,
// each with a warning.
func (r *reader) layout(t *word.Table, rows []rawRow, grid int) {
	cols := grid
	for _, row := range rows {
		w := row.before + row.after
		for _, c := range row.cells {
			w += c.span
			if w > maxCols {
				break
			}
		}
		cols = max(cols, w)
	}
	if cols > maxCols {
		r.warn(problem.TableCut, "table %d is %d or more columns wide; only the first %d were read", t.Index, cols, maxCols)
		cols = maxCols
	}
	if left := maxDocSlots - r.slots; len(rows)*cols > left {
		keep := 0
		if cols > 0 {
			keep = left / cols
		}
		r.warn(problem.TableCut, "the tables of the document have more than %d cells; the rest were not read", maxDocSlots)
		rows = rows[:keep]
	}
	r.slots += len(rows) * cols
	t.NumRows, t.NumCols = len(rows), cols
	t.Rows = make([][]*word.Cell, len(rows))
	layoutRows(t, rows, cols)
}

func layoutRows(t *word.Table, rows []rawRow, cols int) {
	for r, row := range rows {
		line := make([]*word.Cell, cols)
		t.Rows[r] = line
		c := 0
		for ; c < row.before && c < cols; c++ {
			line[c] = &word.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Pad: true}
		}
		for _, rc := range row.cells {
			span := min(rc.span, cols-c)
			if span <= 0 {
				break
			}
			if origin := mergeTarget(t, line, r, c, span, rc); origin != nil {
				for i := c; i < c+span; i++ {
					line[i] = origin
				}
				c += span
				continue
			}
			cell := &word.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: span, Blocks: rc.blocks}
			for i := c; i < c+span; i++ {
				line[i] = cell
			}
			c += span
		}
		for ; c < cols; c++ {
			line[c] = &word.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Pad: true}
		}
	}
}

// mergeTarget returns the origin cell a continued merge joins, growing its
// span, or nil when rc starts a cell of its own. A vertical continuation
// joins the cell above when it covers exactly the same columns; a legacy
// horizontal continuation joins the cell to its left in the same row.
func mergeTarget(t *word.Table, line []*word.Cell, r, c, span int, rc rawCell) *word.Cell {
	if rc.vmerge == mergeContinue && r > 0 {
		above := t.Rows[r-1][c]
		if above != nil && !above.Pad && above.Col == c && above.ColSpan == span {
			above.RowSpan = r - above.Row + 1
			return above
		}
	}
	if rc.hmerge == mergeContinue && c > 0 {
		left := line[c-1]
		if left != nil && !left.Pad && left.Row == r {
			left.ColSpan += span
			return left
		}
	}
	return nil
}
