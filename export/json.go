package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// WriteJSON writes res as indented JSON (SPEC §2 keys, in struct order) to
// path atomically. Empty lists are written as [] rather than null so readers
// need not special-case them. HTML characters are not escaped. Full ID
// numbers never appear: staff carry only id_masked, and any number inside
// other text (a file name, an opinion) is masked 前6后4 too.
func WriteJSON(path string, res *validate.Result) error {
	out := normalized(res)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	maskIDBytes(buf.Bytes())
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// normalized returns a shallow copy of res whose nil lists are empty.
func normalized(res *validate.Result) *validate.Result {
	out := *res
	if out.Inputs == nil {
		out.Inputs = []validate.Input{}
	}
	subs := make([]validate.Submission, len(res.Submissions))
	for i, s := range res.Submissions {
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
		subs[i] = s
	}
	out.Submissions = subs
	return &out
}
