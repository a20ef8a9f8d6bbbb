package doc

import (
	"encoding/binary"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"shenbao/parser/golden"
	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// TestMillionPieces rewrites the piece table of a fixture as 1,000,000
// pieces: the original ones cut into single characters, then empty pieces.
// The text must come out the same, in bounded time and memory.
func TestMillionPieces(t *testing.T) {
	st := fixtureStreams(t, "shenbao.doc")
	f, err := parseFIB(st.word)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decode(f, &st)
	if err != nil {
		t.Fatal(err)
	}
	pcs, err := parseClx(st.table, f.clx, len(st.word))
	if err != nil {
		t.Fatal(err)
	}
	const n = 1_000_000
	type pcd struct {
		cp, fc     int64
		compressed bool
	}
	var out []pcd
	for _, p := range pcs {
		width := int64(2)
		if p.compressed {
			width = 1
		}
		for cp := p.cpStart; cp < p.cpEnd; cp++ {
			out = append(out, pcd{cp, p.fc + (cp-p.cpStart)*width, p.compressed})
		}
	}
	end := pcs[len(pcs)-1].cpEnd
	if len(out) > n {
		t.Fatalf("fixture has %d characters", len(out))
	}
	for len(out) < n {
		out = append(out, pcd{end, 0, true})
	}
	plc := make([]byte, 4*(n+1)+8*n)
	for k, p := range out {
		binary.LittleEndian.PutUint32(plc[4*k:], uint32(p.cp))
		fc := uint32(p.fc)
		if p.compressed {
			fc = uint32(p.fc*2) | 0x40000000
		}
		binary.LittleEndian.PutUint32(plc[4*(n+1)+8*k+2:], fc)
	}
	// cp boundaries: piece k covers [cp_k, cp_k+1).
	for k := range n {
		cpEnd := end
		if out[k].cp < end {
			cpEnd = out[k].cp + 1
		}
		binary.LittleEndian.PutUint32(plc[4*(k+1):], uint32(cpEnd))
	}
	clx := append([]byte{0x02, 0, 0, 0, 0}, plc...)
	binary.LittleEndian.PutUint32(clx[1:], uint32(len(plc)))
	fc := len(st.table)
	st.table = append(st.table, clx...)
	put32(st.word, offFcClx, uint32(fc))
	put32(st.word, offFcClx+4, uint32(len(clx)))
	f, err = parseFIB(st.word)
	if err != nil {
		t.Fatal(err)
	}

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	got, err := decode(f, &st)
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if el > golden.Bound(5*time.Second) {
		t.Errorf("decode took %v", el)
	}
	if mem := after.TotalAlloc - before.TotalAlloc; mem > 256<<20 {
		t.Errorf("decode allocated %d MiB", mem>>20)
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("text differs:\n%q\nwant\n%q", g, w)
	}
	t.Logf("%d-byte clx decoded in %v", len(clx), el)
}

// TestHTMLSpans: every row of an HTML table spans 1000 rows and 256
// columns; the slots covered are marked once each, not once per row.
func TestHTMLSpans(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><table>")
	for range 4000 {
		b.WriteString(`<tr><td rowspan=1000 colspan=256>x</td></tr>`)
	}
	b.WriteString("</table></body></html>")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := ReadHTML([]byte(b.String()))
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if el > golden.Bound(5*time.Second) {
		t.Errorf("read took %v", el)
	}
	if mem := after.TotalAlloc - before.TotalAlloc; mem > 256<<20 {
		t.Errorf("read allocated %d MiB", mem>>20)
	}
	if len(d.Blocks) != 1 || d.Blocks[0].Table == nil || d.Blocks[0].Table.NumRows != 2048 {
		t.Errorf("%d blocks", len(d.Blocks))
	}
}

// TestHTMLManyPaddedTables: tables whose one wide row pads every other
// row to 256 columns share one budget of grid slots.
func TestHTMLManyPaddedTables(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for range 20 {
		b.WriteString(`<table><tr><td colspan=256>x</td></tr>`)
		b.WriteString(strings.Repeat(`<tr><td>y</td></tr>`, 4000))
		b.WriteString("</table>")
	}
	b.WriteString("</body></html>")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := ReadHTML([]byte(b.String()))
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if el > golden.Bound(5*time.Second) {
		t.Errorf("read took %v", el)
	}
	if mem := after.TotalAlloc - before.TotalAlloc; mem > 200<<20 {
		t.Errorf("read allocated %d MiB", mem>>20)
	}
	// 2048 rows of 256 columns fill the budget: the first table is cut
	// there and the others keep no rows.
	var rows []int
	for _, b := range d.Blocks {
		if b.Table != nil {
			rows = append(rows, b.Table.NumRows)
		}
	}
	if len(rows) != 20 || rows[0] != 2048 || rows[1] != 0 || rows[19] != 0 {
		t.Errorf("table rows %v", rows)
	}
}

// TestRTFParagraphBudget: 2M paragraphs keep maxParagraphs, with a warning.
func TestRTFParagraphBudget(t *testing.T) {
	src := []byte(`{\rtf1 ` + strings.Repeat(`x\par `, 2<<20) + "}")
	start := time.Now()
	d, err := ReadRTF(src)
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > golden.Bound(10*time.Second) {
		t.Errorf("read took %v", el)
	}
	want := "the document has more than 131072 paragraphs; the rest were not read"
	if len(d.Blocks) != maxParagraphs || len(d.Warnings) != 1 || d.Warnings[0].Detail != want {
		t.Errorf("%d blocks, warnings %q", len(d.Blocks), d.Warnings)
	}
}

// TestOverlappingPieces: 20,000 pieces that all show the same text make a
// 240 KB piece table declare some 4.7 million characters; decoding stops at
// maxChars, in bounded time, with a TextCut warning.
func TestOverlappingPieces(t *testing.T) {
	st := fixtureStreams(t, "shenbao.doc")
	f, err := parseFIB(st.word)
	if err != nil {
		t.Fatal(err)
	}
	pcs, err := parseClx(st.table, f.clx, len(st.word))
	if err != nil {
		t.Fatal(err)
	}
	p := pcs[0]
	size := p.cpEnd - p.cpStart
	const n = 20_000
	plc := make([]byte, 4*(n+1)+8*n)
	for k := range n + 1 {
		binary.LittleEndian.PutUint32(plc[4*k:], uint32(int64(k)*size))
	}
	fc := uint32(p.fc)
	if p.compressed {
		fc = uint32(p.fc*2) | 0x40000000
	}
	for k := range n {
		binary.LittleEndian.PutUint32(plc[4*(n+1)+8*k+2:], fc)
	}
	clx := append([]byte{0x02, 0, 0, 0, 0}, plc...)
	binary.LittleEndian.PutUint32(clx[1:], uint32(len(plc)))
	put32(st.word, offFcClx, uint32(len(st.table)))
	put32(st.word, offFcClx+4, uint32(len(clx)))
	st.table = append(st.table, clx...)
	put32(st.word, offCcpText, uint32(n*size))
	if f, err = parseFIB(st.word); err != nil {
		t.Fatal(err)
	}
	if f.ccpText <= maxChars {
		t.Fatalf("fixture text of %d characters is not over the limit", f.ccpText)
	}
	start := time.Now()
	d, err := decode(f, &st)
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > golden.Bound(10*time.Second) {
		t.Errorf("decode took %v", el)
	}
	if !hasWarning(d.Warnings, "text-cut") {
		t.Errorf("no text-cut warning: %v", d.Warnings)
	}
	if n := len(d.Text()); n > 4*maxChars {
		t.Errorf("%d bytes of text", n)
	}
}

// TestParagraphCut: a paragraph longer than word.MaxParagraphBytes in RTF
// and HTML is cut there, on a character boundary, with one warning.
func TestParagraphCut(t *testing.T) {
	long := strings.Repeat("长", word.MaxParagraphBytes/3+1000)
	rtf := `{\rtf1\uc0 ` + strings.Repeat(`\u38271`, word.MaxParagraphBytes/3+1000) + `\par short\par}`
	tests := []struct {
		name string
		read func() (*word.Document, error)
	}{
		{"rtf", func() (*word.Document, error) { return ReadRTF([]byte(rtf)) }},
		{"html", func() (*word.Document, error) {
			return ReadHTML([]byte("<html><body><p>" + long + "</p><p>short</p></body></html>"))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tc.read()
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(d.Text(), "\n")
			if len(lines) != 2 || len(lines[0]) > word.MaxParagraphBytes || len(lines[0]) < word.MaxParagraphBytes-3 ||
				!utf8.ValidString(lines[0]) || lines[1] != "short" {
				t.Errorf("%d lines, first of %d bytes", len(lines), len(lines[0]))
			}
			if !hasWarning(d.Warnings, "paragraph-cut") || len(d.Warnings) != 1 {
				t.Errorf("warnings %v", d.Warnings)
			}
		})
	}
}

func hasWarning(ws []problem.Problem, code problem.Code) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}
