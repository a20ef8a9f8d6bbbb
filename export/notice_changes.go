package export

import (
	"slices"
	"strconv"
	"strings"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// askAgain reports whether a window compared with the previous run has
// something new to ask: a new finding that asks something, or an earlier
// one resolved (so the list to fix changed). A window whose open findings
// are exactly what the previous notice asked gets no second notice; a new
// window (or a run without --previous) always may.
func askAgain(w *validate.WindowChange) bool {
	if w == nil || w.Before == "" {
		return true
	}
	return actionable(w.New) > 0 || actionable(w.Closed) > 0
}

// resolvedLine says which items of the previous notice are now resolved:
// “前次告知的第2、3项已补正。”. listed are the previous run's findings of
// the window in the order its notice numbered them (see noticeItems). ""
// when nothing listed there was resolved.
func resolvedLine(w *validate.WindowChange, listed []finding.Finding) string {
	if w == nil || w.Before == "" {
		return ""
	}
	used := make([]bool, len(listed))
	var nums []int
	for _, c := range w.Closed {
		for i, f := range listed {
			if !used[i] && f == c.Finding {
				used[i] = true
				nums = append(nums, i+1)
				break
			}
		}
	}
	if len(nums) == 0 {
		return ""
	}
	if len(nums) == len(listed) {
		return "前次告知的问题已全部补正。"
	}
	slices.Sort(nums)
	words := make([]string, len(nums))
	for i, n := range nums {
		words[i] = strconv.Itoa(n)
	}
	return "前次告知的第" + strings.Join(words, "、") + "项已补正。"
}
