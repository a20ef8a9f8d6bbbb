// Package mail reads email as it arrives in a Chinese government shared
// mailbox: single RFC 5322 messages (.eml), mbox files (mboxo and mboxrd),
// Outlook .msg files and the winmail.dat (TNEF) parts Outlook sends.
//
// Parse turns one message into a plain Message: decoded sender, subject and
// date, the plain-text body and every attachment, inline file and forwarded
// message as a Part. It copes with what real mail clients send: RFC 2047
// words and RFC 2231 parameters in GBK, GB2312 (decoded as GB18030, since
// real mail uses characters outside GB2312), GB18030, Big5 and UTF-8; raw
// 8-bit GBK header bytes; parameters split into RFC 2231 continuations;
// missing closing boundaries, or a last part ended by an opening delimiter
// (a delimiter line never becomes content), multiparts that lost their
// boundary parameter (the boundary is guessed from the body), part headers
// that run into their body with no blank line; multipart/digest, whose parts
// are message/rfc822 by default; files uuencoded into a plain-text body or
// sent as an x-uuencode part; text/enriched and text/richtext bodies; raw
// 8-bit names in UTF-8 (even cut inside the last character) or else GBK;
// bodies in GBK. MIME structure is parsed by
// github.com/jhillyerd/enmime/v2; header words, parameters, transfer
// encodings and charsets are decoded here.
//
// Recoverable trouble goes into Message.Problems as problem.Problem values
// (a stable code, the attachment or stream concerned; problem.Text words
// them for the clerk); an error is returned only when nothing can be read. Forwarded messages are not
// parsed recursively: a Part with Message set holds the raw bytes for the
// caller to Parse again, so the caller controls depth.
//
// Errors are English and wrap ErrTooLarge (over Limits.MaxMessageBytes),
// ErrNotMessage (no header at the start) or ErrTooComplex (more multipart
// containers than are nested) where that is the cause, and the underlying
// reader's error otherwise; parser/intake words them for the clerk.
//
// Not supported: S/MIME and PGP (signed parts are kept as parts, encrypted
// bodies are opaque), embedded messages inside .msg attachments (recorded as a
// problem), .msg bodies kept only as compressed RTF, TNEF message bodies (only
// attachments are extracted), BinHex and yEnc.
package mail
