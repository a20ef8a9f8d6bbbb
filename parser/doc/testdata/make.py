#!/usr/bin/env python3
"""Writes the .docx sources of the parser/doc fixtures (python3 stdlib only).

Run from this directory, then ./make.sh converts them with LibreOffice.
"""
import struct
import sys
import zlib
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'

# A 4x4 red PNG, the stand-in for a seal image.
def _png():
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    raw = b''.join(b'\x00' + b'\xff\x00\x00' * 4 for _ in range(4))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))

PNG = _png()

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def run(t):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(t)

def sym(font, code):
    return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (font, code)

def formcheck(checked):
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check%d"/>'
            '<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>'
            '<w:default w:val="%d"/></w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') % (int(checked), int(checked))

def image():
    return ('<w:r><w:drawing><wp:inline><wp:extent cx="720000" cy="720000"/>'
            '<wp:docPr id="1" name="seal"/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="1" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="720000" cy="720000"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>')

def anchored():
    return ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="2" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>360000'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
            '</wp:posOffset></wp:positionV><wp:extent cx="720000" cy="720000"/><wp:wrapNone/>'
            '<wp:docPr id="2" name="seal2"/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="2" name="seal2.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="720000" cy="720000"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></w:r>')

def textbox(n, *paras):
    """A floating text box as Word 2010+ writes it (wps:wsp with wps:txbx in
    mc:AlternateContent), holding the given paragraphs."""
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
            'relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
            '</wp:posOffset></wp:positionV><wp:extent cx="2400000" cy="720000"/><wp:wrapNone/>'
            '<wp:docPr id="%d" name="文本框 %d"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2400000" '
            'cy="720000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            '<wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
            ) % (n, n + 10, n, ''.join(paras))

def para(*runs):
    return '<w:p>%s</w:p>' % ''.join(r if r.startswith('<') else run(r) for r in runs)

def cell(width, content, span=1, vmerge=None):
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == 'restart':
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'continue':
        pr += '<w:vMerge/>'
    if isinstance(content, str):
        content = para(content) if not content.startswith('<') else content
    return '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (pr, content)

def table(grid, rows):
    g = ''.join('<w:gridCol w:w="%d"/>' % w for w in grid)
    return ('<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>'
            '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
            '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
            '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
            '</w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>') % (
        sum(grid), g, ''.join('<w:tr>%s</w:tr>' % ''.join(r) for r in rows))

def write_docx(name, body, with_image=False):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="png" ContentType="image/png"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '%s</Relationships>') % (
        '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="media/image1.png"/>' if with_image else '')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
           'w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
           '</w:body></w:document>') % (W, body)
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/_rels/document.xml.rels', drels)
        z.writestr('word/document.xml', doc)
        if with_image:
            z.writestr('word/media/image1.png', PNG)

STORY = ('该窗口坚持以人民为中心的发展思想，深入推进“放管服”改革，全面推行一窗受理、集成服务，'
         '窗口工作人员主动靠前服务，开展延时服务和预约服务，累计办理各类业务三万余件，群众满意率达到百分之百。'
         '窗口建立首问负责、限时办结、一次性告知等制度，推行帮办代办服务，为企业和群众提供全流程指导。'
         '在疫情防控期间，窗口人员坚守岗位，开辟绿色通道，确保重点项目审批不断档。'
         '窗口多次收到群众赠送的锦旗和感谢信，树立了政务服务良好形象，得到社会各界广泛好评。')

def shenbao():
    L, V = 2400, 6600
    rows = [
        [cell(L, '窗口名称'), cell(V, '市政务服务中心不动产登记窗口')],
        [cell(L, '所属单位（部门）'), cell(V, '市自然资源和规划局')],
        [cell(L, '推荐形式'), cell(V, para('☑ 集体推荐  □ 个人推荐'))],
        [cell(L, '窗口人员姓名及身份证号码'), cell(V,
            para('张三 110101199001011234') + para('李四 110101198505052345') +
            para('王五 11010119920909345X'))],
        [cell(L, '曾受表彰奖励情况'), cell(V, '2022年度市级青年文明号')],
        [cell(L, '主要工作职责'), cell(V, '负责不动产登记申请的受理、审核和发证工作。')],
        [cell(L, '主要事迹（200字左右）'), cell(V, STORY)],
        [cell(L, '单位意见'), cell(V, para('同意推荐。') + para(image()))],
    ]
    body = para('全市政务服务窗口申报表') + table([L, V], rows) + para('填表日期：2024年5月1日')
    write_docx('shenbao.docx', body, with_image=True)

