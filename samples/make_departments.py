#!/usr/bin/env python3
"""Builds samples/rankings (the 行业主管部门's 实绩排序表) and samples/joint (the
returned 部门联审 sheets) for the sample windows of samples/forms/windows.py.

    python3 samples/make_departments.py

Needs python3 (standard library only) and `soffice` (LibreOffice 7+): every
.xls, .xlsx and .docx is written by LibreOffice from a flat ODF spreadsheet
(.fods) or an HTML page, as a department's clerk would save it; CSV files are
written in the encodings offices use (GBK, UTF-8 with BOM). The planted cases
are listed in samples/departments.md. The cell content is deterministic; the
office files carry LibreOffice's own save time.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

SAMPLES = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(SAMPLES, "forms"))
import windows  # noqa: E402  (samples/forms/windows.py: the windows, people and IDs)

RANKINGS = os.path.join(SAMPLES, "rankings")
JOINT = os.path.join(SAMPLES, "joint")

WIN = {w["name"]: w for w in windows.WINDOWS}
DEPARTMENTS = ["市直机关工委", "市信访局", "市公安局", "市营商局", "市法院", "市党群服务中心", "市工商联"]


def people():
    """Every person of a window that sent a Word 申报表, in window order
    (道路运输许可窗口 sent its 申报表 as PDF only, so it has no roster)."""
    out = []
    for w in windows.WINDOWS:
        if w["name"] == "道路运输许可窗口":
            continue
        for name, pid in w["staff"]:
            out.append((w["name"], w["unit"], name, pid))
    return out


def mask(pid):
    return pid[:6] + "*" * (len(pid) - 10) + pid[-4:] if len(pid) >= 11 else pid


# ---------------------------------------------------------------- writers

def cell(v, span=0, rows=0):
    attrs = ""
    if span > 1:
        attrs += ' table:number-columns-spanned="%d"' % span
    if rows > 1:
        attrs += ' table:number-rows-spanned="%d"' % rows
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return '<table:table-cell%s office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (attrs, v, v)
    if v is None or v == "":
        return "<table:table-cell%s/>" % attrs
    return '<table:table-cell%s office:value-type="string"><text:p>%s</text:p></table:table-cell>' % (attrs, escape(str(v)))


def covered(n=1):
    return "<table:covered-table-cell/>" * n


def fods(sheets):
    """sheets: [(name, [row xml strings])] → a flat ODF spreadsheet."""
    body = []
    for name, rows in sheets:
        body.append('<table:table table:name="%s">' % escape(name))
        for r in rows:
            body.append("<table:table-row>%s</table:table-row>" % r)
        body.append("</table:table>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            '<office:meta><meta:creation-date>2024-04-20T09:00:00</meta:creation-date></office:meta>'
            '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document>\n') % "".join(body)


def plain_rows(rows):
    return ["".join(cell(v) for v in r) for r in rows]


def html_table(title, rows, footer=""):
    out = ['<html><head><meta charset="utf-8"></head><body>',
           '<p align="center"><b>%s</b></p>' % escape(title), '<table border="1">']
    for r in rows:
        out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % escape(str(c)) for c in r))
    out.append("</table>")
    if footer:
        out.append("<p>%s</p>" % escape(footer))
    out.append("</body></html>\n")
    return "\n".join(out)


def csv_text(rows):
    def q(c):
        c = str(c)
        return '"%s"' % c.replace('"', '""') if any(x in c for x in ',"\n') else c
    return "".join(",".join(q(c) for c in r) + "\r\n" for r in rows)


class Office:
    """Converts sources with one LibreOffice profile in a temporary folder."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="shenbao-dept-")

    def convert(self, source_name, text, target, filt, out_dir, out_name):
        src = os.path.join(self.tmp, source_name)
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + self.tmp + "/profile",
                        "--convert-to", target + (":" + filt if filt else ""), "--outdir", self.tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = os.path.splitext(src)[0] + "." + target
        shutil.move(made, os.path.join(out_dir, out_name))

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- rankings

