package export

import (
	"time"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// testRoles are the seven review rows of the qingfeng-liaoning profile.
var testRoles = []string{"部门负责人意见", "分管领导意见", "组织（人事）部门意见", "派驻纪检监察部门意见", "主要领导意见", "推荐单位", "行业主管部门意见"}

// idNumber completes a 17-digit base with its GB 11643 check digit.
func idNumber(base string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(base[i]-'0') * w
	}
	return base + string("10X98765432"[sum%11])
}

// person builds a Staff from a 17-digit base.
func person(name, base, gender, birth string) validate.Staff {
	id := idNumber(base)
	return validate.Staff{Name: name, ID: id, IDMasked: id[:6] + "********" + id[14:], Gender: gender, Birth: birth}
}

func ptr(b bool) *bool { return &b }

// reviewRows builds the seven rows, all ✓ except those in missing (role →
// cell text).
func reviewRows(missing map[string]string) []validate.ReviewRow {
	rows := make([]validate.ReviewRow, len(testRoles))
	for i, role := range testRoles {
		rows[i] = validate.ReviewRow{Role: role, Opinion: "同意推荐", Signed: ptr(true), Stamped: ptr(true), Date: "2024-04-02", Cell: "✓ 扫描"}
		if c, ok := missing[role]; ok {
			rows[i].Cell = c
			rows[i].Stamped = ptr(false)
		}
	}
	return rows
}

func fd(code string, level finding.Level, msg, field, loc, fix string) finding.Finding {
	return finding.Finding{Code: code, Level: level, Message: msg, Field: field, Location: loc, Fix: fix}
}

