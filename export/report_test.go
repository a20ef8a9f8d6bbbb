package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/validate"
	"shenbao/validate/finding"
)

// samplePrevious is the run before sampleResult: 税费综合窗口 also had a bad
// ID number (fixed since) and a differently worded 事迹 message (still
// open); 不动产登记综合窗口 lacked its 环境照片; 社保医保综合柜员窗口 had
// not arrived; 便民服务窗口 has gone since.
func samplePrevious() *validate.Result {
	prev := sampleResult()
	prev.GeneratedAt = time.Date(2024, 4, 8, 17, 0, 0, 0, time.FixedZone("CST", 8*3600))
	prev.Inputs = prev.Inputs[2:4]
	var subs []validate.Submission
	for _, s := range prev.Submissions {
		switch s.WindowName {
		case "社保医保综合柜员窗口":
			continue
		case "税费综合窗口":
			s.Findings = append([]finding.Finding{
				fd("F04", finding.Error, "赵敏的身份证号码校验位错误", "身份证号码", "税费窗口申报表.docx 表1 第4行第2列", "请核对身份证号码"),
			}, s.Findings...)
			s.Findings[2].Message = "主要事迹只有96字"
		case "不动产登记综合窗口":
			s.Findings = []finding.Finding{fd("M04", finding.Error, "缺少服务场所整体环境照片", "环境照片", "", "请补报1张服务场所整体环境照片")}
			s.Conclusion = finding.NeedsFix
		}
		subs = append(subs, s)
	}
	subs = append(subs, validate.Submission{WindowName: "便民服务窗口", Unit: "鞍山市行政审批局", Conclusion: finding.NeedsFix,
		Findings: []finding.Finding{fd("M03", finding.Error, "缺少初审表", "初审表", "", "")}})
	prev.Submissions = subs
	return prev
}

func sampleReportOptions() ReportOptions {
	return ReportOptions{
		Title:    "鞍山市第二批“清风辽宁政务窗口”",
		Issuer:   "鞍山市“清风辽宁政务窗口”评选工作办公室",
		Deadline: "2024年4月19日前",
	}
}

// docxText is the text of a written .docx: one paragraph a line, table
// cells joined by " | ".
func docxText(t *testing.T, path string) string {
	doc := documentXML(t, path)
	doc = strings.ReplaceAll(doc, "</w:p></w:tc>", " | ")
	doc = strings.ReplaceAll(doc, " | </w:tr>", "\n")
	return plainText(doc)
}

func TestReportGolden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		previous bool
	}{{"report.golden", false}, {"report_previous.golden", true}} {
		t.Run(tc.name, func(t *testing.T) {
			res := sampleResult()
			if tc.previous {
				res.Changes = validate.Compare(samplePrevious(), res)
			}
			path := filepath.Join(t.TempDir(), "审查情况报告.docx")
			if err := WriteReport(path, res, sampleReportOptions()); err != nil {
				t.Fatal(err)
			}
			got := docxText(t, path)
			golden(t, tc.name, got)
			// Compared with the previous run, one window needing a fix has
			// nothing new to ask and gets no second notice (see
			// TestWriteNoticesCompared): next steps must not promise it one.
			if stands := strings.Contains(got, "另有1个的前次告知书仍然有效"); stands != tc.previous {
				t.Errorf("next steps say the earlier notice stands: %v, want %v", stands, tc.previous)
			}
			// The document says what BuildReport says, and no placeholder
			// is left.
			want := BuildReport(res, sampleReportOptions()).Text()
			if strings.Contains(got, "{{") {
				t.Errorf("placeholder left in report:\n%s", got)
			}
			for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
				if !strings.Contains(got, line) {
					t.Errorf("report lacks %q", line)
				}
			}
			again := filepath.Join(t.TempDir(), "again.docx")
			if err := WriteReport(again, res, sampleReportOptions()); err != nil {
				t.Fatal(err)
			}
			a, _ := os.ReadFile(path)
			b, _ := os.ReadFile(again)
			if !bytes.Equal(a, b) {
				t.Error("two reports of the same run differ")
			}
		})
	}
}

// TestReportNamesCodes: a leader reads names, not codes.
func TestReportNamesCodes(t *testing.T) {
	res := sampleResult()
	res.Changes = validate.Compare(samplePrevious(), res)
	text := BuildReport(res, sampleReportOptions()).Text()
	for _, c := range finding.Codes {
		if strings.Contains(text, c.Code) {
			t.Errorf("report shows code %s without its name:\n%s", c.Code, text)
		}
	}
}
