"""Sample window data for make_forms.py: realistic 鞍山 units, staff and texts,
with the planted defects listed in README.md. Everything here is fiction; the
ID numbers are made up but carry valid GB 11643 check digits unless a defect
says otherwise."""

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(area, birth, seq, bad_check=False):
    """An 18-digit ID with the GB 11643 check digit (or a wrong one)."""
    body = "%s%s%03d" % (area, birth, seq)
    s = sum(int(c) * w for c, w in zip(body, WEIGHTS))
    check = CHECK[s % 11]
    if bad_check:
        check = CHECK[(s + 3) % 11]
    return body + check


# Sentences composed into 主要事迹; each window picks some by index.
DEEDS = [
    "该窗口始终坚持“马上就办、办就办好”的服务理念，深入推进“一网通办”“最多跑一次”改革，主动压缩办理时限，推行延时服务和预约服务，切实解决群众办事难问题。",
    "窗口全体人员严守廉洁纪律，做到不吃企业一顿饭、不收群众一分钱，主动公开办事流程、收费标准和监督电话，自觉接受群众监督，全年未发生一起投诉。",
    "窗口推行“首问负责、一次告知、限时办结”制度，对老年人、残疾人等特殊群体开辟绿色通道，提供帮办代办和上门服务，群众满意率连续两年达到百分之百。",
    "面对疫情后业务量激增的情况，窗口人员主动放弃休息日，加班加点受理业务，确保企业和群众的合理诉求件件有回应、事事有着落，得到社会各界的一致好评。",
    "窗口积极开展业务培训和岗位练兵，人人争当业务骨干，熟练掌握各项政策法规，能够准确解答群众咨询，实现了从“能办”到“办好”的转变。",
    "窗口坚持以制度管人管事，建立健全廉政风险防控台账，定期开展警示教育和廉政谈话，筑牢拒腐防变的思想防线，营造了风清气正的政务服务环境。",
    "窗口创新推出“容缺受理”“告知承诺”等便民举措，梳理高频事项清单，将办理材料精简三成以上，为企业节约了大量时间成本，优化了营商环境。",
    "窗口人员以实际行动践行“清风辽宁”建设要求，用心用情服务每一位办事群众，多次收到群众赠送的锦旗和感谢信，树立了政务服务窗口的良好形象。",
]

DUTIES = {
    "企业登记注册窗口": "负责企业设立、变更、注销登记的受理与审核，营业执照发放及登记咨询服务。",
    "车驾管业务窗口": "负责机动车注册登记、转移登记、驾驶证换领补领等车驾管业务的受理与办理。",
    "社保医保综合窗口": "负责养老保险、医疗保险参保登记、缴费基数核定及待遇申领的受理与办理。",
    "市民中心不动产登记窗口": "负责不动产首次登记、转移登记、抵押登记的受理，以及登记资料查询服务。",
    "税务综合服务窗口": "负责纳税申报、发票领用、税务登记等涉税事项的受理与办理，提供纳税咨询服务。",
    "公积金提取窗口": "负责住房公积金提取、贷款申请受理及缴存信息查询等业务。",
    "企业开办一窗通办窗口": "负责企业开办全流程“一窗受理、一表填报”，包括登记、刻章、申领发票和社保登记。",
    "就业创业服务窗口": "负责就业登记、失业登记、创业担保贷款申请的受理及就业政策咨询服务。",
    "医保经办服务窗口": "负责医保关系转移接续、异地就医备案、门诊慢特病认定的受理与办理。",
    "综合受理窗口": "负责区级政务服务事项的综合受理、分办转办和结果发放。",
    "规划许可审批窗口": "负责建设用地规划许可证、建设工程规划许可证的受理与审批服务。",
    "工程建设项目审批窗口": "负责工程建设项目施工许可、竣工验收备案等审批事项的受理与协调。",
    "道路运输许可窗口": "负责道路运输经营许可、从业资格证办理及营运车辆年审等业务。",
    "民生服务窗口": "负责低保、医疗救助、残疾人补贴等民生事项的受理与政策咨询服务。",
    "出入境证件办理窗口": "负责普通护照、往来港澳台通行证及签注的受理与制证发放。",
    "户籍业务窗口": "负责户口迁移、出生登记、居民身份证办理等户籍业务的受理。",
}

HONORS = [
    "2023年被评为鞍山市“巾帼文明岗”；2022年获市政务服务中心“红旗窗口”称号。",
    "2023年度被鞍山市营商环境建设局评为“优秀服务窗口”。",
    "2022年获辽宁省“青年文明号”称号；窗口工作人员多次被评为“服务之星”。",
    "无",
    "2023年被评为区级“群众满意窗口”。",
]

