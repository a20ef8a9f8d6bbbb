// Package dossier assembles one dossier (一窗一档) per window from the parsed
// items: it groups by the normalised window name, lets the newest email win
// over older submissions of the same window, sorts photos into 环境/工作,
// attributes scans, and merges the Word 初审表 with scan records into one
// evidence row per review row. It is the only stage that looks across items.
//
// Attribution, in order of trust:
//   - a Word 申报表 names its window (form.NormalizeName of 窗口名称; names
//     that differ only in brackets or punctuation are one window);
//   - a 申报表 as PDF or image: a window named in its file name or path, else
//     the one window its email carries, else a window named after the file;
//   - a 初审表: its 窗口名称, else the one window its email carries (so a
//     misspelt name still meets its 申报表 and P07 can compare them), else a
//     window whose name contains it or is contained in it;
//   - photos and unreadable items: a window named in the file name or in the
//     nearest folder or archive of the path, else the one window of the
//     email; a photo named like a window that sent nothing else makes its
//     own window (M01 follows);
//   - scan records by their 窗口名称 (the same tolerance as 初审表); scan
//     images by the record that names their file, else like photos.
//
// The newest email (date, then position) wins for the 申报表, the 初审表
// and each kind of photo; the others are marked superseded and listed in
// Dossier.Replaced.
//
// Lookups by name go through an index (nameIndex, fileIndex) filled as
// windows appear, so attributing an item costs the same whatever the number
// of windows; the answers are those of comparing it with every window.
//
// Pieces turns one item and its parser/classify Result into the Piece
// values Assemble takes (a file holding both forms gives two); Assemble is
// the entry point; UnmatchedFindings turns the scan records it could not
// attribute into S03 findings. It reads no files: every item has been parsed
// before. Dossier.Findings holds only what assembly itself finds (S02
// contradictions); validate.Report adds the rules' findings.
package dossier
