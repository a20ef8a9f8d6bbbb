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

// allResolved is resolvedLine when every item of the previous notice is
// resolved.
const allResolved = "前次告知的问题已全部补正。"

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
		return allResolved
	}
	slices.Sort(nums)
	words := make([]string, len(nums))
	for i, n := range nums {
		words[i] = strconv.Itoa(n)
	}
	return "前次告知的第" + strings.Join(words, "、") + "项已补正。"
}

// followUp rewrites the opening of n, the notice of a window compared with
// the previous run, to say which earlier items are resolved.
func (n *notice) followUp(w *validate.WindowChange, opt NoticeOptions) {
	line := resolvedLine(w, previouslyListed(w))
	if line == "" {
		return
	}
	materials := "申报材料"
	if opt.Title != "" {
		materials = opt.Title + "申报材料"
	}
	ask := "以下问题仍需补正，现一次性告知如下："
	switch {
	case line == allResolved && n.kind == noticeVerify:
		ask = "另有以下事项需要你窗口核实确认："
	case line == allResolved:
		ask = "但发现以下新问题需要补正，现一次性告知如下："
	case n.kind == noticeVerify:
		ask = "以下事项仍需你窗口核实确认："
	}
	n.intro = "经对你窗口重新报送的" + materials + "进行复查，" + strings.TrimSuffix(line, "。") + "；" + ask
}

// previouslyListed are the items of the window's previous notice, in its
// order: the errors when there were any (a 补正 notice), else what needed
// review (a 核实 notice) — as noticeFor lists them.
func previouslyListed(w *validate.WindowChange) []finding.Finding {
	var errs, reviews []finding.Finding
	for _, f := range w.Previous {
		switch f.Level {
		case finding.Error:
			errs = append(errs, f)
		case finding.Review:
			reviews = append(reviews, f)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return reviews
}

// followUps is the number of 补正 notices a run writes: fix, the windows
// that are 需补正, or for a compared run those of them with something new
// to ask.
func followUps(res *validate.Result, fix int) int {
	if res.Changes == nil {
		return fix
	}
	changes := windowChanges(res.Changes)
	n := 0
	for _, s := range res.Submissions {
		if s.Conclusion == finding.NeedsFix && askAgain(changes[s.WindowName]) {
			n++
		}
	}
	return n
}
