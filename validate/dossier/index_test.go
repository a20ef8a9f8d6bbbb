package dossier

import (
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/text"
)

// The lookups as they were before the index: every window compared with the
// name. They are the reference the index must agree with exactly.

func refContainsName(hay, needle string) bool {
	return needle != "" && utf8.RuneCountInString(needle) >= minContain && strings.Contains(hay, needle)
}

func refContaining(groups map[string]*group, name string) *group {
	var best *group
	for _, g := range groups {
		if !refContainsName(name, g.fold) {
			continue
		}
		if best == nil || len(g.fold) > len(best.fold) || (len(g.fold) == len(best.fold) && g.key < best.key) {
			best = g
		}
	}
	return best
}

func refByName(groups map[string]*group, name string) *group {
	key := nameKey(name)
	if key == "" {
		return nil
	}
	if g := groups[key]; g != nil {
		return g
	}
	f := text.Fold(name)
	var found *group
	for _, g := range groups {
		if g.fold == "" {
			continue
		}
		if g.fold == f || refContainsName(f, g.fold) || refContainsName(g.fold, f) {
			if found != nil {
				return nil
			}
			found = g
		}
	}
	return found
}

func refSortedKeys(m map[string]*group) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func refSameFold(groups map[string]*group, name string) *group {
	f := text.Fold(name)
	for _, key := range refSortedKeys(groups) {
		if g := groups[key]; f != "" && g.fold == f {
			return g
		}
	}
	return nil
}

func refSameFile(file string, it *intake.Item) bool {
	file = strings.ReplaceAll(strings.TrimSpace(file), "\\", "/")
	return path.Base(file) == it.Name || strings.HasSuffix(it.Path, file)
}

func refScanWindow(groups map[string]*group, it *intake.Item) *group {
	for _, key := range refSortedKeys(groups) {
		g := groups[key]
		for _, r := range g.records {
			if r.File != "" && refSameFile(r.File, it) {
				return g
			}
		}
	}
	return nil
}

func keyOf(g *group) string {
	if g == nil {
		return "<nil>"
	}
	return g.key
}

// newTestAssembler makes the windows named, in order, as 申报表 would.
func newTestAssembler(names ...string) *assembler {
	a := &assembler{p: testProfile(), groups: map[string]*group{}, mails: map[string][]string{}, names: newNameIndex()}
	for _, n := range names {
		a.get(nameKey(n), n, 0)
	}
	return a
}

// compareLookups checks every lookup of q against the reference.
func compareLookups(t *testing.T, a *assembler, q string) {
	t.Helper()
	f := text.Fold(q)
	if got, want := keyOf(a.containing(f)), keyOf(refContaining(a.groups, f)); got != want {
		t.Errorf("containing(%q) = %s, reference %s", f, got, want)
	}
	if got, want := keyOf(a.byName(q)), keyOf(refByName(a.groups, q)); got != want {
		t.Errorf("byName(%q) = %s, reference %s", q, got, want)
	}
	if got, want := keyOf(a.sameFold(q)), keyOf(refSameFold(a.groups, q)); got != want {
		t.Errorf("sameFold(%q) = %s, reference %s", q, got, want)
	}
}

var trickyWindows = []string{
	"不动产登记窗口",
	"市政务服务中心不动产登记窗口", // holds the one above
	"铁东区税务局（办税服务厅）",
	"铁东区税务局办税服务厅", // the same fold as the one above, another key
	"公积金提取窗口",
	"公积金提取窗口二", // the same stem and more
	"企业 开办 一窗通办窗口",
	"【综合】受理窗口",
	"ＡＢＣ政务窗口", // full-width; the same fold as abc政务窗口
	"abc政务窗口",
	"甲乙丙丁窗口",
	"乙丙丁戊窗口", // as long as the one above
	"★便民服务窗口★",
	"服务服务服务服务窗口", // a piece that repeats
	"窗口",         // too short to be matched by containment
	"税务窗口",       // just long enough
}

