package intake

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// budget counts what was expanded from one input file at any depth: archive
// entries, bytes of all items, and what was left unread past a bound.
type budget struct {
	entries, bytes atomic.Int64
	// overEntries, overBytes and overRatio count the items left past each
	// bound.
	overEntries, overBytes, overRatio atomic.Int64
	// children is how many items the input file itself holds, so the
	// report can be numbered after them.
	children atomic.Int64
}

// counted records, for the input file itself, how many items it holds.
func (n node) counted(children int) {
	if n.top && n.budget != nil {
		n.budget.children.Store(int64(children))
	}
}

// unpackFloor is what an archive may always expand to, with everything
// nested in it, whatever its size: small archives of text compress well.
const unpackFloor = 64 << 20

// unpack counts the bytes expanded beneath one archive, at any depth.
type unpack struct {
	limit int64
	n     atomic.Int64
}

// opened returns n's children's view of the archive n being opened: its
// bytes, and those of every archive nested in it, count against
// Archive.MaxRatio times its size (plus unpackFloor). The per-archive ratio
// alone does not bound a 42.zip, which keeps every archive's own ratio
// modest and multiplies them by nesting.
func (w *walk) opened(n node, size int64) node {
	u := &unpack{limit: int64(w.lim.Archive.MaxRatio*float64(size)) + unpackFloor}
	n.unpacks = append(n.unpacks[:len(n.unpacks):len(n.unpacks)], u)
	return n
}

// admit charges one more archive entry met inside n's input file and
// reports whether it may be read. Past MaxItems, or once an enclosing
// archive has expanded past its bound (see opened), it is only counted.
func (w *walk) admit(n node) bool {
	b := n.budget
	if b == nil {
		return true
	}
	if b.entries.Add(1) > w.lim.MaxItems {
		b.overEntries.Add(1)
		return false
	}
	for _, u := range n.unpacks {
		if u.n.Load() > u.limit {
			b.overRatio.Add(1)
			return false
		}
	}
	return true
}

// unpacked charges the bytes of an archive entry just read to every
// enclosing archive, and reports whether it may be visited.
func (w *walk) unpacked(n node, size int) bool {
	ok := true
	for _, u := range n.unpacks {
		if u.n.Add(int64(size)) > u.limit {
			ok = false
		}
	}
	if !ok && n.budget != nil {
		n.budget.overRatio.Add(1)
	}
	return ok
}

// spend charges an item of size bytes, already read, met inside n's input
// file and reports whether it may be visited. Past MaxExpandedBytes it is
// only counted.
func (w *walk) spend(n node, size int) bool {
	if n.budget == nil {
		return true
	}
	if n.budget.bytes.Add(int64(size)) > w.lim.MaxExpandedBytes {
		n.budget.overBytes.Add(1)
		return false
	}
	return true
}

// budgetReport emits, after the input file n, one failed item saying how
// many items inside it were left unexpanded and why, if any were.
func (w *walk) budgetReport(n node) error {
	b := n.budget
	if b == nil || b.overEntries.Load() == 0 && b.overBytes.Load() == 0 && b.overRatio.Load() == 0 {
		return nil
	}
	var why []string
	if k := b.overEntries.Load(); k > 0 {
		why = append(why, fmt.Sprintf("压缩包里展开的文件总数超过上限（%d个），其余 %d 项未展开，疑似“压缩炸弹”或层层嵌套的压缩包", w.lim.MaxItems, k))
	}
	if k := b.overRatio.Load(); k > 0 {
		why = append(why, fmt.Sprintf("压缩包展开后的总量超过压缩包本身的%g倍，其余 %d 项未展开，疑似“压缩炸弹”", w.lim.Archive.MaxRatio, k))
	}
	if k := b.overBytes.Load(); k > 0 {
		why = append(why, fmt.Sprintf("展开的内容总量超过上限（%s），其余 %d 项未读取", mb(w.lim.MaxExpandedBytes), k))
	}
	const name = "（未展开的内容）"
	it := &Item{
		Pos:  append(n.pos[:len(n.pos):len(n.pos)], int(b.children.Load())),
		Path: n.path + Sep + name,
		Name: name,
	}
	return w.fail(it, strings.Join(why, "；")+"；如确需审查，请解压后分批提交")
}