# The review rows of the qingfeng-liaoning 初审表, in form order, with the
# printed prompt and the mark each needs.
ROWS = [
    ("部门负责人意见", "签字", "internal"),
    ("分管领导意见", "签字", "internal"),
    ("组织（人事）部门意见", "盖章", "internal"),
    ("派驻纪检监察部门意见", "盖章", "internal"),
    ("主要领导意见", "签字", "internal"),
    ("推荐单位", "盖章", "recommend"),
    ("行业主管部门意见", "盖章", "industry"),
]

OPINIONS = {
    "部门负责人意见": "经审核，该窗口申报材料真实准确，同意推荐。",
    "分管领导意见": "情况属实，同意推荐。",
    "组织（人事）部门意见": "经核查，窗口人员无违纪违法问题，同意推荐。",
    "派驻纪检监察部门意见": "经查阅信访记录和问题线索，未发现该窗口及人员存在违纪问题，同意推荐。",
    "主要领导意见": "同意推荐。",
    "推荐单位": "经集体研究并公示无异议，同意推荐。",
    "行业主管部门意见": "经审核，同意推荐该窗口参加“清风辽宁政务窗口”评选。",
}

# Dates per stage: (year, month, day).
DATES = {"internal": (2024, 4, 2), "recommend": (2024, 4, 8), "industry": (2024, 4, 15)}

OPTIONS = ["窗口自荐", "联名（内部）举荐", "领导推荐", "群众共荐"]


def person(name, area, birth, seq, bad=False):
    return (name, id_number(area, birth, seq, bad))


