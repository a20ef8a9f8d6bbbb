// Package classify is the parse stage for one leaf file: bytes and a name
// in, a typed Result out. It tells what the file is (Kind), reads it with the
// parser that fits (parser/docx, parser/doc, parser/form, parser/scan, the
// image decoders, pdfcpu) and gives a Verdict: parsed, ignored or failed,
// with the reason in the clerk's Chinese. A Word file holding both forms
// (附件1 and 附件2 filled in one document) is split and yields both.
// Files given under --rankings or --joint-review are read as tables
// (parser/table, parser/dept); a spreadsheet or Word file among the other
// inputs is taken for a 实绩排序表 when its content is one
// (dept.LooksLikeRanking), never by its name.
//
// Entry points:
//
//   - File(Input, Specs) classifies and reads one file; `shenbao check`
//     calls it for every leaf item of the walk, `shenbao inspect` for the
//     one file it shows.
//   - Forms(doc, Specs) extracts the forms of an already read Word document.
//   - Kind is the one vocabulary of "what kind of file is this"; Kind.Label
//     is its 文件清单 word.
//
// What it does not do: it never touches an intake.Item (the caller applies
// the Verdict), never reads the profile beyond the form specs (Specs), and
// never decides which window a file belongs to (validate/dossier does).
// All Chinese text it makes is in reason.go.
//
// Adding a result: put the new field on Result (with a JSON tag, since
// `shenbao inspect` prints Result) and fill it in File; the pipeline hands
// Result to validate/dossier, which decides what the dossier keeps.
package classify