def rankings(office):
    # 1. 市公安局: .xls (Excel 97-2003, LibreOffice's BIFF8 writer), a title
    # row, 名次/参评窗口/所属单位/得分; 户籍业务窗口 written as the 简称
    # 户籍窗口, told apart by its 所属单位.
    rows = [cell("鞍山市公安局参评窗口工作实绩排序表", span=5) + covered(4),
            "".join(cell(v) for v in ["名次", "参评窗口", "所属单位", "得分", "备注"])]
    rows += plain_rows([
        [1, "出入境证件办理窗口", "鞍山市公安局出入境管理支队", 96.5, ""],
        [2, "车驾管业务窗口", "鞍山市公安局交通警察支队", 93, ""],
        [3, "户籍窗口", "铁东区公安分局", 90.5, "区级窗口"],
    ])
    rows.append(cell("填报人：市公安局政治部 王刚　联系电话：0412-2851000", span=5) + covered(4))
    office.convert("police.fods", fods([("实绩排序", rows)]), "xls", "MS Excel 97", RANKINGS,
                   "市公安局_窗口实绩排序.xls")

    # 2. 鞍山市人力资源和社会保障局: a table in a .docx, the title in the
    # paragraph above it; 人才服务窗口 sent no materials (R02).
    html = html_table("鞍山市人力资源和社会保障局推荐参评窗口工作实绩排序", [
        ["排序", "窗口名称", "所属单位", "分数", "备注"],
        ["1", "就业创业服务窗口", "鞍山市人力资源和社会保障局", "95", ""],
        ["2", "社保医保综合窗口", "铁东区政务服务中心", "91.5", "医保业务综合窗口"],
        ["3", "人才服务窗口", "鞍山市人才服务中心", "88", ""],
    ], footer="鞍山市人力资源和社会保障局（盖章）　2024年4月18日")
    office.convert("hrss.html", html, "docx", "MS Word 2007 XML", RANKINGS, "人社局实绩排序.docx")

    # 3. 鞍山市税务局: a CSV in GBK, no title row (the department is in the
    # file name), 序号/窗口名称/得分/名次; the 名次 1 is given twice (R03)
    # and 第二税务分局办税服务厅 sent nothing (R02).
    text = csv_text([
        ["序号", "窗口名称", "所属单位", "得分", "名次"],
        ["1", "税务综合服务窗口", "国家税务总局鞍山市税务局", "97", "1"],
        ["2", "第二税务分局办税服务厅", "国家税务总局鞍山市税务局第二税务分局", "97", "1"],
    ])
    write_bytes(os.path.join(RANKINGS, "鞍山市税务局实绩排序.csv"), text.encode("gbk"))

    # 4. 鞍山市营商环境建设局 for the district 政务服务中心 windows: .xlsx with
    # a title row and a two-row header whose cells are merged (参评窗口 over
    # 窗口名称 and 所属单位; 名次 and 得分 merged down); “不动产登记窗口” is
    # the short form of 市民中心不动产登记窗口; “服务窗口” fits several
    # windows and no 所属单位 narrows it (R03).
    rows = [cell("鞍山市营商环境建设局关于政务服务中心窗口工作实绩的排序", span=5) + covered(4),
            cell("名次", rows=2) + cell("参评窗口", span=2) + covered() + cell("得分", rows=2) + cell("备注", rows=2),
            covered() + cell("窗口名称") + cell("所属单位") + covered(2)]
    rows += plain_rows([
        [1, "企业开办一窗通办窗口", "铁西区政务服务中心", 98, ""],
        [2, "综合受理窗口", "千山区政务服务中心", 95, ""],
        [3, "工程建设项目审批窗口", "海城市政务服务中心", 94, ""],
        [4, "民生服务窗口", "台安县政务服务中心", 92, ""],
        [5, "不动产登记窗口", "鞍山市不动产登记中心", 90, "市民中心"],
        [6, "服务窗口", "", 85, "原表未写全称"],
    ])
    office.convert("bizenv.fods", fods([("营商局排序", rows)]), "xlsx", "Calc MS Excel 2007 XML", RANKINGS,
                   "营商局_政务服务中心窗口排序.xlsx")


# ---------------------------------------------------------------- 联审 returns

def roster_header(full=True):
    birth = "出生日期" if full else "出生年份"
    return ["序号", "窗口名称", "所属单位", "姓名", "身份证号码", "性别", birth] + DEPARTMENTS


def gender(pid):
    return "男" if len(pid) == 18 and int(pid[16]) % 2 == 1 else ("女" if len(pid) == 18 else "")


