#!/bin/sh
# Rebuild template.docx from template.fodt with LibreOffice, then check that
# every placeholder sits whole inside one w:t element (Word-style run
# splitting would break the replacement). Placeholders are ASCII because
# LibreOffice starts a new run wherever the script changes, so {{标题}}
# would come out as three runs: {{ / 标题 / }}.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to docx --outdir "$tmp" template.fodt >/dev/null 2>&1
cp "$tmp/template.docx" template.docx
doc=$(unzip -p template.docx word/document.xml)
for p in DOCTITLE NUMBER TO INTRO FINDINGS NOTESINTRO NOTES CLOSING CONTACT ISSUER DATE; do
	if ! printf '%s' "$doc" | grep -q "<w:t[^>]*>[^<]*{{$p}}[^<]*</w:t>"; then
		echo "placeholder {{$p}} is not whole inside one w:t" >&2
		exit 1
	fi
done
echo "template.docx rebuilt; all placeholders whole"
