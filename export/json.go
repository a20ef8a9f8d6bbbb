package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// WriteJSON writes res as indented JSON (SPEC §2 keys, in struct order) to
// path atomically. Empty lists are written as [] rather than null so readers
// need not special-case them. HTML characters are not escaped. Full ID
// numbers never appear: staff carry only id_masked, and any number inside
// other text (a file name, an opinion) is masked 前6后4 too.
//
// The inputs and submissions are encoded one at a time into the file, so
// the memory it takes does not grow with the batch; the bytes are those of
// encoding res whole.
func WriteJSON(path string, res *validate.Result) error {
	skeleton := *res
	skeleton.Inputs, skeleton.Submissions = []validate.Input{}, []validate.Submission{}
	var head bytes.Buffer
	if err := newJSONEncoder(&head, "").Encode(&skeleton); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	maskIDBytes(head.Bytes())
	lists := []struct {
		key   string
		elems iter.Seq2[int, any]
	}{
		{"inputs", func(yield func(int, any) bool) {
			for i := range res.Inputs {
				if !yield(i, &res.Inputs[i]) {
					return
				}
			}
		}},
		{"submissions", func(yield func(int, any) bool) {
			for i, s := range res.All() {
				n := normalizedSubmission(*s)
				if !yield(i, &n) {
					return
				}
			}
		}},
	}
	return writeAtomic(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		var elem bytes.Buffer
		enc := newJSONEncoder(&elem, "    ")
		rest := head.Bytes()
		for _, l := range lists {
			// A top-level key starts a line indented by two spaces; JSON
			// strings hold no raw line break, so this is that key.
			mark := []byte("\n  \"" + l.key + "\": [")
			i := bytes.Index(rest, mark)
			if i < 0 {
				return fmt.Errorf("encode json: no %s list", l.key)
			}
			bw.Write(rest[:i+len(mark)])
			rest = rest[i+len(mark):] // "]" and what follows
			n := 0
			for k, e := range l.elems {
				n++
				if k == 0 {
					bw.WriteString("\n    ")
				} else {
					bw.WriteString(",\n    ")
				}
				elem.Reset()
				if err := enc.Encode(e); err != nil {
					return fmt.Errorf("encode json %s[%d]: %w", l.key, k, err)
				}
				b := bytes.TrimSuffix(elem.Bytes(), []byte("\n"))
				maskIDBytes(b)
				bw.Write(b)
			}
			if n > 0 {
				bw.WriteString("\n  ")
			}
		}
		if err := res.Err(); err != nil {
			return err // the file is not kept
		}
		bw.Write(rest)
		return bw.Flush()
	})
}

// newJSONEncoder is the encoder of WriteJSON for a value nested under
// prefix.
func newJSONEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

// normalizedSubmission returns s with its nil lists empty.
func normalizedSubmission(s validate.Submission) validate.Submission {
	if s.RecommendForms == nil {
		s.RecommendForms = []string{}
	}
	if s.Staff == nil {
		s.Staff = []validate.Staff{}
	}
	if s.ReviewRows == nil {
		s.ReviewRows = []validate.ReviewRow{}
	}
	if s.Photos.Environment == nil {
		s.Photos.Environment = []string{}
	}
	if s.Photos.Work == nil {
		s.Photos.Work = []string{}
	}
	if s.Sources == nil {
		s.Sources = []string{}
	}
	if s.Findings == nil {
		s.Findings = []finding.Finding{}
	}
	return s
}
