#!/usr/bin/env python3
"""Rebuild the archive fixtures in this directory (python3 stdlib + 7z).

Run from this directory: python3 make.py
RAR cannot be created here (no rar binary), so the .rar fixtures are
written by hand below, following the RAR 4 and RAR 5 format notes
(stored entries only, method 0 / 0x30).
"""
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

FIXED = (2024, 5, 6, 7, 8, 10)


def info(name, flag=0):
    zi = zipfile.ZipInfo(name, FIXED)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.flag_bits |= flag
    return zi


class GBKInfo(zipfile.ZipInfo):
    """A ZipInfo that stores its name in GBK without the UTF-8 flag, as
    Windows' built-in zip and WinRAR do on Chinese systems."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def docx_bytes(text="申报表"):
    """A minimal zip that looks like a .docx ([Content_Types].xml, word/document.xml)."""
    path = tempfile.mktemp()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(info("[Content_Types].xml"), '<?xml version="1.0"?><Types/>')
        z.writestr(info("word/document.xml"), "<w:document><w:t>%s</w:t></w:document>" % text)
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return data


def make_zips():
    with zipfile.ZipFile("utf8.zip", "w") as z:
        z.writestr(info("材料/"), b"")
        z.writestr(info("材料/申报表.docx"), docx_bytes())
        z.writestr(info("照片.txt"), "照片说明\n")
    with zipfile.ZipFile("gbk.zip", "w") as z:
        for name, body in [("申报材料/初审表.txt", "初审"), ("申报材料/照片说明.txt", "照片")]:
            zi = GBKInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    with zipfile.ZipFile("nested.zip", "w") as z:
        buf = tempfile.mktemp()
        with zipfile.ZipFile(buf, "w") as inner:
            inner.writestr(info("内层/说明.txt"), "inner")
        with open(buf, "rb") as f:
            z.writestr(info("内层.zip"), f.read())
        os.remove(buf)
        z.writestr(info("申报表.docx"), docx_bytes())
    with zipfile.ZipFile("traversal.zip", "w") as z:
        for name in ["../../x.txt", "/etc/passwd", "C:\\x.txt", "a/../../b.txt"]:
            z.writestr(info(name), "evil")
    # corrupt: a good zip cut in half, and one whose entry data is damaged.
    with open("utf8.zip", "rb") as f:
        data = f.read()
    with open("truncated.zip", "wb") as f:
        f.write(data[: len(data) // 2])
    with zipfile.ZipFile("badcrc.zip", "w") as z:
        z.writestr(info("好.txt"), "good " * 50)
        z.writestr(info("坏.txt"), "bad " * 50)
    with open("badcrc.zip", "rb") as f:
        data = bytearray(f.read())
    i = data.find(b"\x03\x04", data.find("坏.txt".encode()) - 40)
    # flip a byte inside the second entry's compressed data
    name_at = data.find("坏.txt".encode())
    data[name_at + len("坏.txt".encode()) + 3] ^= 0xFF
    with open("badcrc.zip", "wb") as f:
        f.write(data)


def make_encrypted_zip():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "secret.txt"), "w") as f:
            f.write("secret")
        with open(os.path.join(d, "plain.txt"), "w") as f:
            f.write("plain")
        out = os.path.abspath("encrypted.zip")
        if os.path.exists(out):
            os.remove(out)
        subprocess.run(["zip", "-q", "-X", "-P", "pw", out, "secret.txt"], cwd=d, check=True)
        subprocess.run(["zip", "-q", "-X", out, "plain.txt"], cwd=d, check=True)


def make_7z():
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "材料"))
        with open(os.path.join(d, "材料", "申报表.docx"), "wb") as f:
            f.write(docx_bytes())
        with open(os.path.join(d, "说明.txt"), "w") as f:
            f.write("说明\n" * 10)
        for out, extra in [("sample.7z", []), ("encrypted.7z", ["-ppw"]), ("encrypted-headers.7z", ["-ppw", "-mhe=on"])]:
            out = os.path.abspath(out)
            if os.path.exists(out):
                os.remove(out)
            subprocess.run(["7z", "a", "-bd", "-bso0", "-mtm=off", "-mtc=off", "-mta=off"] + extra + [out, "材料", "说明.txt"],
                           cwd=d, env=env, check=True)
    with open("sample.7z", "rb") as f:
        data = f.read()
    with open("truncated.7z", "wb") as f:
        f.write(data[: len(data) - 20])


def crc32(b):
    return zlib.crc32(b) & 0xFFFFFFFF


def rar4_block(htype, flags, body, add=b""):
    size = 7 + len(body)
    head = struct.pack("<BHH", htype, flags, size) + body
    return struct.pack("<H", crc32(head) & 0xFFFF) + head + add


def rar4(name_bytes, data, encrypted=False):
    out = b"Rar!\x1a\x07\x00"
    out += rar4_block(0x73, 0, b"\x00" * 6)
    for nb, d in zip(name_bytes, data):
        flags = 0x8000 | (0x04 if encrypted else 0)
        body = struct.pack("<IIBIIBBHI", len(d), len(d), 3, crc32(d), 0x58A63100, 29, 0x30, len(nb), 0o100644) + nb
        out += rar4_block(0x74, flags, body, d)
    out += rar4_block(0x7B, 0x4000, b"")
    return out


def vint(v):
    b = bytearray()
    while True:
        c = v & 0x7F
        v >>= 7
        if v:
            b.append(c | 0x80)
        else:
            b.append(c)
            return bytes(b)


def rar5_block(htype, flags, fields, data=b""):
    if data:
        flags |= 0x2
    body = vint(htype) + vint(flags) + (vint(len(data)) if data else b"") + fields
    head = vint(len(body)) + body
    return struct.pack("<I", crc32(head)) + head + data


def rar5(entries):
    out = b"Rar!\x1a\x07\x01\x00"
    out += rar5_block(1, 0, vint(0))
    for name, d, is_dir in entries:
        nb = name.encode("utf-8")
        if is_dir:
            fields = vint(0x1) + vint(0) + vint(0o40755) + vint(0) + vint(1) + vint(len(nb)) + nb
            out += rar5_block(2, 0, fields)
            continue
        fields = vint(0x4) + vint(len(d)) + vint(0o100644) + struct.pack("<I", crc32(d)) + vint(0) + vint(1) + vint(len(nb)) + nb
        out += rar5_block(2, 0, fields, d)
    out += rar5_block(5, 0, vint(0))
    return out


def make_rars():
    with open("v4-gbk.rar", "wb") as f:
        f.write(rar4(["材料\\申报表.txt".encode("gbk"), b"readme.txt"], [b"shenbao v4", b"hello"]))
    with open("v4-encrypted.rar", "wb") as f:
        f.write(rar4([b"secret.txt"], [b"0123456789abcdef"], encrypted=True))
    with open("v5.rar", "wb") as f:
        f.write(rar5([("材料", b"", True), ("材料/申报表.txt", b"shenbao v5", False), ("说明.txt", b"hello", False)]))
    with open("v5.rar", "rb") as f:
        data = f.read()
    with open("v5-corrupt.rar", "wb") as f:
        d = bytearray(data)
        d[30] ^= 0xFF  # inside the first file header: header CRC fails
        f.write(d)


if __name__ == "__main__":
    make_zips()
    make_encrypted_zip()
    make_7z()
    make_rars()