def chushen():
    g = [1800, 1800, 1800, 1800, 1800]
    rows = [
        [cell(9000, '初审表', span=5)],
        [cell(1800, '窗口名称'), cell(5400, '市政务服务中心税务窗口', span=3), cell(1800, '编号 07')],
        [cell(1800, '审核项目', vmerge='restart'), cell(1800, '材料齐全'),
         cell(3600, para(formcheck(True)) , span=2), cell(1800, '')],
        [cell(1800, '', vmerge='continue'), cell(1800, '格式规范'),
         cell(3600, para(formcheck(False)), span=2), cell(1800, '')],
        [cell(1800, '初审意见'), cell(7200, para('符合条件 ', sym('Wingdings 2', 'F052'),
              ' 是 ', sym('Wingdings', 'F0A8'), ' 否'), span=4)],
    ]
    write_docx('chushen.docx', para('初审表') + table(g, rows) + para('审核人：赵六'))

def floating():
    rows = [[cell(2400, '单位意见'), cell(6600, para('同意推荐。（盖章）', anchored()))]]
    write_docx('seal-float.docx', para('浮动印章') + table([2400, 6600], rows), with_image=True)

def breaks():
    sect = ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" '
            'w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>'
            '</w:sectPr></w:pPr>%s</w:p>') % run('第一节')
    brk = '<w:p>%s<w:r><w:br w:type="page"/></w:r>%s</w:p>' % (run('甲'), run('乙'))
    write_docx('breaks.docx', sect + brk + para('末'))

def nested():
    inner = table([1500, 1500], [[cell(1500, '甲'), cell(1500, '乙')],
                                  [cell(1500, '丙'), cell(1500, '丁')]])
    rows = [[cell(3000, '外层一'), cell(3500, para('内表前') + inner + para('内表后'))],
            [cell(3000, '外层二'), cell(3500, '末格')]]
    write_docx('nested.docx', para('嵌套表') + table([3000, 3500], rows) + para('结束'))

def textboxes():
    """A résumé-like form laid out with text boxes: one in a table cell (the
    value of 窗口名称), one anchored in a body paragraph with two paragraphs
    and typed checkboxes."""
    rows = [[cell(2400, '窗口名称'), cell(6600, para(textbox(1, para('市民中心综合受理窗口'))))],
            [cell(2400, '所属单位'), cell(6600, '市行政审批局')]]
    body = (para('申报表（文本框版）') + table([2400, 6600], rows) +
            para('推荐意见：', textbox(2, para('联系人：王五'), para('是否同意：☑是 □否'))) +
            para('表尾'))
    write_docx('textbox-cell.docx', body)

def mht(src, dst):
    """Wraps an HTML page and the seal PNG as an MHT archive ("single file web
    page"), the form Word writes when a page is saved as .mht or .doc."""
    import email.generator
    import email.mime.image
    import email.mime.multipart
    import email.mime.text
    import email.policy
    msg = email.mime.multipart.MIMEMultipart('related', type='text/html')
    page = email.mime.text.MIMEText(open(src, encoding='utf-8').read(), 'html', 'utf-8')
    page['Content-Location'] = 'file:///C:/form.htm'
    msg.attach(page)
    img = email.mime.image.MIMEImage(PNG, 'png')
    img['Content-Location'] = 'file:///C:/form_files/seal.png'
    msg.attach(img)
    with open(dst, 'w', encoding='ascii', newline='\r\n') as f:
        f.write(msg.as_string(policy=email.policy.SMTP.clone(linesep='\n')))

def gbk(text):
    return ''.join("\\'%02x" % b for b in text.encode('gbk'))

