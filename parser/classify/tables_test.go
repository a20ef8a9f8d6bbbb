package classify

import (
	"regexp"
	"strings"
	"testing"

	"shenbao/parser/intake"
	"shenbao/parser/problem"
	"shenbao/parser/scan"
	"shenbao/parser/table"
)

// TestTables checks rankings and 联审 returns: given under their flags, and
// a ranking found among the mailbox's attachments, told apart from forms
// and scan metadata by content.
func TestTables(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	tests := []struct {
		name     string
		file     string
		as       string // "rankings", "joint" or "" (a mailbox attachment)
		scan     bool
		kind     Kind
		status   intake.Status
		rankings int
		joint    int
	}{
		{"xls ranking under --rankings", "../../samples/rankings/市公安局_窗口实绩排序.xls", "rankings", false, Ranking, intake.Parsed, 1, 0},
		{"docx ranking under --rankings", "../../samples/rankings/人社局实绩排序.docx", "rankings", false, Ranking, intake.Parsed, 1, 0},
		{"GBK csv ranking under --rankings", "../../samples/rankings/鞍山市税务局实绩排序.csv", "rankings", false, Ranking, intake.Parsed, 1, 0},
		{"xlsx ranking attached to a mail", "../../samples/rankings/营商局_政务服务中心窗口排序.xlsx", "", false, Ranking, intake.Parsed, 1, 0},
		{"Word ranking attached to a mail", "../../samples/rankings/人社局实绩排序.docx", "", false, Ranking, intake.Parsed, 1, 0},
		{"a 联审 return attached to a mail stays a spreadsheet", "../../samples/joint/市营商局投诉情况.xlsx", "", false, Ignored, intake.Ignored, 0, 0},
		{"scan metadata is no ranking", "../../samples/scans/扫描记录_第三批.xlsx", "", true, ScanMetadata, intake.Parsed, 0, 0},
		{"a 申报表 is no ranking", "../../samples/forms/税务综合服务窗口/申报表.docx", "", false, Application, intake.Parsed, 0, 0},
		{"a form under --rankings is ignored", "../../samples/forms/税务综合服务窗口/申报表.docx", "rankings", false, Ignored, intake.Ignored, 0, 0},
		{"xls return under --joint-review", "../../samples/joint/市法院涉诉情况.xls", "joint", false, JointReturn, intake.Parsed, 0, 1},
		{"docx return under --joint-review", "../../samples/joint/信访局反馈.docx", "joint", false, JointReturn, intake.Parsed, 0, 1},
		{"a photo under --joint-review fails, still listed as a 联审 return", "../../samples/forms/税务综合服务窗口/环境照片.jpg", "joint", false, JointReturn, intake.Failed, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := File(Input{Name: tc.file, Data: readFile(t, tc.file), Scan: tc.scan, Rankings: tc.as == "rankings", Joint: tc.as == "joint"}, s)
			if r.Kind != tc.kind || r.Verdict.Status != tc.status || len(r.Rankings) != tc.rankings || len(r.Joint) != tc.joint {
				t.Errorf("kind %s status %s (%s), %d rankings, %d returns; want %s %s %d %d",
					r.Kind, r.Verdict.Status, r.Verdict.Reason, len(r.Rankings), len(r.Joint), tc.kind, tc.status, tc.rankings, tc.joint)
			}
			if r.Verdict.Status != intake.Parsed && r.Verdict.Reason == "" {
				t.Errorf("no reason for the clerk")
			}
		})
	}
}

// TestTableUnreadable: a ranking or 联审 return that cannot be read is
// failed with the reason, and keeps the kind the clerk gave it.
func TestTableUnreadable(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	xls := readFile(t, "../../samples/rankings/市公安局_窗口实绩排序.xls")
	for _, tc := range []struct {
		rankings bool
		kind     Kind
	}{{true, Ranking}, {false, JointReturn}} {
		r := File(Input{Name: "排序.xls", Data: xls[:2000], Rankings: tc.rankings, Joint: !tc.rankings}, s)
		if r.Kind != tc.kind || r.Verdict.Status != intake.Failed || !strings.Contains(r.Verdict.Reason, "已损坏") {
			t.Errorf("kind %s status %s reason %q; want %s failed as damaged", r.Kind, r.Verdict.Status, r.Verdict.Reason, tc.kind)
		}
	}
}

// TestTableReasons: the table reader's English errors and typed warnings
// become the clerk's Chinese here, naming the cause, with no English left.
func TestTableReasons(t *testing.T) {
	xls := readFile(t, "../../samples/rankings/市公安局_窗口实绩排序.xls")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"照片.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), "表格无法读取：不是表格文件"},
		{"排序.xls", xls[:2000], "表格无法读取：Office 97-2003 格式的文件已损坏或不完整"},
		{"排序.xls", xls[:len(xls)/2], "表格无法读取：Office 97-2003 格式的文件已损坏或不完整"},
	}
	latin := regexp.MustCompile(`[A-Za-z]{4,}`)
	for _, tc := range tests {
		_, err := table.Read(tc.name, tc.data, table.Limits{})
		if err == nil {
			t.Fatalf("%s read", tc.name)
		}
		got := reasonTable(err)
		if !strings.HasPrefix(got, tc.want) || latin.MatchString(strings.ReplaceAll(got, "Office", "")) {
			t.Errorf("%s: reason %q, want %q… in Chinese", tc.name, got, tc.want)
		}
	}
	ws := []problem.Problem{{Code: problem.TableCut, Where: "Sheet1", Detail: "more than 100000 rows"}, {Code: problem.RowSkipped, Where: "line 7"}}
	if got, want := withWarnings("实绩排序表，3 个窗口", ws), "实绩排序表，3 个窗口；读取时发现问题：表格过大（行、列或单元格过多），超出部分未读取；表格中有行无法解析，已跳过"; got != want {
		t.Errorf("withWarnings = %q, want %q", got, want)
	}
	if got := withWarnings("实绩排序表", nil); got != "实绩排序表" {
		t.Errorf("withWarnings without warnings = %q", got)
	}
}

// TestMetadataReasons: scan metadata that cannot be used gets the clerk's
// Chinese, made here from scan's typed errors and naming the file.
func TestMetadataReasons(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"扫描记录.csv", "序号,备注\n1,无\n", "扫描记录 扫描记录.csv：找不到表头（需要“窗口名称”“栏目”两列"},
		{"扫描记录.json", `{"records": 3`, "扫描记录 扫描记录.json：JSON格式无法识别"},
		{"扫描记录.xlsx", "PK\x03\x04 xl/workbook.xml garbage", "扫描记录 扫描记录.xlsx：XLSX文件无法打开（文件已损坏"},
		{"扫描.bin", "\x00\x01\x02窗口名称,栏目", "扫描记录 扫描.bin：不是文本表格"},
	}
	latin := regexp.MustCompile(`[A-Za-z]{5,}`)
	for _, tc := range tests {
		_, _, err := scan.Read(tc.name, []byte(tc.data))
		if err == nil {
			t.Fatalf("%s read", tc.name)
		}
		got := reasonMetadata(err)
		if !strings.HasPrefix(got, tc.want) || latin.MatchString(strings.ReplaceAll(got, "records", "")) {
			t.Errorf("%s: reason %q, want %q… in Chinese", tc.name, got, tc.want)
		}
	}
}
