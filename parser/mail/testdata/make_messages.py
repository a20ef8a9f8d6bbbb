#!/usr/bin/env python3
"""Builds the test messages of shenbao/parser/mail (python3 standard library only).

Run from this folder: python3 make_messages.py
Output is deterministic: fixed dates, boundaries and Message-IDs.
Each message mimics what a real client sends; some carry a planted defect.
"""
import base64
import struct
from email import encoders
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import message_from_bytes
from email.policy import compat32

DOCX = b"PK\x03\x04" + b"fake docx for mail tests" + b"\x00" * 8
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"fake doc" + b"\x00" * 8
JPEG = b"\xff\xd8\xff\xe0" + b"fake jpeg" + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + b"fake png logo"
ZIP = b"PK\x03\x04" + b"fake zip"


def bword(text, charset, codec=None):
    """An RFC 2047 B word; codec lets a gb2312 label carry GBK bytes."""
    raw = text.encode(codec or charset)
    return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode())


def qword(text, charset):
    out = []
    for b in text.encode(charset):
        c = chr(b)
        if c.isalnum() and b < 128:
            out.append(c)
        elif c == " ":
            out.append("_")
        else:
            out.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def base(msg, frm, subject, date, mid):
    msg["From"] = frm
    msg["To"] = "shenbao@zwfw.example.gov.cn"
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = "<%s@test.example>" % mid
    return msg


def attach(data, maintype, subtype, name_header, disp="attachment", fname=None):
    p = MIMEBase(maintype, subtype)
    p.set_payload(data)
    encoders.encode_base64(p)
    if name_header is not None:
        p.set_param("name", name_header)
    if fname is not None:
        p["Content-Disposition"] = '%s; filename="%s"' % (disp, fname)
    else:
        p["Content-Disposition"] = disp
    return p


def text_part(s, charset="gbk", subtype="plain", cte="base64"):
    p = MIMEText("", subtype, "utf-8")
    del p["Content-Type"]
    del p["Content-Transfer-Encoding"]
    del p["MIME-Version"]
    p["Content-Type"] = '%s; charset="%s"' % ("text/" + subtype, charset)
    raw = s.encode("gbk" if charset.lower() in ("gb2312", "gbk", "gb18030") else charset)
    if cte == "base64":
        p["Content-Transfer-Encoding"] = "base64"
        p.set_payload(base64.encodebytes(raw).decode())
    else:
        import quopri
        p["Content-Transfer-Encoding"] = "quoted-printable"
        p.set_payload(quopri.encodestring(raw).decode())
    return p


def mixed(boundary):
    m = MIMEMultipart("mixed", boundary=boundary)
    return m


def gbk_b():
    m = mixed("----=_Part_gbk_b")
    base(m, "%s <zhangsan@163.com>" % bword("张三", "GBK"), bword("关于报送政务服务中心申报表的函", "GBK"),
         "Mon, 2 Mar 2026 09:15:00 +0800", "gbk-b")
    m.attach(text_part("您好，附件是申报表，请查收。"))
    name = bword("申报表.docx", "GBK")
    m.attach(attach(DOCX, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", name, fname=name))
    return m.as_bytes()


def gbk_q():
    m = mixed("----=_Part_gbk_q")
    base(m, "%s <lisi@126.com>" % qword("李四", "gbk"), qword("不动产登记窗口 申报材料", "gbk"),
         "Tue, 3 Mar 2026 14:02:11 +0800", "gbk-q")
    m.attach(text_part("见附件。", cte="qp"))
    m.attach(attach(JPEG, "image", "jpeg", qword("环境照片.jpg", "gbk"), fname=qword("环境照片.jpg", "gbk")))
    return m.as_bytes()


def gb2312_ext():
    # gb2312 label, GBK bytes: 堃 and 镕 are not in GB2312
    m = mixed("----=_Part_gb2312")
    base(m, "%s <wangkun@qq.com>" % bword("王堃", "gb2312", "gbk"), bword("王堃、朱镕的申报材料", "gb2312", "gbk"),
         "Wed, 4 Mar 2026 08:00:00 +0800", "gb2312")
    m.attach(text_part("经办人：王堃（镕）", charset="gb2312"))
    return m.as_bytes()


def big5():
    m = MIMEText("", "plain", "utf-8")
    del m["Content-Type"]
    del m["Content-Transfer-Encoding"]
    m["Content-Type"] = 'text/plain; charset="big5"'
    m["Content-Transfer-Encoding"] = "base64"
    m.set_payload(base64.encodebytes("請查收申報表。".encode("big5")).decode())
    base(m, "%s <chen@hinet.example.tw>" % bword("陳大文", "big5"), bword("申報表（繁體）", "big5"),
         "Thu, 5 Mar 2026 10:30:00 +0800", "big5")
    return m.as_bytes()


def utf8():
    m = MIMEMultipart("mixed", boundary="----=_Part_utf8")
    base(m, str(Header("赵六", "utf-8")) + " <zhaoliu@example.cn>", Header("市场监管窗口 申报表及照片", "utf-8").encode(),
         "Fri, 6 Mar 2026 16:45:00 +0800", "utf8")
    t = MIMEText("申报表和两张照片见附件。", "plain", "utf-8")
    m.attach(t)
    p = MIMEApplication(DOCX, "vnd.openxmlformats-officedocument.wordprocessingml.document")
    p.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "市场监管窗口申报表.docx"))
    m.attach(p)
    img = MIMEImage(JPEG, "jpeg")
    img.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "工作照片.jpg"))
    m.attach(img)
    return m.as_bytes()


