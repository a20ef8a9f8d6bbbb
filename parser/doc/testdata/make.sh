#!/bin/sh
# Regenerates the parser/doc fixtures: python3 writes the .docx sources,
# LibreOffice (soffice, headless) converts them. See README.md.
set -e
cd "$(dirname "$0")"
python3 make.py
for f in shenbao chushen nested seal-float breaks; do
	soffice --headless --convert-to doc --outdir . "$f.docx"
done
soffice --headless --convert-to rtf --outdir . shenbao.docx chushen.docx textbox-cell.docx
soffice --headless --convert-to doc --outdir . textbox-cell.docx
soffice --headless --convert-to html --outdir . shenbao.docx chushen.docx
rm -f ./*_html_*.png # pictures the HTML export writes beside the page
# chushen.html wrapped as an MHT archive with a .doc name, as Word saves web pages.
python3 make.py mht
# An RTF and an HTML page written by hand the way Word writes them.
python3 make.py rtf
# The same bytes under a .wps name: detection is by content.
cp shenbao.doc shenbao-saved-as.wps
# A password-protected copy (password 123), saved through the UNO API.
/usr/bin/python3 encrypt.py shenbao.docx encrypted.doc
# Flat ODT sources written by hand, converted by LibreOffice: a text frame
# and a shape with text (the .doc textbox story), and an RTF with hidden
# text, characters outside the BMP (\u surrogate pairs) and a numbered list.
soffice --headless --convert-to doc --outdir . textbox.fodt
soffice --headless --convert-to rtf --outdir . textbox.fodt
soffice --headless --convert-to doc --outdir . wordart.fodt
soffice --headless --convert-to rtf --outdir . wordart.fodt
soffice --headless --convert-to rtf --outdir . rtf-wild.fodt
soffice --headless --convert-to doc --outdir . empty.fodt
# Word 6/95, Works and an encrypted .docx container, built by hand.
python3 make_cfb.py
