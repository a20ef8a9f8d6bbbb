#!/usr/bin/env python3
"""Builds samples/mailbox: a realistic export of the shared mailbox that receives the
清风辽宁政务窗口 applications, made from the sample forms in samples/forms.

    python3 samples/make_mailbox.py [--wait]

Needs python3 (standard library only), `7z` (p7zip) and `soffice` (LibreOffice, for the
PDF copy). Output is deterministic: fixed dates, boundaries, Message-IDs, zip and 7z
timestamps, and a PDF whose dates and IDs are overwritten; re-running gives the same bytes.
--wait polls until the forms exist (they come from samples/forms/make_forms.py).
README.md in this folder lists every message and the defect it carries.
"""
import base64
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

SAMPLES = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(SAMPLES, "forms")
# HERE is the export folder; it holds only what a mailbox export holds, so
# `shenbao check samples/mailbox` lists no scripts or notes.
HERE = os.path.join(SAMPLES, "mailbox")
TO = '"=?UTF-8?B?5riF6aOO5pS/56qX55Sz5oql?=" <qfzc@as.example.gov.cn>'  # 清风政窗申报
CRLF = "\r\n"

KINDS = ("申报表", "初审表", "环境照片", "工作照片")
CTYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".zip": "application/x-zip-compressed",
    ".7z": "application/x-7z-compressed",
    ".eml": "message/rfc822",
}


def window_files(window):
    """The window's files as {kind: (filename, bytes)}, whatever the extension."""
    d = os.path.join(FORMS, window)
    out = {}
    for name in sorted(os.listdir(d)):
        stem, ext = os.path.splitext(name)
        if stem in KINDS:
            with open(os.path.join(d, name), "rb") as f:
                out[stem] = (name, f.read())
    return out


# ---- encoders -------------------------------------------------------------------------

def b64lines(data):
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


def bword(text, charset, codec=None):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(codec or charset)).decode())


def qword(text, charset="UTF-8"):
    out = []
    for b in text.encode(charset):
        c = chr(b)
        out.append(c if (c.isalnum() and b < 128) else ("_" if c == " " else "=%02X" % b))
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def pct(text, codec):
    return "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else
                   "".join("%%%02X" % b for b in c.encode(codec)) for c in text)


def name_params(name, style):
    """Content-Type name and Content-Disposition filename parameters for a style."""
    if style == "gb2312":  # Foxmail: gb2312 label, GBK bytes
        w = bword(name, "gb2312", "gbk")
        return '\tname="%s"' % w, '\tfilename="%s"' % w
    if style == "gb18030":  # QQ mail
        w = bword(name, "gb18030")
        return '\tname="%s"' % w, ' filename="%s"' % w
    if style == "utf8-2231":  # 163 / Thunderbird
        return ' name="%s"' % bword(name, "UTF-8"), " filename*=UTF-8''%s" % pct(name, "utf-8")
    if style == "gbk-2231":
        return ' name="%s"' % bword(name, "GBK"), " filename*=GBK''%s" % pct(name, "gbk")
    if style == "utf8-q":  # Outlook
        w = qword(name)
        return ' name="%s"' % w, ' filename="%s"' % w
    raise ValueError(style)


