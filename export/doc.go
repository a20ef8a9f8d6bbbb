// Package export writes what the clerk reads: the compliance register
// (.xlsx, five sheets per SPEC §2), the machine-readable JSON result, one
// 材料补正一次性告知书 (.docx) per window that is not 合规, and the progress
// lines on stderr with the closing Chinese summary.
//
// Export decides nothing: every conclusion, cell text and finding comes from
// validate.Result. Output is deterministic (rows sorted, no map order); only
// the run time differs between two runs over the same inputs. Every file is
// written to a temporary file in its destination folder and renamed into
// place, so a crash never leaves a half-written register over a good one.
//
// Full ID numbers appear only in the 联审名单 sheet and only with
// RegisterOptions.FullID; nothing here logs them.
//
// Not supported: reading a register back other than as a text dump
// (DumpXLSX), which exists for golden tests.
package export
