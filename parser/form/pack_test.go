package form

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// fill sets every field reachable from v to a value that is not its zero
// value, with two elements in every slice and map, so that a round trip
// that drops or mixes up any field shows.
func fill(v reflect.Value, seed *int) {
	*seed++
	n := *seed
	if v.Type() == timeType {
		v.Set(reflect.ValueOf(time.Date(2024, time.Month(1+n%12), 1+n%28, 0, 0, 0, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("值" + string(rune('a'+n%26)) + "〇")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(-n * 1000))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			fill(k, seed)
			fill(e, seed)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed)
		}
	default:
		panic("fill: " + v.Type().String())
	}
}

// TestPackRoundTrip packs forms with every field set, and the zero forms,
// and holds the unpacked ones to them; damaged bytes are an error, never a
// panic or a wrong form.
func TestPackRoundTrip(t *testing.T) {
	seed := 0
	var a Application
	fill(reflect.ValueOf(&a).Elem(), &seed)
	var r Review
	fill(reflect.ValueOf(&r).Elem(), &seed)
	for _, tc := range []struct {
		name string
		in   any
		pack func() []byte
		out  func([]byte) (any, error)
	}{
		{"application", &a, a.Pack, func(b []byte) (any, error) { return UnpackApplication(b) }},
		{"review", &r, r.Pack, func(b []byte) (any, error) { return UnpackReview(b) }},
		{"zero application", &Application{}, (&Application{}).Pack, func(b []byte) (any, error) { return UnpackApplication(b) }},
		{"zero review", &Review{}, (&Review{}).Pack, func(b []byte) (any, error) { return UnpackReview(b) }},
		{"empty, not nil", &Review{Fields: map[string]Field{}, Rows: []ReviewRow{}}, (&Review{Fields: map[string]Field{}, Rows: []ReviewRow{}}).Pack, func(b []byte) (any, error) { return UnpackReview(b) }},
	} {
		data := tc.pack()
		got, err := tc.out(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.in) {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", tc.name, got, tc.in)
		}
		for i := range data { // every cut is refused
			if _, err := tc.out(data[:i]); err == nil {
				t.Errorf("%s: cut at %d of %d accepted", tc.name, i, len(data))
				break
			}
		}
		if _, err := tc.out(append(data, 0)); err == nil {
			t.Errorf("%s: trailing byte accepted", tc.name)
		}
	}
}

// TestPackFixtures packs the forms extracted from every fixture and gets
// them back unchanged.
func TestPackFixtures(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	files, _ := filepath.Glob(filepath.Join("testdata", "*.docx"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, name := range files {
		if _, err := os.Stat(name); err != nil {
			t.Fatal(err)
		}
		d := readWord(t, name)
		a, r := ExtractApplication(d, s.Application), ExtractReview(d, s.Review)
		a2, err := UnpackApplication(a.Pack())
		if err != nil || !reflect.DeepEqual(a, a2) {
			t.Errorf("%s: application round trip: %v", name, err)
		}
		r2, err := UnpackReview(r.Pack())
		if err != nil || !reflect.DeepEqual(r, r2) {
			t.Errorf("%s: review round trip: %v", name, err)
		}
	}
}