// sampleResult is a realistic run: 3 units, 6 windows, every conclusion,
// findings of many codes, unattributed findings, inputs of every status.
func sampleResult() *validate.Result {
	mail1 := "张晓明 <zhangxm@ansteel.gov.cn> 2024-03-28 10:12 关于报送“清风辽宁政务窗口”申报材料的函"
	mail2 := "市行政审批局办公室 <spj@as.gov.cn> 2024-03-29 16:40 Fw: 申报材料（更正版）"
	subs := []validate.Submission{
		{
			WindowName: "不动产登记综合窗口", Unit: "鞍山市不动产登记中心", RecommendForms: []string{"窗口自荐"},
			Staff:  []validate.Staff{person("王丽", "21030219850312002", "女", "1985-03-12"), person("李强", "21030319790601001", "男", "1979-06-01")},
			Honors: "2022年度市级巾帼文明岗", Duties: "不动产登记受理", Deeds: "……", DeedsChars: 212,
			ReviewRows: reviewRows(nil), Photos: validate.Photos{Environment: []string{"环境.jpg"}, Work: []string{"工作.jpg"}},
			Sources:     []string{"收件箱.mbox › 第3封 › 申报材料.zip › 申报表.docx", "扫描/初审表.pdf"},
			Conclusion:  finding.Compliant,
			Application: "✓ docx", Review: "电子版+扫描", Mail: mail1,
		},
		{
			WindowName: "税费综合窗口", Unit: "鞍山市不动产登记中心", RecommendForms: []string{"领导推荐", "群众共荐"},
			Staff:  []validate.Staff{person("赵敏", "21030419900215004", "女", "1990-02-15")},
			Honors: "", DeedsChars: 96, ReviewRows: reviewRows(map[string]string{"推荐单位": "缺盖章 扫描"}),
			Photos:  validate.Photos{Environment: []string{"大厅.jpg"}},
			Sources: []string{"收件箱.mbox › 第4封 › 税费窗口申报表.docx"},
			Findings: []finding.Finding{
				fd("F03", finding.Review, "推荐形式勾选了多项：领导推荐、群众共荐", "推荐形式", "税费窗口申报表.docx 表1 第3行第2列", "请只勾选一种推荐形式"),
				fd("F06", finding.Error, "事迹字数为96字，应为200字左右（100–300字）", "主要事迹", "税费窗口申报表.docx 表1 第7行第2列", "请将主要事迹补充至200字左右"),
				fd("F09", finding.Info, "曾受表彰奖励情况未填写", "曾受表彰奖励情况", "税费窗口申报表.docx 表1 第5行第2列", "没有表彰时请填写“无”"),
				fd("M05", finding.Error, "缺少集体或个人工作照片", "工作照片", "", "请补报1张集体或个人工作照片"),
				fd("P03", finding.Error, "推荐单位意见栏未盖章", "推荐单位", "扫描/税费窗口初审表.pdf 第1页", "请加盖推荐单位公章后重新扫描报送"),
			},
			Conclusion: finding.NeedsFix, Application: "✓ docx", Review: "仅扫描", Mail: mail1,
		},
		{
			WindowName: "企业开办专区", Unit: "鞍山市行政审批局", RecommendForms: []string{"联名(内部)举荐"},
			Staff:  []validate.Staff{person("孙志刚", "21030219821120003", "男", "1982-11-20"), person("周雪", "21038119950708002", "女", "1995-07-08"), person("吴磊", "21030319880101005", "男", "1988-01-01")},
			Honors: "2023年度省级青年文明号", DeedsChars: 231, ReviewRows: reviewRows(nil),
			Photos:  validate.Photos{Environment: []string{"专区环境.jpg", "专区环境2.jpg"}, Work: []string{"合影.jpg"}},
			Sources: []string{"收件箱.mbox › 第7封 › 企业开办专区.zip › 申报表.docx", "收件箱.mbox › 第7封 › 企业开办专区.zip › 专区环境.jpg"},
			Findings: []finding.Finding{
				fd("M06", finding.Review, "服务场所整体环境照片有2张，应为1张", "环境照片", "企业开办专区.zip", "请确认使用哪一张照片"),
				fd("S01", finding.Review, "派驻纪检监察部门意见栏盖章识别置信度低（0.62）", "派驻纪检监察部门意见", "扫描/企业开办初审表.pdf 第1页", "请人工核对印章"),
				fd("M10", finding.Info, "照片分辨率过低：合影.jpg 长边800像素", "工作照片", "企业开办专区.zip › 合影.jpg", ""),
			},
			Conclusion: finding.NeedsReview, Application: "✓ docx", Review: "电子版+扫描", Mail: mail2,
		},
		{
			WindowName: "工程建设项目审批窗口", Unit: "鞍山市行政审批局", RecommendForms: nil,
			Staff:  []validate.Staff{person("郑伟", "21030219770909001", "男", "1977-09-09"), {Name: "钱芳", IDMasked: "21030*********", Gender: "", Birth: "", ID: "21030X19"}},
			Honors: "无", DeedsChars: 205, ReviewRows: reviewRows(map[string]string{"分管领导意见": "缺签字 电子版", "主要领导意见": "缺日期 电子版"}),
			Photos:  validate.Photos{Environment: []string{"窗口.png"}, Work: []string{"服务.png"}},
			Sources: []string{"收件箱.mbox › 第9封 › 工程建设项目审批窗口申报表.doc"},
			Findings: []finding.Finding{
				fd("F02", finding.Error, "推荐形式未勾选", "推荐形式", "工程建设项目审批窗口申报表.doc 表1 第3行", "请勾选一种推荐形式"),
				fd("F04", finding.Error, "钱芳的身份证号码无效：位数不足18位", "身份证号码", "工程建设项目审批窗口申报表.doc 表1 第4行第2列", "请核对并填写正确的18位身份证号码"),
				fd("P02", finding.Error, "分管领导意见栏未签字", "分管领导意见", "工程建设项目审批窗口初审表.doc 表1 第4行", "请分管领导签字"),
				fd("P04", finding.Error, "主要领导意见栏日期未填写", "主要领导意见", "工程建设项目审批窗口初审表.doc 表1 第7行", "请填写签署日期"),
				fd("S04", finding.Error, "初审表只有电子版，没有签字盖章的扫描件", "初审表", "工程建设项目审批窗口初审表.doc", "请报送签字盖章后的初审表扫描件"),
				fd("F07", finding.Error, "主要事迹中保留了模板提示文字“（200字左右）”", "主要事迹", "工程建设项目审批窗口申报表.doc 表1 第7行第2列", "请删除模板提示文字"),
			},
			Conclusion: finding.NeedsFix, Application: "✓ doc", Review: "仅电子版", Mail: mail2,
		},
		{
			WindowName: "社保医保综合柜员窗口", Unit: "鞍山市铁东区政务服务中心", RecommendForms: []string{"群众共荐"},
			Staff:  []validate.Staff{person("冯娟", "21030219920330006", "女", "1992-03-30")},
			Honors: "无", DeedsChars: 198, ReviewRows: nil,
			Photos:  validate.Photos{},
			Sources: []string{"铁东区/社保医保申报表.pdf"},
			Findings: []finding.Finding{
				fd("M02", finding.Error, "申报表不是WORD格式：社保医保申报表.pdf", "申报表", "铁东区/社保医保申报表.pdf", "请报送WORD格式（.docx/.doc）的申报表"),
				fd("M03", finding.Error, "缺少初审表", "初审表", "", "请报送初审表及签字盖章的扫描件"),
				fd("M04", finding.Error, "缺少服务场所整体环境照片", "环境照片", "", "请补报1张服务场所整体环境照片"),
				fd("M05", finding.Error, "缺少集体或个人工作照片", "工作照片", "", "请补报1张集体或个人工作照片"),
			},
			Conclusion: finding.NeedsFix, Application: "PDF", Review: "缺", Mail: "铁东区/社保医保申报表.pdf",
		},
		{
			WindowName: "“办不成事”反映窗口", Unit: "鞍山市铁东区政务服务中心", RecommendForms: []string{"窗口自荐"},
			Staff:  []validate.Staff{person("陈晨", "21030219870818007", "女", "1987-08-18")},
			Honors: "2021年区级优秀窗口", DeedsChars: 176, ReviewRows: reviewRows(nil),
			Photos:  validate.Photos{Environment: []string{"环境照.jpg"}, Work: []string{"工作照.jpg"}},
			Sources: []string{"收件箱.mbox › 第12封 › 材料.zip › 申报表.docx"},
			Findings: []finding.Finding{
				fd("F08", finding.Info, "主要事迹中有半角标点“,”", "主要事迹", "材料.zip › 申报表.docx 表1 第7行第2列", "建议改为全角标点"),
				fd("M08", finding.Info, "重复申报：第10封的旧版本已被第12封的新版本替代", "申报表", "收件箱.mbox › 第10封 › 材料.zip › 申报表.docx", ""),
				fd("F06", finding.Info, "事迹字数为176字，略少于200字左右（160–240字）", "主要事迹", "材料.zip › 申报表.docx 表1 第7行第2列", ""),
			},
			Conclusion: finding.Compliant, Application: "✓ docx", Review: "电子版+扫描", Mail: mail1,
		},
	}
	inputs := []validate.Input{
		{Path: "收件箱.mbox", Kind: "邮箱", Status: "parsed", Size: 5242880, SHA256: "9f2c1d4e5b6a7988aabbccddeeff00112233445566778899aabbccddeeff0011", Name: "收件箱.mbox", Source: "收件箱.mbox"},
		{Path: "收件箱.mbox › 第3封 › 申报材料.zip › 申报表.docx", Kind: "申报表", Status: "parsed", Window: "不动产登记综合窗口", Size: 48213, SHA256: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", Name: "申报表.docx", Source: mail1},
		{Path: "收件箱.mbox › 第3封 › 签名.png", Kind: "其他", Status: "ignored", Reason: "邮件签名图片，不是申报材料", Size: 2048, SHA256: "11aa", Name: "签名.png", Source: mail1},
		{Path: "收件箱.mbox › 第5封 › 损坏.docx", Kind: "Word文档", Status: "failed", Reason: "文件已损坏：不是有效的ZIP文件", Size: 1234, SHA256: "22bb", Name: "损坏.docx", Source: mail1},
		{Path: "收件箱.mbox › 第10封 › 材料.zip › 申报表.docx", Kind: "申报表", Status: "superseded", Reason: "被第12封的新版本替代", Window: "“办不成事”反映窗口", Size: 40001, SHA256: "33cc", Name: "申报表.docx", Source: mail1},
		{Path: "扫描/记录.csv", Kind: "扫描记录", Status: "parsed", Size: 900, SHA256: "44dd", Name: "记录.csv", Source: "扫描/记录.csv"},
	}
	return &validate.Result{
		Profile:     "qingfeng-liaoning",
		GeneratedAt: time.Date(2024, 4, 12, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)),
		Title:       "鞍山市第二批“清风辽宁政务窗口”",
		Inputs:      inputs,
		Submissions: subs,
		Unattributed: []finding.Finding{
			fd("S03", finding.Review, "扫描记录“便民服务站”无法对应到任何窗口", "窗口名称", "扫描/记录.csv 第14行", "请核对扫描记录中的窗口名称"),
			fd("M09", finding.Error, "文件无法解析：损坏.docx（不是有效的ZIP文件）", "", "收件箱.mbox › 第5封 › 损坏.docx", "请重新发送该文件"),
		},
	}
}

// sampleOptions are the register options of the sample run.
func sampleOptions() RegisterOptions {
	return RegisterOptions{
		ProfileName: "qingfeng-liaoning", Title: "鞍山市第二批“清风辽宁政务窗口”",
		RegisterTitle: "鞍山市第二批“清风辽宁政务窗口”材料合规性审查登记表", ReviewRoles: testRoles,
		Issuer: "鞍山市营商环境建设局",
	}
}
