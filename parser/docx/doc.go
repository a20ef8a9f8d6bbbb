// Package docx reads Office Open XML word-processing packages (.docx, .docm,
// .dotx, both transitional and Strict OOXML) into the shared document model
// of parser/word.
//
// It streams the main document part with encoding/xml tokens and keeps only
// what form extraction needs: body paragraphs and tables in order (tables as
// grids with merges resolved), checkboxes in every form Word, WPS and
// LibreOffice write (Unicode symbols, Wingdings w:sym, content controls,
// legacy FORMCHECKBOX fields) and the images anchored in each paragraph.
//
// The main part is found through the package relationships, not by name.
// Tracked insertions are kept and deletions dropped; field results are kept
// and instructions hidden; of each mc:AlternateContent exactly one branch is
// read; text boxes contribute their paragraphs after the paragraph that holds
// them. Content controls are read through; the placeholder text of an
// unfilled control (w:showingPlcHdr) is dropped, since nobody wrote it —
// unless its first text is neither in a placeholder style nor reads like a
// prompt, which is text typed over the prompt with the flag left on (WPS).
// Every w:body of the main part is read. Circle choice marks and
// instruction ticks are settled by word.Document.MarkChoices.
//
// Not supported: headers, footers, footnotes, endnotes and comments (body
// only), formatting and styles, numbering labels, hidden-text detection,
// embedded objects other than pictures, altChunk content (a warning says it
// was skipped), fonts inherited from styles when spotting Wingdings glyphs,
// and encrypted files (CFB containers, refused with ErrNotDocx).
//
// Every size taken from the input is bounded by Limits: entry count, the
// uncompressed size of each part and of all parts read, and XML nesting.
// Beyond Limits, the model itself is bounded: table columns (512), grid
// slots of all tables (2^18), paragraphs (2^17) and XML tokens (2^22) of the
// main part; past one of these the document is cut short with a warning
// rather than refused.
package docx
