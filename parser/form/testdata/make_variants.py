#!/usr/bin/env python3
"""Hand-made 申报表/初审表 variants for parser/form tests, written with the
samples' Word-style OOXML writer (samples/forms/ooxml.py). Run from the
repository root: python3 parser/form/testdata/make_variants.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "samples", "forms"))
import ooxml  # noqa: E402

T = (2024, 3, 20, 9, 0, 0)
ID1, ID2 = "210302198503121234", "21030219900101567X"


def C(*paras, cs=1, rs=1):
    return {"paras": [p if isinstance(p, (list, dict)) else [p] for p in paras], "cs": cs, "rs": rs}


def cb(on):
    return ("cb", on)


# Boxes after the options, labels with trailing colons, unicode boxes.
boxes_after = [
    [C("窗口名称："), C("铁西区医保服务窗口", cs=3)],
    [C("所属单位（部门）："), C("铁西区医疗保障分局", cs=3)],
    [C("推荐形式："), C(["窗口自荐", cb(False), "  联名（内部）举荐", cb(False), "  领导推荐", cb(True),
                       "  群众共荐", cb(False)], cs=3)],
    [C("窗口人员姓名及身份证号码："), C("姓名：张三 身份证号：" + ID1, "姓名：李四 身份证号：" + ID2, cs=3)],
    [C("曾受表彰奖励情况："), C("无", cs=3)],
    [C("主要工作职责："), C("负责医保业务受理。", cs=3)],
    [C("主要事迹（200字左右）：", cs=4)],
    [C("该窗口服务热情周到。", cs=4)],
]

# Staff in a nested table; two options ticked with w:sym boxes.
nested = [
    [C("窗  口  名  称"), C("千山区不动产登记窗口", cs=3)],
    [C("所属单位", "（部门）"), C("千山区自然资源分局", cs=3)],
    [C("推荐形式"), C([cb(True), "窗口自荐 ", cb(True), "群众共荐 ", cb(False), "领导推荐"], cs=3)],
    [C("窗口人员姓名及身份证号码"), C({"table": [[C("姓名"), C("身份证号码", cs=3)],
                                        [C("王五"), C(ID1, cs=3)],
                                        [C("赵六"), C("21030219900101567", cs=3)]]}, cs=3)],
    [C("曾受表彰奖励情况"), C("2023年获评区级先进窗口", cs=3)],
    [C("主要事迹", "（200字左右）"), C("事迹内容。", cs=3)],
]

# A 初审表 whose dates sit in their own column, one row split over two grid rows.
review_dates = [
    [C("窗口名称"), C("铁西区医保服务窗口", cs=3)],
    [C("窗口人员姓名"), C("张三、李四", cs=3)],
    [C("部门负责人意见", rs=2), C("同意推荐。", cs=2), C("2024年4月1日")],
    [C("签字：", cs=2), C("")],
    [C("分管领导意见"), C("同意。", cs=2), C("二〇二四年四月二日")],
    [C("组织（人事）部门意见"), C("同意。（盖章）", cs=2), C("2024年2月30日")],
    [C("派驻纪检监察部门意见"), C("", cs=2), C("年  月  日")],
    [C("主要领导意见"), C("同意推荐", cs=2), C("2024-04-02")],
    [C("推荐单位意见"), C("暂缓推荐。", cs=2), C("2024/4/9")],
]

ooxml.write(os.path.join(HERE, "v-boxes-after.docx"), "附件1", "申报表", boxes_after, "unicode", {}, T)
ooxml.write(os.path.join(HERE, "v-nested-staff.docx"), "附件1", "申报表", nested, "sym", {}, T)
ooxml.write(os.path.join(HERE, "v-review-dates.docx"), "附件2", "初审表", review_dates, "unicode", {}, T)
