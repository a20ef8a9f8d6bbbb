package export

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// minPrintedPoints is the smallest body text a clerk can read on paper.
const minPrintedPoints = 8

// TestPrintedTextSize prints the sample register to PDF with LibreOffice at
// its own print settings (paper, orientation, fit to width, print area) and
// measures the text on every page with pdftotext -bbox: a word of CJK
// characters is one em per character wide, so its width divided by its
// length is the printed font size. Every sheet's text must be at least
// 8 pt. It runs where LibreOffice and poppler are installed (.ci/run
// installs them) and says so when it skips.
func TestPrintedTextSize(t *testing.T) {
	pdf := printToPDF(t, writeSample(t, sampleOptions()))
	pages := readBBox(t, pdf)
	sheets := []string{"汇总", "登记表", "问题清单", "联审名单", "文件清单", "待核查清单"}
	seen := map[string]int{}
	for i, p := range pages {
		sheet := p.sheet(sheets)
		if sheet == "" {
			t.Errorf("page %d has no footer naming its sheet", i+1)
			continue
		}
		seen[sheet]++
		sizes := p.cjkSizes()
		if len(sizes) == 0 {
			t.Errorf("page %d (%s) has no Chinese text", i+1, sheet)
			continue
		}
		slices.Sort(sizes)
		t.Logf("page %d (%s, %.0f×%.0f pt): text %.1f–%.1f pt, median %.1f", i+1, sheet, p.Width, p.Height, sizes[0], sizes[len(sizes)-1], sizes[len(sizes)/2])
		if sizes[0] < minPrintedPoints-0.05 {
			t.Errorf("page %d (%s): smallest text prints at %.1f pt, want at least %d pt", i+1, sheet, sizes[0], minPrintedPoints)
		}
	}
	for _, s := range sheets {
		if seen[s] == 0 {
			t.Errorf("sheet %s printed no page", s)
		}
	}
}

// printToPDF converts the workbook at path to PDF with LibreOffice and
// returns the PDF's path; it skips the test when LibreOffice or pdftotext
// is missing.
func printToPDF(t *testing.T, path string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed; the print check needs it (apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk)")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed; the print check needs poppler-utils")
	}
	dir := t.TempDir()
	// A private profile, so parallel runs do not wait on one another's lock.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
	return pdf
}

// bboxPage is one page of pdftotext -bbox output.
type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"word"`
}

type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

func readBBox(t *testing.T, pdf string) []bboxPage {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("read pdftotext output: %v", err)
	}
	if len(doc.Pages) == 0 {
		t.Fatal("the PDF has no pages")
	}
	return doc.Pages
}

// footerBand is the bottom of the page where the footer prints.
const footerBand = 50

// sheet is the sheet named in the page's footer (the footer prints &A).
func (p bboxPage) sheet(names []string) string {
	for _, w := range p.Words {
		if w.YMin > p.Height-footerBand && slices.Contains(names, w.Text) {
			return w.Text
		}
	}
	return ""
}

// cjkSizes are the printed sizes (points) of the words made only of CJK
// ideographs, outside the footer.
func (p bboxPage) cjkSizes() []float64 {
	var out []float64
	for _, w := range p.Words {
		if w.YMin > p.Height-footerBand {
			continue
		}
		n := 0
		for _, r := range w.Text {
			if !unicode.Is(unicode.Han, r) {
				n = 0
				break
			}
			n++
		}
		if n >= 2 {
			out = append(out, (w.XMax-w.XMin)/float64(n))
		}
	}
	return out
}
