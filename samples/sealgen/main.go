// Command sealgen writes synthetic scanned 初审表 pages with seals and their
// truth files, for looking at and for scoring the seal detector:
//
//	go run ./samples/sealgen [-set tune|check] [-n 3] [-class all] [-seed S] OUTDIR
//
// Seeds of the tune set (1000+) and the check set (5000+) never overlap; the
// detector is tuned on the first and only scored on the second (see
// parser/seal/score_test.go, which renders the check set in memory).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"shenbao/parser/seal"

	"shenbao/parser/seal/sealtest"
)

func main() {
	set := flag.String("set", "tune", "tune or check")
	n := flag.Int("n", 3, "pages per class")
	class := flag.String("class", "all", "one class, or all")
	dpi := flag.Int("dpi", 0, "force a resolution (0: by class)")
	seed := flag.Uint64("seed", 0, "first seed, instead of the set's (fresh tuning pages; never a holdout seed)")
	score := flag.Bool("score", false, "run the detector on the pages and print the score per class (OUTDIR gets overlays of pages with a wrong row)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: sealgen [-set tune|check] [-n N] [-class C] OUTDIR")
		os.Exit(2)
	}
	out := flag.Arg(0)
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	classes := sealtest.Classes
	if *class != "all" {
		classes = []string{*class}
	}
	tallies := map[string]*sealtest.Tally{}
	for _, c := range classes {
		for i := range *n {
			cs := sealtest.SetCase(*set, c, i)
			if *seed > 0 {
				cs.Seed = *seed + uint64(i)
			}
			cs.DPI = *dpi
			data, truth := sealtest.Render(cs)
			name := fmt.Sprintf("%s_%s_%03d", *set, c, i)
			if *score {
				if tallies[c] == nil {
					tallies[c] = &sealtest.Tally{}
				}
				scorePage(out, name, data, truth, tallies[c])
				continue
			}
			if err := os.WriteFile(filepath.Join(out, name+"."+truth.Ext), data, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			j, _ := json.MarshalIndent(truth, "", "  ")
			j = append(j, '\n')
			if err := os.WriteFile(filepath.Join(out, name+".truth.json"), j, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	if *score {
		sealtest.Report(os.Stdout, tallies)
	}
}

// scorePage analyses one page, tallies it and, when a row is wrong, prints
// what and writes the overlay.
func scorePage(out, name string, data []byte, truth sealtest.Truth, t *sealtest.Tally) {
	pages, err := seal.Analyze(name, data, seal.Options{Roles: sealtest.DefaultRoles})
	if err != nil || len(pages) != 1 {
		fmt.Printf("%s: %v\n", name, err)
		return
	}
	p := pages[0]
	got := make([]*bool, len(p.Rows))
	for i, r := range p.Rows {
		if r.Confidence >= seal.Sure {
			got[i] = r.Stamped
		}
	}
	var found [][3]any
	for _, s := range p.Seals {
		found = append(found, [3]any{s.X, s.Y, s.Row})
	}
	before := *t
	t.Add(truth, got, p.RowsFound(), found)
	if t.Right-before.Right == len(truth.Rows) {
		return
	}
	var diff []string
	for i, r := range truth.Rows {
		w := "nil"
		if r.Want != nil {
			w = fmt.Sprint(*r.Want)
		}
		g := "nil"
		if got[i] != nil {
			g = fmt.Sprint(*got[i])
		}
		if w != g {
			diff = append(diff, fmt.Sprintf("row%d want %s(nullok %v) got %s %.2f", i+1, w, r.NullOK, g, p.Rows[i].Confidence))
		}
	}
	fmt.Printf("%s rot %v/%d+%.1f %s %v notes %v\n", name, p.Rotation, truth.Rotation, truth.Skew, p.Trouble, diff, truth.Notes)
	img, err := decodeOne(data)
	if err == nil {
		f, err := os.Create(filepath.Join(out, name+".overlay.png"))
		if err == nil {
			png.Encode(f, seal.Overlay(img, p))
			f.Close()
		}
	}
}

func decodeOne(data []byte) (image.Image, error) {
	src, err := seal.Open(data, seal.Limits{})
	if err != nil {
		return nil, err
	}
	return src.Page(1)
}
