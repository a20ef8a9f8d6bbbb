package scan

import (
	"regexp"
	"strconv"
	"time"
)

var dateRE = regexp.MustCompile(`^\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*$`)

// parseDate reads 2024年4月2日, 2024-04-02, 2024/4/2, 2024.4.2.
func parseDate(s string) (time.Time, bool, bool) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, s != ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, false, true
	}
	return t, true, true
}
