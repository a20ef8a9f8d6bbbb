// Package scale writes synthetic mailbox exports of any size for
// benchmarks: one .eml per window, each carrying a Word 申报表, a Word 初审表
// and two photos, base64-encoded as real mail is. The forms are minimal but
// well-formed OOXML with the default profile's labels; the photos are JPEG
// noise of a realistic size. Output is deterministic for a given count.
package scale
