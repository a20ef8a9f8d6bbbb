// Package word holds the document model shared by the Word readers
// (parser/docx for OOXML, parser/doc for Word 97-2003 and WPS binary files).
//
// The model keeps what form extraction needs and nothing else: body blocks in
// order, paragraphs as plain text, tables as grids in which every (row, col)
// slot is addressable, checkboxes normalised to checked/unchecked, and images
// per paragraph and cell. It does not keep formatting, styles or headers.
package word
