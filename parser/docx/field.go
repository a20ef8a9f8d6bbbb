package docx

import (
	"encoding/xml"
	"strings"

	"shenbao/parser/problem"
	"shenbao/parser/word"
)

// Bounds on field bookkeeping, so a hostile part cannot grow it unseen.
const (
	maxFields     = 64  // open nested complex fields
	maxInstrBytes = 256 // instruction text kept per field
	maxInstrParas = 8   // paragraphs a field instruction may span
)

// field is an open complex field (w:fldChar begin … separate … end).
type field struct {
	result bool // past the separate character: text is the visible result
	done   bool // its checkbox, if any, has been placed
	instr  strings.Builder
	box    *formBox // w:ffData/w:checkBox of a FORMCHECKBOX
	paras  int      // paragraphs ended while in the instruction
}

// visible reports whether text read now is shown: not inside the
// instruction part of any open field, nor placeholder text of an unfilled
// content control.
func (r *reader) visible() bool {
	if r.inPrompt() {
		return false
	}
	for _, f := range r.fields {
		if !f.result {
			return false
		}
	}
	return true
}

func (r *reader) fldChar(se xml.StartElement) error {
	typ, _ := wAttr(se, "fldCharType")
	switch typ {
	case "begin":
		f := &field{}
		err := r.children(func(se xml.StartElement) error {
			if wEl(se, "ffData") {
				return r.ffData(f)
			}
			return r.skip()
		})
		if len(r.fields) >= maxFields {
			r.overflow++
			r.warn(problem.FieldUnread, "fields nested deeper than %d; inner fields read as plain text", maxFields)
			return err
		}
		r.fields = append(r.fields, f)
		return err
	case "separate":
		if r.overflow == 0 && len(r.fields) > 0 {
			top := r.fields[len(r.fields)-1]
			r.finishField(top)
			top.result = true
		}
	case "end":
		switch {
		case r.overflow > 0:
			r.overflow--
		case len(r.fields) > 0:
			top := r.fields[len(r.fields)-1]
			r.finishField(top)
			r.fields = r.fields[:len(r.fields)-1]
		}
	}
	return r.skip()
}

// endParagraph gives up on fields whose instruction has run on for more
// than maxInstrParas paragraphs: a begin without separate or end would
// otherwise hide the rest of the document.
func (r *reader) endParagraph() {
	for _, f := range r.fields {
		if !f.result {
			f.paras++
		}
	}
	for n := len(r.fields); n > 0 && !r.fields[n-1].result && r.fields[n-1].paras > maxInstrParas; n = len(r.fields) {
		r.warn(problem.FieldUnread, "a field instruction runs over more than %d paragraphs; the text after it is shown", maxInstrParas)
		r.fields = r.fields[:n-1]
	}
}

// instr adds w:instrText to the innermost field still in its instruction.
func (r *reader) instr(s string) {
	if r.overflow > 0 || len(r.fields) == 0 {
		return
	}
	f := r.fields[len(r.fields)-1]
	if f.result || f.done {
		return
	}
	if room := maxInstrBytes - f.instr.Len(); room > 0 {
		if len(s) > room {
			s = s[:room]
		}
		f.instr.WriteString(s)
	}
}

// finishField places the checkbox of a FORMCHECKBOX field once its
// instruction is complete (at separate, or at end when there is none).
func (r *reader) finishField(f *field) {
	if f.done {
		return
	}
	f.done = true
	words := strings.Fields(f.instr.String())
	if len(words) == 0 || !strings.EqualFold(words[0], "FORMCHECKBOX") {
		return
	}
	for _, outer := range r.fields[:len(r.fields)-1] {
		if !outer.result {
			return
		}
	}
	if r.cur == nil {
		return
	}
	checked := f.box != nil && f.box.checked
	r.cur.box(word.Checkbox{Checked: checked, Form: word.FormFormField, Instr: "FORMCHECKBOX"})
}

// alternate reads mc:AlternateContent: the first mc:Choice whose required
// namespaces are understood, else mc:Fallback, never both. content reads
// the children of the chosen branch in the caller's context.
func (r *reader) alternate(content func() error) error {
	taken := false
	return r.children(func(se xml.StartElement) error {
		if taken || !isMC(se.Name) {
			return r.skip()
		}
		switch se.Name.Local {
		case "Choice":
			if r.requiresOK(anyAttr(se, "Requires")) {
				taken = true
				return content()
			}
		case "Fallback":
			taken = true
			return content()
		}
		return r.skip()
	})
}

func (r *reader) requiresOK(requires string) bool {
	for _, prefix := range strings.Fields(requires) {
		if uri := r.lookup(prefix); uri != "" {
			if !understoodNS(uri) {
				return false
			}
		} else if !understoodPrefix(prefix) {
			return false
		}
	}
	return true
}
