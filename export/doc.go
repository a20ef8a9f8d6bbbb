// Package export writes what the clerk reads: the compliance register
// (.xlsx, the five sheets of SPEC §2 and 待核查清单), the machine-readable
// JSON result, one 材料补正一次性告知书 (.docx) per window with an error
// (and, on request, a 材料核实告知书 per window that is 待核查 only), and
// the progress lines on stderr with the closing Chinese summary.
//
// Export decides nothing: every conclusion, cell text and finding comes from
// validate.Result. Output is deterministic (rows sorted, no map order); only
// the run time differs between two runs over the same inputs. Every file is
// written to a temporary file in its destination folder and renamed into
// place, so a crash never leaves a half-written register over a good one.
//
// Full ID numbers appear only in the 联审名单 sheet and only with
// RegisterOptions.FullID; nothing here logs them. Masked, no cell, JSON
// value or notice shows more than 前6后4 and, in 联审名单, the birth year and
// 性别: the full birth date would give the hidden eight digits back. Any
// number that turns up inside other text (file names, opinions, 事迹) is
// masked on the way out (maskIDs).
//
// Every sheet opens with the campaign title and a 制表单位 / 制表日期 line,
// then one header row. 登记表's columns are one table (registerColumns):
// a column is added there, header, width and value together.
//
// Not supported: reading a register back other than as a text dump
// (DumpXLSX), which exists for golden tests.
package export
