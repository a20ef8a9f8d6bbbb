package scan

import (
	"strconv"
	"strings"
)

// triWord maps a folded yes/no spelling to its value.
func triWord(f string) (Tri, bool) {
	switch f {
	case "是", "有", "√", "✓", "✔", "☑", "1", "true", "y", "yes",
		"已签字", "已签名", "已签", "已盖章", "已盖", "有签字", "有印章", "有章":
		return Yes, true
	case "否", "无", "没有", "×", "✗", "✘", "☒", "0", "false", "n", "no",
		"未签字", "未签名", "未签", "未盖章", "未盖", "无签字", "无印章", "无章":
		return No, true
	}
	return Unknown, false
}

// parseTri reads a yes/no cell. ok is false when the cell is not blank and
// not a known spelling; the result is then Unknown.
func parseTri(s string) (t Tri, ok bool) {
	f := foldHeader(s)
	if f == "" {
		return Unknown, true
	}
	if t, found := triWord(f); found {
		return t, true
	}
	return Unknown, false
}

// parseConfidence reads 0–1, 0–100 or "95%". Blank is -1 with ok. A value
// that is not a number or lies outside 0–100 is -1 and not ok.
func parseConfidence(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1, true
	}
	pct := false
	if t, found := strings.CutSuffix(s, "%"); found {
		s, pct = strings.TrimSpace(t), true
	} else if t, found := strings.CutSuffix(s, "％"); found {
		s, pct = strings.TrimSpace(t), true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v < 0 || v > 100 {
		return -1, false
	}
	if pct || v > 1 {
		v /= 100
	}
	return v, true
}

// parsePage reads "3", "第3页", "P3". Blank is 0 with ok.
func parsePage(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	s = strings.TrimPrefix(strings.TrimSuffix(s, "页"), "第")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "P"), "p")
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1e6 && f == float64(int(f)) {
		return int(f), true
	}
	return 0, false
}
