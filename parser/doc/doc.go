// Package doc reads application forms saved in the legacy Word formats and
// turns them into the shared document model of parser/word, the same model
// the .docx reader produces, so form extraction needs no change.
//
// Supported:
//   - Word 97-2003 binary documents (.doc) and WPS Office files in the same
//     binary format (.wps), read from the compound file with
//     github.com/richardlehane/mscfb following [MS-DOC]: the FIB, the piece
//     table (8-bit cp1252 and UTF-16LE pieces), paragraph properties from
//     the PAPX FKPs (table depth, cell marks, row ends, nested tables), the
//     row layout from sprmTDefTable (cell widths, horizontal and vertical
//     merges), character properties from the CHPX FKPs (special characters,
//     symbols, pictures, deleted revisions), field results, FORMCHECKBOX
//     state from the form field data, and inline pictures;
//   - RTF (ReadRTF) and HTML or MHT pages saved with a .doc name (ReadHTML);
//   - Sniff, which tells these formats (and .docx, encrypted .docx, MS Works)
//     apart by content, never by file name.
//
// Not supported: Word 6/95 and older binary files and Microsoft Works files
// (ErrUnsupported); encrypted or obfuscated files (ErrEncrypted); headers,
// footers, footnotes, comments and text boxes (only the main text is read);
// piece-level property modifiers of fast-saved files; formatting and styles.
package doc
