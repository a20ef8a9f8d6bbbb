// Package intake walks what the clerk gave — folders, .eml, .mbox, .msg,
// .zip, .7z, .rar, nested in any order — and emits every item it meets with
// its provenance (the chain of containers and the email it came in). It is
// bounded: nesting depth, entry count, per-entry and total size, compression
// ratio, the archive entries and bytes expanded from one input file at any
// depth, and the bytes expanded beneath each archive with everything nested
// in it (a 42.zip). A violation is a failed item; the walk goes on. Past an
// input's budget the remaining items are not listed one by one: one failed
// item at the end of the input says how many were left and why. Names from mail and
// archives are never used as file-system paths, nothing is written to disk,
// and inputs are opened read-only.
//
// What a thing is comes from its content first (magic bytes, mail headers),
// then its name. A zip holding [Content_Types].xml, word/document.xml,
// mimetype or OFD.xml, or named .docx/.xlsx/…, is a document, not an
// archive. A compound file is an Outlook .msg when it has MAPI property
// streams, else a leaf (.doc, .wps, .xls).
//
// Shape of the output: folders and containers are emitted after the items
// inside them, so their Status is final. Archive directory entries are not
// items (their names live on in the entries' paths). Folders do not count
// towards the depth limit; every email, archive, mbox and winmail.dat does.
// Email bodies are not items. Top-level inputs that are symbolic links are
// followed; links inside folders are listed as ignored.
//
// Not supported: multi-volume archives, tar/gz, passwords.
package intake
