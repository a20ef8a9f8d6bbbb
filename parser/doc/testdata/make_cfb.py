#!/usr/bin/env python3
"""Build the compound-file fixtures no producer here can write (python3 stdlib):
word95.doc, a minimal Word 6.0/95 binary document; works.wps; encrypted-docx.docx.

LibreOffice cannot write Word 95, so this file is built by hand following the
Word 6/95 FIB layout ([MS-DOC] describes only Word 97 and later; the old FIB
is fixed: wIdent, nFib, nProduct, lid, pnNext, flags, nFibBack, lKey,
envr, fMac, chse..., fcMin, fcMac, cbMac, then fixed fc/lcb pairs, with no
csw/cslw/cbRgFcLcb counts). nFib is 0x0065 (101, Word 6.0; Word 95 writes
104), the text is 8-bit cp936 between fcMin and fcMac, and the compound
file is written by the minimal CFB writer of parser/mail/testdata.

Run from this directory: python3 make_cfb.py
"""
import importlib.util
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "make_messages", os.path.join(here, "..", "..", "mail", "testdata", "make_messages.py"))
mm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mm)

FC_MIN = 0x300
text = "鞍山市政务服务窗口申报表\r".encode("gbk")
fib = bytearray(FC_MIN)
struct.pack_into("<HHHH", fib, 0, 0xA5EC, 0x0065, 0x6027, 0x0804)  # wIdent, nFib, nProduct, lid (zh-CN)
struct.pack_into("<H", fib, 0x0A, 0x0000)           # flags: not encrypted, not complex
struct.pack_into("<H", fib, 0x0C, 0x0065)           # nFibBack
struct.pack_into("<II", fib, 0x18, FC_MIN, FC_MIN + len(text))  # fcMin, fcMac
struct.pack_into("<I", fib, 0x20, FC_MIN + len(text))           # cbMac
struct.pack_into("<I", fib, 0x34, len(text))                    # ccpText
word = bytes(fib) + text
with open(os.path.join(here, "word95.doc"), "wb") as f:
    f.write(mm.build_cfb([mm.Node("WordDocument", word)]))

# works.wps: a Microsoft Works word-processor file in the shape Works 4-9
# writes (a compound file with a CONTENTS stream and no WordDocument), built
# by hand for the same reason; the CONTENTS bytes are placeholder text.
contents = b"CHNKWKS " + b"\x00" * 24 + "窗口名称：某窗口".encode("gbk")
with open(os.path.join(here, "works.wps"), "wb") as f:
    f.write(mm.build_cfb([mm.Node("CONTENTS", contents), mm.Node("SPELLING", b"\x00" * 16)]))

# encrypted-docx.docx: a password-protected .docx as Word and WPS write it
# (ECMA-376 agile encryption: a compound file with EncryptionInfo and
# EncryptedPackage streams instead of a zip). encrypt.py makes a real one
# through LibreOffice's UNO API where python3-uno is installed; this is the
# same container with placeholder key data, which is all a reader that
# refuses it looks at.
info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
package = struct.pack("<Q", 4096) + bytes((i * 37 + 11) % 256 for i in range(4096))
with open(os.path.join(here, "encrypted-docx.docx"), "wb") as f:
    f.write(mm.build_cfb([mm.Node("EncryptionInfo", info), mm.Node("EncryptedPackage", package)]))
