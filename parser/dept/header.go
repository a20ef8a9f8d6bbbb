package dept

import (
	"strings"

	"shenbao/parser/table"
	"shenbao/parser/text"
)

// maxHeaderProbe is how many rows from the top the header row is looked for.
const maxHeaderProbe = 15

// role is what a column holds.
type role int

const (
	roleNone role = iota
	roleRank
	roleSeq
	roleWindow
	roleUnit
	roleScore
	roleNote
	roleName
	roleID
	roleOther
	roleResult // a generic 联审 result column
)

// roleWords are the variants of each role a header cell may match.
type roleWords map[role][]string

// classify returns the role of one header cell and how well it matched.
func (w roleWords) classify(cell string) (role, int) {
	f := text.Fold(cell)
	if f == "" {
		return roleNone, 0
	}
	best, score := roleNone, 0
	for r := roleRank; r <= roleResult; r++ {
		if s := headerMatch(f, w[r]); s > score {
			best, score = r, s
		}
	}
	return best, score
}

// header is a found header row: the column of each role (-1 when absent).
type header struct {
	row   int
	col   map[role]int
	cells []string
	roles []role // per column
}

func (h *header) has(r role) bool { return h.col[r] >= 0 }

// findHeader returns the best header row among the first rows of s that
// ok accepts: the one naming the most roles; on a tie with the row just
// above, the lower one (the second row of a two-row header). A header
// repeated further down (a new printed page) does not move it.
func findHeader(s *table.Sheet, w roleWords, ok func(*header) bool) (*header, bool) {
	var best *header
	bestN := 0
	for i := 0; i < len(s.Rows) && i < maxHeaderProbe; i++ {
		h := readHeader(s.Rows[i], w)
		h.row = i
		n := 0
		for _, c := range h.col {
			if c >= 0 {
				n++
			}
		}
		if ok(h) && (n > bestN || best != nil && n == bestN && i == best.row+1) {
			best, bestN = h, n
		}
	}
	return best, best != nil
}

// readHeader classifies every cell of row; each role keeps its best
// matching column, the first on ties.
func readHeader(row []string, w roleWords) *header {
	h := &header{col: map[role]int{}, cells: row, roles: make([]role, len(row))}
	score := map[role]int{}
	for r := roleRank; r <= roleResult; r++ {
		h.col[r] = -1
	}
	for c, cell := range row {
		r, s := w.classify(cell)
		h.roles[c] = r
		if r == roleNone {
			continue
		}
		if s > score[r] {
			score[r] = s
			h.col[r] = c
		}
	}
	return h
}

// titles are the texts above the header row (title rows), each distinct
// non-empty cell once, top to bottom.
func titles(s *table.Sheet, headerRow int) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; i < headerRow && i < len(s.Rows); i++ {
		for _, c := range s.Rows[i] {
			if c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	if s.Caption != "" && !seen[s.Caption] {
		out = append([]string{s.Caption}, out...)
	}
	return out
}

// spanned reports whether every non-empty cell of row holds the same text:
// a title, a subtotal or a 填表人 line merged across the table.
func spanned(row []string) bool {
	first := ""
	n := 0
	for _, c := range row {
		if c == "" {
			continue
		}
		n++
		if first == "" {
			first = c
		} else if c != first {
			return false
		}
	}
	return n > 1
}

// isHeaderText reports whether a data cell repeats the header: equal to
// the header cell of its column or to one of the role's words.
func isHeaderText(cell string, h *header, r role, w roleWords) bool {
	f := text.Fold(cell)
	if c := h.col[r]; c >= 0 && f == text.Fold(h.cells[c]) {
		return true
	}
	for _, v := range w[r] {
		if f == text.Fold(v) {
			return true
		}
	}
	return false
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func cell(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return row[c]
}

// Problem is a row or sheet that could not be read as it should.
type Problem struct {
	Source  string // the file, as the run names it
	Sheet   string
	Line    int // 1-based row of the sheet; 0 for the whole sheet
	Message string
}
