#!/usr/bin/env python3
"""Rebuild the intake fixtures in this directory (python3 stdlib + 7z).

Run from this directory: python3 make.py
Emails are built with the email package as a mail client would send them:
base64 attachments with RFC 2231 encoded Chinese names.
"""
import email.policy
import email.utils
import os
import subprocess
import tempfile
import zipfile
from email.message import EmailMessage

FIXED = (2024, 5, 6, 7, 8, 10)
DATE = "Mon, 06 May 2024 09:30:00 +0800"


def zbytes(entries, gbk=False):
    """A zip (deflated, fixed dates) of (name, bytes) pairs."""
    path = tempfile.mktemp()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            zi = (GBKInfo if gbk else zipfile.ZipInfo)(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return data


class GBKInfo(zipfile.ZipInfo):
    """Names in GBK without the UTF-8 flag, as Windows writes them."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def docx(text="申报表"):
    return zbytes([("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
                   ("word/document.xml", "<w:document><w:t>%s</w:t></w:document>" % text)])


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(64)) + b"\xff\xd9"


def msg(subject, sender="张三 <zhang@163.com>", attachments=(), body="附件是申报材料，请查收。", date=DATE):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = "营商局 <ysj@example.gov.cn>"
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = email.utils.make_msgid(idstring=subject.encode("utf-8").hex()[:16], domain="example.cn")
    m.set_content(body)
    for name, data in attachments:
        if isinstance(data, EmailMessage):
            m.add_attachment(data, filename=name)
            continue
        maintype, subtype = ("image", "jpeg") if name.endswith(".jpg") else ("application", "octet-stream")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def main():
    write("docx-in-zip.zip", zbytes([("材料/申报表.docx", docx()), ("材料/照片.jpg", JPEG)]))
    write("gbk.zip", zbytes([("申报材料/申报表.docx", docx()), ("申报材料/说明.txt", "说明".encode())], gbk=True))
    inner = zbytes([("申报表.docx", docx())])
    write("nested.zip", zbytes([("内层.zip", inner), ("说明.txt", b"readme")]))
    deep = docx()
    for i in range(10, 0, -1):
        deep = zbytes([("第%d层.zip" % i if i < 10 else "申报表.docx", deep)])
    write("deep.zip", deep)
    write("traversal.zip", zbytes([("../../x.txt", b"evil"), ("/etc/passwd", b"evil"), ("C:\\x.txt", b"evil")]))
    with open("docx-in-zip.zip", "rb") as f:
        good = f.read()
    write("corrupt.zip", good[: len(good) // 2])
    write("fake.rar", "这不是压缩包".encode())

    material = zbytes([("申报表.docx", docx())])
    m = msg("关于张家湾窗口的申报材料", attachments=[("材料.zip", material), ("照片.jpg", JPEG)])
    write("mail-zip.eml", m.as_bytes())

    inner_mail = msg("原始申报邮件", sender="李四 <lisi@qq.com>", attachments=[("申报表.docx", docx())],
                     date="Sun, 05 May 2024 18:00:00 +0800")
    fwd = msg("转发：原始申报邮件", sender="王五 <wangwu@126.com>", attachments=[("原始邮件.eml", inner_mail)])
    write("forward.eml", fwd.as_bytes())

    mbox = b""
    for i, (subj, atts) in enumerate([("第一个窗口申报", [("申报表.docx", docx())]),
                                      ("第二个窗口申报", [("材料.zip", material)]),
                                      ("咨询", [])]):
        mbox += b"From zhang@163.com Mon May  6 09:3%d:00 2024\n" % i
        body = msg(subj, attachments=atts).as_bytes().replace(b"\r\n", b"\n")
        mbox += body.replace(b"\nFrom ", b"\n>From ") + b"\n"
    write("export.mbox", mbox)

    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "材料"))
        write(os.path.join(d, "材料", "申报表.docx"), docx())
        write(os.path.join(d, "材料", "照片.jpg"), JPEG)
        out = os.path.abspath("sample.7z")
        if os.path.exists(out):
            os.remove(out)
        subprocess.run(["7z", "a", "-bd", "-bso0", "-mtm=off", "-mtc=off", "-mta=off", out, "材料"], cwd=d, env=env, check=True)


if __name__ == "__main__":
    main()
