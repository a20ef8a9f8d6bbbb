package export

import (
	"strings"

	"shenbao/validate/idcard"
)

// maskIDs returns s with every full resident ID number in it masked 前6后4.
// Export writes text that came from the inputs (file names, opinions, 事迹,
// finding messages), and any of it may carry a number the validator never
// saw as one; this is the last guard before the text reaches a cell, the
// JSON or a notice. A number is 18 characters (17 digits and a digit or X)
// whose birth date is real and whose check digit is right, standing alone:
// the characters on either side are not letters or digits (a JSON escape
// such as \n before it counts as a break), so a SHA-256 or a longer digit
// run is left whole.
func maskIDs(s string) string {
	if len(s) < idcard.Length || !hasID(s) {
		return s
	}
	b := []byte(s)
	maskIDBytes(b)
	return string(b)
}

// hasID reports whether s holds a number maskIDs would mask.
func hasID(s string) bool {
	for i := 0; i+idcard.Length <= len(s); i++ {
		if startsID(s, i) {
			return true
		}
	}
	return false
}

// maskIDBytes masks, in place, every number in b as maskIDs does.
func maskIDBytes(b []byte) {
	s := string(b) // one copy to read from while b changes
	for i := 0; i+idcard.Length <= len(s); i++ {
		if startsID(s, i) {
			copy(b[i+6:i+14], "********")
			i += idcard.Length - 1
		}
	}
}

// startsID reports whether a standalone valid ID number starts at s[i].
func startsID(s string, i int) bool {
	if i > 0 && alnum(s[i-1]) && !escaped(s, i-1) {
		return false
	}
	end := i + idcard.Length
	if end < len(s) && alnum(s[end]) {
		return false
	}
	if !isDigit(s[i]) || s[i] == '0' {
		return false
	}
	return idcard.Gender(s[i:end]) != "" // valid: digits, date, check digit
}

// escaped reports whether s[i] is the letter of a JSON escape (\n, \t,
// \r), which ends the text before it rather than joining it.
func escaped(s string, i int) bool {
	return i > 0 && s[i-1] == '\\' && strings.IndexByte("ntr", s[i]) >= 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func alnum(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// birthYear is what the masked 联审名单 shows of a birth date "1985-03-12":
// the year only, since the month and day are the eight digits the mask
// hides.
func birthYear(birth string) string {
	if len(birth) < 4 {
		return ""
	}
	return birth[:4]
}
