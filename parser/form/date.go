package form

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date patterns. They accept full-width digits and separators and spaces
// between the parts, so they can find a date in a cell's raw text.
const (
	dateDigit = `0-9０-９〇零○一二三四五六七八九十XxＸｘ×`
	// dateSep are the separators of a numeric date, written so that they
	// serve both as a regexp class's content ('-' last is literal there)
	// and as strings.ContainsAny's set.
	dateSep = ".．－/／-"
)

var (
	// cnDateRE finds "2024年4月2日", "二〇二四年四月二日", "X年X月X日" and the
	// untouched "    年   月   日".
	cnDateRE = regexp.MustCompile(`[` + dateDigit + `]{0,8}[ \t\x{3000}]*年[ \t\x{3000}]*[` + dateDigit + `]{0,4}[ \t\x{3000}]*月[ \t\x{3000}]*[` + dateDigit + `]{0,4}[ \t\x{3000}]*[日号]`)
	// yearlessRE finds a month and day written without a year, "4月2日",
	// or a year and month without a day, "2024年4月", at the end of a line,
	// where a date is written under an opinion.
	yearlessRE = regexp.MustCompile(`(?m)(^|[ \t\x{3000}:：])(?:[` + dateDigit + `]{1,3}[ \t\x{3000}]*月[ \t\x{3000}]*[` + dateDigit + `]{1,3}[ \t\x{3000}]*[日号]|[0-9０-９]{4}[ \t\x{3000}]*年[ \t\x{3000}]*[0-9０-９]{1,2}[ \t\x{3000}]*月)[ \t\x{3000}]*$`)
	// numDateRE finds "2024.4.2", "2024-04-02", "2024/4/2".
	numDateRE = regexp.MustCompile(`[0-9０-９]{4}[ ]*[` + dateSep + `][ ]*[0-9０-９]{1,2}[ ]*[` + dateSep + `][ ]*[0-9０-９]{1,2}`)

	numWholeRE = regexp.MustCompile(`^(\d{4})[./-](\d{1,2})[./-](\d{1,2})日?$`)
	cnWholeRE  = regexp.MustCompile(`^([0-9〇零○一二三四五六七八九十Xx×]*)年([0-9〇零一二三四五六七八九十○Xx×]*)月?([0-9〇零○一二三四五六七八九十Xx×]*)[日号]?$`)
	// noYearRE is a month and day with no year: present, but not a date.
	noYearRE = regexp.MustCompile(`^[0-9〇零○一二三四五六七八九十]{1,3}月[0-9〇零○一二三四五六七八九十]{1,3}[日号]$`)
)

// ParseDate reads a date as written in a form: 2024年4月2日, 2024.4.2,
// 2024-04-02, 2024/4/2, 二〇二四年四月二日 (〇/零/○, 十, 二十一…), with or
// without spaces between the parts, 号 for 日. present is false when nothing was
// filled in (empty, "X年X月X日", "年 月 日"); ok is false when something
// date-like was written that is not a real date (2024年2月30日), and for a
// month and day without a year ("4月2日"), which no deadline can be checked
// against.
func ParseDate(s string) (t time.Time, ok bool, present bool) {
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		b.WriteRune(foldWidth(r))
	}
	c := b.String()
	if c == "" {
		return time.Time{}, false, false
	}
	if m := numWholeRE.FindStringSubmatch(c); m != nil {
		return makeDate(m[1], m[2], m[3])
	}
	if noYearRE.MatchString(c) {
		// Without a year the day cannot be placed against a deadline.
		return time.Time{}, false, true
	}
	m := cnWholeRE.FindStringSubmatch(c)
	if m == nil || !strings.Contains(c, "年") {
		return time.Time{}, false, false
	}
	if untouched(m[1]) && untouched(m[2]) && untouched(m[3]) {
		return time.Time{}, false, false
	}
	y, ok1 := cnYear(m[1])
	mo, ok2 := cnNumber(m[2])
	d, ok3 := cnNumber(m[3])
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false, true
	}
	return makeDate(strconv.Itoa(y), strconv.Itoa(mo), strconv.Itoa(d))
}

