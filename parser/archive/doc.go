// Package archive lists and reads the entries of .zip, .7z and .rar (v4 and
// v5) archives under limits: entry count, per-entry and total uncompressed
// size, and compression ratio. It never writes to disk and never treats an
// entry name as a file-system path: Entry.Name is a label only.
//
// Zip entry names without the UTF-8 flag that are not valid UTF-8 are
// decoded as GB18030 (what Windows in China writes); the Info-ZIP Unicode
// Path extra field wins when present. RAR 4 names without the Unicode flag
// and 7z names get the same treatment. Encrypted entries are reported, not
// read (no passwords are tried).
//
// Limits are checked twice: against the sizes the headers declare, before a
// byte is decompressed, and while the entry is read, so a lying header gains
// nothing. The ratio is checked per entry for zip and rar and per archive for
// all (7z records no compressed size per entry), only past 1 MiB of output.
// Entries of solid 7z and RAR streams that are refused still have to be
// decoded to reach later entries; their declared size counts against the
// total limit.
//
// Not supported: multi-volume archives, self-extracting executables, other
// formats (tar, gz, …). The 7z and RAR decoders size their dictionaries from
// the archive's headers (RAR capped here at 256 MiB).
package archive
