#!/bin/sh
# Regenerates the fixtures of parser/table from the sources in src/ with
# LibreOffice (soffice) and Python 3. Run from this directory.
set -e
out=$(mktemp -d)
lo() { soffice -env:UserInstallation=file://$out/profile --headless --convert-to "$1" --outdir "$out" "$2" >/dev/null 2>&1; }
lo xls src/merged.fods
lo xlsx src/merged.fods
python3 src/big.py > "$out/big.csv"
soffice -env:UserInstallation=file://$out/profile --headless --infilter=CSV:44,34,76,1 --convert-to xls --outdir "$out" "$out/big.csv" >/dev/null 2>&1
lo 'docx:MS Word 2007 XML' src/ranking.html
lo 'doc:MS Word 97' src/ranking.html
cp "$out/merged.xls" "$out/merged.xlsx" "$out/big.xls" "$out/ranking.docx" "$out/ranking.doc" .
python3 src/csvs.py
rm -rf "$out"