// untouched reports a date part left as printed: empty or only X marks.
func untouched(s string) bool {
	return strings.Trim(s, "Xx×") == ""
}

func makeDate(ys, ms, ds string) (time.Time, bool, bool) {
	y, err1 := strconv.Atoi(ys)
	m, err2 := strconv.Atoi(ms)
	d, err3 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false, true
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, false, true
	}
	return t, true, true
}

// cnDigit maps one digit, Arabic or Chinese, to its value.
func cnDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r == '〇' || r == '零' || r == '○':
		return 0, true
	}
	i := strings.IndexRune("一二三四五六七八九", r)
	if i < 0 {
		return 0, false
	}
	return len([]rune("一二三四五六七八九"[:i])) + 1, true
}

// cnYear reads a year written digit by digit: 2024, 二〇二四.
func cnYear(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) != 4 {
		return 0, false
	}
	return cnDigits(rs)
}

// cnDigits reads a number written digit by digit, in Arabic or Chinese
// digits: 2024, 04, 二〇二四.
func cnDigits(rs []rune) (int, bool) {
	n := 0
	for _, r := range rs {
		d, ok := cnDigit(r)
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// cnNumber reads a month or day: 4, 04, 四, 十, 十一, 二十, 二十一, 三〇.
func cnNumber(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 3 {
		return 0, false
	}
	if i := indexRune(rs, '十'); i >= 0 {
		tens, ones := 1, 0
		if i > 0 {
			if i != 1 {
				return 0, false
			}
			d, ok := cnDigit(rs[0])
			if !ok || d == 0 {
				return 0, false
			}
			tens = d
		}
		if i+1 < len(rs) {
			if i+2 != len(rs) {
				return 0, false
			}
			d, ok := cnDigit(rs[i+1])
			if !ok || d == 0 {
				return 0, false
			}
			ones = d
		}
		return tens*10 + ones, true
	}
	return cnDigits(rs)
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// dateSpan is a date found in a text: its byte span and the parse.
type dateSpan struct {
	start, end  int
	text        string
	t           time.Time
	ok, present bool
}

// findDate returns the last date-like text in s, preferring a filled-in
// one over a printed placeholder; found is false when there is none.
func findDate(s string) (span dateSpan, found bool) {
	// Each pattern needs a character the text may not have; most cells
	// have none of them, and the patterns have no literal prefix to skip
	// ahead by, so they are not run where they cannot match.
	month := strings.Contains(s, "月")
	var res []*regexp.Regexp
	if month && strings.Contains(s, "年") && strings.ContainsAny(s, "日号") {
		res = append(res, cnDateRE)
	}
	if strings.ContainsAny(s, dateSep) &&
		strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }) {
		res = append(res, numDateRE)
	}
	var spans []dateSpan
	for _, re := range res {
		for _, m := range re.FindAllStringIndex(s, -1) {
			text := strings.TrimSpace(s[m[0]:m[1]])
			t, ok, present := ParseDate(text)
			spans = append(spans, dateSpan{m[0], m[1], text, t, ok, present})
		}
	}
	full := len(spans)
	var yearless [][]int
	if month && strings.ContainsAny(s, "日号年") { // either form of yearlessRE has one
		yearless = yearlessRE.FindAllStringIndex(s, -1)
	}
	for _, m := range yearless {
		start := m[0]
		for start < m[1] {
			r, n := utf8.DecodeRuneInString(s[start:])
			if !isSpace(r) && r != ':' && r != '：' {
				break
			}
			start += n
		}
		inside := false
		for _, sp := range spans[:full] {
			inside = inside || start < sp.end && m[1] > sp.start
		}
		if inside {
			continue
		}
		text := strings.TrimSpace(s[start:m[1]])
		t, ok, present := ParseDate(text)
		spans = append(spans, dateSpan{start, m[1], text, t, ok, present})
	}
	for _, sp := range spans {
		if !found || sp.present && (!span.present || sp.start > span.start) || !span.present && sp.start > span.start {
			span, found = sp, true
		}
	}
	return span, found
}
