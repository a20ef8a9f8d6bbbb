package dossier

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"shenbao/parser/intake"
)

// nameIndex holds the windows' folded names so that a lookup by name costs
// what the looked-up text costs, not the number of windows: a batch of ten
// thousand windows must not compare every photo with every window.
//
// A window enters the index when its fold is set; a fold is set once and
// never changes, so entries are never moved or removed.
type nameIndex struct {
	// byFold holds every window with a fold, by the fold.
	byFold map[string][]*group
	// next is a trie over the runes of the folds of at least minContain
	// runes (those containment may match); node 0 is the root. ends holds,
	// per node, the windows whose fold ends there.
	next  map[trieEdge]int32
	ends  map[int32][]*group
	nodes int32
	// grams holds, for each piece of minContain runes of those folds, the
	// windows whose fold has it, each window once.
	grams map[string][]*group
}

type trieEdge struct {
	node int32
	r    rune
}

func newNameIndex() *nameIndex {
	return &nameIndex{
		byFold: map[string][]*group{},
		next:   map[trieEdge]int32{},
		ends:   map[int32][]*group{},
		grams:  map[string][]*group{},
	}
}

// add indexes g under its fold; a window without a fold is not indexed.
func (x *nameIndex) add(g *group) {
	f := g.fold
	if f == "" {
		return
	}
	x.byFold[f] = append(x.byFold[f], g)
	starts := runeStarts(f)
	if len(starts)-1 < minContain {
		return
	}
	node := int32(0)
	for _, r := range f {
		e := trieEdge{node, r}
		n, ok := x.next[e]
		if !ok {
			x.nodes++
			n = x.nodes
			x.next[e] = n
		}
		node = n
	}
	x.ends[node] = append(x.ends[node], g)
	for i := 0; i+minContain < len(starts); i++ {
		gram := f[starts[i]:starts[i+minContain]]
		list := x.grams[gram]
		if len(list) > 0 && list[len(list)-1] == g {
			continue // the piece occurs twice in this fold
		}
		x.grams[gram] = append(list, g)
	}
}

// within calls fn for each window whose fold, of at least minContain runes,
// occurs in text (a fold as text.Fold makes it), once per occurrence, until
// fn returns false.
func (x *nameIndex) within(text string, fn func(*group) bool) {
	for i := range text {
		node := int32(0)
		for _, r := range text[i:] {
			n, ok := x.next[trieEdge{node, r}]
			if !ok {
				break
			}
			node = n
			for _, g := range x.ends[node] {
				if !fn(g) {
					return
				}
			}
		}
	}
}

// holding calls fn for each window whose fold contains f, when f has at
// least minContain runes, until fn returns false. The candidates are the
// windows holding f's rarest piece.
func (x *nameIndex) holding(f string, fn func(*group) bool) {
	starts := runeStarts(f)
	if len(starts)-1 < minContain {
		return
	}
	var fewest []*group
	for i := 0; i+minContain < len(starts); i++ {
		list := x.grams[f[starts[i]:starts[i+minContain]]]
		if len(list) == 0 {
			return // no fold has this piece, so none holds f
		}
		if i == 0 || len(list) < len(fewest) {
			fewest = list
		}
	}
	for _, g := range fewest {
		if strings.Contains(g.fold, f) && !fn(g) {
			return
		}
	}
}

// runeStarts returns the byte offset of each rune of s, then len(s).
func runeStarts(s string) []int {
	starts := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	return append(starts, len(s))
}

// fileIndex finds the window of a scan image by the 文件 of the scan
// records: a record names an image when its file's base name is the
// image's name or the image's path ends with it. Each entry keeps the
// window of the smallest key among those naming it, as the rule wants.
type fileIndex struct {
	byBase   map[string]*group
	bySuffix map[string]*group
	byPage   map[string]*group // base name and 页码
	paged    map[string]bool   // base names some record gives a 页码 for
}

// newFileIndex indexes the records of every window.
func newFileIndex(groups map[string]*group) *fileIndex {
	x := &fileIndex{byBase: map[string]*group{}, bySuffix: map[string]*group{}, byPage: map[string]*group{}, paged: map[string]bool{}}
	keep := func(m map[string]*group, k string, g *group) {
		if old := m[k]; old == nil || g.key < old.key {
			m[k] = g
		}
	}
	for _, g := range groups {
		for _, r := range g.records {
			if r.File == "" {
				continue
			}
			file := cleanFile(r.File)
			keep(x.byBase, path.Base(file), g)
			keep(x.bySuffix, file, g)
			if r.Page > 0 {
				keep(x.byPage, pageKey(path.Base(file), r.Page), g)
				x.paged[path.Base(file)] = true
			}
		}
	}
	return x
}

// window returns the window of the smallest key that has a record naming
// it, nil when none.
func (x *fileIndex) window(it *intake.Item) *group {
	best := x.byBase[it.Name]
	for i := 0; i <= len(it.Path); i++ {
		if g := x.bySuffix[it.Path[i:]]; g != nil && (best == nil || g.key < best.key) {
			best = g
		}
	}
	return best
}

// windowPage returns the window whose records name the image and page n,
// nil when none does.
func (x *fileIndex) windowPage(it *intake.Item, n int) *group {
	return x.byPage[pageKey(it.Name, n)]
}

// split says whether records name pages of the image: a batch scan whose
// pages belong to different windows, each only where a record says.
func (x *fileIndex) split(it *intake.Item) bool { return x.paged[it.Name] }

func pageKey(base string, n int) string { return base + "\x00" + strconv.Itoa(n) }

// cleanFile is a record's 文件 as it is compared with an image's name
// and path.
func cleanFile(file string) string {
	return strings.ReplaceAll(strings.TrimSpace(file), "\\", "/")
}
