// Package table reads the tables that departments send back to the office —
// 实绩排序表 and 部门联审 returns — into plain grids of text, whatever program
// saved them.
//
// Formats, detected by content, not by extension:
//   - XLSX (Excel 2007+, WPS, LibreOffice), through excelize, every sheet;
//   - XLS (Excel 97-2003 BIFF8, what many offices still save), through our
//     own bounded record reader on the compound-file library: shared
//     strings (SST with CONTINUE), LABELSST, LABEL, NUMBER, RK, MULRK,
//     BOOLERR, cached FORMULA results (STRING), sheet names (BOUNDSHEET) and
//     merged cells (MERGEDCELLS). BIFF5 (Excel 95) and encrypted files are
//     refused with a reason;
//   - delimited text (CSV/TSV): UTF-8 with or without BOM, UTF-16 with BOM,
//     otherwise GB18030 (which reads GBK and GB2312); comma, tab or
//     semicolon, sniffed;
//   - Word documents (.docx, .doc, .wps, RTF): every table of the body, one
//     Sheet per table, with the paragraph before it as the sheet's caption.
//
// A merged range's value is copied into every slot it covers, so a header
// cell merged over two columns names both. Cell text is trimmed; numbers
// are written as a person would type them (3, 95.5). Formatting, formulas
// and hidden state are not kept.
//
// Every count is bounded (sheets, rows, columns, cells, string bytes); a
// file past a bound is read in part and the Book says so in Warnings
// (problem.Problem values: a stable code, the sheet concerned). Read
// returns an error only when nothing can be read; it is English, names the
// file and wraps one of the Err values (ErrNotTable, ErrDamaged,
// ErrEncrypted …), which parser/classify turns into the clerk's Chinese.
package table
