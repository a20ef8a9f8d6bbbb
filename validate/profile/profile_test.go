package profile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadEmbedded(t *testing.T) {
	if got, want := Names(), []string{"qingfeng-liaoning", "zhengfeng-hangfeng"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	tests := []struct {
		name       string
		title      string
		rows       int
		firstRow   string
		lastDue    string
		fields     int
		options    []string
		bands      Bands
		publicity  int
		staffLabel string
	}{
		{"qingfeng-liaoning", "鞍山市第二批“清风辽宁政务窗口”评选", 7, "部门负责人意见", "2024-04-19", 7,
			[]string{"窗口自荐", "联名(内部)举荐", "领导推荐", "群众共荐"}, Bands{100, 300, 160, 240}, 3, "窗口人员姓名及身份证号码"},
		{"zhengfeng-hangfeng", "鞍山市2024年度“政风行风建设示范窗口”评选", 6, "科室负责人意见", "2024-05-31", 6,
			[]string{"单位推荐", "主管部门推荐", "群众推荐"}, Bands{120, 300, 150, 300}, 5, "工作人员及身份证号"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != tc.name || p.Title != tc.title {
				t.Errorf("name/title = %q/%q", p.Name, p.Title)
			}
			if len(p.ReviewRows) != tc.rows || len(p.Review.Rows) != tc.rows {
				t.Fatalf("rows = %d/%d, want %d", len(p.ReviewRows), len(p.Review.Rows), tc.rows)
			}
			if p.Review.Rows[0].Name != tc.firstRow || p.ReviewRows[tc.rows-1].Deadline != tc.lastDue {
				t.Errorf("first row %q, last deadline %q", p.Review.Rows[0].Name, p.ReviewRows[tc.rows-1].Deadline)
			}
			if len(p.Application.Fields) != tc.fields {
				t.Errorf("fields = %d, want %d", len(p.Application.Fields), tc.fields)
			}
			var opts []string
			for _, o := range p.Application.Options {
				opts = append(opts, o.Name)
			}
			if !reflect.DeepEqual(opts, tc.options) {
				t.Errorf("options = %v, want %v", opts, tc.options)
			}
			if p.Deeds != tc.bands || p.PublicityDays != tc.publicity {
				t.Errorf("bands %+v publicity %d", p.Deeds, p.PublicityDays)
			}
			staff := ""
			for _, f := range p.Application.Fields {
				if f.Key == "staff" {
					staff = f.Name
				}
			}
			if staff != tc.staffLabel {
				t.Errorf("staff label %q, want %q", staff, tc.staffLabel)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	p := Default()
	if p.Name != DefaultName || p.Photos.MinLongSide != 1024 || p.Photos.PerKind != 1 || p.Scans.MinConfidence != 0.8 {
		t.Fatalf("default profile: %+v %+v %+v", p.Name, p.Photos, p.Scans)
	}
	want := []string{"不同意", "不予推荐", "不推荐", "暂缓", "不符合", "否决"}
	if !reflect.DeepEqual(p.NegativeWords, want) {
		t.Errorf("negative words %v", p.NegativeWords)
	}
	if p.Review.Rows[5].Name != "推荐单位" || p.ReviewRows[5].Needs != "盖章" || p.ReviewRows[5].Stage != "recommend" {
		t.Errorf("推荐单位 row: %+v", p.ReviewRows[5])
	}
}

func TestLoadErrors(t *testing.T) {
	base, err := os.ReadFile("profiles/qingfeng-liaoning.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lineOfText := func(s string) int {
		for i, l := range strings.Split(string(base), "\n") {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
		t.Fatalf("%q not in profile", s)
		return 0
	}
	tests := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"unknown rule code", func(s string) string {
			return strings.Replace(s, "  disabled: []", "  disabled: [F01, F99]", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("  disabled: []")) + "行：未知的规则代码 F99"},
		{"unknown level code", func(s string) string {
			return strings.Replace(s, "  levels: {}", "  levels:\n    X01: info", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("  levels: {}")+1) + "行：未知的规则代码 X01"},
		{"unknown key", func(s string) string {
			return strings.Replace(s, "publicity_days: 3", "publicity_day: 3", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("publicity_days: 3")) + "行：未知的配置项 publicity_day"},
		{"malformed yaml", func(s string) string {
			return strings.Replace(s, "publicity_days: 3", "publicity_days: [3", 1)
		}, "配置文件 bad.yaml 第"},
		{"bad needs", func(s string) string {
			return strings.Replace(s, "    needs: 签字\n    stage: internal\n    deadline: \"2024-04-03\"\n  - name: 分管领导意见",
				"    needs: 签名\n    stage: internal\n    deadline: \"2024-04-03\"\n  - name: 分管领导意见", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("    needs: 签字")) + "行：needs 只能是“签字”或“盖章”，现为“签名”"},
		{"bad date", func(s string) string {
			return strings.Replace(s, `deadline: "2024-04-19"`, `deadline: "2024-04-31"`, 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText(`deadline: "2024-04-19"`)) + "行：deadline 不是有效日期（格式 2024-04-03）：2024-04-31"},
		{"bands out of order", func(s string) string {
			return strings.Replace(s, "info_min: 160", "info_min: 60", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("deeds:")+1) + "行：事迹字数区间顺序不对"},
		{"required key that is no field", func(s string) string {
			return strings.Replace(s, "required: [window_name, unit,", "required: [window_name, units,", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("required: [window_name")) + "行：required 中的字段 units 不在 application.fields 中"},
		{"duplicate field key", func(s string) string {
			return strings.Replace(s, "    - key: unit\n", "    - key: window_name\n", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("    - key: unit")) + "行：申报表字段 key 重复：window_name"},
		{"unknown level word", func(s string) string {
			return strings.Replace(s, "  levels: {}", "  levels:\n    F06: severe", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("  levels: {}")+1) + "行：级别只能是 error、review 或 info，现为“severe”"},
		{"confidence above 1", func(s string) string {
			return strings.Replace(s, "min_confidence: 0.8", "min_confidence: 80", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("min_confidence: 0.8")) + "行：scans.min_confidence 应在 0 到 1 之间"},
		{"negative max_length", func(s string) string {
			return strings.Replace(s, "      max_length: 50", "      max_length: -5", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("      max_length: 50")) + "行：max_length 不能为负数"},
		{"department without a name", func(s string) string {
			return strings.Replace(s, "    - name: 市直机关工委", "    - name: \"\"", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("    - name: 市直机关工委")) + "行：联审部门缺少 name"},
		{"missing title", func(s string) string {
			return strings.Replace(s, "title: 鞍山市第二批“清风辽宁政务窗口”评选\n", "", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("name: qingfeng-liaoning")) + "行：缺少 title（评选活动名称"},
		{"wrong type", func(s string) string {
			return strings.Replace(s, "publicity_days: 3", "publicity_days: 三天", 1)
		}, "配置文件 bad.yaml 第" + itoa(lineOfText("publicity_days: 3")) + "行：值的类型不对"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.yaml")
			if err := os.WriteFile(path, []byte(tc.edit(string(base))), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := Load(path)
			if err == nil || p != nil {
				t.Fatalf("Load = %v, %v; want an error", p, err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n got %s\nwant %s…", err, tc.want)
			}
		})
	}
	if p, err := Load("zhengfeng-hangfeng.yaml"); err != nil || p.Name != "zhengfeng-hangfeng" {
		t.Errorf("embedded name with .yaml: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "找不到这个文件") || strings.Contains(err.Error(), "no such") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load("no-such-campaign"); err == nil || !strings.Contains(err.Error(), "没有名为“no-such-campaign”的内置配置") {
		t.Errorf("unknown name: %v", err)
	}
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n))
}

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestShowRoundTrip(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			p, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := p.Show(&buf); err != nil {
				t.Fatal(err)
			}
			q, err := Parse("shown.yaml", buf.Bytes())
			if err != nil {
				t.Fatalf("reparse: %v\n%s", err, buf.String())
			}
			var again bytes.Buffer
			if err := q.Show(&again); err != nil {
				t.Fatal(err)
			}
			if again.String() != buf.String() {
				t.Errorf("round trip differs:\n%s\n---\n%s", buf.String(), again.String())
			}
			if !reflect.DeepEqual(p.Review.Rows, q.Review.Rows) || !reflect.DeepEqual(p.ReviewRows, q.ReviewRows) ||
				!reflect.DeepEqual(p.Application.Fields, q.Application.Fields) || p.Deeds != q.Deeds {
				t.Errorf("round trip changed the rows, fields or bands")
			}
			if !strings.Contains(buf.String(), "name: "+name) {
				t.Errorf("show output lacks the name:\n%s", buf.String())
			}
		})
	}
}