func TestIndexTrickyNames(t *testing.T) {
	tests := []struct {
		query      string
		containing string // the window the index must give for a file name
		byName     string
	}{
		{"市政务服务中心不动产登记窗口环境照片", "市政务服务中心不动产登记窗口", "<nil>"},
		{"不动产登记窗口-工作照片", "不动产登记窗口", "不动产登记窗口"},
		{"不动产登记窗口", "不动产登记窗口", "不动产登记窗口"},
		{"市不动产登记窗口", "不动产登记窗口", "不动产登记窗口"},
		{"中心不动产登记窗口", "不动产登记窗口", "<nil>"},
		{"铁东区税务局 办税服务厅 环境照片", "铁东区税务局(办税服务厅)", "<nil>"},
		{"铁东区税务局办税服务厅", "铁东区税务局(办税服务厅)", "铁东区税务局办税服务厅"},
		{"公积金提取窗口二环境", "公积金提取窗口二", "<nil>"},
		{"公积金提取窗口", "公积金提取窗口", "公积金提取窗口"},
		{"企业开办一窗通办窗口照片", "企业开办一窗通办窗口", "企业开办一窗通办窗口"},
		{"[综合]受理窗口 (1)", "(综合)受理窗口", "(综合)受理窗口"},
		{"ABC政务窗口工作照", "ABC政务窗口", "<nil>"},
		{"ａｂｃ政务窗口", "ABC政务窗口", "abc政务窗口"},
		{"甲乙丙丁窗口乙丙丁戊窗口", "乙丙丁戊窗口", "<nil>"},
		{"便民服务窗口", "★便民服务窗口★", "★便民服务窗口★"},
		{"服务服务服务服务窗口", "服务服务服务服务窗口", "服务服务服务服务窗口"},
		{"服务服务", "<nil>", "服务服务服务服务窗口"},
		{"窗口", "<nil>", "窗口"},
		{"窗口照片", "<nil>", "<nil>"},
		{"地税务窗口", "税务窗口", "税务窗口"},
		{"", "<nil>", "<nil>"},
		{"（）", "<nil>", "<nil>"},
	}
	a := newTestAssembler(trickyWindows...)
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			compareLookups(t, a, tc.query)
			if got := keyOf(a.containing(text.Fold(tc.query))); got != tc.containing {
				t.Errorf("containing(%q) = %s, want %s", tc.query, got, tc.containing)
			}
			if got := keyOf(a.byName(tc.query)); got != tc.byName {
				t.Errorf("byName(%q) = %s, want %s", tc.query, got, tc.byName)
			}
		})
	}
}

func TestIndexScanFiles(t *testing.T) {
	a := newTestAssembler("甲窗口一号", "乙窗口二号", "丙窗口三号")
	rec := func(file string) scan.Record { return scan.Record{File: file} }
	a.groups[nameKey("乙窗口二号")].records = []scan.Record{rec("scans/p1.jpg"), rec(`C:\扫描\p2.jpg`)}
	a.groups[nameKey("甲窗口一号")].records = []scan.Record{rec("p1.jpg"), rec("age3.jpg"), rec("")}
	a.groups[nameKey("丙窗口三号")].records = []scan.Record{rec(" 扫描/p4.png ")}
	files := newFileIndex(a.groups)
	tests := []struct{ path, want string }{
		{"扫描 › scans/p1.jpg", "乙窗口二号"}, // both name it: the smaller key
		{"扫描/p2.jpg", "乙窗口二号"},
		{"盘/page3.jpg", "甲窗口一号"}, // a path that ends with the 文件
		{"扫描/p4.png", "丙窗口三号"},
		{"扫描/p5.png", "<nil>"},
	}
	for _, tc := range tests {
		it := item(tc.path, nil)
		if got, want := keyOf(files.window(it)), keyOf(refScanWindow(a.groups, it)); got != want || got != tc.want {
			t.Errorf("%s: index %s, reference %s, want %s", tc.path, got, want, tc.want)
		}
	}
	// A 文件 of spaces only ends every path, as the old rule had it.
	a.groups[nameKey("丙窗口三号")].records = append(a.groups[nameKey("丙窗口三号")].records, rec("  "))
	files = newFileIndex(a.groups)
	it := item("扫描/p5.png", nil)
	if got, want := keyOf(files.window(it)), keyOf(refScanWindow(a.groups, it)); got != want || got != "丙窗口三号" {
		t.Errorf("blank 文件: index %s, reference %s", got, want)
	}
}

