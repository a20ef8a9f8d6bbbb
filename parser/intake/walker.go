package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/sync/errgroup"

	"shenbao/parser/archive"
	"shenbao/parser/mail"
)

// Limits bounds a walk. A zero field takes its default.
type Limits struct {
	// MaxDepth is how many containers (emails, archives, mbox files; not
	// folders) may enclose a container that is still opened; 0 means 8.
	MaxDepth int
	// MaxItemBytes is the largest leaf read into memory; 0 means 256 MiB.
	MaxItemBytes int64
	// MaxItems bounds the archive entries, and MaxExpandedBytes the bytes of
	// all items, met inside one input file at any depth; 0 means 5000 and
	// 8 GiB. The per-archive limits alone do not: a 42.zip nests sixteen
	// copies of a zip in a zip four deep, and entries of a crafted zip may
	// all point at the same inner zip, so a few kilobytes expand to
	// billions of items. Past either bound the remaining items are neither
	// read nor listed one by one: one failed item at the end of the input
	// says how many were left and why.
	MaxItems         int64
	MaxExpandedBytes int64
	Archive          archive.Limits
	Mail             mail.Limits
}

// Defaults of Limits.
const (
	DefaultMaxDepth         = 8
	DefaultMaxItemBytes     = 256 << 20
	DefaultMaxItems         = 5000
	DefaultMaxExpandedBytes = 8 << 30
)

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxItemBytes <= 0 {
		l.MaxItemBytes = DefaultMaxItemBytes
	}
	if l.MaxItems <= 0 {
		l.MaxItems = DefaultMaxItems
	}
	if l.MaxExpandedBytes <= 0 {
		l.MaxExpandedBytes = DefaultMaxExpandedBytes
	}
	l.Archive = l.Archive.WithDefaults()
	return l
}

// Walker walks inputs. The zero value is ready to use.
type Walker struct {
	Limits Limits
	// Jobs bounds the goroutines that read inputs, folder entries and mbox
	// messages in parallel; 0 means 1 (everything on the caller's goroutine
	// but the top-level inputs' own).
	Jobs int
	// Release says emit's consumer calls Item.Release on every item emitted
	// with data once it is done with the data, so the walk may reuse the
	// buffers of decoded attachments. Without it they are left to the
	// garbage collector: an item that is kept must not keep its buffer.
	Release bool
}

// Walk visits each input (files and folders, recursively; folders sorted by
// name) and calls emit for every item it meets, exactly once: containers
// (folder, mbox, email, zip, 7z, rar, msg, tnef; data nil) and leaves (data =
// the item's bytes). Item.Pos, Path, Name, Size, SHA256, Container and Mail
// are set. Containers get Status Parsed, or Failed with a Chinese Reason; a
// leaf that could not be read gets Failed and a Reason, with data nil; other
// leaves leave Status empty for the parse stage. A container is emitted after
// the items inside it.
//
// emit may be called from several goroutines when Jobs > 1; items carry Pos
// for ordering. Walk returns an error only when ctx is cancelled or emit
// returns one; unreadable inputs are items.
func (w *Walker) Walk(ctx context.Context, inputs []string, emit func(it *Item, data []byte) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(w.Jobs, 1))
	wk := &walk{ctx: ctx, lim: w.Limits.withDefaults(), emit: emit, g: g, release: w.Release}
	for i, in := range inputs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return wk.input(i, in)
		})
	}
	return g.Wait()
}

// WalkBytes walks one in-memory input named name, as Walk walks a file.
func (w *Walker) WalkBytes(ctx context.Context, name string, data []byte, emit func(it *Item, data []byte) error) error {
	wk := &walk{ctx: ctx, lim: w.Limits.withDefaults(), emit: emit, release: w.Release}
	n := node{pos: []int{0}, path: name, name: path.Base(name), budget: &budget{}, top: true}
	if err := wk.data(n, data); err != nil {
		return err
	}
	return wk.budgetReport(n)
}

// walk is the state of a walk, shared by its goroutines.
type walk struct {
	ctx  context.Context
	lim  Limits
	emit func(*Item, []byte) error
	// g runs folder entries and mbox messages in parallel when it has a
	// free slot; nil means everything runs inline.
	g *errgroup.Group
	// release is Walker.Release.
	release bool
}

// spawn runs fn on a goroutine of w.g when one is free and inline
// otherwise, so a goroutine never waits for a slot another one holds; wg
// is done when fn has returned. An error from a spawned fn reaches Walk
// through the group, which cancels the walk.
func (w *walk) spawn(wg *sync.WaitGroup, fn func() error) error {
	wg.Add(1)
	if w.g != nil && w.g.TryGo(func() error { defer wg.Done(); return fn() }) {
		return nil
	}
	defer wg.Done()
	return fn()
}

// node is an item about to be visited: where it is and what encloses it.
type node struct {
	pos   []int
	path  string
	name  string
	mail  *Mail
	depth int // containers (not folders) enclosing it
	// budget counts what was met inside the input file that encloses the
	// node; nil outside files (folders).
	budget *budget
	top    bool // the input file itself
	// unpacks are the expansion budgets of the archives enclosing the node.
	unpacks []*unpack
	// buf is the buffer of the enclosing file read into memory, nil when
	// none: told of every emitted item's data (reuse.go).
	buf *fileBuffer
	// owned says the node's data is a decoded buffer of its own
	// (mail.Part.Owned), which goes out with its item when it is a leaf.
	owned bool
}

// child returns the i-th item inside container n, named name, one level of
// containment deeper.
func (n node) child(i int, name string) node {
	name = cleanName(name)
	p := n.path + Sep + name
	return node{
		pos:     append(n.pos[:len(n.pos):len(n.pos)], i),
		path:    p,
		name:    p[len(p)-len(name):], // shares the path's bytes: items are kept all run
		mail:    n.mail,
		depth:   n.depth + 1,
		budget:  n.budget,
		unpacks: n.unpacks,
		buf:     n.buf,
	}
}

// member returns the i-th entry of folder n; folders add no depth.
func (n node) member(i int, name string) node {
	return node{
		pos:   append(n.pos[:len(n.pos):len(n.pos)], i),
		path:  path.Join(n.path, name),
		name:  cleanName(name),
		depth: n.depth,
	}
}

// item returns an Item for n with the given container kind.
func (n node) item(container string) *Item {
	return &Item{Pos: n.pos, Path: n.path, Name: n.name, Container: container, Mail: n.mail}
}

// put emits it.
func (w *walk) put(it *Item, data []byte) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.emit(it, data)
}

// fail emits it as Failed with reason.
func (w *walk) fail(it *Item, reason string) error {
	it.Status, it.Reason = Failed, reason
	return w.put(it, nil)
}

// tooDeep reports whether container n may not be opened, and if so emits it
// as Failed.
func (w *walk) tooDeep(n node, it *Item) (bool, error) {
	if n.depth <= w.lim.MaxDepth {
		return false, nil
	}
	return true, w.fail(it, depthReason(w.lim.MaxDepth))
}

// input walks the i-th top-level input.
func (w *walk) input(i int, name string) error {
	clean := filepath.ToSlash(filepath.Clean(name))
	n := node{pos: []int{i}, path: clean, name: path.Base(clean)}
	return w.diskPath(n, name, true)
}

// hashHex is the hex SHA-256 of data.
func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// cleanName makes a name from mail or an archive safe to show: control
// characters become '_', an empty name becomes "未命名".
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '_'
		}
		return r
	}, s)
	if strings.TrimSpace(s) == "" {
		return "未命名"
	}
	return s
}
