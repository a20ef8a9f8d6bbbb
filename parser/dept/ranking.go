package dept

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"shenbao/parser/table"
)

// Ranking is one 实绩排序表 as read: one sheet, or one table of a Word file.
type Ranking struct {
	Department string // as the table names it: 鞍山市公安局; "" when nothing names one
	// DepartmentFrom says where Department was found: 标题, 工作表名称,
	// 文件名, or "" when not found.
	DepartmentFrom string
	Source         string // the file
	Sheet          string
	HeaderRow      int // 1-based
	Rows           []RankRow
	Problems       []Problem
}

// RankRow is one ranked window as the table writes it.
type RankRow struct {
	Line     int    // 1-based row of the sheet
	RankText string // as written: 1, 第1名, 一
	Rank     int    // 0 when RankText is no number
	Window   string
	Unit     string
	Score    string
	Note     string
}

func (s RankingSpec) words() roleWords {
	h := s.Headers
	return roleWords{roleRank: h.Rank, roleSeq: h.Seq, roleWindow: h.Window, roleUnit: h.Unit, roleScore: h.Score, roleNote: h.Note}
}

func rankingHeader(h *header) bool {
	return h.has(roleWindow) && (h.has(roleRank) || h.has(roleSeq) || h.has(roleScore))
}

// ReadRankings returns every ranking table of b; source names the file.
// Sheets without a ranking header are skipped.
func ReadRankings(source string, b *table.Book, spec RankingSpec) []Ranking {
	var out []Ranking
	w := spec.words()
	for i := range b.Sheets {
		s := &b.Sheets[i]
		h, ok := findHeader(s, w, rankingHeader)
		if !ok {
			continue
		}
		r := Ranking{Source: source, Sheet: s.Name, HeaderRow: h.row + 1}
		r.Department, r.DepartmentFrom = rankingDepartment(s, h.row, source, spec)
		readRankRows(&r, s, h, w)
		out = append(out, r)
	}
	return out
}

// LooksLikeRanking reports whether b holds a ranking table that can be told
// from a form or scan metadata by content alone: a window column with a
// rank or score column, or with a 序号 column under a title that says
// 排序, 排名 or 实绩.
func LooksLikeRanking(b *table.Book, spec RankingSpec) bool {
	w := spec.words()
	for i := range b.Sheets {
		s := &b.Sheets[i]
		h, ok := findHeader(s, w, rankingHeader)
		if !ok {
			continue
		}
		if h.has(roleRank) || h.has(roleScore) {
			return true
		}
		text := strings.Join(append(titles(s, h.row), s.Name), " ")
		for _, word := range []string{"排序", "排名", "名次", "实绩"} {
			if strings.Contains(text, word) {
				return true
			}
		}
	}
	return false
}

// rankingDepartment names the sender: the title rows, the sheet name, the
// file name, in that order.
func rankingDepartment(s *table.Sheet, headerRow int, source string, spec RankingSpec) (string, string) {
	for _, t := range titles(s, headerRow) {
		if d := departmentFromText(t, spec); d != "" {
			return d, "标题"
		}
	}
	if !plainSheetName.MatchString(s.Name) {
		if d := departmentFromText(s.Name, spec); d != "" {
			return d, "工作表名称"
		}
	}
	if d := departmentFromText(baseName(source), spec); d != "" {
		return d, "文件名"
	}
	return "", ""
}

func readRankRows(r *Ranking, s *table.Sheet, h *header, w roleWords) {
	rankCol := h.col[roleRank]
	if rankCol < 0 {
		rankCol = h.col[roleSeq]
	}
	for i := h.row + 1; i < len(s.Rows); i++ {
		row := s.Rows[i]
		if blank(row) || spanned(row) {
			continue
		}
		win := cell(row, h.col[roleWindow])
		if win == "" {
			if rt := cell(row, rankCol); rt != "" && cell(row, h.col[roleScore]) != "" {
				r.Problems = append(r.Problems, Problem{Source: r.Source, Sheet: r.Sheet, Line: i + 1,
					Message: "名次“" + rt + "”一行没有窗口名称"})
			}
			continue
		}
		if isHeaderText(win, h, roleWindow, w) {
			continue // the header repeated on a new page
		}
		rr := RankRow{Line: i + 1, Window: win, Unit: cell(row, h.col[roleUnit]),
			Score: cell(row, h.col[roleScore]), Note: cell(row, h.col[roleNote]), RankText: cell(row, rankCol)}
		rr.Rank = ParseRank(rr.RankText)
		r.Rows = append(r.Rows, rr)
	}
}

// ParseRank reads a rank as written: 3, 3.0, 第3名, 并列3, 三, 第十二. 0 when
// it is no number or past 9999.
func ParseRank(s string) int {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "并列")
	s = strings.TrimPrefix(s, "第")
	s = strings.TrimRight(s, "名位")
	s = strings.TrimSuffix(s, ".0")
	if s == "" {
		return 0
	}
	if n, err := strconv.Atoi(foldDigits(s)); err == nil {
		if n > 0 && n < 10000 {
			return n
		}
		return 0
	}
	return chineseNumber(s)
}

func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// chineseNumber reads 一 … 九十九; 0 otherwise.
func chineseNumber(s string) int {
	const digits = "〇一二三四五六七八九"
	digit := func(r rune) int {
		if r == '两' {
			return 2
		}
		return strings.IndexRune(digits, r) / utf8.RuneLen('一')
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d := digit(rs[0]); d > 0 {
			return d
		}
	case len(rs) == 2 && rs[0] == '十':
		if d := digit(rs[1]); d > 0 {
			return 10 + d
		}
	case len(rs) == 2 && rs[1] == '十':
		if d := digit(rs[0]); d > 0 {
			return 10 * d
		}
	case len(rs) == 3 && rs[1] == '十':
		if a, b := digit(rs[0]), digit(rs[2]); a > 0 && b > 0 {
			return 10*a + b
		}
	}
	return 0
}