class Mail:
    """A hand-written MIME message: headers are kept exactly as given."""

    def __init__(self, headers, boundary):
        self.headers = headers  # list of str lines (already encoded), or bytes
        self.boundary = boundary
        self.parts = []  # (header lines, body str or bytes)

    def text(self, s, charset="gbk", subtype="plain", codec=None):
        data = s.replace("\n", CRLF).encode(codec or charset)
        self.parts.append(([("Content-Type: text/%s;%s\tcharset=\"%s\"" % (subtype, CRLF, charset)),
                            "Content-Transfer-Encoding: base64"], b64lines(data)))

    def file(self, name, data, style, disposition="attachment", extra=(), ctype=None):
        ctype = ctype or CTYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        np, fp = name_params(name, style)
        self.parts.append((["Content-Type: %s;%s%s" % (ctype, CRLF, np),
                            "Content-Transfer-Encoding: base64"] + list(extra) +
                           ["Content-Disposition: %s;%s%s" % (disposition, CRLF, fp)], b64lines(data)))

    def raw_part(self, head_lines, body):
        self.parts.append((head_lines, body))

    def bytes(self, close=True):
        out = io.BytesIO()
        for h in self.headers:
            out.write(h if isinstance(h, bytes) else h.encode("ascii"))
            out.write(b"\r\n")
        out.write(("Content-Type: multipart/mixed;%s\tboundary=\"%s\"%s%s" % (CRLF, self.boundary, CRLF, CRLF)).encode())
        out.write(b"This is a multi-part message in MIME format.\r\n\r\n")
        for head, body in self.parts:
            out.write(("--%s%s" % (self.boundary, CRLF)).encode())
            for h in (head if isinstance(head, list) else [head]):
                out.write(h if isinstance(h, bytes) else h.encode("ascii"))
                out.write(b"\r\n")
            out.write(b"\r\n")
            out.write(body if isinstance(body, bytes) else body.encode("ascii"))
            out.write(b"\r\n\r\n")
        if close:
            out.write(("--%s--%s" % (self.boundary, CRLF)).encode())
        return out.getvalue()


def std_headers(frm, subject, date, mid, mailer=None, extra=()):
    h = ["Date: " + date, "From: " + frm, "To: " + TO, "Subject: " + subject, "Message-ID: <%s>" % mid]
    if mailer:
        h.append("X-Mailer: " + mailer)
    h += list(extra)
    h.append("MIME-Version: 1.0")
    return h


def attach_window(mail, window, style, prefix="", skip=(), rename=None):
    files = window_files(window)
    for kind in KINDS:
        if kind in skip or kind not in files:
            continue
        name, data = files[kind]
        if rename:
            name = rename(kind, name)
        mail.file(prefix + name, data, style)


# ---- archives and derived files ---------------------------------------------------------

FIXED_ZIP_TIME = (2024, 4, 9, 9, 30, 0)
FIXED_EPOCH = 1712626200  # 2024-04-09 09:30:00 +0800