def word_rtf():
    """Writes word-style.rtf by hand in the shape Word's RTF writer uses
    (\\ansicpg936, GBK \\'hh text, FORMCHECKBOX with \\ffres, SYMBOL field,
    Wingdings 2 characters, \\clvmgf/\\clvmrg, a nested table with \\itap2,
    \\nestcell, \\nesttableprops and \\nonesttables)."""
    rtf = (r'{\rtf1\ansi\ansicpg936\uc2\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}'
           r'{\f13\fnil\fcharset134 ' + gbk('宋体') + r';}{\f40\fnil\fcharset2 Wingdings 2;}}'
           r'{\*\generator hand-written;}'
           '\n\\pard\\plain \\f13 ' + gbk('申报表') + '\\par\n'
           r'\trowd\trgaph108\trleft-108\cellx2000\cellx6000'
           '\n\\pard\\intbl ' + gbk('窗口名称') + r'\cell ' + gbk('推荐形式') + r' {\f40 \'52}' + gbk('集体') +
           r' {\f40 \'a3}' + gbk('个人') + r'\cell\row'
           '\n' r'\trowd\trleft-108\clvmgf\cellx2000\cellx6000'
           '\n\\pard\\intbl ' + gbk('审核') + r'\cell {\field{\*\fldinst {FORMCHECKBOX {\*\formfield'
           r'{\fftype1\ffres1\ffdefres0{\*\ffname Check1}}}}}{\fldrslt }}\cell\row'
           '\n' r'\trowd\trleft-108\clvmrg\cellx2000\cellx6000'
           '\n' r'\pard\intbl \cell {\field{\*\fldinst SYMBOL 84 \\f "Wingdings 2" \\s 10}{\fldrslt }}\par'
           '\n\\pard\\intbl\\itap2 ' + gbk('甲') + r'\nestcell ' + gbk('乙') + r'\nestcell'
           r'{\*\nesttableprops\trowd\trleft0\cellx1000\cellx2000\nestrow}{\nonesttables\par}'
           '\n\\pard\\intbl\\itap1 ' + gbk('后') + r'\cell\row'
           '\n\\pard ' + gbk('完') + '\\par}\n')
    with open('word-style.rtf', 'w', encoding='ascii') as f:
        f.write(rtf)

def shape(txt, fallback):
    """A Word 97+ text box: the shape (\\shp, \\shpinst) with its text in
    \\shptxt, and the Word 6/95 drawing object Word writes beside it for
    older readers (\\shprslt with \\do, \\dptxbx, \\dptxbxtext)."""
    return (r'{\shp{\*\shpinst\shpleft0\shptop0\shpright4000\shpbottom1200\shpfhdr0\shpbxcolumn'
            r'\shpbypara\shpwr3\shpwrk0\shpfblwtxt0\shpz0\shplid1026{\sp{\sn shapeType}{\sv 202}}'
            r'{\sp{\sn fFlipH}{\sv 0}}{\sp{\sn lTxid}{\sv 65536}}{\sp{\sn wzName}{\sv ' + gbk('文本框 2') + '}}'
            r'{\shptxt \ltrpar\pard\plain \ltrpar\ql\f13 ' + txt + r'}}'
            r'{\shprslt{\*\do\dobxcolumn\dobypara\dodhgt8192\dptxbx\dptxlrtb{\dptxbxtext\pard\plain \f13 '
            + fallback + r'}\dpx0\dpy0\dpxsize4000\dpysize1200\dpfillfgcr255\dpfillpat1\dplinew15}}}')

