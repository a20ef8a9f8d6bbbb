package scan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// jsonRecords returns the record objects of a JSON metadata file: a
// top-level array, or the array under "records" (also "data", "rows",
// "items") of a top-level object.
func jsonRecords(data []byte) ([]json.RawMessage, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err == nil {
		return list, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, err
	}
	for _, key := range []string{"records", "data", "rows", "items"} {
		for k, v := range obj {
			if strings.EqualFold(k, key) {
				if err := json.Unmarshal(v, &list); err != nil {
					return nil, fmt.Errorf("%q is not an array", k)
				}
				return list, nil
			}
		}
	}
	// A lone record object is a list of one.
	if cells, ok := jsonCells(data); ok && len(cells) > 0 {
		return []json.RawMessage{data}, nil
	}
	return nil, fmt.Errorf("no records array")
}

// jsonCells maps one object's keys to columns; ok is false when the value
// is not an object.
func jsonCells(raw json.RawMessage) (map[column]string, bool) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, false
	}
	cells := make(map[column]string, numColumns)
	// Keys are visited in sorted order so a duplicate column (two keys
	// naming the window) resolves the same way every run.
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		c := classify(k)
		if c == colNone {
			continue
		}
		if _, seen := cells[c]; seen {
			continue
		}
		cells[c] = cleanCell(jsonText(obj[k]))
	}
	return cells, true
}

// jsonText renders a scalar as a cell would show it.
func jsonText(v json.RawMessage) string {
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		return s
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err == nil {
		if f, err := strconv.ParseFloat(string(n), 64); err == nil && f == float64(int64(f)) && f < 1e15 && f > -1e15 {
			return strconv.FormatInt(int64(f), 10)
		}
		return string(n)
	}
	var b bool
	if err := json.Unmarshal(v, &b); err == nil {
		return strconv.FormatBool(b)
	}
	return "" // null, objects and arrays are not cell values
}

func isJSONMetadata(data []byte) bool {
	list, err := jsonRecords(data)
	return err == nil && hasJSONRecord(list)
}

// hasJSONRecord reports whether one of the first objects has the keys of a
// record: window, 栏目 and one more known column.
func hasJSONRecord(list []json.RawMessage) bool {
	for i, raw := range list {
		if i >= maxHeaderProbe {
			break
		}
		if cells, ok := jsonCells(raw); ok {
			_, w := cells[colWindow]
			_, f := cells[colField]
			if w && f && len(cells) >= minColumns {
				return true
			}
		}
	}
	return false
}

func readJSON(name string, data []byte) ([]Record, []Problem, error) {
	label := baseName(name)
	list, err := jsonRecords(data)
	if err != nil {
		return nil, nil, &Error{label, fmt.Errorf("%w: %w", ErrJSON, err)}
	}
	if len(list) > 0 && !hasJSONRecord(list) {
		return nil, nil, &Error{label, ErrNoRecords}
	}
	t := newTable(name, label, "", false)
	t.records = true
	for i, raw := range list {
		if len(t.recs) >= maxRecords {
			t.problem(i+1, Problem{Code: TooManyRecords, N: maxRecords})
			break
		}
		cells, ok := jsonCells(raw)
		if !ok {
			t.problem(i+1, Problem{Code: NotRecord})
			continue
		}
		t.record(cells, i+1)
	}
	recs, probs := t.finish()
	return recs, probs, nil
}
