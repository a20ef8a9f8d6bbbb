// Package intake walks what the clerk gave — folders, .eml, .mbox, .msg,
// .zip, .7z, .rar, nested in any order — and emits every item it meets with
// its provenance (the chain of containers and the email it came in). It is
// bounded: nesting depth, entry count, per-entry and total size, compression
// ratio. A violation is a failed item; the walk goes on. Names from mail and
// archives are never used as file-system paths.
package intake
