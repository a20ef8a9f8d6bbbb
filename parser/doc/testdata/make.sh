#!/bin/sh
# Regenerates the parser/doc fixtures: python3 writes the .docx sources,
# LibreOffice (soffice, headless) converts them. See README.md.
set -e
cd "$(dirname "$0")"
python3 make.py
for f in shenbao chushen nested; do
	soffice --headless --convert-to doc --outdir . "$f.docx"
done
soffice --headless --convert-to rtf --outdir . shenbao.docx chushen.docx
soffice --headless --convert-to html --outdir . shenbao.docx chushen.docx
# The same bytes under a .wps name: detection is by content.
cp shenbao.doc shenbao-saved-as.wps
# A password-protected .doc (password 123).
mkdir -p enc
soffice --headless --convert-to 'doc:MS Word 97:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentPassword":{"type":"string","value":"123"}}' --outdir enc shenbao.docx
mv enc/shenbao.doc encrypted.doc
rmdir enc
