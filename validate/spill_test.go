package validate

import (
	"fmt"
	"reflect"
	"testing"

	"shenbao/validate/finding"
)

// fill sets every field reachable from v to a value that is not its zero,
// distinct per field (strings, ints) so that a field read into another
// shows; slices get two elements.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("值%d", *n))
	case reflect.Int:
		v.SetInt(int64(*n) * -7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		exported := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
				exported++
			}
		}
		if exported == 0 { // time.Time, say: fill cannot tell it was kept
			panic("fill: no case for " + v.Type().String() + "; add it to fill and to appendSubmission")
		}
	default:
		panic("fill: no case for " + v.Kind().String() + "; add it to fill and to appendSubmission")
	}
}

// TestSubmissionRoundTrip holds the spill encoding to every field of
// Submission: a field added to it (or to a type inside it) and not to
// appendSubmission and decodeSubmission fails here.
func TestSubmissionRoundTrip(t *testing.T) {
	var full Submission
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	no, yes := false, true
	cases := map[string]Submission{
		"every field": full,
		"zero":        {},
		"empty lists": {RecommendForms: []string{}, Staff: []Staff{}, ReviewRows: []ReviewRow{}, Sources: []string{},
			Findings: []finding.Finding{}, JointReview: []JointResult{}, Photos: Photos{Environment: []string{}, Work: []string{}}},
		"tri-state marks": {ReviewRows: []ReviewRow{{Signed: &no, Stamped: nil}, {Signed: nil, Stamped: &yes}},
			Ranking: &RankingPlace{}, Staff: []Staff{{Joint: []string{}}}},
		"text": {Deeds: "“事迹”\x00\n" + string(make([]byte, 300)), WindowName: "窗口"},
	}
	for name, s := range cases {
		b := appendSubmission(nil, &s)
		got, err := decodeSubmission(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("%s: round trip gives\n%+v\nwant\n%+v", name, got, s)
		}
		// Every cut of a record is an error, never a panic or a silent
		// half record.
		for cut := range len(b) {
			if _, err := decodeSubmission(b[:cut]); err == nil {
				t.Errorf("%s: record cut at %d of %d decoded without error", name, cut, len(b))
				break
			}
		}
	}
}

// TestSpilledResult reads spilled submissions back in order, more than once
// and after the result is closed (an error, not a panic).
func TestSpilledResult(t *testing.T) {
	res := &Result{}
	put := res.spillTo(3)
	for _, i := range []int{2, 0, 1} { // the workers finish in any order
		put(i, &Submission{WindowName: fmt.Sprint("窗口", i), Findings: []finding.Finding{{Code: "F01"}}})
	}
	if f, st := res.Counts(); f != 3 || st != 0 {
		t.Errorf("Counts() = %d findings, %d people, want 3, 0", f, st)
	}
	if res.Submissions != nil || res.Windows() != 3 {
		t.Fatalf("spilled result: %d in memory, Windows() = %d", len(res.Submissions), res.Windows())
	}
	for range 2 {
		var got []string
		for i, s := range res.All() {
			got = append(got, fmt.Sprint(i, s.WindowName, s.Findings[0].Code))
		}
		if err := res.Err(); err != nil || fmt.Sprint(got) != "[0窗口0F01 1窗口1F01 2窗口2F01]" {
			t.Errorf("All: %v, %v", got, err)
		}
	}
	if err := res.Close(); err != nil {
		t.Fatal(err)
	}
	for range res.All() {
		t.Fatal("a submission read from a closed result")
	}
	if res.Err() == nil {
		t.Error("no error reading a closed result")
	}
}
