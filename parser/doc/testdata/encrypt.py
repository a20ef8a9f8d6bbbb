#!/usr/bin/python3
"""Saves a .docx as a password-protected Word 97 .doc (password 123); LibreOffice 7.4 writes the .docx unencrypted through
LibreOffice's UNO API: soffice --convert-to ignores passwords in 7.4.

Usage: /usr/bin/python3 encrypt.py IN.docx OUT.doc|OUT.docx.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {'.doc': 'MS Word 97', '.docx': 'MS Word 2007 XML'}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    src, dst = (os.path.abspath(a) for a in sys.argv[1:3])
    # A private profile keeps this instance apart from any other soffice.
    profile = uno.systemPathToFileUrl(tempfile.mkdtemp(prefix='lo-encrypt-'))
    office = subprocess.Popen(['soffice', '-env:UserInstallation=' + profile, '--headless',
                               '--invisible', '--norestore',
                               '--accept=socket,host=127.0.0.1,port=2002;urp;'])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(60):
            try:
                ctx = resolver.resolve(
                    'uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.5)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0,
                                           (prop('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(dst),
                       (prop('FilterName', FILTERS[os.path.splitext(dst)[1]]), prop('Password', '123')))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


main()
