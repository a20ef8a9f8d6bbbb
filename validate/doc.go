// Package validate applies a campaign profile's rules to each window's
// dossier and yields findings with the stable codes of SPEC §3: the material
// rules (M01–M10), the 申报表 rules (F01–F11), the 初审表 rules (P01–P08) and
// the scan-evidence rules (S01–S04), and — when the run has them — the
// 实绩排序表 rules (R01–R03: rankings.go) and the 部门联审 rules (J01–J03:
// joint.go), which match ranked rows to windows with dossier.Matcher (a
// 简称 only when the 所属单位 leaves one window; anything ambiguous is
// R03, never a guess) and returned rows to people by full ID, else by name
// within the row's window. Report runs them all on every dossier
// and builds the Result export writes (文件清单 rows, one Submission per
// window, the findings of no window); every finding passes through the
// profile's rules.levels and rules.disabled there (ApplyLevels). Struct-level field rules run on
// github.com/go-playground/validator/v10, whose errors are turned into
// findings here and never leave the package.
//
// Compare sets a run beside the previous one (Changes, SPEC §2 `changes`):
// windows matched by normalised name, findings by code, field and table
// cell — never by message text — with the runs each stayed open carried
// forward from the previous run's own Changes.
//
// It does not read files: parsers produce the forms, package dossier
// gathers them per window, and export writes the outcome.
package validate
