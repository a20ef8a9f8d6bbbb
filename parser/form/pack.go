package form

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
)

// A batch of thousands of windows holds every extracted form from the time
// its file is read until the windows are put together. As Go values they
// are maps, slices and strings the garbage collector walks on every cycle
// (at 10,000 windows two thirds of the heap, and the collector's work per
// window tripled); packed, each form is one byte slice with no pointers in
// it, a third of the size.
//
// The packing is reflective over the form types, so a field added to them
// is packed without more code; TestPackRoundTrip fills every field of every
// type and holds the round trip to it.

// Pack returns a's packed bytes.
func (a *Application) Pack() []byte { return pack(reflect.ValueOf(a).Elem()) }

// Pack returns r's packed bytes.
func (r *Review) Pack() []byte { return pack(reflect.ValueOf(r).Elem()) }

// UnpackApplication returns the 申报表 that Pack packed into data.
func UnpackApplication(data []byte) (*Application, error) {
	a := &Application{}
	return a, unpack(data, reflect.ValueOf(a).Elem())
}

// UnpackReview returns the 初审表 that Pack packed into data.
func UnpackReview(data []byte) (*Review, error) {
	r := &Review{}
	return r, unpack(data, reflect.ValueOf(r).Elem())
}

var timeType = reflect.TypeFor[time.Time]()

func pack(v reflect.Value) []byte {
	b := packValue(make([]byte, 0, 2048), v)
	return append(make([]byte, 0, len(b)), b...) // held for long: no slack
}

func packValue(b []byte, v reflect.Value) []byte {
	if v.Type() == timeType {
		t, _ := v.Interface().(time.Time).MarshalBinary() // fails only for offsets Go cannot write; the forms' dates are UTC
		b = binary.AppendUvarint(b, uint64(len(t)))
		return append(b, t...)
	}
	switch v.Kind() {
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		return binary.AppendVarint(b, v.Int())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1) // 0 is a nil slice
		for i := range v.Len() {
			b = packValue(b, v.Index(i))
		}
		return b
	case reflect.Map:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
		for _, k := range keys {
			b = packValue(b, k)
			b = packValue(b, v.MapIndex(k))
		}
		return b
	case reflect.Struct:
		for i := range v.NumField() {
			b = packValue(b, v.Field(i))
		}
		return b
	}
	panic(fmt.Sprintf("form: cannot pack a %s", v.Type())) // a programming error: a field of a new kind
}

var errPacked = errors.New("form: packed form damaged")

func unpack(data []byte, v reflect.Value) error {
	rest, err := unpackValue(data, v)
	if err == nil && len(rest) != 0 {
		err = errPacked
	}
	return err
}

func unpackValue(b []byte, v reflect.Value) ([]byte, error) {
	uvarint := func() (uint64, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, false
		}
		b = b[k:]
		return n, true
	}
	bytesOf := func() ([]byte, bool) {
		n, ok := uvarint()
		if !ok || n > uint64(len(b)) {
			return nil, false
		}
		s := b[:n]
		b = b[n:]
		return s, true
	}
	if v.Type() == timeType {
		s, ok := bytesOf()
		var t time.Time
		if !ok || t.UnmarshalBinary(s) != nil {
			return nil, errPacked
		}
		v.Set(reflect.ValueOf(t))
		return b, nil
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := bytesOf()
		if !ok {
			return nil, errPacked
		}
		v.SetString(string(s))
		return b, nil
	case reflect.Bool:
		if len(b) == 0 || b[0] > 1 {
			return nil, errPacked
		}
		v.SetBool(b[0] == 1)
		return b[1:], nil
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, k := binary.Varint(b)
		if k <= 0 {
			return nil, errPacked
		}
		v.SetInt(n)
		return b[k:], nil
	case reflect.Slice:
		n, ok := uvarint()
		if !ok || n > uint64(len(b))+1 { // every element takes a byte at least
			return nil, errPacked
		}
		if n == 0 {
			return b, nil
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		var err error
		for i := range s.Len() {
			if b, err = unpackValue(b, s.Index(i)); err != nil {
				return nil, err
			}
		}
		v.Set(s)
		return b, nil
	case reflect.Map:
		n, ok := uvarint()
		if !ok || n > uint64(len(b))+1 {
			return nil, errPacked
		}
		if n == 0 {
			return b, nil
		}
		m := reflect.MakeMapWithSize(v.Type(), int(n-1))
		var err error
		for range n - 1 {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			if b, err = unpackValue(b, k); err != nil {
				return nil, err
			}
			if b, err = unpackValue(b, e); err != nil {
				return nil, err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
		return b, nil
	case reflect.Struct:
		var err error
		for i := range v.NumField() {
			if b, err = unpackValue(b, v.Field(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("form: cannot unpack a %s", v.Type())
}