def rfc2231_gbk():
    m = mixed("----=_Part_2231")
    base(m, "sender@example.cn", "RFC 2231 GBK", "Sat, 7 Mar 2026 11:00:00 +0800", "2231")
    m.attach(text_part("See attachment.", charset="us-ascii"))
    p = MIMEBase("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
    p.set_payload(DOCX)
    encoders.encode_base64(p)
    p["Content-Disposition"] = "attachment; filename*=GBK''%C9%EA%B1%A8%B1%ED.docx"
    m.attach(p)
    return m.as_bytes()


def rfc2231_cont():
    m = mixed("----=_Part_2231c")
    base(m, "sender@example.cn", "RFC 2231 continuations", "Sat, 7 Mar 2026 11:05:00 +0800", "2231c")
    m.attach(text_part("See attachment.", charset="us-ascii"))
    enc = "".join("%%%02X" % b for b in "政务服务中心初审表（修改稿）.docx".encode("gbk"))
    half = len(enc) // 2
    half -= half % 3  # cut between %XX triples
    p = MIMEBase("application", "octet-stream")
    p.set_payload(DOCX)
    encoders.encode_base64(p)
    p["Content-Disposition"] = ("attachment;\r\n filename*0*=gbk''%s;\r\n filename*1*=%s" % (enc[:half], enc[half:]))
    m.attach(p)
    # utf-8 continuation with a plain second piece
    q = MIMEBase("image", "jpeg")
    q.set_payload(JPEG)
    encoders.encode_base64(q)
    q["Content-Disposition"] = "attachment; filename*0*=utf-8''%E7%8E%AF%E5%A2%83; filename*1=photo.jpg"
    m.attach(q)
    return m.as_bytes()


def raw8bit():
    # Raw GBK bytes in headers, as some old clients and scripts send.
    b = b"----=_Part_raw8"
    head = (b"From: " + "王五".encode("gbk") + b" <wangwu@sina.com>\r\n"
            b"To: shenbao@zwfw.example.gov.cn\r\n"
            b"Subject: " + "税务窗口申报表".encode("gbk") + b"\r\n"
            b"Date: Sun, 8 Mar 2026 20:00:00 +0800\r\n"
            b"MIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="' + b + b'"\r\n\r\n')
    body = (b"--" + b + b"\r\n"
            b"Content-Type: text/plain; charset=gbk\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + "请查收。".encode("gbk") + b"\r\n"
            b"--" + b + b"\r\n"
            b'Content-Type: application/msword; name="' + "税务窗口申报表.doc".encode("gbk") + b'"\r\n'
            b'Content-Disposition: attachment; filename="C:\\fakepath\\' + "税务窗口申报表.doc".encode("gbk") + b'"\r\n'
            b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(DOC).replace(b"\n", b"\r\n") +
            b"--" + b + b"--\r\n")
    return head + body


def noclose():
    # The closing boundary is missing: the message was cut after the last part.
    m = mixed("----=_Part_noclose")
    base(m, "cut@example.cn", bword("截断的邮件", "gbk"), "Mon, 9 Mar 2026 09:00:00 +0800", "noclose")
    m.attach(text_part("正文"))
    m.attach(attach(JPEG, "image", "jpeg", "photo.jpg", fname="photo.jpg"))
    data = m.as_bytes()
    end = data.rindex(b"------=_Part_noclose--")
    return data[:end]


def gbk_body():
    m = text_part("尊敬的审核人员：\n\n我单位现报送申报材料，共三份。堃\n", charset="gbk", cte="qp")
    m["MIME-Version"] = "1.0"
    base(m, "body@example.cn", "GBK body", "Tue, 10 Mar 2026 09:00:00 +0800", "gbkbody")
    return m.as_bytes()


def inner_message():
    inner = mixed("----=_Part_inner")
    base(inner, "%s <window@xzsp.example.cn>" % bword("行政审批局窗口", "gbk"), bword("原始邮件：申报表", "gbk"),
         "Wed, 11 Mar 2026 08:30:00 +0800", "inner")
    inner.attach(text_part("原始正文"))
    n = bword("行政审批窗口申报表.docx", "gbk")
    inner.attach(attach(DOCX, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", n, fname=n))
    return inner


def forward():
    m = mixed("----=_Part_fwd")
    base(m, "%s <office@zwfw.example.cn>" % bword("办公室", "gbk"), bword("转发：原始邮件：申报表", "gbk"),
         "Wed, 11 Mar 2026 10:00:00 +0800", "fwd")
    m.attach(text_part("转发给你。"))
    m.attach(MIMEMessage(inner_message()))
    return m.as_bytes()


def eml_attached():
    m = mixed("----=_Part_emlatt")
    base(m, "office@zwfw.example.cn", bword("附上原邮件", "gbk"), "Wed, 11 Mar 2026 10:05:00 +0800", "emlatt")
    m.attach(text_part("原邮件作为附件。"))
    n = bword("原邮件.eml", "gbk")
    m.attach(attach(inner_message().as_bytes(), "application", "octet-stream", n, fname=n))
    return m.as_bytes()


def inline_sig():
    rel = MIMEMultipart("related", boundary="----=_Part_rel")
    alt = MIMEMultipart("alternative", boundary="----=_Part_alt")
    alt.attach(text_part("您好，申报表见附件。\n-- \n政务服务中心"))
    alt.attach(text_part('<p>您好，申报表见附件。</p><img src="cid:logo001">', subtype="html"))
    rel.attach(alt)
    img = MIMEImage(PNG, "png")
    img["Content-ID"] = "<logo001>"
    img["Content-Disposition"] = 'inline; filename="logo.png"'
    rel.attach(img)
    m = mixed("----=_Part_sig")
    base(m, "center@zwfw.example.cn", bword("带签名图片的邮件", "gbk"), "Thu, 12 Mar 2026 09:00:00 +0800", "sig")
    m.attach(rel)
    n = bword("申报表.docx", "gbk")
    m.attach(attach(DOCX, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", n, fname=n))
    return m.as_bytes()


def tnef_attr(level, attr_id, data):
    return (struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF))


def tnef():
    """A winmail.dat holding one attachment with an 8.3 title and a long MAPI name."""
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += tnef_attr(2, 0x00069002, b"\x01\x00\xff\xff\xff\xff\x01\x00\x01\x00\x00\x00\x00\x00")
    out += tnef_attr(2, 0x00018010, "申报表.doc".encode("gbk") + b"\x00")
    out += tnef_attr(2, 0x0006800F, DOC)
    longname = "政务服务中心申报表（定稿）.doc".encode("utf-16-le") + b"\x00\x00"
    props = struct.pack("<I", 1) + struct.pack("<HH", 0x001F, 0x3707) + struct.pack("<II", 1, len(longname))
    props += longname + b"\x00" * ((4 - len(longname) % 4) % 4)
    out += tnef_attr(2, 0x00069005, props)
    return out


def winmail():
    m = mixed("----=_Part_tnef")
    base(m, "outlook@example.cn", "Outlook RTF mail", "Fri, 13 Mar 2026 09:00:00 +0800", "tnef")
    m.attach(text_part("See attachment.", charset="us-ascii"))
    p = MIMEApplication(tnef(), "ms-tnef")
    p.add_header("Content-Disposition", "attachment", filename="winmail.dat")
    m.attach(p)
    return m.as_bytes()


def foxmail():
    """Foxmail 7.2 layout: mixed > alternative(plain gb2312 base64, html), attachments with gb2312 B words."""
    b1, b2 = "----=_001_NextPart728345114116_=----", "----=_002_NextPart128461234511_=----"
    fn = bword("公安户政窗口申报表.docx", "gb2312", "gbk")
    ph = bword("工作照片.jpg", "gb2312")
    head = ("Date: Mon, 16 Mar 2026 10:15:30 +0800\r\n"
            "From: \"%s\" <hz@ga.example.gov.cn>\r\n"
            "To: \"shenbao\" <shenbao@zwfw.example.gov.cn>\r\n"
            "Subject: %s\r\n"
            "X-Priority: 3\r\n"
            "X-GUID: 5E3C1A2B-0000-4C1D-9A1B-2C3D4E5F6A7B\r\n"
            "X-Has-Attach: yes\r\n"
            "X-Mailer: Foxmail 7.2.25.228[cn]\r\n"
            "Mime-Version: 1.0\r\n"
            "Message-ID: <202603161015300000001@ga.example.gov.cn>\r\n"
            "Content-Type: multipart/mixed;\r\n\tboundary=\"%s\"\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
            % (bword("户政窗口", "gb2312"), bword("公安户政窗口申报材料（堃）", "gb2312", "gbk"), b1))
    plain = base64.encodebytes("请查收。\r\n\r\n户政窗口".encode("gbk")).decode().replace("\n", "\r\n")
    html = base64.encodebytes("<html><body><div>请查收。</div></body></html>".encode("gbk")).decode().replace("\n", "\r\n")
    body = ("--%s\r\nContent-Type: multipart/alternative;\r\n\tboundary=\"%s\"\r\n\r\n\r\n"
            "--%s\r\nContent-Type: text/plain;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
            "--%s\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
            "--%s--\r\n\r\n"
            % (b1, b2, b2, plain, b2, html, b2))
    for name, ctype, data in ((fn, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX),
                              (ph, "image/jpeg", JPEG)):
        body += ("--%s\r\nContent-Type: %s;\r\n\tname=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n"
                 "Content-Disposition: attachment;\r\n\tfilename=\"%s\"\r\n\r\n%s\r\n"
                 % (b1, ctype, name, name, base64.encodebytes(data).decode().replace("\n", "\r\n")))
    body += "--%s--\r\n\r\n\r\n" % b1
    return (head + body).encode("ascii")


def qqmail():
    """QQ mail layout: gb18030 words split across folded lines, html-only body, octet-stream attachment."""
    b = "----=_NextPart_69A1B2C3_0A1B2C3D_4E5F6A7B"
    subj = "营商环境局政务服务窗口申报表及环境照片"
    raw = subj.encode("gb18030")
    w1 = "=?gb18030?B?%s?=" % base64.b64encode(raw[:15]).decode()  # cut inside a character
    w2 = "=?gb18030?B?%s?=" % base64.b64encode(raw[15:]).decode()
    fname = "营商环境局申报表.zip"
    fw = "=?gb18030?B?%s?=" % base64.b64encode(fname.encode("gb18030")).decode()
    html = "<div>老师您好：</div><div>附件是材料，<b>请查收</b>。</div><div><br></div><div>营商环境局</div>"
    head = ("X-QQ-MID: zsmtp4t1742087700t1a2b3c4d\r\n"
            "X-QQ-SSF: 00000000000000F0\r\n"
            "X-QQ-FEAT: abcdefghijklmnop\r\n"
            "X-Mailer: QQMail 2.x\r\n"
            "From: \"=?gb18030?B?%s?=\" <123456789@qq.com>\r\n"
            "To: \"=?gb18030?B?c2hlbmJhbw==?=\" <shenbao@zwfw.example.gov.cn>\r\n"
            "Subject: %s\r\n %s\r\n"
            "Mime-Version: 1.0\r\n"
            "Content-Type: multipart/mixed;\r\n\tboundary=\"%s\"\r\n"
            "Content-Transfer-Encoding: 8Bit\r\n"
            "Date: Tue, 17 Mar 2026 09:55:00 +0800\r\n"
            "X-Priority: 3\r\n"
            "Message-ID: <tencent_0123456789ABCDEF@qq.com>\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
            % (base64.b64encode("营商环境局".encode("gb18030")).decode(), w1, w2, b))
    body = ("--%s\r\nContent-Type: text/html;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
            % (b, base64.encodebytes(html.encode("gb18030")).decode().replace("\n", "\r\n")))
    body += ("--%s\r\nContent-Type: application/octet-stream;\r\n\tcharset=\"gb18030\";\r\n\tname=\"%s\"\r\n"
             "Content-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
             % (b, fw, fw, base64.encodebytes(ZIP).decode().replace("\n", "\r\n")))
    body += "--%s--\r\n\r\n" % b
    return (head + body).encode("ascii")


def mbox():
    """An mboxrd export of three messages; bodies carry lines that need >From escaping."""
    msgs = []
    for i, (subj, body) in enumerate([
            ("第一封", "From the start of a line.\n>From already quoted.\nplain\n"),
            ("第二封", "no escapes here\n"),
            ("第三封", ">>From twice quoted\nend\n")]):
        m = MIMEText(body, "plain", "utf-8")
        m.replace_header("Content-Transfer-Encoding", "8bit")
        m.set_payload(body.encode("utf-8"), "utf-8")
        m["Content-Transfer-Encoding"] = "8bit"
        del m["Content-Transfer-Encoding"]
        m["Content-Transfer-Encoding"] = "8bit"
        base(m, "mbox%d@example.cn" % (i + 1), Header(subj, "utf-8").encode(),
             "Wed, 18 Mar 2026 0%d:00:00 +0800" % (i + 1), "mbox%d" % (i + 1))
        msgs.append(m)
    out = b""
    for i, m in enumerate(msgs):
        raw = m.as_bytes(policy=compat32.clone(linesep="\n"))
        lines = []
        for line in raw.split(b"\n"):
            stripped = line.lstrip(b">")
            if stripped.startswith(b"From "):
                line = b">" + line  # mboxrd quoting
            lines.append(line)
        out += b"From mbox%d@example.cn Wed Mar 18 0%d:00:00 2026\n" % (i + 1, i + 1)
        out += b"\n".join(lines).rstrip(b"\n") + b"\n\n"
    return out


# ---- real-world shapes of issue 14 ----

def digest():
    """multipart/digest (RFC 2046 5.1.5): the parts carry no Content-Type and so
    are message/rfc822 by default; each forwarded message has an attachment."""
    d = MIMEMultipart("digest", boundary="----=_Part_digest")
    for i, (who, name) in enumerate((("窗口甲", "甲窗口申报表.docx"), ("窗口乙", "乙窗口申报表.docx"))):
        inner = mixed("----=_Part_digest_inner%d" % i)
        base(inner, "w%d@example.cn" % i, bword(who + "申报材料", "gbk"),
             "Thu, 19 Mar 2026 0%d:00:00 +0800" % (i + 8), "digest-inner%d" % i)
        inner.attach(text_part(who + "的申报表见附件。"))
        n = bword(name, "gbk")
        inner.attach(attach(DOCX, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", n, fname=n))
        part = MIMEMessage(inner)
        del part["Content-Type"]
        del part["MIME-Version"]
        part.set_default_type("message/rfc822")
        d.attach(part)
    base(d, "list@example.cn", bword("申报材料汇总（摘要）", "gbk"), "Thu, 19 Mar 2026 12:00:00 +0800", "digest")
    return d.as_bytes()


def uuencode_lines(data, name):
    import binascii
    out = "begin 644 %s\n" % name
    for i in range(0, len(data), 45):
        out += binascii.b2a_uu(data[i:i + 45]).decode("ascii")
    return out + "`\nend\n"


def uuencoded():
    """An old client (or a gateway) puts the files into the text body,
    uuencoded; the second one is in an x-uuencode part of its own."""
    m = mixed("----=_Part_uu")
    base(m, "old@example.cn", bword("旧客户端发送的材料", "gbk"), "Fri, 20 Mar 2026 09:00:00 +0800", "uu")
    body = "请查收两份附件。\n\n" + uuencode_lines(DOC, "shenbao.doc") + "\n此致\n"
    t = MIMEBase("text", "plain")
    t.set_param("charset", "gbk")
    t["Content-Transfer-Encoding"] = "8bit"
    t.set_payload(body.encode("gbk"))
    m.attach(t)
    p = MIMEBase("application", "octet-stream")
    p.set_payload(uuencode_lines(JPEG, "photo.jpg"))
    p["Content-Transfer-Encoding"] = "x-uuencode"
    p["Content-Disposition"] = 'attachment; filename="photo.jpg"'
    m.attach(p)
    return m.as_bytes()


def open_end():
    """The last part ends with an opening delimiter, not the closing one:
    the message ends "--boundary" and a line break."""
    m = mixed("----=_Part_openend")
    base(m, "cut@example.cn", "open end", "Sat, 21 Mar 2026 09:00:00 +0800", "openend")
    m.attach(text_part("正文"))
    m.attach(attach(JPEG * 20, "image", "jpeg", "photo.jpg", fname="photo.jpg"))
    data = m.as_bytes()
    end = data.rindex(b"------=_Part_openend--")
    return data[:end] + b"------=_Part_openend\n"


def run_on_headers():
    """A part's header block runs straight into its base64 body with no
    blank line, as some exports and old clients write it."""
    m = mixed("----=_Part_runon")
    base(m, "runon@example.cn", "run-on headers", "Sun, 22 Mar 2026 09:00:00 +0800", "runon")
    m.attach(text_part("正文"))
    m.attach(attach(JPEG * 10, "image", "jpeg", "photo.jpg", fname="photo.jpg"))
    data = m.as_bytes()
    head_end = data.index(b'filename="photo.jpg"\n\n') + len(b'filename="photo.jpg"\n')
    return data[:head_end] + data[head_end + 1:]


def raw_utf8_names():
    """Raw 8-bit UTF-8 in the file names (no RFC 2047/2231), one of them cut
    in the middle of its last character, as some web mailers write them."""
    m = mixed("----=_Part_rawutf8")
    base(m, "web@example.cn", "raw utf-8 names", "Mon, 23 Mar 2026 09:00:00 +0800", "rawutf8")
    m.attach(text_part("正文", charset="utf-8"))
    full = "政务服务窗口申报表.docx".encode("utf-8")
    cut = "环境照片".encode("utf-8")[:-1]  # the last character loses its last byte
    data = m.as_bytes()
    parts = []
    for raw, payload in ((full, DOCX), (cut, JPEG)):
        parts.append(b"------=_Part_rawutf8\nContent-Type: application/octet-stream; name=\"" + raw +
                     b"\"\nContent-Disposition: attachment; filename=\"" + raw +
                     b"\"\nContent-Transfer-Encoding: base64\n\n" + base64.encodebytes(payload))
    end = data.rindex(b"------=_Part_rawutf8--")
    return data[:end] + b"".join(parts) + data[end:]


def enriched():
    """A text/enriched alternative (RFC 1896) beside text/plain, and a
    message whose only body is text/richtext."""
    alt = MIMEMultipart("alternative", boundary="----=_Part_enr")
    alt.attach(text_part("请查收申报表。", charset="utf-8"))
    e = MIMEText("<bold>请查收</bold>申报表。\n\n<<注意>>", "enriched", "utf-8")
    alt.attach(e)
    m = mixed("----=_Part_enrmix")
    base(m, "enriched@example.cn", "text/enriched", "Tue, 24 Mar 2026 09:00:00 +0800", "enriched")
    m.attach(alt)
    r = MIMEText("<bold>只有</bold>富文本正文。<nl>第二行", "richtext", "utf-8")
    m.attach(r)
    n = bword("申报表.docx", "gbk")
    m.attach(attach(DOCX, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", n, fname=n))
    return m.as_bytes()


def thunderbird_mbox():
    """A Thunderbird mbox: "From - " separators with no address or date,
    the first one after a non-blank line; and an unescaped "From " line in a
    body, which is text, not a separator."""
    out = b""
    for i, body in enumerate(("第一封正文\nFrom the window office, with thanks.\nSee you.\n",
                              "第二封正文\n", "第三封正文\n")):
        m = MIMEText(body, "plain", "utf-8")
        m.set_payload(body.encode("utf-8"), "utf-8")
        del m["Content-Transfer-Encoding"]
        m["Content-Transfer-Encoding"] = "8bit"
        base(m, "tb%d@example.cn" % (i + 1), "Thunderbird %d" % (i + 1),
             "Wed, 25 Mar 2026 0%d:00:00 +0800" % (i + 1), "tb%d" % (i + 1))
        raw = m.as_bytes(policy=compat32.clone(linesep="\n"))
        out += b"From - \nX-Mozilla-Status: 0001\nX-Mozilla-Status2: 00000000\n" + raw.rstrip(b"\n") + b"\n"
        if i == 0:
            out += b"\n"  # Thunderbird leaves a blank line; the next one does not
    return out


# ---- Outlook .msg: a minimal compound file writer (CFB v3, 512-byte sectors) ----

FREE, ENDCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


class Node:
    def __init__(self, name, data=None, children=None):
        self.name, self.data, self.children = name, data, children
        self.sid = None


def cfb_key(node):
    return (len(node.name), node.name.upper())


def build_cfb(root_children):
    root = Node("Root Entry", children=root_children)
    nodes = []

    def number(n):
        n.sid = len(nodes)
        nodes.append(n)
        for c in sorted(n.children or [], key=cfb_key):
            number(c)
    number(root)
    mini, big = [], []
    for n in nodes:
        if n.data is not None:
            (mini if len(n.data) < 4096 else big).append(n)
    # mini stream
    ministream = b""
    minifat = []
    for n in mini:
        if not n.data:
            n.start = ENDCHAIN
            continue
        n.start = len(ministream) // 64
        count = (len(n.data) + 63) // 64
        for i in range(count):
            minifat.append(n.start + i + 1 if i < count - 1 else ENDCHAIN)
        ministream += n.data + b"\x00" * (count * 64 - len(n.data))
    sectors = []
    fat = []

    def alloc(data):
        if not data:
            return ENDCHAIN
        start = len(sectors)
        count = (len(data) + 511) // 512
        for i in range(count):
            sectors.append(data[i * 512:(i + 1) * 512].ljust(512, b"\x00"))
            fat.append(start + i + 1 if i < count - 1 else ENDCHAIN)
        return start
    root.start = alloc(ministream)
    root.size = len(ministream)
    for n in big:
        n.start = alloc(n.data)
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_start = alloc(minifat_bytes) if minifat else ENDCHAIN
    minifat_count = (len(minifat_bytes) + 511) // 512
    # directory
    for n in nodes:
        kids = sorted(n.children or [], key=cfb_key)
        n.child = kids[0].sid if kids else NOSTREAM
        for a, b in zip(kids, kids[1:] + [None]):
            a.right = b.sid if b else NOSTREAM
    root.right = NOSTREAM
    dirs = b""
    for n in nodes:
        name = n.name.encode("utf-16-le") + b"\x00\x00"
        typ = 5 if n is root else (1 if n.children is not None else 2)
        start = getattr(n, "start", 0) if (n is root or n.data is not None) else 0
        size = root.size if n is root else (len(n.data) if n.data is not None else 0)
        dirs += (name.ljust(64, b"\x00") + struct.pack("<HBB", len(name), typ, 1) +
                 struct.pack("<III", NOSTREAM, getattr(n, "right", NOSTREAM), n.child) +
                 b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IQ", start, size))
    while len(dirs) % 512:
        dirs += (b"\x00" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) +
                 b"\x00" * 36 + struct.pack("<IQ", 0, 0))
    dir_start = alloc(dirs)
    # FAT sectors go last
    nfat = 1
    while (len(sectors) + nfat) > nfat * 128:
        nfat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * nfat
    fat += [FREE] * (nfat * 128 - len(fat))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    for i in range(nfat):
        sectors.append(fat_bytes[i * 512:(i + 1) * 512])
    difat = [fat_start + i for i in range(nfat)] + [FREE] * (109 - nfat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) +
              b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, 4096, minifat_start, minifat_count,
                                        ENDCHAIN, 0) +
              b"".join(struct.pack("<I", v) for v in difat))
    assert len(header) == 512
    return header + b"".join(sectors)


def u16(s):
    return s.encode("utf-16-le") + b"\x00\x00"


def outlook_msg():
    """An Outlook .msg: subject, sender, transport headers, body, three attachments
    (a long-named docx over 4096 bytes, an 8-bit GBK-named photo, an embedded message)."""
    filetime = (1773904800 + 11644473600) * 10000000  # 2026-03-19 15:20:00 +0800
    props = b"\x00" * 32 + struct.pack("<IIQ", 0x00390040, 6, filetime)
    docx = DOCX + bytes(range(256)) * 20
    top = [
        Node("__substg1.0_0037001F", u16("关于报送申报表的邮件")),
        Node("__substg1.0_0C1A001F", u16("张三")),
        Node("__substg1.0_5D01001F", u16("zhangsan@163.com")),
        Node("__substg1.0_1000001F", u16("您好：\r\n申报表见附件。")),
        Node("__substg1.0_007D001F", u16("Received: from x\r\nDate: Thu, 19 Mar 2026 15:20:00 +0800\r\n")),
        Node("__properties_version1.0", props),
        Node("__recip_version1.0_#00000000", children=[Node("__substg1.0_3001001F", u16("shenbao"))]),
        Node("__nameid_version1.0", children=[Node("__substg1.0_00020102", b"")]),
        Node("__attach_version1.0_#00000000", children=[
            Node("__substg1.0_3707001F", u16("政务服务中心申报表（定稿）.docx")),
            Node("__substg1.0_3704001F", u16("政务服~1.doc")),
            Node("__substg1.0_370E001F", u16("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Node("__substg1.0_37010102", docx),
            Node("__properties_version1.0", b"\x00" * 8)]),
        Node("__attach_version1.0_#00000001", children=[
            Node("__substg1.0_3704001E", "工作照片.jpg".encode("gbk") + b"\x00"),
            Node("__substg1.0_37010102", JPEG)]),
        Node("__attach_version1.0_#00000002", children=[
            Node("__substg1.0_3707001F", u16("原邮件.msg")),
            Node("__substg1.0_3701000D", children=[Node("__substg1.0_0037001F", u16("内层"))])]),
    ]
    return build_cfb(top)


MESSAGES = {
    "gbk_b.eml": gbk_b,
    "gbk_q.eml": gbk_q,
    "gb2312_ext.eml": gb2312_ext,
    "big5.eml": big5,
    "utf8.eml": utf8,
    "rfc2231_gbk.eml": rfc2231_gbk,
    "rfc2231_cont.eml": rfc2231_cont,
    "raw8bit.eml": raw8bit,
    "noclose.eml": noclose,
    "gbk_body.eml": gbk_body,
    "forward.eml": forward,
    "eml_attached.eml": eml_attached,
    "inline_sig.eml": inline_sig,
    "winmail.eml": winmail,
    "foxmail.eml": foxmail,
    "qqmail.eml": qqmail,
    "export.mbox": mbox,
    "digest.eml": digest,
    "uuencode.eml": uuencoded,
    "open_end.eml": open_end,
    "run_on_headers.eml": run_on_headers,
    "raw_utf8_names.eml": raw_utf8_names,
    "enriched.eml": enriched,
    "thunderbird.mbox": thunderbird_mbox,
}

if __name__ == "__main__":
    for name, fn in MESSAGES.items():
        data = fn()
        if isinstance(data, str):
            data = data.encode("ascii")
        with open(name, "wb") as f:
            f.write(data)
    with open("winmail.dat", "wb") as f:
        f.write(tnef())
    with open("outlook.msg", "wb") as f:
        f.write(outlook_msg())