# Each window: dir name (= 窗口名称), unit, staff, ticked options, honors
# index, deeds sentence indexes, producer, layout knobs, defects.
WINDOWS = [
    dict(name="企业登记注册窗口", unit="鞍山市市场监督管理局",
         staff=[person("王丽娜", "210302", "19860512", 124), person("刘洋", "210303", "19920817", 351)],
         ticked=[0], honors=0, deeds=[0, 1, 4, 7], producer="html", staff_layout="cells",
         date_style="cn", expect=["S04"]),
    dict(name="车驾管业务窗口", unit="鞍山市公安局交通警察支队",
         staff=[person("张志强", "210304", "19800302", 213, bad=True)],
         ticked=[2], honors=2, deeds=[2, 3, 5, 6], producer="html", staff_layout="inline",
         date_style="dot", app_format="doc", expect=["F04", "S04"]),
    dict(name="社保医保综合窗口", unit="铁东区政务服务中心",
         staff=[person("李秀梅", "210302", "19780923", 442), person("赵敏", "210302", "19950114", 128),
                person("孙鹏", "210302", "19900630", 275)],
         ticked=[], honors=1, deeds=[0, 2, 5, 7], producer="html", staff_layout="lines",
         date_style="cn", expect=["F02", "S04"]),
    dict(name="市民中心不动产登记窗口", unit="鞍山市不动产登记中心",
         staff=[person("周海燕", "210303", "19830708", 362), person("吴刚", "210311", "19880219", 191)],
         ticked=[0, 2], honors=0, deeds=[1, 3, 4, 6], producer="ooxml", checkbox="sdt",
         inline_labels=True, staff_layout="inline", date_style="iso", expect=["F03", "S04"]),
    dict(name="税务综合服务窗口", unit="",
         staff=[person("郑爽", "210304", "19910405", 287)],
         ticked=[3], honors=4, deeds=[0, 3, 5, 7], producer="html", staff_layout="inline",
         date_style="cn", expect=["F01", "S04"]),
    dict(name="公积金提取窗口", unit="鞍山市住房公积金管理中心",
         staff=[person("陈静", "210302", "19870611", 326), person("马骏", "210303", "19930927", 153)],
         ticked=[0], honors=2, deeds="short", producer="html", staff_layout="cells",
         date_style="slash", expect=["F06", "S04"]),
    dict(name="企业开办一窗通办窗口", unit="铁西区政务服务中心",
         staff=[person("杨帆", "210303", "19940318", 214), person("高雪", "210303", "19960722", 106)],
         ticked=[1], honors=1, deeds="long", ascii_commas=True, producer="html", staff_layout="inline",
         date_style="cn", expect=["F06(info)", "F08", "S04"]),
    dict(name="就业创业服务窗口", unit="鞍山市人力资源和社会保障局",
         staff=[person("徐慧", "210311", "19850101", 237)],
         ticked=[0], honors=0, deeds=[1, 2, 4, 6], deeds_prompt=True, producer="html",
         staff_layout="lines", date_style="cn", app_format="doc", review_format="doc",
         expect=["F07", "S04"]),
    dict(name="医保经办服务窗口", unit="鞍山市医疗保障局",
         staff=[person("韩冰", "210302", "19890816", 268), ("林晓东", "")],
         ticked=[3], honors=1, deeds=[0, 2, 4, 7], producer="html", staff_layout="inline",
         date_style="cn", small_photo=True, expect=["F05", "M10", "S04"]),
    dict(name="综合受理窗口", unit="千山区政务服务中心",
         staff=[person("冯雪", "210311", "19920512", 184), person("曹阳", "210311", "19880909", 335)],
         ticked=[0], honors=None, deeds=[1, 3, 5, 6], producer="html", staff_layout="cells",
         review_name="千山区综合受理窗口", date_style="cn", expect=["F09", "P07", "S04"]),
    dict(name="规划许可审批窗口", unit="鞍山市自然资源局",
         staff=[person("邓佳", "210304", "19840220", 412), person("许文博", "210302", "19900131", 173)],
         ticked=[2], honors=2, deeds=[0, 1, 4, 6], producer="ooxml", checkbox="sym",
         staff_layout="cells", empty_row="派驻纪检监察部门意见", date_style="cn", expect=["P01", "S04"]),
    dict(name="工程建设项目审批窗口", unit="海城市政务服务中心",
         staff=[person("宋宇", "210381", "19870707", 298)],
         ticked=[0], honors=4, deeds=[2, 3, 6, 7], producer="ooxml", checkbox="formfield",
         staff_layout="inline", placeholder_date="分管领导意见", date_style="cn", expect=["P04", "S04"]),
    dict(name="道路运输许可窗口", unit="鞍山市交通运输局",
         staff=[person("谢婷", "210302", "19910213", 146), person("唐磊", "210303", "19860525", 357)],
         ticked=[1], honors=1, deeds=[0, 1, 5, 7], producer="ooxml", checkbox="unicode",
         spaced_labels=True, late_row="行业主管部门意见", staff_layout="lines", date_style="cn",
         expect=["P05", "S04"]),
    dict(name="民生服务窗口", unit="台安县政务服务中心",
         staff=[person("董丽", "210321", "19820817", 228), person("袁野", "210321", "19970304", 119)],
         ticked=[3], honors=3, deeds=[2, 3, 4, 6], producer="html", staff_layout="inline",
         negative_row="主要领导意见", date_style="cn", expect=["P08", "S04"]),
    dict(name="出入境证件办理窗口", unit="鞍山市公安局出入境管理支队",
         staff=[person("蒋文", "210302", "19850416", 252), person("沈琳", "210304", "19930611", 167)],
         ticked=[0], honors=0, deeds=[0, 4, 5, 7], producer="ooxml", checkbox="typed",
         staff_layout="cells", seal_row="推荐单位", date_style="cn", expect=["S04"]),
    dict(name="户籍业务窗口", unit="铁东区公安分局",
         staff=[person("卢静", "210302", "19900725", 288)],
         ticked=[0], honors=1, deeds=[1, 2, 6, 7], producer="html", checkbox="tick",
         staff_layout="id-first", date_style="cncn", expect=["S04"]),
]

# The second campaign (profile zhengfeng-hangfeng), different labels and rows.
ZF_ROWS = [
    ("科室负责人意见", "签字"),
    ("单位分管领导意见", "签字"),
    ("单位纪检组织意见", "盖章"),
    ("单位主要负责人意见", "签字"),
    ("主管部门审核意见", "盖章"),
    ("市政风行风办意见", "盖章"),
]

ZF_WINDOWS = [
    dict(name="公积金贷款窗口", unit="鞍山市住房公积金管理中心",
         staff=[person("田甜", "210302", "19880306", 215), person("邹明", "210303", "19910919", 342)],
         ticked=[0], honors=1, deeds=[0, 1, 4, 6, 7], expect=["S04"]),
    dict(name="医保异地结算窗口", unit="鞍山市医疗保障局",
         staff=[person("魏芳", "210304", "19850227", 176, bad=True)],
         ticked=[], honors=3, deeds=[2, 3, 5, 7, 1], expect=["F02", "F04", "S04"]),
    dict(name="机动车检验窗口", unit="鞍山市公安局交通警察支队",
         staff=[person("姜涛", "210311", "19830808", 399), person("范冰", "210381", "19920120", 126)],
         ticked=[1], honors=2, deeds=[0, 3, 4, 5, 6], empty_row="单位纪检组织意见", expect=["P01", "S04"]),
]
