// Package idcard checks and reads 18-digit resident identity numbers
// (居民身份证号码, GB 11643-1999): length, characters, the birth date and the
// ISO 7064 MOD 11-2 check digit. It also masks numbers for display (前6后4)
// and reads gender and birth date from a valid number.
//
// The old 15-digit numbers are not accepted: the campaign's forms ask for the
// current 18-digit number. The address code (first six digits) is not
// checked against the administrative-division list.
//
// ID numbers are personal data: nothing here logs them, and reasons never
// repeat the number.
package idcard