def joint(office):
    ps = people()

    # 1. 市公安局: the 联审名单 sheet sent back as a copy with full IDs
    # (--full-id), only its own column filled; 刘洋's number was retyped with
    # one digit wrong (J03).
    rows = [cell("鞍山市第二批“清风辽宁政务窗口”评选部门联审人员名单（市公安局反馈）", span=len(roster_header())) + covered(len(roster_header()) - 1),
            "".join(cell(h) for h in roster_header())]
    for i, (win, unit, name, pid) in enumerate(ps, 1):
        shown = pid
        if name == "刘洋":
            shown = pid[:10] + ("1" if pid[10] != "1" else "2") + pid[11:]
        birth = "%s-%s-%s" % (pid[6:10], pid[10:12], pid[12:14]) if len(pid) == 18 else ""
        verdict = "未发现违法犯罪记录" if i % 3 == 0 else "无"
        vals = [i, win, unit, name, shown, gender(pid), birth] + ["", "", verdict, "", "", "", ""]
        rows.append("".join(cell(v) for v in vals))
    office.convert("police.fods", fods([("联审名单", rows)]), "xlsx", "Calc MS Excel 2007 XML", JOINT,
                   "联审名单（市公安局反馈）.xlsx")

    # 2. 市信访局: retyped in Word with names and windows only; 袁野 has a
    # 信访举报 (J01); 规划许可审批窗口's people are left out (J02); 李明 is no
    # one's (J03); 不动产登记窗口 is the short window name.
    table = [["序号", "姓名", "窗口名称", "信访举报情况"]]
    n = 0
    for win, unit, name, pid in ps:
        if win == "规划许可审批窗口":
            continue
        n += 1
        text = "无"
        if name == "袁野":
            text = "2023年有1件信访举报（反映办事推诿），经核查部分属实，已批评教育"
        elif n % 4 == 0:
            text = "经查，无"
        shown = "不动产登记窗口" if win == "市民中心不动产登记窗口" else win
        table.append([str(n), name, shown, text])
    table.append([str(n + 1), "李明", "综合受理窗口", "无"])
    office.convert("petition.html", html_table("鞍山市信访局关于参评窗口人员信访举报情况的反馈", table,
                                               footer="鞍山市信访局　2024年4月22日"),
                   "docx", "MS Word 2007 XML", JOINT, "信访局反馈.docx")

    # 3. 市法院: .xls with masked IDs (前6后4) + name + window; 马骏's masked
    # number shows other last digits (J03); 林晓东 has no number on his 申报表.
    rows = [cell("鞍山市中级人民法院涉诉情况查询结果", span=5) + covered(4),
            "".join(cell(h) for h in ["序号", "姓名", "身份证号码", "窗口名称", "涉诉情况"])]
    for i, (win, unit, name, pid) in enumerate(ps, 1):
        shown = mask(pid)
        if name == "马骏":
            shown = shown[:-4] + "0000"
        text = "未查询到相关记录" if i % 2 else "无"
        rows.append("".join(cell(v) for v in [i, name, shown, win, text]))
    office.convert("court.fods", fods([("Sheet1", rows)]), "xls", "MS Excel 97", JOINT, "市法院涉诉情况.xls")

    # 4. 市直机关工委: a CSV in GBK with a title line; 张志强 has a 处分 (J01).
    lines = [["市直机关工委党纪政务处分情况反馈", "", ""], ["姓名", "窗口名称", "处分情况"]]
    for win, unit, name, pid in ps:
        text = "无此情况"
        if name == "张志强":
            text = "2022年5月受到党内警告处分，影响期已满"
        lines.append([name, win, text])
    write_bytes(os.path.join(JOINT, "直机关工委处分情况.csv"), csv_text(lines).encode("gbk"))

    # 5. 市营商局: .xlsx, 所在窗口 instead of 窗口名称, 投诉情况 column.
    rows = ["".join(cell(h) for h in ["姓名", "所在窗口", "投诉情况"])]
    for win, unit, name, pid in ps:
        rows.append("".join(cell(v) for v in [name, win, "无"]))
    office.convert("bizenv.fods", fods([("营商局", rows)]), "xlsx", "Calc MS Excel 2007 XML", JOINT, "市营商局投诉情况.xlsx")

    # 6. 市党群服务中心: a UTF-8 CSV with BOM and full IDs, the result under a
    # generic 意见 header; the department is only in the file name.
    lines = [["姓名", "身份证号码", "意见"]]
    for win, unit, name, pid in ps:
        lines.append([name, pid, "无问题" if pid else "未发现"])
    write_bytes(os.path.join(JOINT, "市党群服务中心反馈.csv"), ("\ufeff" + csv_text(lines)).encode("utf-8"))

    # 7. 市工商联: the sheet came back mostly unfilled: only three windows'
    # people have a result (J02 for the rest); the department is in the sheet
    # name.
    filled = {"税务综合服务窗口", "户籍业务窗口", "出入境证件办理窗口"}
    rows = ["".join(cell(h) for h in ["姓名", "窗口名称", "企业评价情况"])]
    for win, unit, name, pid in ps:
        rows.append("".join(cell(v) for v in [name, win, "无" if win in filled else ""]))
    office.convert("acfic.fods", fods([("市工商联", rows)]), "xlsx", "Calc MS Excel 2007 XML", JOINT, "反馈表.xlsx")


def main():
    for d in (RANKINGS, JOINT):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    office = Office()
    try:
        rankings(office)
        joint(office)
    finally:
        office.close()


if __name__ == "__main__":
    main()
