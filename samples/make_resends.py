#!/usr/bin/env python3
"""Builds samples/resends: the corrected resends that four windows mailed after
their 补正告知书, for the second-run example of `--previous`.

    python3 samples/make_resends.py

Each window's forms are rebuilt by samples/forms/make_forms.py's own builder from
samples/forms/windows.py with the planted defect taken out (the fix the notice asked
for), then mailed with the window's unchanged photos as one .eml made by Python's
email package. Needs python3 (standard library only) and soffice (LibreOffice, which
make_forms uses for the HTML-made and .doc forms). Output is deterministic: fixed
Date, Message-ID and boundaries, and the forms' own fixed timestamps.
"""
import copy
import os
import shutil
import sys
import tempfile
from email import policy
from email.message import EmailMessage
from email.utils import formataddr

SAMPLES = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(SAMPLES, "forms")
HERE = os.path.join(SAMPLES, "resends")
sys.dont_write_bytecode = True
sys.path.insert(0, FORMS)
import make_forms  # noqa: E402
import windows  # noqa: E402

TO = formataddr(("清风政窗申报", "qfzc@as.example.gov.cn"))


def fix_id(w):
    name, _ = w["staff"][0]
    w["staff"] = [windows.person(name, "210304", "19800302", 213)]


def tick_first(w):
    w["ticked"] = [0]


def fill_row(w):
    w.pop("empty_row")


def fix_name_and_honors(w):
    w.pop("review_name")
    w["honors"] = 3  # 无


# (window, fix, sender, subject, date, body): the resends, in the order they came.
RESENDS = [
    ("车驾管业务窗口", fix_id, ("交警支队车管所 王刚", "cgs_wg@jj.example.gov.cn"),
     "【更正】车驾管业务窗口申报材料（身份证号码已更正）", "Mon, 15 Apr 2024 09:12:00 +0800",
     "您好：\n按告知书要求，已更正窗口人员身份证号码，现重新报送全部材料，请审核。\n车管所 王刚\n"),
    ("社保医保综合窗口", tick_first, ("铁东区政务服务中心 李秀梅", "tdzwzx@td.example.gov.cn"),
     "社保医保综合窗口 重新报送申报材料", "Mon, 15 Apr 2024 14:40:00 +0800",
     "已勾选推荐形式，重新报送申报表、初审表和照片。\n"),
    ("规划许可审批窗口", fill_row, ("市自然资源局办公室", "zrzyj@zr.example.gov.cn"),
     "规划许可审批窗口申报材料（补填派驻纪检监察部门意见）", "Tue, 16 Apr 2024 10:05:00 +0800",
     "初审表已补填派驻纪检监察部门意见并注明日期，请查收。\n"),
    ("综合受理窗口", fix_name_and_honors, ("千山区政务服务中心 冯雪", "qszwzx@qs.example.gov.cn"),
     "回复：综合受理窗口材料补正", "Tue, 16 Apr 2024 16:20:00 +0800",
     "初审表窗口名称已与申报表一致，曾受表彰奖励情况已填写“无”。\n"),
]

CTYPES = {
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".doc": ("application", "msword"),
    ".jpg": ("image", "jpeg"),
}


def build_forms(tmp):
    """Rebuilds the fixed windows' forms under tmp/<window>/."""
    fixed = []
    for name, fix, *_ in RESENDS:
        w = copy.deepcopy(next(w for w in windows.WINDOWS if w["name"] == name))
        fix(w)
        fixed.append(w)
    make_forms.build(tmp, fixed, make_forms.QF_APP_LABELS, windows.OPTIONS, windows.ROWS,
                     make_forms.TITLE, ("窗口名称", "窗口人员姓名"))


def message(i, name, sender, subject, date, body, forms_dir):
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr(sender)
    msg["To"] = TO
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = "<resend-%02d-%s@as.example.gov.cn>" % (i, "qfzc")
    msg.set_content(body)
    files = []
    for kind in ("申报表", "初审表"):
        for ext in (".docx", ".doc"):
            p = os.path.join(forms_dir, name, kind + ext)
            if os.path.exists(p):
                files.append((name + kind + ext, p))
    for kind in ("环境照片", "工作照片"):
        files.append((name + kind + ".jpg", os.path.join(FORMS, name, kind + ".jpg")))
    for filename, path in files:
        with open(path, "rb") as f:
            data = f.read()
        maintype, subtype = CTYPES[os.path.splitext(path)[1]]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    msg.set_boundary("----=_shenbao_resend_%02d" % i)
    return msg.as_bytes()


def main():
    if os.path.isdir(HERE):
        shutil.rmtree(HERE)
    os.makedirs(HERE)
    tmp = tempfile.mkdtemp(prefix="shenbao-resends-")
    try:
        build_forms(tmp)
        for i, (name, _, sender, subject, date, body) in enumerate(RESENDS, start=17):
            data = message(i, name, sender, subject, date, body, tmp)
            with open(os.path.join(HERE, "%02d_%s_重新报送.eml" % (i, name)), "wb") as f:
                f.write(data)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
