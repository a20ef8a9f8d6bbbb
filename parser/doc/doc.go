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
//     symbols, pictures, deleted revisions, hidden text), field results,
//     text boxes (the textbox story, matched to the shapes anchored in the
//     main text) and WordArt text (the shape's gtextUNICODE property),
//     FORMCHECKBOX state from the form field data (FFData), sprmCSymbol and
//     typed Wingdings glyphs as checkboxes, inline pictures (PICF and BLIP in
//     the Data stream) and floating pictures (PlcfSpa and the OfficeArt
//     drawing), section marks;
//   - RTF (ReadRTF) and HTML or MHT pages saved with a .doc name (ReadHTML),
//     with tables, merges, nested tables, checkboxes and pictures; RTF text
//     boxes: the text of shapes (\shptxt in \shp and \shpgrp), WordArt
//     text (gtextUNICODE) and Word 6/95 drawing-object text boxes
//     (\do \dptxbx \dptxbxtext), while \shprslt, the copy of a shape for
//     readers that do not know shapes, is skipped;
//   - Sniff, which tells these formats (and .docx, encrypted .docx, MS Works)
//     apart by content, never by file name.
//
// Not supported: Word 6/95 and older binary files (ErrOldWord, told apart from
// Word 97 by the FIB's layout) and Microsoft Works files (ErrUnsupported); encrypted or obfuscated files (ErrEncrypted); headers,
// footers, footnotes and comments (only the main text and its text boxes are
// read; text boxes follow the paragraph that anchors them, in the same table
// cell, and tables inside them are read as their cells' paragraphs);
// single-sprm piece modifiers (Prm0) of fast-saved files (Prm1, the grpprls
// of the CLX, are applied); properties inherited from styles; Word 2003 XML
// (WordprocessingML) saved as .doc; formatting in general.
package doc
