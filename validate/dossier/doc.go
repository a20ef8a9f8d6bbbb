// Package dossier assembles one dossier (一窗一档) per window from the parsed
// items: it groups by the normalised window name, lets the newest email win
// over older submissions of the same window, sorts photos into 环境/工作,
// attributes scans, and merges the Word 初审表 with scan records into one
// evidence row per review row. It is the only stage that looks across items.
//
// Assemble is the entry point; UnmatchedFindings turns the scan records it
// could not attribute into S03 findings. It reads no files: every item has
// been parsed before.
package dossier
