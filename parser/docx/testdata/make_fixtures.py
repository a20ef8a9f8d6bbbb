#!/usr/bin/env python3
"""Write the hand-made Word-style OOXML fixtures of parser/docx.

Each fixture is a minimal but valid .docx written the way Word writes the
construct under test (checkbox content controls, Wingdings symbols, legacy
form fields, merges, tracked changes, AlternateContent, Strict namespaces…).
Run from this directory: python3 make_fixtures.py. Standard library only.
"""
import struct
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    'xmlns:w="%s" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
    'mc:Ignorable="w14"' % W
)

REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_IMG = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
REL_LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def png(width, height):
    """A real PNG of width x height grey pixels."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# A 2x1 GIF89a (header, logical screen, global colour table, image, trailer).
GIF = (b"GIF89a\x02\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
       b",\x00\x00\x00\x00\x02\x00\x01\x00\x00\x02\x02D\x01\x00;")


def write(name, body, *, main="word/document.xml", rels=(), media=(),
          package_rel=True, override=True, ns=NS, root="w:document",
          wprefix="w"):
    """Write a package whose main part holds body inside <w:body>."""
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<%s %s><%s:body>%s<%s:sectPr/></%s:body></%s>'
           % (root, ns, wprefix, body, wprefix, wprefix, root))
    types = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Default Extension="png" ContentType="image/png"/>',
             '<Default Extension="gif" ContentType="image/gif"/>']
    if override:
        types.append('<Override PartName="/%s" ContentType="%s"/>' % (main, CT_MAIN))
    types.append("</Types>")
    pkg_rels = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    if package_rel:
        pkg_rels.append('<Relationship Id="rId1" Type="%s" Target="%s"/>' % (package_rel if isinstance(package_rel, str) else REL_DOC, main))
    pkg_rels.append("</Relationships>")
    d, base = main.rsplit("/", 1)
    part_rels = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for rid, typ, target, external in rels:
        part_rels.append('<Relationship Id="%s" Type="%s" Target="%s"%s/>'
                         % (rid, typ, target, ' TargetMode="External"' if external else ""))
    part_rels.append("</Relationships>")
    with zipfile.ZipFile(name, "w") as z:
        def put(path, data):
            # A fixed timestamp keeps the fixtures byte-identical across runs.
            info = zipfile.ZipInfo(path, date_time=(2024, 5, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        put("[Content_Types].xml", "".join(types))
        put("_rels/.rels", "".join(pkg_rels))
        put(main, doc)
        put("%s/_rels/%s.rels" % (d, base), "".join(part_rels))
        for path, data in media:
            put(path, data)


def p(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def t(text, rpr=""):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def sdt_box(checked, glyph):
    return ('<w:sdt><w:sdtPr><w:id w:val="1"/><w14:checkbox>'
            '<w14:checked w14:val="%d"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent><w:r>'
            '<w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
            '<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>' % (checked, glyph))


def sym(font, char):
    return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (font, char)


def font_run(font, text):
    return t(text, '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>' % (font, font))


def form_box(ffbox, result=True):
    sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if result else ""
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/>'
            '<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>%s</w:checkBox>'
            '</w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (ffbox, sep))


def cell(content, tcpr=""):
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tcpr, content)


def grid(n):
    return "<w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="1000"/>' * n)


def inline_pic(rid, name, descr=""):
    return ('<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/>'
            '<wp:docPr id="1" name="%s" descr="%s"/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:blipFill><a:blip r:embed="%s"/></pic:blipFill></pic:pic>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>' % (name, descr, rid))


def main():
    write("sdt_checkbox.docx",
          p(t("推荐形式："), sdt_box(1, "☒"), t("窗口 "), sdt_box(0, "☐"), t("个人")) +
          # The glyph says unchecked but w14:checked says checked: trust w14.
          p(t("以控件状态为准"), sdt_box(1, "☐")) +
          '<w:tbl>%s<w:tr>%s%s</w:tr></w:tbl>' % (
              grid(2), cell(p(t("同意"))),
              '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>'
              '<w:sdtContent>%s</w:sdtContent></w:sdt>' % cell(p(t("☐")))) +
          p(t("end")))

    # Placeholder text of unfilled controls is dropped (structure kept); a
    # checkbox control drawn with w:sym in a font of its own; a checkbox
    # control with no glyph at all; an altChunk (warned, not read).
    write("sdt_more.docx",
          p(t("姓名："), '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % t("单击或点击此处输入文字。")) +
          '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
          % p(t("单击此处输入事迹。")) +
          p(t("已填："), '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % t("张三")) +
          p('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/>'
            '<w14:checkedState w14:val="2714" w14:font="Segoe UI Symbol"/>'
            '<w14:uncheckedState w14:val="2B1A" w14:font="Segoe UI Symbol"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent>%s</w:sdtContent></w:sdt>' % sym("Segoe UI Symbol", "2714"), t("是")) +
          p(t("空控件"), '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="true"/></w14:checkbox>'
            '</w:sdtPr><w:sdtContent></w:sdtContent></w:sdt>') +
          '<w:altChunk r:id="rId9"/>' + p(t("end")))

    write("sym_wingdings.docx",
          p(sym("Wingdings", "F0FE"), t("窗口"), sym("Wingdings", "F0A8"), t("个人")) +
          p(sym("Wingdings 2", "F052"), t("是"), sym("Wingdings 2", "F0A3"), t("否"),
            sym("Wingdings 2", "F054"), t("X"), sym("Wingdings", "F0FC"), t("tick")) +
          p(t("bullet"), sym("Symbol", "F0B7"), t("end")) +
          p(font_run("Wingdings", "þ"), t("甲"), font_run("Wingdings", "¨"), t("乙"),
            font_run("Wingdings", "\uf0fe"), t("丙")) +
          p(font_run("Wingdings 2", "R"), t("丁"), font_run("Wingdings 2", "£"), t("戊")))

    write("formcheckbox.docx",
          p(form_box('<w:default w:val="0"/><w:checked/>'), t(" checked, val absent")) +
          p(form_box('<w:default w:val="1"/>'), t(" default 1")) +
          p(form_box('<w:default w:val="1"/><w:checked w:val="0"/>'), t(" checked 0 over default 1")) +
          p(form_box('<w:checked w:val="true"/>', result=False), t(" no separate")) +
          p(form_box(''), t(" neither")))

    # Circle choice marks as radio buttons; an instruction to tick is not a
    # tick; 〇 as the numeral zero; a control still flagged as showing its
    # placeholder with text typed over it (WPS leaves the flag), beside one
    # whose prompt is in Word's PlaceholderText style; and a second w:body.
    write("choices.docx",
          p(t("初审意见：〇是 ●否")) +
          p(t("推荐形式：◯窗口自荐 ◉领导推荐")) +
          p(t("性别：○男 ○女")) +
          p(t("请在相应栏内打“√”，"), t("或打√")) +
          p(t("二〇二四年三月 ●")) +
          p(t("姓名："), '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % t("王小明")) +
          p(t("单位："), '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % t("在此键入单位名称", '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>')) +
          '<w:sectPr/></w:body><w:body>' + p(t("第二个正文部分")))

    write("unicode.docx",
          p(t("□甲 ☐乙 ☑丙 ☒丁 ■戊 √己 ✓庚 ✔辛")) +
          p(t("推荐形式：√窗口自荐  □个人")))

    cell_png = png(3, 2)
    write("table_merge.docx",
          "<w:tbl>%s" % grid(4) +
          # row 0: gridSpan 2 + vMerge restart + plain
          "<w:tr>%s%s%s</w:tr>" % (cell(p(t("A")), '<w:gridSpan w:val="2"/>'),
                                   cell(p(t("B")), '<w:vMerge w:val="restart"/>'),
                                   cell(p(t("C")))) +
          # row 1: two cells, vMerge continue, one cell
          "<w:tr>%s%s%s%s</w:tr>" % (cell(p(t("D"))), cell(p(t("E"))),
                                     cell(p(), '<w:vMerge/>'), cell(p(t("F")))) +
          # row 2: gridBefore 1, continue again, gridAfter 1
          '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>%s%s</w:tr>'
          % (cell(p(t("G"))), cell(p(), '<w:vMerge w:val="continue"/>')) +
          # row 3: short row (one cell), holding a nested table and a picture
          "<w:tr>%s</w:tr>" % cell(
              p(t("H"), inline_pic("rId10", "Picture 1", "工作照片")) +
              "<w:tbl>%s<w:tr>%s%s</w:tr></w:tbl>" % (grid(2), cell(p(t("n1"))), cell(p(t("n2")))) +
              p()) +
          "</w:tbl>" + p(t("after")),
          rels=[("rId10", REL_IMG, "media/image1.png", False)],
          media=[("word/media/image1.png", cell_png)])

    # No tblGrid: the widest row sets the columns. Legacy hMerge, a vMerge
    # continuation whose span does not match the cell above (it starts a
    # cell of its own), a row inside a content control, cells in customXml.
    write("table_edge.docx",
          "<w:tbl>" +
          "<w:tr>%s%s%s</w:tr>" % (cell(p(t("a")), '<w:hMerge w:val="restart"/>'),
                                   cell(p(), '<w:hMerge/>'), cell(p(t("c")))) +
          "<w:tr>%s%s</w:tr>" % (cell(p(t("d")), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'),
                                 cell(p(t("e")))) +
          "<w:tr>%s%s%s</w:tr>" % (cell(p(t("f")), '<w:vMerge/>'), cell(p(t("g"))), cell(p(t("h")))) +
          "<w:tr>%s%s%s%s</w:tr>" % (cell(p(), '<w:vMerge/>'), cell(p(t("i"))),
                                     cell(p(t("j"))), cell(p(t("k")))) +
          '<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:customXml w:element="c">%s%s</w:customXml></w:tr>'
          '</w:sdtContent></w:sdt>' % (cell(p(t("l"))), cell(p(t("m")))) +
          "</w:tbl>")

    write("tracked.docx",
          p(t("申报"), '<w:ins w:id="1" w:author="a">%s</w:ins>' % t("单位"),
            '<w:del w:id="2" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>',
            '<w:moveFrom w:id="3" w:author="a">%s</w:moveFrom>' % t("旧处"),
            '<w:moveTo w:id="4" w:author="a">%s</w:moveTo>' % t("新处")) +
          '<w:tbl>%s<w:tr>%s</w:tr><w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>%s</w:tr></w:tbl>'
          % (grid(1), cell(p(t("kept row"))), cell(p(t("deleted row")))))

    txbx = ('<w:txbxContent>%s</w:txbxContent>' % p(t("文本框内容")))
    write("altcontent.docx",
          p(t("正文"),
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<wp:docPr id="2" name="Text Box 2"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:txbx>%s</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>%s'
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>' % (txbx, txbx)) +
          p(t("图表"),
            '<mc:AlternateContent><mc:Choice Requires="cx"><w:r><w:t>choice text</w:t></w:r></mc:Choice>'
            '<mc:Fallback><w:r><w:t>fallback text</w:t></w:r></mc:Fallback></mc:AlternateContent>') +
          p('<w:r><w:pict><v:shape alt="环境照片"><v:imagedata r:id="rId7" o:title="env"/></v:shape></w:pict></w:r>'),
          rels=[("rId7", REL_IMG, "media/image2.gif", False)],
          media=[("word/media/image2.gif", GIF)])

    write("fields.docx",
          p(t("第"), '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>', t("页")) +
          p(t("日期："), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy-MM-dd" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', t("2024-05-01"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
          # nested: IF { MERGEFIELD x } = "" "空" "满" → only the outer result shows
          p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', t("inner"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> = "" "空" "满" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', t("满"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
          p(t("见"), '<w:hyperlink r:id="rId3">%s</w:hyperlink>' % t("网站"),
            '<w:smartTag w:uri="u" w:element="place">%s</w:smartTag>' % t("沈阳"),
            '<w:customXml w:element="x">%s</w:customXml>' % t("市"),
            '<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t></w:r>'),
          rels=[("rId3", REL_LINK, "https://example.com/", True)])

    strict_ns = ('xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" '
                 'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships" '
                 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
    write("strict.docx",
          p(t("严格模式"), sym("Wingdings", "F0FE")) +
          '<w:tbl>%s<w:tr>%s%s</w:tr><w:tr>%s</w:tr></w:tbl>' % (
              grid(2), cell(p(t("a")), '<w:vMerge w:val="restart"/>'), cell(p(t("b"))),
              cell(p(t("c")), '<w:gridSpan w:val="2"/>')) +
          p(form_box('<w:checked w:val="true"/>'), t("同意")),
          ns=strict_ns,
          package_rel="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")

    write("renamed.docx", p(t("主文档改名")), main="content/main-body.xml")
    write("renamed_ct.docx", p(t("只靠内容类型找到")), main="word/doc2.xml", package_rel=False)

    write("split_runs.docx",
          p(t("申"), '<w:proofErr w:type="spellStart"/>', t("报"),
            '<w:bookmarkStart w:id="0" w:name="a"/>', t("单"), '<w:bookmarkEnd w:id="0"/>',
            t("位", '<w:rPr><w:b/></w:rPr>')))

    # A field begin with no separate or end: the reader gives up on it
    # after eight paragraphs instead of hiding the rest of the document.
    write("field_unclosed.docx",
          p(t("前"), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText> REF x </w:instrText></w:r>', t("hidden0")) +
          "".join(p(t("hidden%d" % i)) for i in range(1, 9)) + p(t("shown")))

    write("not_word.docx", "", main="xl/workbook.xml", root="x:workbook",
          ns='xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:w="%s"' % W,
          wprefix="x", override=False)


if __name__ == "__main__":
    main()
