// Package scan reads the scanning station's metadata about scanned paper
// 初审表 (SPEC §4): one record per review row of one window, with the row's
// 栏目, opinion, whether it is signed and stamped, its date and the
// recognition confidence.
//
// Formats, detected by content, not by extension:
//   - delimited text: UTF-8 with or without BOM, UTF-16 with BOM, otherwise
//     GB18030 (which reads GBK and GB2312); comma, tab or semicolon, sniffed
//     from the header row;
//   - XLSX: the first sheet with a header row, sheets named like 扫描 or
//     metadata first; dates may be Excel serial numbers;
//   - JSON: an array of objects, or an object with a "records" array.
//
// Headers may be Chinese or English, in any order, with common variants
// (窗口名称/窗口/window_name, 栏目/字段/field, …); the header row may follow a
// title row. Yes/no cells accept 是/否, 有/无, √/×, ✓/✗, 1/0, true/false,
// Y/N, yes/no, 已签字/未签字, 已盖章/未盖章; blank is Unknown.
//
// A bad row is a Problem (its Chinese message goes to 问题清单 as S03) and
// the rest of the file is read; an error, an English *Error wrapping one of
// the Err causes, means the file cannot be used at all, and parser/classify
// words it for the clerk. It does not read scan images.
package scan
