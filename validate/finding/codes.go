package finding

// Code describes one finding code of SPEC §3.
type Code struct {
	Code  string
	Level Level // the default level; F06 may be error or info
	Name  string
}

// Codes is the catalogue in SPEC order.
var Codes = []Code{
	{"M01", Error, "缺少申报表"},
	{"M02", Error, "申报表不是WORD格式"},
	{"M03", Error, "缺少初审表"},
	{"M04", Error, "缺少服务场所整体环境照片"},
	{"M05", Error, "缺少集体或个人工作照片"},
	{"M06", Review, "照片数量不符"},
	{"M07", Review, "照片类别无法判断"},
	{"M08", Info, "重复申报，旧版本已被替代"},
	{"M09", Error, "文件无法解析"},
	{"M10", Info, "照片分辨率过低"},
	{"F01", Error, "必填项为空"},
	{"F02", Error, "推荐形式未勾选"},
	{"F03", Review, "推荐形式勾选多项"},
	{"F04", Error, "身份证号码无效"},
	{"F05", Error, "人员姓名与身份证号码不对应"},
	{"F06", Error, "事迹字数偏离“200字左右”"},
	{"F07", Error, "模板提示文字未删除"},
	{"F08", Info, "文字质量问题"},
	{"F09", Info, "曾受表彰奖励情况未填写"},
	{"F10", Review, "表格结构与模板不符"},
	{"F11", Review, "同一身份证号码出现在多个窗口"},
	{"P01", Error, "意见栏未填写"},
	{"P02", Error, "未签字"},
	{"P03", Error, "未盖章"},
	{"P04", Error, "日期未填写或无效"},
	{"P05", Info, "日期晚于时间节点"},
	{"P06", Info, "日期先后顺序异常"},
	{"P07", Error, "初审表与申报表窗口名称或人员不一致"},
	{"P08", Error, "意见为否定性意见"},
	{"S01", Review, "扫描件盖章识别置信度低"},
	{"S02", Review, "扫描件与电子版不一致"},
	{"S03", Review, "扫描记录无法对应到窗口"},
	{"S04", Error, "初审表只有电子版，没有签字盖章的扫描件"},
	{"S05", Review, "扫描件无法识别表格"},
	{"R01", Review, "未列入行业实绩排序"},
	{"R02", Review, "排序表中的窗口未收到申报材料"},
	{"R03", Review, "排序表行无法对应或名次重复"},
	{"J01", Error, "部门联审反馈负面情况"},
	{"J02", Review, "部门联审结果未反馈"},
	{"J03", Review, "联审反馈无法对应人员"},
}

// officeCodes are findings for the office alone: what the departments
// reported on rankings and 联审 is never told to the window in its notice.
var officeCodes = map[string]bool{"R01": true, "R02": true, "R03": true, "J01": true, "J02": true, "J03": true}

// ForWindow reports whether a finding of code belongs in the window's
// 补正告知书: false for the office's own findings (rankings, 联审).
func ForWindow(code string) bool { return !officeCodes[code] }

// Lookup returns the catalogue entry for code.
func Lookup(code string) (Code, bool) {
	for _, c := range Codes {
		if c.Code == code {
			return c, true
		}
	}
	return Code{}, false
}
