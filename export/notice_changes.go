package export

import (
	"slices"
	"strconv"
	"strings"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// askAgain reports whether a window compared with the previous run has
// something new to ask: a new finding its notice would list, or an item
// of the previous notice resolved (so the list to fix changed). A window
// whose notice would list exactly what the previous one asked gets no
// second notice — a new 联审 or ranking finding (the office's own, never
// told to the window) or a new 待核查 item beside the errors changes
// nothing the window reads; a new window (or a run without --previous)
// always may.
func askAgain(w *validate.WindowChange) bool {
	if w == nil || w.Before == "" {
		return true
	}
	for _, t := range w.New {
		if noticeLists(t.Finding, w.After) {
			return true
		}
	}
	for _, t := range w.Closed {
		if noticeLists(t.Finding, w.Before) {
			return true
		}
	}
	return false
}

// noticeLists reports whether the notice of a window with this conclusion
// lists f as one of its numbered items, as noticeFor does: the window's own
// errors in a 补正 notice, its 待核查 items in a 核实 notice.
func noticeLists(f finding.Finding, conclusion string) bool {
	if !finding.ForWindow(f.Code) {
		return false
	}
	if conclusion == finding.NeedsFix {
		return f.Level == finding.Error
	}
	return f.Level == finding.Review
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
		if !finding.ForWindow(f.Code) {
			continue // not told to the window, so not numbered there
		}
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

// followUps counts the 补正 notices a run writes (asked) and, for a compared
// run, the windows needing a fix whose earlier notice still stands because
// nothing new is asked (stands) — as WriteNotices decides: a window 需补正
// only through the office's own findings (a J01) gets no 补正 notice and is
// in neither count.
func followUps(res *validate.Result) (asked, stands int) {
	changes := windowChanges(res.Changes)
	for _, s := range res.All() {
		if s.Conclusion != finding.NeedsFix {
			continue
		}
		if n := noticeFor(s, 0, NoticeOptions{}); n == nil || n.kind != noticeFix {
			continue
		}
		if res.Changes != nil && !askAgain(changes[s.WindowName]) {
			stands++
			continue
		}
		asked++
	}
	return asked, stands
}