def word_textbox_rtf():
    """Writes word-textbox.rtf by hand after the RTF 1.9 specification and
    the shape of Word's output: text boxes (\\shptxt) in a body paragraph
    and in a table cell, each with its \\shprslt fallback; a group of
    shapes (\\shpgrp); a bare Word 6/95 drawing object with a text box; a
    picture shape (pib) whose \\shprslt holds the same picture again."""
    hexpng = PNG.hex()
    rtf = (r'{\rtf1\ansi\ansicpg936\uc2\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}'
           r'{\f13\fnil\fcharset134 ' + gbk('宋体') + r';}{\f40\fnil\fcharset2 Wingdings 2;}}'
           r'{\*\generator hand-written;}'
           '\n\\pard\\plain \\f13 ' + gbk('个人简历') + '\\par\n'
           r'\pard\plain \f13 ' + gbk('基本情况：') +
           shape(gbk('姓名：李四') + r'\par \pard\plain \f13 ' + gbk('推荐形式：') + r'{\f40 \'52}' +
                 gbk('窗口自荐') + r'{\f40 \'a3}' + gbk('领导推荐') + r'\par ',
                 gbk('姓名：李四') + r'\par ' + gbk('推荐形式：窗口自荐') + r'\par ') +
           gbk('（见右）') + '\\par\n'
           r'\trowd\trgaph108\trleft-108\cellx2000\cellx6000'
           '\n\\pard\\intbl ' + gbk('所属单位') + r'\cell ' +
           shape(gbk('市行政审批局') + r'\par ', gbk('市行政审批局') + r'\par ') + r'\cell\row'
           '\n\\pard\\plain \\f13 ' +
           r'{\shpgrp{\*\shpinst\shpleft0\shptop0\shpright6000\shpbottom2000\shpz1\shplid1030'
           r'{\sp{\sn shapeType}{\sv 0}}{\shp{\*\shpinst\shplid1031{\sp{\sn shapeType}{\sv 202}}'
           r'{\shptxt \pard\plain \f13 ' + gbk('组合框内：联系电话 0412-1234567') + r'\par }}}}'
           r'{\shprslt{\*\do\dobxcolumn\dobypara\dodhgt8193\dpgroup\dpcount2\dptxbx{\dptxbxtext\pard\plain '
           + gbk('组合框内：联系电话 0412-1234567') + r'\par }\dpendgroup}}}' + gbk('组合之后') + '\\par\n'
           r'\pard\plain \f13 {\*\do\dobxcolumn\dobypara\dodhgt8192\dptxbx\dptxbxmar20{\dptxbxtext\pard\plain \f13 '
           + gbk('备注：旧版绘图文本框') + r'\par }\dpx0\dpy0\dpxsize3000\dpysize600}' + gbk('旧版之后') + '\\par\n'
           r'\pard\plain \f13 ' + gbk('照片：') + r'{\shp{\*\shpinst\shpleft0\shptop0\shpright1000\shpbottom1000'
           r'\shpz2\shplid1032{\sp{\sn shapeType}{\sv 75}}{\sp{\sn pib}{\sv {\pict\pngblip\picw4\pich4 ' + hexpng +
           r'}}}}{\shprslt\par\pard\plain {\pict\pngblip\picw4\pich4 ' + hexpng + r'}\par}}' + '\\par\n'
           '\\pard ' + gbk('完') + '\\par}\n')
    with open('word-textbox.rtf', 'w', encoding='ascii') as f:
        f.write(rtf)

WORD_HTML = '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>\n<body lang=ZH-CN>\n<p class=MsoNormal>申报表<o:p></o:p></p>\n<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\n <tr><td width=100><p class=MsoNormal>推荐形式</p></td>\n <td width=200><p class=MsoNormal><span style=\'font-family:"Wingdings 2"\'>R</span>窗口自荐 <span style=\'font-family:Wingdings\'>¨</span>领导推荐</p></td></tr>\n <![if !supportMisalignedColumns]>\n <tr height=0><td width=100 style=\'border:none\'></td><td width=200 style=\'border:none\'></td></tr>\n <![endif]>\n</table>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n</body></html>\n'

def word_html():
    """Writes word-style.html by hand in the shape of Word's "save as web
    page" output: GB2312 with a meta charset, MsoNormal paragraphs, o:p
    elements, Wingdings symbol spans and the height=0 spacer row."""
    with open('word-style.html', 'w', encoding='gb2312') as f:
        f.write(WORD_HTML)

if len(sys.argv) > 1 and sys.argv[1] == 'rtf':
    word_rtf()
    word_html()
    word_textbox_rtf()
elif len(sys.argv) > 1 and sys.argv[1] == 'mht':
    mht('chushen.html', 'chushen-saved-as.doc')
else:
    shenbao()
    chushen()
    nested()
    floating()
    breaks()
    textboxes()
