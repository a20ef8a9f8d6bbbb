#!/usr/bin/env python3
"""Generate the sample 申报表/初审表 set under samples/forms/ (profile
qingfeng-liaoning) and samples/forms-zhengfeng/ (profile zhengfeng-hangfeng).

Most forms are written as HTML and converted by LibreOffice
(soffice --headless --convert-to docx), a few as .doc; some are written
directly as Word-style OOXML (content-control, w:sym and FORMCHECKBOX
checkboxes, label and value in one cell, spaced labels, an electronic seal).
Output is deterministic: the .docx zips are rewritten with fixed timestamps.

    python3 samples/forms/make_forms.py            # from the repository root
Photos are made by `go run ./samples/forms/genphotos`.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from windows import (DATES, DEEDS, DUTIES, HONORS, OPINIONS, OPTIONS, ROWS,  # noqa: E402
                     WINDOWS, ZF_ROWS, ZF_WINDOWS)
import ooxml  # noqa: E402

TITLE = "鞍山市第二批“清风辽宁政务窗口”"
ZF_TITLE = "鞍山市2024年度“政风行风建设示范窗口”"
ZF_OPTIONS = ["单位推荐", "主管部门推荐", "群众推荐"]
FIXED_TIME = (2024, 3, 20, 9, 0, 0)


# ---------------------------------------------------------------- table model
# A table is a list of rows; a row a list of cells; a cell a dict with
# paras (list of paragraphs, each a list of items: str, ("cb", checked) or
# ("img", name)), cs (colspan) and rs (rowspan). Rows list only the cells that
# start in them, as in HTML.

def LC(v, **kw):
    """A label cell: a tuple of lines becomes one paragraph per line."""
    return C(*v, **kw) if isinstance(v, tuple) else C(v, **kw)


def C(*paras, cs=1, rs=1):
    ps = []
    for p in paras:
        ps.append(p if isinstance(p, list) else [p])
    return {"paras": ps or [[""]], "cs": cs, "rs": rs}


def wordcount(s):
    return len(re.findall(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]", s))


def deeds_text(w):
    d = w["deeds"]
    if d == "short":
        return "该窗口工作人员爱岗敬业，服务热情周到，严守廉洁纪律，多次受到办事群众的好评和表扬，群众满意度高，在全市政务服务工作中发挥了示范作用。"
    if d == "long":
        text = "".join(DEEDS[i] for i in (0, 2, 4, 6))
    else:
        text = "".join(DEEDS[i] for i in d[:3])
    if w.get("ascii_commas"):
        text = text.replace("，", ",", 3)
    if w.get("deeds_prompt"):
        text = "（200字左右）" + text
    return text


def date_text(style, y, m, d):
    cn = "〇一二三四五六七八九"
    if style == "dot":
        return "%d.%d.%d" % (y, m, d)
    if style == "iso":
        return "%04d-%02d-%02d" % (y, m, d)
    if style == "slash":
        return "%d/%d/%d" % (y, m, d)
    if style == "cncn":
        def num(n):
            if n < 10:
                return cn[n]
            return ("" if n < 20 else cn[n // 10]) + "十" + (cn[n % 10] if n % 10 else "")
        return "".join(cn[int(c)] for c in str(y)) + "年" + num(m) + "月" + num(d) + "日"
    return "%d年%d月%d日" % (y, m, d)


def option_items(options, ticked, style):
    items = []
    for i, o in enumerate(options):
        if i:
            items.append("    ")
        on = i in ticked
        if style == "tick":  # a typed tick in front of the option, no boxes
            items.append(("√" if on else "") + o)
        elif style == "typed":  # a tick typed beside an empty box
            items += [("cb", True), ("cb", False), o] if on else [("cb", False), o]
        else:
            items += [("cb", on), o]
    return items


def app_table(w, options, labels):
    L = labels
    rows = [
        [LC(L["window_name"]), C(w["name"], cs=3)],
        [LC(L["unit"]), C(w["unit"], cs=3)],
        [LC(L["recommend"]), C(option_items(options, w["ticked"], w.get("checkbox", "unicode")), cs=3)],
    ]
    staff = w["staff"]
    layout = w.get("staff_layout", "inline")
    if layout == "cells":
        rows.append([LC(L["staff"], rs=len(staff) + 1), C("姓名"), C("身份证号码", cs=2)])
        for n, i in staff:
            rows.append([C(n), C(i, cs=2)])
    elif layout == "lines":
        rows.append([LC(L["staff"]), C(*["%s  %s" % p for p in staff], cs=3)])
    elif layout == "id-first":
        rows.append([LC(L["staff"]), C("；".join("%s %s" % (i, n) for n, i in staff), cs=3)])
    else:
        rows.append([LC(L["staff"]), C("、".join(("%s %s" % (n, i)).strip() for n, i in staff), cs=3)])
    honors = "" if w.get("honors") is None else HONORS[w["honors"]]
    rows.append([LC(L["honors"]), C(honors, cs=3)])
    if "duties" in L:
        rows.append([LC(L["duties"]), C(DUTIES.get(w["name"], DUTIES["综合受理窗口"]), cs=3)])
    rows.append([LC(L["deeds"]), C(deeds_text(w), cs=3)])
    return rows


QF_APP_LABELS = {
    "window_name": "窗口名称", "unit": "所属单位（部门）", "recommend": "推荐形式",
    "staff": "窗口人员姓名及身份证号码", "honors": "曾受表彰奖励情况",
    "duties": "主要工作职责", "deeds": ("主要事迹", "（200字左右）"),
}
ZF_APP_LABELS = {
    "window_name": "窗口全称", "unit": "主管单位", "recommend": "申报方式",
    "staff": "工作人员及身份证号", "honors": "获奖情况",
    "deeds": ("主要工作业绩", "（300字以内）"),
}


def review_table(w, rows, head_labels):
    name = w.get("review_name", w["name"])
    style = w.get("date_style", "cn")
    t = [
        [C(head_labels[0]), C(name, cs=3)],
        [C(head_labels[1]), C("、".join(p[0] for p in w["staff"]), cs=3)],
    ]
    for role, needs, stage in rows:
        y, m, d = DATES[stage]
        if role == w.get("late_row"):
            d = 22
        date = date_text(style, y, m, d)
        if role == w.get("placeholder_date"):
            date = "X年X月X日"
        opinion = OPINIONS.get(role, "同意推荐。")
        if role == w.get("negative_row"):
            opinion = "该窗口近期有群众投诉尚未办结，不同意推荐。"
        mark = "签字：" if needs == "签字" else "（盖章）"
        paras = [opinion, "", mark, date]
        if role == w.get("empty_row"):
            paras = ["", "", mark, "    年   月   日"]
        cell = C(*paras, cs=3)
        if role == w.get("seal_row"):
            cell["paras"][2] = [mark, ("img", "seal")]
        label = role
        t.append([C(label), cell])
    return t


# ---------------------------------------------------------------- HTML writer

def html_doc(heading, subtitle, table, cb_glyphs=("☑", "□")):
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>' % subtitle]
    out.append("<p>%s</p>" % heading)
    out.append('<p align="center"><b>%s</b></p>' % subtitle)
    out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    for row in table:
        out.append("<tr>")
        for c in row:
            attrs = ""
            if c["cs"] > 1:
                attrs += ' colspan="%d"' % c["cs"]
            if c["rs"] > 1:
                attrs += ' rowspan="%d"' % c["rs"]
            ps = []
            for p in c["paras"]:
                s = ""
                for it in p:
                    if isinstance(it, tuple) and it[0] == "cb":
                        s += cb_glyphs[0] if it[1] else cb_glyphs[1]
                    elif isinstance(it, str):
                        s += it.replace("&", "&amp;").replace("<", "&lt;")
                ps.append(s)
            out.append("<td%s>%s</td>" % (attrs, "<br>".join(ps) if len(ps) > 1 else (ps[0] if ps else "")))
        out.append("</tr>")
    out.append("</table><p></p></body></html>")
    return "\n".join(out)


# ---------------------------------------------------------------- seal PNG

def seal_png(size=120):
    """A red ring with a star: an electronic seal stand-in."""
    rows = []
    c = size / 2.0
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            r = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            on = (c - 8 <= r <= c - 2) or (r < 14 and abs(x - c) + abs(y - c) < 16)
            row += bytes((200, 20, 20, 255) if on else (255, 255, 255, 0))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- helpers

def normalize_zip(path):
    """Rewrite a zip with fixed timestamps and without LibreOffice's
    run-dependent metadata, so regenerating gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>",
                              lambda m: m.group(0)[:m.group(0).index(b">") + 1] + b"2024-03-20T09:00:00Z"
                              + b"</dcterms:" + m.group(1) + b">", data)
            if name == "docProps/app.xml":
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def soffice(fmt, files, outdir):
    if not files:
        return
    cmd = ["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", fmt, "--outdir", outdir] + files
    if not files[0].endswith(".html"):
        cmd = ["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir] + files
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def labels_for(w, base):
    if not w.get("spaced_labels"):
        return base
    out = dict(base)
    out["window_name"] = "窗 口 名 称"
    out["unit"] = ("所属单位", "（部门）")
    out["deeds"] = ("主要事迹", "（200字左右）")
    return out


def inline_labels(table):
    """Label and value in one cell for the plain rows: "窗口名称：…"."""
    out = []
    for row in table:
        if len(row) == 2 and row[0]["rs"] == 1 and len(row[1]["paras"]) == 1 and all(
                isinstance(x, str) for x in row[1]["paras"][0]) and len(row[0]["paras"]) == 1:
            label = "".join(row[0]["paras"][0])
            out.append([C(label + "：" + "".join(row[1]["paras"][0]), cs=4)])
        else:
            out.append(row)
    return out


# ---------------------------------------------------------------- main

def build(root, windows, app_labels, options, rows, title, head_labels):
    if os.path.isdir(root):
        for d in os.listdir(root):
            p = os.path.join(root, d)
            if os.path.isdir(p) and d not in ("genphotos",):
                for f in os.listdir(p):
                    if f.endswith((".docx", ".doc")):
                        os.remove(os.path.join(p, f))
    tmp = tempfile.mkdtemp(prefix="shenbao-forms-")
    html_files, doc_after = [], []
    seal = seal_png()
    for i, w in enumerate(windows):
        wdir = os.path.join(root, w["name"])
        os.makedirs(wdir, exist_ok=True)
        labels = labels_for(w, app_labels)
        at = app_table(w, options, labels)
        rt = review_table(w, rows, head_labels)
        if w.get("inline_labels"):
            at = inline_labels(at)
        if w.get("spaced_labels"):
            rt[0][0] = C("窗 口 名 称")
            rt[1][0] = C("窗口人员", "姓名")
        app_title = title + "申报表"
        rev_title = title + "初审表"
        if w.get("producer", "html") == "html":
            glyphs = ("■", "□") if i % 3 == 1 else ("☑", "□")
            for kind, t, heading, sub in (("申报表", at, "附件1", app_title), ("初审表", rt, "附件2", rev_title)):
                f = os.path.join(tmp, "%02d-%s.html" % (i, kind))
                with open(f, "w", encoding="utf-8") as fh:
                    fh.write(html_doc(heading, sub, t, glyphs))
                html_files.append((f, wdir, kind))
        else:
            cb = w.get("checkbox", "unicode")
            ooxml.write(os.path.join(wdir, "申报表.docx"), "附件1", app_title, at, cb, {}, FIXED_TIME)
            images = {"seal": seal} if w.get("seal_row") else {}
            ooxml.write(os.path.join(wdir, "初审表.docx"), "附件2", rev_title, rt, cb, images, FIXED_TIME)
        for kind, key in (("申报表", "app_format"), ("初审表", "review_format")):
            if w.get(key) == "doc":
                doc_after.append((wdir, kind))
    soffice('docx:MS Word 2007 XML', [f for f, _, _ in html_files], tmp)
    for f, wdir, kind in html_files:
        out = os.path.join(wdir, kind + ".docx")
        shutil.move(f[:-5] + ".docx", out)
        normalize_zip(out)
    # .doc variants: convert the finished .docx and drop it.
    for wdir, kind in doc_after:
        src = os.path.join(tmp, "doc-%s-%s.docx" % (os.path.basename(wdir), kind))
        shutil.copy(os.path.join(wdir, kind + ".docx"), src)
    srcs = [os.path.join(tmp, "doc-%s-%s.docx" % (os.path.basename(w), k)) for w, k in doc_after]
    soffice("doc:MS Word 97", srcs, tmp)
    for wdir, kind in doc_after:
        os.remove(os.path.join(wdir, kind + ".docx"))
        shutil.move(os.path.join(tmp, "doc-%s-%s.doc" % (os.path.basename(wdir), kind)),
                    os.path.join(wdir, kind + ".doc"))
    shutil.rmtree(tmp)


def notice(path):
    """The 通知 itself: prose naming both forms, no form table."""
    paras = [
        "关于开展鞍山市第二批“清风辽宁政务窗口”评选活动的通知",
        "各县（市）区、开发区营商局，市直各有关单位：",
        "为深入推进清廉辽宁建设，现组织开展鞍山市第二批“清风辽宁政务窗口”评选活动。有关事项通知如下：",
        "一、申报材料。各窗口填写《“清风辽宁政务窗口”申报表》（附件1），窗口名称、所属单位（部门）、推荐形式、窗口人员姓名及身份证号码、曾受表彰奖励情况、主要事迹（200字左右）等须填写完整；",
        "同时填写《“清风辽宁政务窗口”初审表》（附件2），由部门负责人意见、分管领导意见、组织（人事）部门意见、派驻纪检监察部门意见、主要领导意见、推荐单位、行业主管部门意见逐级签字盖章。",
        "二、时间安排。4月3日前完成内部审核，内部公示3天，4月10日前完成集体审定，4月19日前完成行业审核。",
        "三、报送要求。申报表电子版（WORD格式）及服务场所整体环境照片、集体或个人工作照片各1张发送至指定邮箱，初审表纸质版存入一窗一档。",
        "联系人：李明，联系电话：0412-2222222。",
        "附件：1. 申报表  2. 初审表",
        "鞍山市营商环境建设局",
        "2024年3月15日",
    ]
    ooxml.write_prose(path, paras, FIXED_TIME)


def main():
    root = HERE
    build(root, WINDOWS, QF_APP_LABELS, OPTIONS, ROWS, TITLE, ("窗口名称", "窗口人员姓名"))
    zf_root = os.path.join(os.path.dirname(HERE), "forms-zhengfeng")
    zf_rows = [(n, needs, "internal" if i < 4 else ("recommend" if i == 4 else "industry"))
               for i, (n, needs) in enumerate(ZF_ROWS)]
    build(zf_root, ZF_WINDOWS, ZF_APP_LABELS, ZF_OPTIONS, zf_rows, ZF_TITLE, ("窗口全称", "工作人员姓名"))
    notice(os.path.join(root, "通知.docx"))


if __name__ == "__main__":
    main()
