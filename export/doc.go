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
// Across runs (--previous): ReadPrevious reads an earlier run back from its
// JSON or, failing that, from its register (登记表, 问题清单 and 文件清单 by
// their header rows; the register has no field column). A run compared with
// it gets the sheet 变化情况, the 登记表 columns 上次结论 and 本次变化 and a
// block of counts in 汇总. WriteReport writes the leaders' 审查情况报告 from
// report/template.docx, its text made by BuildReport.
//
// Not supported: reading back any other workbook than a register this
// program wrote, and the exact notice numbering of a previous run read from
// a register (its last number is then taken as its last window's 序号).
package export
