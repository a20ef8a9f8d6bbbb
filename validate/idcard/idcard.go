package idcard

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Length is the length of a current resident identity number.
const Length = 18

// weights are the GB 11643 weights of the first 17 digits.
var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// checkChars maps the weighted sum mod 11 to the check character.
const checkChars = "10X98765432"

// Validate reports whether id is a valid 18-digit number whose birth date is
// not after now. When it is not, reason says why in Chinese, without
// repeating the number. Leading and trailing spaces are ignored; a lower-case
// x is accepted as the check character.
func Validate(id string, now time.Time) (ok bool, reason string) {
	id = strings.TrimSpace(id)
	if n := utf8.RuneCountInString(id); n != Length {
		return false, fmt.Sprintf("长度应为18位（实为%d位）", n)
	}
	for i := 0; i < Length; i++ {
		c := id[i]
		if c >= '0' && c <= '9' || i == Length-1 && (c == 'X' || c == 'x') {
			continue
		}
		return false, "含非法字符"
	}
	birth, ok := birthDate(id)
	if !ok {
		return false, "出生日期无效"
	}
	y, m, d := now.Date()
	if birth.After(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
		return false, "出生日期晚于今天"
	}
	if want := CheckDigit(id[:17]); upper(id[17]) != want {
		return false, fmt.Sprintf("校验码错误（应为%c）", want)
	}
	return true, ""
}

// CheckDigit returns the GB 11643 check character for the first 17 digits
// of a number; 0 when body is not 17 ASCII digits.
func CheckDigit(body string) byte {
	if len(body) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := body[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * weights[i]
	}
	return checkChars[sum%11]
}

// birthDate reads positions 7–14 (YYYYMMDD) of an 18-character number whose
// first 17 characters are digits. Years before 1900 are not real births.
func birthDate(id string) (time.Time, bool) {
	y := atoi(id[6:10])
	m := atoi(id[10:12])
	d := atoi(id[12:14])
	if y < 1900 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false // 2月30日 and the like roll over
	}
	return t, true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func upper(c byte) byte {
	if c == 'x' {
		return 'X'
	}
	return c
}

// valid checks everything but the birth date's relation to today: the
// number's own facts, which do not change with the clock.
func valid(id string) bool {
	ok, _ := Validate(id, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	return ok
}

// Gender returns "男" when the 17th digit is odd, "女" when even, "" when
// id is not a valid number.
func Gender(id string) string {
	id = strings.TrimSpace(id)
	if !valid(id) {
		return ""
	}
	if (id[16]-'0')%2 == 1 {
		return "男"
	}
	return "女"
}

// Birth returns the birth date as "1985-03-12", "" when id is not a valid
// number.
func Birth(id string) string {
	id = strings.TrimSpace(id)
	if !valid(id) {
		return ""
	}
	t, _ := birthDate(id)
	return t.Format("2006-01-02")
}

// Mask hides the middle of a number for display: the first 6 and the last 4
// characters stay ("210302********1234"). Inputs shorter than 11 characters
// keep only their first 2 (at most, and none when there are only 1 or 2),
// so a mask never reveals more than 6+4 characters nor a whole short input.
// It counts characters, not bytes, so odd input is never split mid-rune.
func Mask(id string) string {
	r := []rune(strings.TrimSpace(id))
	n := len(r)
	switch {
	case n == 0:
		return ""
	case n <= 2:
		return strings.Repeat("*", n)
	case n < 11:
		return string(r[:2]) + strings.Repeat("*", n-2)
	}
	return string(r[:6]) + strings.Repeat("*", n-10) + string(r[n-4:])
}
