"""A small Word-style OOXML writer for make_forms.py: the forms Word itself
would save (split runs, content-control / w:sym / FORMCHECKBOX checkboxes,
vMerge and gridSpan merges, an inline picture)."""
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Default Extension="png" ContentType="image/png"/>'
      '<Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
FONT = '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>'
COLW = [1800, 2400, 2400, 2400]


def run(text, bold=False):
    rpr = "<w:rPr>%s%s<w:sz w:val=\"24\"/></w:rPr>" % (FONT, "<w:b/>" if bold else "")
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        parts.append('<w:t xml:space="preserve">%s</w:t>' % escape(line))
    return "<w:r>%s%s</w:r>" % (rpr, "".join(parts))


def split_runs(text):
    """Word splits text into several runs (edits, spell-check marks)."""
    if len(text) < 4:
        return run(text)
    mid = len(text) // 2
    return run(text[:mid]) + '<w:proofErr w:type="gramStart"/>' + run(text[mid:]) + '<w:proofErr w:type="gramEnd"/>'


def checkbox(checked, style, n):
    if style == "sdt":
        glyph = "☒" if checked else "☐"
        return ('<w:sdt><w:sdtPr><w:id w:val="%d"/><w14:checkbox><w14:checked w14:val="%d"/>'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
                'w:hint="eastAsia"/></w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>'
                % (1000 + n, 1 if checked else 0, glyph))
    if style == "sym":
        return '<w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr><w:sym w:font="Wingdings 2" w:char="%s"/></w:r>' % (
            "F052" if checked else "F0A3")
    if style == "formfield":
        return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check%d"/><w:enabled/>'
                '<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="%d"/>%s</w:checkBox>'
                '</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                % (n, 0, "<w:checked/>" if checked else ""))
    if style == "typed":
        return run("√" if checked else "□")
    return run("☑" if checked else "□")


def picture(rid, n, cx=1080000, cy=1080000):
    return ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="电子印章 %d" descr="电子印章"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>' % (cx, cy, n, n, n, rid, cx, cy))


def para(inner, center=False, bold=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return "<w:p>%s%s</w:p>" % (ppr, inner)


def table_xml(table, cbstyle, image_rids, counter):
    ncols = len(COLW)
    cover = {}  # (row, col) -> origin cell continuing a vertical merge
    out = ['<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders>'
           + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
                     for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
           + '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
           + "".join('<w:gridCol w:w="%d"/>' % w for w in COLW) + "</w:tblGrid>"]
    for r, row in enumerate(table):
        out.append("<w:tr>")
        cells = list(row)
        col = 0
        while col < ncols:
            if (r, col) in cover:
                origin = cover[(r, col)]
                span = origin["cs"]
                out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vMerge/></w:tcPr><w:p/></w:tc>'
                           % (sum(COLW[col:col + span]), '<w:gridSpan w:val="%d"/>' % span if span > 1 else ""))
                col += span
                continue
            if not cells:
                break
            c = cells.pop(0)
            span = c["cs"]
            if c["rs"] > 1:
                for k in range(1, c["rs"]):
                    for j in range(span):
                        cover[(r + k, col + j)] = c if j == 0 else None
                for k in range(1, c["rs"]):
                    for j in range(1, span):
                        cover.pop((r + k, col + j), None)
            tcpr = '<w:tcW w:w="%d" w:type="dxa"/>' % sum(COLW[col:col + span])
            if span > 1:
                tcpr += '<w:gridSpan w:val="%d"/>' % span
            if c["rs"] > 1:
                tcpr += '<w:vMerge w:val="restart"/>'
            tcpr += '<w:vAlign w:val="center"/>'
            ps = []
            for p in c["paras"]:
                if isinstance(p, dict):  # a nested table
                    ps.append(table_xml(p["table"], cbstyle, image_rids, counter) + "<w:p/>")
                    continue
                inner = []
                for it in p:
                    if isinstance(it, tuple) and it[0] == "cb":
                        counter[0] += 1
                        inner.append(checkbox(it[1], cbstyle, counter[0]))
                    elif isinstance(it, tuple) and it[0] == "img":
                        counter[0] += 1
                        inner.append(picture(image_rids[it[1]], counter[0]))
                    elif it:
                        inner.append(split_runs(it))
                ps.append(para("".join(inner)))
            out.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tcpr, "".join(ps)))
            col += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _zip(path, document, images, fixed_time):
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, name in enumerate(sorted(images)):
        rels.append('<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
                    'Target="media/%s.png"/>' % (i + 1, name))
    rels.append("</Relationships>")
    files = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", document),
             ("word/_rels/document.xml.rels", "".join(rels))]
    for name in sorted(images):
        files.append(("word/media/%s.png" % name, images[name]))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, fixed_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)


def write(path, heading, title, table, cbstyle, images, fixed_time):
    rids = {name: "rIdImg%d" % (i + 1) for i, name in enumerate(sorted(images))}
    body = [para(run(heading)), para(run(title, bold=True), center=True),
            table_xml(table, cbstyle, rids, [0]), "<w:p/>"]
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>' % (W_NS, "".join(body)))
    _zip(path, doc, images, fixed_time)


def write_prose(path, paras, fixed_time):
    body = [para(run(p), center=(i == 0), bold=False) for i, p in enumerate(paras)]
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
           '<w:sectPr/></w:body></w:document>' % (W_NS, "".join(body)))
    _zip(path, doc, {}, fixed_time)
