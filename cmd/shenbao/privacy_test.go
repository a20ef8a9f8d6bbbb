package main

import (
	"archive/zip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shenbao/validate/idcard"
)

// TestMaskedOutputsCannotRebuildIDs plays the reader of a masked run: it
// writes the register, the JSON and the notices of the samples without
// --full-id, collects every string in them (every part of the xlsx, every
// JSON key and value, every notice, the run's own messages) and tries to
// rebuild each full ID number from 前6后4, the check digit and whatever
// birth date the outputs show. The true numbers come from a second run with
// --full-id, whose 联审名单 is the only place they may appear.
func TestMaskedOutputsCannotRebuildIDs(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.xlsx")
	js := filepath.Join(dir, "r.json")
	notices := filepath.Join(dir, "告知书")
	code, stdout, stderr := runCLI(t, "check", "../../samples/mailbox", "--scans", "../../samples/scans",
		"-o", reg, "--json", js, "--notices", notices, "-q")
	if code == exitUsage {
		t.Fatalf("masked run failed: %s", stderr)
	}
	full := filepath.Join(dir, "full.xlsx")
	if code, _, stderr := runCLI(t, "check", "../../samples/mailbox", "--scans", "../../samples/scans",
		"-o", full, "--full-id", "-q"); code == exitUsage {
		t.Fatalf("--full-id run failed: %s", stderr)
	}
	ids := rosterIDs(t, full)
	if len(ids) < 10 {
		t.Fatalf("--full-id 联审名单 lists %d valid numbers, want the samples' staff (≥10)", len(ids))
	}

	var texts []string
	texts = append(texts, stdout, stderr)
	texts = append(texts, zipTexts(t, reg)...)
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(data))
	docs, _ := filepath.Glob(filepath.Join(notices, "*.docx"))
	if len(docs) == 0 {
		t.Fatal("no notices written")
	}
	for _, d := range docs {
		texts = append(texts, zipTexts(t, d)...)
	}
	all := strings.Join(texts, "\n")
	digits := strings.Join(strings.FieldsFunc(all, func(r rune) bool { return r == ' ' || r == '-' }), "")

	for _, id := range ids {
		if strings.Contains(all, id) || strings.Contains(digits, id) {
			t.Errorf("%s: the full number is in the masked outputs", idcard.Mask(id))
			continue
		}
		birth, _ := time.Parse("20060102", id[6:14])
		for _, form := range dateForms(birth) {
			if strings.Contains(all, form) {
				t.Errorf("%s: the birth date is in the masked outputs as %q; with 前6后4 it gives the number back", idcard.Mask(id), form)
				break
			}
		}
		// The reader knows the birth year (联审名单 shows it) and the check
		// digit: every day of that year that fits is a candidate.
		if n := len(candidates(id[:6], id[14:], birth.Year())); n < 2 {
			t.Errorf("%s: only %d number fits 前6后4, the birth year and the check digit", idcard.Mask(id), n)
		}
	}
}

// rosterIDs reads the valid full numbers of the 联审名单 sheet at path.
func rosterIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("联审名单")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, row := range rows {
		for _, c := range row {
			if ok, _ := idcard.Validate(c, time.Now()); ok {
				ids = append(ids, c)
			}
		}
	}
	return ids
}

// zipTexts returns every part of the zip at path, XML entities decoded.
func zipTexts(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, html.UnescapeString(tagRE.ReplaceAllString(string(data), "\x00")))
	}
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// dateForms are the ways a birth date may be written.
func dateForms(d time.Time) []string {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	return []string{
		d.Format("20060102"), d.Format("2006-01-02"), d.Format("2006/01/02"), d.Format("2006.01.02"),
		fmt.Sprintf("%d年%d月%d日", y, m, day), fmt.Sprintf("%d年%02d月%02d日", y, m, day),
		fmt.Sprintf("%d-%d-%d", y, m, day), fmt.Sprintf("%d/%d/%d", y, m, day),
	}
}

// candidates are the valid numbers with the given first six and last four
// characters born in year.
func candidates(head, tail string, year int) []string {
	var out []string
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == year; d = d.AddDate(0, 0, 1) {
		id := head + d.Format("20060102") + tail
		if idcard.CheckDigit(id[:17]) == id[17] {
			out = append(out, id)
		}
	}
	return out
}
