// Package seal looks at scanned 初审表 pages: it finds the table's review
// rows from the ruled lines and the red seals (公章) on the page, and says
// per row whether it is stamped (SPEC §4).
//
// It reads JPEG, PNG (RGB, grey, palette, 1-bit), GIF, TIFF (multi-page;
// uncompressed, LZW, Deflate, PackBits, CCITT G3/G4) and PDF scans (each
// page's one image, extracted with pdfcpu, turned by the page's /Rotate).
// The pixel count is checked before any page is decoded. It reports and
// does not decode: a PDF page made of several image strips, JPEG 2000 (JPX)
// and JBIG2 images, text PDFs without a page image.
//
// The analysis runs on the page reduced to about 1000 pixels on its long
// side (~85 dpi for A4):
//  1. paper normalisation: each channel divided by the local paper colour,
//     so yellowing, scanner shading and a phone's light fall away;
//  2. orientation: the skew (±6°) from the sharpest row profile, the
//     quarter turn from where a ruled table is found, upside down from the
//     side the narrow label column is on;
//  3. rules: thin dark lines (black, grey or red), linked across gaps from
//     folds, punch holes and seals, fitted as lines so perspective is fine;
//     the frame from the long vertical rules; the review rows are the run
//     of len(Roles) rows with the greatest height (the 窗口名称/人员 rows
//     above and a 备注 row below are short). Rows that cannot be told apart
//     are reported (Page.Trouble, a typed *Error), never guessed;
//  4. seals: centres voted along edge normals of the red/magenta chroma
//     (a gradient Hough transform) and from seal-sized blobs; at each, the
//     ring is fitted as an ellipse by RANSAC over rays cast from outside
//     in, so two touching seals are two; a ring is a seal when most of it
//     is inked and something (arc text, a star) is inside. It is a sure
//     one only when its ink is a stamped ring's: thicker than a pen line,
//     with one sharp outer edge all round (a pen circle wanders, a box's
//     sides and text only pass near the outline). A square 名章 is
//     reported with a low confidence. On a greyscale or bitonal page a
//     thin ring of ink is reported as doubtful, never as a sure seal;
//  5. placement: each seal goes to the row holding most of its area; a
//     seal spilling far into a neighbour makes that neighbour doubtful.
//
// It does not read text (no OCR): the window a page belongs to comes from
// the file's name, its mail or the scan metadata. Package sealtest renders
// the synthetic pages it is tuned and scored on.
package seal
