// Package archive lists and reads the entries of .zip, .7z and .rar (v4 and
// v5) archives under limits: entry count, per-entry and total uncompressed
// size, and compression ratio. It never writes to disk and never treats an
// entry name as a file-system path: Entry.Name is a label only.
//
// Zip entry names without the UTF-8 flag that are not valid UTF-8 are
// decoded as GB18030 (what Windows in China writes); the Info-ZIP Unicode
// Path extra field wins when present. Encrypted entries are reported, not
// read (no passwords are tried). Multi-volume archives, self-extracting
// executables and other formats (tar, gz, …) are not supported.
package archive