// TestIndexRandom compares the index with the reference on random names
// from a small alphabet, so that names hold one another often, with windows
// added between lookups and folds set after a window was made.
func TestIndexRandom(t *testing.T) {
	alphabet := []rune("甲乙丙丁窗口服务（）()ＡAa 　-·★")
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 13))
		word := func(maxLen int) string {
			n := 1 + rng.IntN(maxLen)
			rs := make([]rune, n)
			for i := range rs {
				rs[i] = alphabet[rng.IntN(len(alphabet))]
			}
			return string(rs)
		}
		a := newTestAssembler()
		for range 60 {
			switch rng.IntN(4) {
			case 0: // a window named by a form
				n := word(9)
				a.get(nameKey(n), n, rng.IntN(3))
			case 1: // a window of an unnamed form, named later or not
				n := word(9)
				key := "file:" + n
				a.get(key, "未填写窗口名称", rankUnnamed)
				if rng.IntN(2) == 0 {
					a.get(key, n, 1)
				}
			default:
				compareLookups(t, a, word(14))
			}
			if t.Failed() {
				t.Fatalf("seed %d", seed)
			}
		}
	}
}

func TestIndexRandomFiles(t *testing.T) {
	parts := []string{"a", "b", "p1", "1", ".jpg", "/", `\`, " ", "扫描", " › "}
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 29))
		word := func(n int) string {
			var b strings.Builder
			for range 1 + rng.IntN(n) {
				b.WriteString(parts[rng.IntN(len(parts))])
			}
			return b.String()
		}
		a := newTestAssembler()
		for i := range 8 {
			g := a.get(fmt.Sprintf("窗口%d", rng.IntN(20)), fmt.Sprintf("窗口%d", i), 0)
			for range rng.IntN(3) {
				g.records = append(g.records, scan.Record{File: word(4)})
			}
		}
		files := newFileIndex(a.groups)
		for range 40 {
			it := item(word(6), nil)
			if got, want := keyOf(files.window(it)), keyOf(refScanWindow(a.groups, it)); got != want {
				t.Fatalf("seed %d: %q (name %q): index %s, reference %s", seed, it.Path, it.Name, got, want)
			}
		}
	}
}

// BenchmarkAttribute measures attributing photos by name; its time per
// window must not grow with the number of windows.
func BenchmarkAttribute(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("windows=%d", n), func(b *testing.B) {
			var items []*Piece
			for i := range n {
				m := email(fmt.Sprintf("%05d.eml", i), "2024-04-01", i)
				win := fmt.Sprintf("第%d号政务服务窗口", i)
				items = append(items,
					app(item(fmt.Sprintf("%05d.eml › %s申报表.docx", i, win), m, i, 0), win, "鞍山市公安局"),
					photo(item(fmt.Sprintf("%05d.eml › 环境照片.jpg", i), m, i, 1), 1280, 960),
					photo(item(fmt.Sprintf("%05d.eml › %s工作照片.jpg", i, win), m, i, 2), 1280, 960))
			}
			b.ResetTimer()
			for range b.N {
				ds, _, _ := Assemble(items, nil, testProfile())
				if len(ds) != n {
					b.Fatalf("%d windows, want %d", len(ds), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/window")
		})
	}
}