def gbk_zip(entries):
    """A zip whose entry names are cp936 bytes with the UTF-8 flag (bit 11) cleared,
    as the Windows built-in zip and WinRAR on Chinese Windows write them."""
    class GBKInfo(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits & ~0x800

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = GBKInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS
            info.external_attr = 0x20  # archive bit
            z.writestr(info, data)
    data = buf.getvalue()
    assert b"\xc9\xea\xb1\xa8" in data  # 申报 in GBK
    return data


def seven_zip(entries):
    """A .7z made by `7z a` with fixed mtimes and one thread, so it is reproducible."""
    tmp = tempfile.mkdtemp(prefix="mailbox7z")
    try:
        names = []
        for name, data in entries:
            p = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
            os.chmod(p, 0o644)
            os.utime(p, (FIXED_EPOCH, FIXED_EPOCH))
            names.append(name)
        out = os.path.join(tmp, "out.7z")
        subprocess.run(["7z", "a", "-t7z", "-mx=5", "-mmt=1", "-mtm=off", "-mtc=off", "-mta=off",
                        "-mtr=off", "out.7z"] + names, cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        with open(out, "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def to_pdf(name, data):
    """Converts a Word file with LibreOffice and blanks the dates and IDs in the PDF."""
    tmp = tempfile.mkdtemp(prefix="mailboxpdf")
    try:
        src = os.path.join(tmp, name)
        with open(src, "wb") as f:
            f.write(data)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.splitext(src)[0] + ".pdf", "rb") as f:
            pdf = f.read()
    finally:
        shutil.rmtree(tmp)
    # same-length replacements keep the xref offsets valid
    pdf = re.sub(rb"D:\d{14}", b"D:20240409013000", pdf)
    pdf = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0123456789ABCDEF" * 2, pdf)
    pdf = re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + b"0123456789ABCDEF" * 2 + b">", pdf)
    pdf = re.sub(rb"(/Producer\s*\()[^)]*", lambda m: m.group(1) + b"LibreOffice".ljust(len(m.group()) - len(m.group(1)), b" "), pdf)
    return pdf


def edit_docx(data, old, new):
    """Rewrites text in word/document.xml and re-zips with fixed timestamps."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                assert old.encode() in body, old
                body = body.replace(old.encode(), new.encode())
            ni = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            ni.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(ni, body)
    return buf.getvalue()


# ---- the messages ------------------------------------------------------------------------

def m01_foxmail_gbk():
    """Foxmail 7.2, gb2312-labelled GBK headers and body, plain + html alternative."""
    w = "企业登记注册窗口"
    m = Mail(std_headers('"%s" <scjgj_djk@as.example.gov.cn>' % bword("市场监管局登记科", "gb2312", "gbk"),
                         bword("企业登记注册窗口“清风辽宁政务窗口”申报材料", "gb2312", "gbk"),
                         "Mon, 8 Apr 2024 09:12:40 +0800", "202404080912400316201@as.example.gov.cn",
                         "Foxmail 7.2.25.228[cn]", ["X-Priority: 3", "X-Has-Attach: yes"]),
             "----=_001_NextPart572131475226_=----")
    m.text("您好：\n\n附件是企业登记注册窗口的申报表、初审表和两张照片，请查收。\n\n鞍山市市场监督管理局登记注册科\n", "gb2312", codec="gbk")
    attach_window(m, w, "gb2312", rename=lambda k, n: (w + n) if k in ("申报表", "初审表") else n)
    return m.bytes()


def m02_qqmail():
    """QQ mail: gb18030 words, subject split inside a character, html-only body."""
    w = "车驾管业务窗口"
    subj = "车驾管业务窗口申报材料（申报表、初审表、照片）".encode("gb18030")
    w1 = "=?gb18030?B?%s?=" % base64.b64encode(subj[:21]).decode()
    w2 = "=?gb18030?B?%s?=" % base64.b64encode(subj[21:]).decode()
    m = Mail(["X-QQ-MID: zsmtp2t1712540000tqa1b2c3", "X-QQ-SSF: 00400000000000F0",
              "From: \"%s\" <1458203367@qq.com>" % bword("交警支队车管所", "gb18030"),
              "To: " + TO, "Subject: %s%s %s" % (w1, CRLF, w2), "Mime-Version: 1.0",
              "Date: Mon, 8 Apr 2024 10:31:05 +0800", "X-Priority: 3",
              "Message-ID: <tencent_6C2F1E7A0B3D4C5E8F90A1B2C3D4E5F6A707@qq.com>", "X-QQ-MIME: TCMime 1.0 by Tencent"],
             "----=_NextPart_66134E09_0C8A1F28_5B9D7E31")
    m.text("<div>您好，</div><div>车驾管业务窗口申报材料见附件，申报表是.doc格式。</div><div><br></div>"
           "<div>车管所 王晓</div>", "gb18030", "html")
    attach_window(m, w, "gb18030")
    return m.bytes()


def m03_163_utf8():
    """163 web mail in UTF-8: RFC 2231 UTF-8 file names."""
    w = "社保医保综合窗口"
    m = Mail(std_headers("%s <tdq_zwfw@163.com>" % bword("铁东区政务服务中心", "UTF-8"),
                         bword("社保医保综合窗口申报材料", "UTF-8"), "Mon, 8 Apr 2024 14:05:11 +0800",
                         "3c9f1a2e.5b1d.18ebf5a2c41.Coremail.tdq_zwfw@163.com", "Coremail Webmail Server Version XT5.0.14"),
             "----=_Part_183441_1029384756.1712556311000")
    m.text("各位老师好，社保医保综合窗口材料已上传附件，请审核。", "utf-8")
    attach_window(m, w, "utf8-2231", prefix="社保医保综合窗口_")
    return m.bytes()


BUDONGCHAN = "市民中心不动产登记窗口"
BUDONGCHAN_UNIT = "鞍山市不动产登记中心"


def m04_first_version():
    """First send of 市民中心不动产登记窗口: its 申报表 lacks 所属单位 (superseded by 05)."""
    m = Mail(std_headers("%s <bdcdj_zx@163.com>" % bword("不动产登记中心", "GBK"),
                         bword("市民中心不动产登记窗口申报材料", "GBK"), "Mon, 8 Apr 2024 16:20:00 +0800",
                         "bdc-20240408162000@163.com", "Coremail Webmail Server Version XT5.0.14"),
             "----=_Part_200101_88446622.1712564400000")
    m.text("您好，附件为市民中心不动产登记窗口申报材料。", "gbk")
    files = window_files(BUDONGCHAN)
    name, data = files["申报表"]
    m.file(name, edit_docx(data, BUDONGCHAN_UNIT, ""), "gbk-2231")
    for kind in KINDS[1:]:
        n, d = files[kind]
        m.file(n, d, "gbk-2231")
    return m.bytes()


def m05_resend():
    """The corrected resend of 市民中心不动产登记窗口, a day later."""
    m = Mail(std_headers("%s <bdcdj_zx@163.com>" % bword("不动产登记中心", "GBK"),
                         bword("【更正】市民中心不动产登记窗口申报材料（以此为准）", "GBK"), "Tue, 9 Apr 2024 09:03:27 +0800",
                         "bdc-20240409090327@163.com", "Coremail Webmail Server Version XT5.0.14"),
             "----=_Part_200377_99112233.1712624607000")
    m.text("您好，昨天发送的申报表漏填所属单位，现重新报送，以本邮件为准。", "gbk")
    attach_window(m, BUDONGCHAN, "gbk-2231")
    return m.bytes()


def m06_raw8bit():
    """An office script that writes raw 8-bit GBK headers and GBK RFC 2231 names."""
    w = "税务综合服务窗口"
    head = [b"Date: Tue, 9 Apr 2024 10:44:52 +0800",
            b"From: " + "税务局纳税服务科".encode("gbk") + b" <nsfwk@tax.example.gov.cn>",
            b"To: qfzc@as.example.gov.cn",
            b"Subject: " + "税务综合服务窗口申报材料".encode("gbk"),
            b"Message-ID: <20240409104452.4471@tax.example.gov.cn>",
            b"X-Mailer: OA-Mail 3.1", b"MIME-Version: 1.0"]
    m = Mail(head, "=_oa_mail_boundary_20240409104452")
    m.text("附件：申报表、初审表、照片两张。", "gbk")
    attach_window(m, w, "gbk-2231")
    return m.bytes()


def m07_two_windows():
    """One message carrying two windows of one district."""
    m = Mail(std_headers('"%s" <txq_zwzx@as.example.gov.cn>' % bword("铁西区政务服务中心", "gb2312", "gbk"),
                         bword("公积金提取窗口、企业开办一窗通办窗口申报材料（两个窗口）", "gb2312", "gbk"),
                         "Tue, 9 Apr 2024 11:18:09 +0800", "202404091118090551207@as.example.gov.cn",
                         "Foxmail 7.2.25.228[cn]"),
             "----=_001_NextPart645312984412_=----")
    m.text("您好：\n两个窗口的材料一并报送，文件名前标注了窗口名称。\n", "gb2312", codec="gbk")
    for w in ("公积金提取窗口", "企业开办一窗通办窗口"):
        attach_window(m, w, "gb2312", prefix=w + "-")
    return m.bytes()


def m08_gbk_zip():
    """A zip made on Chinese Windows: GBK entry names without the UTF-8 flag."""
    w = "就业创业服务窗口"
    files = window_files(w)
    z = gbk_zip([("%s/%s" % (w, files[k][0]), files[k][1]) for k in KINDS if k in files])
    m = Mail(std_headers("%s <rsj_jycy@126.com>" % bword("人社局就业科", "GBK"),
                         bword("就业创业服务窗口申报材料（压缩包）", "GBK"), "Tue, 9 Apr 2024 15:37:40 +0800",
                         "5a7e3c1d.6f2b.18ec4b9e2a1.Coremail.rsj_jycy@126.com", "Coremail Webmail Server Version XT5.0.14"),
             "----=_Part_311212_55667788.1712648260000")
    m.text("材料打包在压缩包里，请查收。", "gbk")
    m.file(w + "申报材料.zip", z, "gbk-2231")
    return m.bytes()


def m09_7z():
    """A 7z archive of the four files."""
    w = "医保经办服务窗口"
    files = window_files(w)
    z = seven_zip([(files[k][0], files[k][1]) for k in KINDS if k in files])
    m = Mail(std_headers("%s <ybj_jbk@qq.com>" % bword("医保局经办科", "gb18030"),
                         bword("医保经办服务窗口申报材料", "gb18030"), "Wed, 10 Apr 2024 08:51:16 +0800",
                         "tencent_7D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B07@qq.com", "QQMail 2.x"),
             "----=_NextPart_6615E2F4_0D1C2B3A_49586776")
    m.text("<div>医保经办服务窗口材料，7z压缩。</div>", "gb18030", "html")
    m.file(w + ".7z", z, "gb18030")
    return m.bytes()


def inner_window_mail(w, frm, subject, date, mid, style="gb2312", boundary="----=_001_NextPart_inner_=----"):
    m = Mail(std_headers(frm, subject, date, mid, "Foxmail 7.2.25.228[cn]"), boundary)
    m.text("您好，%s申报材料见附件。\n" % w, "gb2312", codec="gbk")
    attach_window(m, w, style)
    return m.bytes()


def m10_forwarded():
    """The district centre forwards the window's mail as message/rfc822."""
    w = "综合受理窗口"
    inner = inner_window_mail(w, '"%s" <qsq_zhsl@163.com>' % bword("千山区综合受理窗口", "gb2312", "gbk"),
                              bword("综合受理窗口申报材料", "gb2312", "gbk"), "Tue, 9 Apr 2024 17:02:33 +0800",
                              "202404091702330221874@163.com")
    m = Mail(std_headers('"%s" <qsq_zwzx@as.example.gov.cn>' % bword("千山区政务服务中心", "gb2312", "gbk"),
                         bword("转发: 综合受理窗口申报材料", "gb2312", "gbk"), "Wed, 10 Apr 2024 09:15:48 +0800",
                         "202404100915480732119@as.example.gov.cn", "Foxmail 7.2.25.228[cn]"),
             "----=_001_NextPart_fwd_824411_=----")
    m.text("转发窗口报来的材料，请审核。\n", "gb2312", codec="gbk")
    m.raw_part(["Content-Type: message/rfc822", "Content-Disposition: attachment"], inner)
    return m.bytes()


def m11_truncated():
    """户籍业务窗口's 初审表.docx was cut short in transit: a corrupt attachment."""
    w = "户籍业务窗口"
    files = window_files(w)
    m = Mail(std_headers('"%s" <tdfj_hj@as.example.gov.cn>' % bword("铁东公安分局户籍科", "gb2312", "gbk"),
                         bword("户籍业务窗口申报材料", "gb2312", "gbk"), "Wed, 10 Apr 2024 10:27:03 +0800",
                         "202404101027030114523@as.example.gov.cn", "Foxmail 7.2.25.228[cn]"),
             "----=_001_NextPart_hj_330921_=----")
    m.text("户籍业务窗口材料，请查收。\n", "gb2312", codec="gbk")
    for kind in KINDS:
        name, data = files[kind]
        if kind == "初审表":
            data = data[:len(data) // 2]
        m.file(name, data, "gb2312")
    return m.bytes()


def m12_distractors():
    """Forms plus the notice itself and a signature logo: two attachments that are not forms."""
    w = "工程建设项目审批窗口"
    with open(os.path.join(FORMS, "通知.docx"), "rb") as f:
        notice = f.read()
    m = Mail(std_headers('"%s" <hcs_zwzx@as.example.gov.cn>' % bword("海城市政务服务中心", "gb2312", "gbk"),
                         bword("工程建设项目审批窗口申报材料（附通知）", "gb2312", "gbk"), "Wed, 10 Apr 2024 11:40:19 +0800",
                         "202404101140190447712@as.example.gov.cn", "Foxmail 7.2.25.228[cn]"),
             "----=_001_NextPart_gc_772190_=----")
    m.text("您好，按通知要求报送，通知原文一并附上。\n\n海城市政务服务中心\n", "gb2312", codec="gbk")
    m.file("logo.png", LOGO, "gb2312", disposition="inline", extra=["Content-ID: <_Foxmail.1@logo>"])
    attach_window(m, w, "gb2312")
    m.file("关于开展第二批清风辽宁政务窗口评选的通知.docx", notice, "gb2312")
    return m.bytes()


def m13_pdf_only():
    """道路运输许可窗口 sent its 申报表 only as a PDF."""
    w = "道路运输许可窗口"
    files = window_files(w)
    name, data = files["申报表"]
    pdf = to_pdf(name, data)
    m = Mail(std_headers("%s <jtj_ysk@163.com>" % bword("交通运输局运输科", "UTF-8"),
                         bword("道路运输许可窗口申报材料", "UTF-8"), "Wed, 10 Apr 2024 14:22:50 +0800",
                         "1b2c3d4e.7a8b.18ec9f0a1b2.Coremail.jtj_ysk@163.com", "Coremail Webmail Server Version XT5.0.14"),
             "----=_Part_402233_11223344.1712730170000")
    m.text("申报表转成PDF了，初审表和照片见附件。", "utf-8")
    m.file("申报表.pdf", pdf, "utf8-2231")
    for kind in KINDS[1:]:
        n, d = files[kind]
        m.file(n, d, "utf8-2231")
    return m.bytes()


def m14_eml_attachment():
    """The office attaches the window's original mail as an .eml file (octet-stream)."""
    w = "民生服务窗口"
    inner = inner_window_mail(w, '"%s" <tax_msfw@163.com>' % bword("台安县政务服务中心", "gb2312", "gbk"),
                              bword("民生服务窗口申报材料", "gb2312", "gbk"), "Wed, 10 Apr 2024 15:10:00 +0800",
                              "202404101510000338120@163.com", boundary="----=_001_NextPart_ms_=----")
    m = Mail(std_headers("%s <tax_bgs@as.example.gov.cn>" % bword("台安县政府办公室", "GBK"),
                         bword("民生服务窗口材料（原邮件见附件）", "GBK"), "Thu, 11 Apr 2024 08:45:31 +0800",
                         "tax-bgs-20240411084531@as.example.gov.cn", "Microsoft Outlook 16.0"),
             "----=_NextPart_000_0012_01DA8BE4.5C3F2A10")
    m.text("原邮件作为附件转来。", "gbk")
    m.file("民生服务窗口申报材料.eml", inner, "gbk-2231", ctype="application/octet-stream")
    return m.bytes()


def m15_outlook():
    """Outlook 16: UTF-8 Q words, multipart/related body with an inline signature image."""
    w = "出入境证件办理窗口"
    m = Mail(std_headers("=?utf-8?Q?=E5=87=BA=E5=85=A5=E5=A2=83=E7=AE=A1=E7=90=86=E6=94=AF=E9=98=9F?= <crj_zd@as.example.gov.cn>",
                         qword("出入境证件办理窗口 申报材料"), "Thu, 11 Apr 2024 10:02:14 +0800",
                         "000a01da8bb2$4c3f2a10$e4bd7e30$@as.example.gov.cn", "Microsoft Outlook 16.0",
                         ["Thread-Index: AdqLsk0vFj2nY8ZtQ3mJ0a1b2c3d4e==", "Content-Language: zh-cn"]),
             "----=_NextPart_000_000B_01DA8BF5.5A6B7C80")
    html = ('<html><body><p>您好，出入境证件办理窗口申报材料见附件。</p>'
            '<p><img src="cid:image001.png@01DA8BF5.5A6B7C80"></p></body></html>')
    rel_b = "----=_NextPart_001_000C_01DA8BF5.5A6B7C80"
    rel = ("--%s\r\nContent-Type: text/html;\r\n\tcharset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n\r\n"
           "--%s\r\nContent-Type: image/png;\r\n\tname=\"image001.png\"\r\nContent-Transfer-Encoding: base64\r\n"
           "Content-ID: <image001.png@01DA8BF5.5A6B7C80>\r\nContent-Disposition: inline;\r\n\tfilename=\"image001.png\"\r\n\r\n%s\r\n\r\n"
           "--%s--\r\n" % (rel_b, b64lines(html.encode()), rel_b, b64lines(LOGO), rel_b))
    m.raw_part(["Content-Type: multipart/related;\r\n\tboundary=\"%s\";\r\n\ttype=\"text/html\"" % rel_b], rel)
    attach_window(m, w, "utf8-q")
    return m.bytes(close=False)  # Outlook export cut before the closing boundary


def m16_question():
    """Not a submission: a window asks about the photo rules (no attachments)."""
    body = "请问环境照片有没有像素要求？我们的照片是手机拍的。\n谢谢！\n"
    head = std_headers("%s <lsj_zwzx@163.com>" % bword("立山区政务服务中心", "GBK"),
                       bword("咨询：照片有什么要求？", "GBK"), "Thu, 11 Apr 2024 13:30:00 +0800",
                       "lsq-20240411133000@163.com")
    data = CRLF.join(head) + CRLF + "Content-Type: text/plain; charset=\"GBK\"" + CRLF + \
        "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64lines(body.replace("\n", CRLF).encode("gbk")) + CRLF
    return data.encode("ascii")


def mbox_messages():
    """收件箱导出.mbox: 规划许可审批窗口's submission, an auto-reply and a thank-you note."""
    w = "规划许可审批窗口"
    sub = Mail(std_headers("%s <zrzyj_gh@as.example.gov.cn>" % bword("自然资源局规划科", "GBK"),
                           bword("规划许可审批窗口申报材料", "GBK"), "Thu, 11 Apr 2024 16:12:45 +0800",
                           "zrzyj-20240411161245@as.example.gov.cn", "Thunderbird 115.9.0"),
               "------------8kV3bN2xQ7tR1pW5yZ0cA4")
    sub.text("您好：\nFrom 4月2日起我们开展了内部审核，材料见附件。\n规划科\n", "utf-8")
    attach_window(sub, w, "utf8-2231")
    auto = ("Date: Thu, 11 Apr 2024 16:12:50 +0800\r\nFrom: qfzc@as.example.gov.cn\r\nTo: zrzyj_gh@as.example.gov.cn\r\n"
            "Subject: %s\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <auto-20240411161250@as.example.gov.cn>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "您的邮件已收到。\r\nFrom this mailbox we do not reply to every message.\r\n"
            % bword("自动回复：已收到", "UTF-8")).encode("utf-8")
    thanks = ("Date: Fri, 12 Apr 2024 09:00:00 +0800\r\nFrom: %s <lsj_zwzx@163.com>\r\nTo: %s\r\n"
              "Subject: %s\r\nMessage-ID: <lsq-20240412090000@163.com>\r\nMIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
              % (bword("立山区政务服务中心", "GBK"), TO, bword("Re: 咨询：照片有什么要求？", "GBK"),
                 b64lines("收到，谢谢！\r\n>From 上一封邮件\r\n".encode("gbk")))).encode("ascii")
    return [(b"From zrzyj_gh@as.example.gov.cn Thu Apr 11 16:12:45 2024", sub.bytes()),
            (b"From qfzc@as.example.gov.cn Thu Apr 11 16:12:50 2024", auto),
            (b"From lsj_zwzx@163.com Fri Apr 12 09:00:00 2024", thanks)]


def mboxrd(messages):
    """mboxrd: LF line ends, a 'From ' separator, ^>*From  lines get one more '>'."""
    out = []
    for sep, data in messages:
        out.append(sep + b"\n")
        for line in data.replace(b"\r\n", b"\n").split(b"\n"):
            if line.lstrip(b">").startswith(b"From "):
                line = b">" + line
            out.append(line + b"\n")
        out.append(b"\n")
    return b"".join(out)


def make_logo():
    """A 48x16 red signature logo (PNG, zlib, deterministic)."""
    import struct
    import zlib
    w, h = 48, 16
    rows = b"".join(b"\x00" + b"".join(b"\xc8\x10\x10" if (x // 4 + y // 4) % 2 else b"\xff\xff\xff" for x in range(w))
                    for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


LOGO = make_logo()

MESSAGES = [
    ("01_企业登记注册窗口_Foxmail.eml", m01_foxmail_gbk),
    ("02_车驾管业务窗口_QQ邮箱.eml", m02_qqmail),
    ("03_社保医保综合窗口_163.eml", m03_163_utf8),
    ("04_市民中心不动产登记窗口_首次.eml", m04_first_version),
    ("05_市民中心不动产登记窗口_更正.eml", m05_resend),
    ("06_税务综合服务窗口_8位GBK邮件头.eml", m06_raw8bit),
    ("07_公积金提取和企业开办_两个窗口.eml", m07_two_windows),
    ("08_就业创业服务窗口_GBK压缩包.eml", m08_gbk_zip),
    ("09_医保经办服务窗口_7z.eml", m09_7z),
    ("10_综合受理窗口_转发.eml", m10_forwarded),
    ("11_户籍业务窗口_附件损坏.eml", m11_truncated),
    ("12_工程建设项目审批窗口_附通知和签名图.eml", m12_distractors),
    ("13_道路运输许可窗口_申报表PDF.eml", m13_pdf_only),
    ("14_民生服务窗口_原邮件附件.eml", m14_eml_attachment),
    ("15_出入境证件办理窗口_Outlook.eml", m15_outlook),
    ("16_咨询邮件_无附件.eml", m16_question),
]


def forms_ready():
    need = [os.path.join(FORMS, "通知.docx")]
    return all(os.path.exists(p) for p in need) and len([d for d in os.listdir(FORMS)
                                                            if os.path.isdir(os.path.join(FORMS, d)) and d.endswith("窗口")]) >= 16


def main():
    if "--wait" in sys.argv:
        for _ in range(120):
            if os.path.isdir(FORMS) and forms_ready():
                break
            time.sleep(30)
    if not (os.path.isdir(FORMS) and forms_ready()):
        sys.exit("make_mailbox: samples/forms is not complete; run samples/forms/make_forms.py first")
    for old in os.listdir(HERE):
        if old.endswith(".eml") or old.endswith(".mbox"):
            os.remove(os.path.join(HERE, old))
    total = 0
    for name, fn in MESSAGES:
        data = fn()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        total += len(data)
    data = mboxrd(mbox_messages())
    with open(os.path.join(HERE, "收件箱导出.mbox"), "wb") as f:
        f.write(data)
    total += len(data)
    print("make_mailbox: %d messages + 1 mbox, %.1f MB" % (len(MESSAGES), total / 1e6))


if __name__ == "__main__":
    main()
