package dept

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"shenbao/parser/table"
)

type testSpec struct {
	Rankings RankingSpec `yaml:"rankings"`
	Joint    JointSpec   `yaml:"joint_review"`
}

func loadSpec(t testing.TB) testSpec {
	t.Helper()
	data, err := os.ReadFile("testdata/spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var s testSpec
	if err := yaml.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func sheet(name string, rows ...string) table.Sheet {
	s := table.Sheet{Name: name}
	for _, r := range rows {
		if r == "" {
			s.Rows = append(s.Rows, nil)
			continue
		}
		s.Rows = append(s.Rows, strings.Split(r, "|"))
	}
	return s
}

// TestRankingHeaders reads rankings whose header sits anywhere and is
// worded differently.
func TestRankingHeaders(t *testing.T) {
	spec := loadSpec(t).Rankings
	tests := []struct {
		name   string
		source string
		sheet  table.Sheet
		dept   string
		from   string
		header int
		rows   []RankRow
	}{
		{"plain header on row 1, department from the file name", "导出/市税务局实绩排序.csv",
			sheet("CSV", "序号|窗口名称|所属单位|得分", "1|税务综合服务窗口|市税务局|98"),
			"市税务局", "文件名", 1, []RankRow{{Line: 2, RankText: "1", Rank: 1, Window: "税务综合服务窗口", Unit: "市税务局", Score: "98"}}},
		{"title row, then two-row header, rank column beside 序号", "x.xlsx",
			sheet("Sheet1", "鞍山市公安局窗口工作实绩排序表|鞍山市公安局窗口工作实绩排序表", "", "序号|参评窗口|参评窗口|名次|备注", "序号|窗口名称|所属单位|名次|备注",
				"1|户籍业务窗口|铁东区公安分局|第2名|", "2|出入境证件办理窗口|出入境管理支队|一|优秀"),
			"鞍山市公安局", "标题", 4, []RankRow{
				{Line: 5, RankText: "第2名", Rank: 2, Window: "户籍业务窗口", Unit: "铁东区公安分局"},
				{Line: 6, RankText: "一", Rank: 1, Window: "出入境证件办理窗口", Unit: "出入境管理支队", Note: "优秀"}}},
		{"spaced and bracketed header words, department from the sheet name", "排序.xls",
			sheet("市人社局", "排 名|窗口名称（全称）|分数（百分制）", "1|就业创业服务窗口|95.5", "填表人：张三|填表人：张三|填表人：张三", "排名|窗口名称|分数", "2|社保医保综合窗口|90"),
			"市人社局", "工作表名称", 1, []RankRow{
				{Line: 2, RankText: "1", Rank: 1, Window: "就业创业服务窗口", Score: "95.5"},
				{Line: 5, RankText: "2", Rank: 2, Window: "社保医保综合窗口", Score: "90"}}},
		{"attachment prefix and year in the title", "a.docx",
			sheet("表1", "附件2：国家税务总局鞍山市税务局2024年度窗口排名", "名次|窗口", "1|税务综合服务窗口"),
			"国家税务总局鞍山市税务局", "标题", 2, []RankRow{{Line: 3, RankText: "1", Rank: 1, Window: "税务综合服务窗口"}}},
		{"no department anywhere", "排序.csv",
			sheet("CSV", "名次|窗口名称", "1|综合受理窗口"),
			"", "", 1, []RankRow{{Line: 2, RankText: "1", Rank: 1, Window: "综合受理窗口"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := ReadRankings(tc.source, &table.Book{Sheets: []table.Sheet{tc.sheet}}, spec)
			if len(rs) != 1 {
				t.Fatalf("%d rankings, want 1", len(rs))
			}
			r := rs[0]
			if r.Department != tc.dept || r.DepartmentFrom != tc.from || r.HeaderRow != tc.header {
				t.Errorf("department %q from %q header %d, want %q from %q header %d", r.Department, r.DepartmentFrom, r.HeaderRow, tc.dept, tc.from, tc.header)
			}
			if !reflect.DeepEqual(r.Rows, tc.rows) {
				t.Errorf("rows\n got %+v\nwant %+v", r.Rows, tc.rows)
			}
		})
	}
}

// TestNotRanking: forms, scan metadata and 联审 rosters are no rankings.
func TestNotRanking(t *testing.T) {
	spec := loadSpec(t).Rankings
	for _, s := range []table.Sheet{
		sheet("扫描", "窗口名称|文件|页码|栏目|签字|盖章|日期", "税务综合服务窗口|a.jpg|1|推荐单位|是|是|2024-04-08"),
		sheet("表1", "窗口名称|税务综合服务窗口", "所属单位（部门）|市税务局", "推荐形式|☑窗口自荐"),
		sheet("联审名单", "窗口名称|所属单位|姓名|身份证号码", "税务综合服务窗口|市税务局|郑爽|210304********2871"),
	} {
		if LooksLikeRanking(&table.Book{Sheets: []table.Sheet{s}}, spec) {
			t.Errorf("sheet %q taken for a ranking", s.Name)
		}
	}
	yes := sheet("Sheet1", "鞍山市民政局窗口实绩排序", "序号|窗口名称|所属单位", "1|民生服务窗口|台安县")
	if !LooksLikeRanking(&table.Book{Sheets: []table.Sheet{yes}}, spec) {
		t.Errorf("a 序号 table titled 实绩排序 not taken for a ranking")
	}
}

// TestJointColumns assigns result columns to departments.
func TestJointColumns(t *testing.T) {
	spec := loadSpec(t)
	type ret struct {
		dept  string
		known bool
		texts []string
	}
	tests := []struct {
		name   string
		source string
		sheet  table.Sheet
		want   []ret
		probs  int
	}{
		{"the department's own column, named by the title", "反馈.xlsx",
			sheet("Sheet1", "鞍山市公安局联审反馈", "姓名|身份证号码|窗口名称|违法犯罪记录", "郑爽|210304199104052871|税务综合服务窗口|无", "卢静|210302199007252881|户籍业务窗口|"),
			[]ret{{"市公安局", true, []string{"无", ""}}}, 0},
		{"a copy of the whole roster: only the filled column counts, the file names the sender", "联审名单（市信访局反馈）.xlsx",
			sheet("联审名单", "窗口名称|所属单位|姓名|身份证号码|性别|市直机关工委|市信访局|市公安局", "税务综合服务窗口|市税务局|郑爽|210304********2871|女||有1件信访举报，已办结|"),
			[]ret{{"市信访局", true, []string{"有1件信访举报，已办结"}}}, 0},
		{"unfilled return: the sender's blank column is kept", "市法院.csv",
			sheet("CSV", "窗口名称|姓名|涉诉情况", "税务综合服务窗口|郑爽|"),
			[]ret{{"市法院", true, []string{""}}}, 0},
		{"generic result header with an unknown department", "x.docx",
			sheet("表1", "鞍山市审计局核查情况", "姓名|窗口名称|核查结果", "郑爽|税务综合服务窗口|未发现"),
			[]ret{{"鞍山市审计局", false, []string{"未发现"}}}, 0},
		{"nothing names the department and no column is filled", "名单.xlsx",
			sheet("Sheet1", "姓名|窗口名称|意见", "郑爽|税务综合服务窗口|"),
			nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs, probs := ReadJoint(tc.source, &table.Book{Sheets: []table.Sheet{tc.sheet}}, spec.Joint, spec.Rankings)
			var got []ret
			for _, r := range rs {
				g := ret{r.Department, r.Known, nil}
				for _, row := range r.Rows {
					g.texts = append(g.texts, row.Text)
				}
				got = append(got, g)
			}
			if !reflect.DeepEqual(got, tc.want) || len(probs) != tc.probs {
				t.Errorf("got %+v, problems %v; want %+v, %d problems", got, probs, tc.want, tc.probs)
			}
		})
	}
}

func TestDepartmentKey(t *testing.T) {
	spec := loadSpec(t).Joint
	for _, s := range []string{"鞍山市公安局", "市公安局", "公安局", "辽宁省鞍山市公安局", "鞍山市 公安局"} {
		if k := DepartmentKey(s); k != "公安局" {
			t.Errorf("DepartmentKey(%q) = %q", s, k)
		}
		if d, ok := FindDepartment(s+"反馈", spec.Departments); !ok || d.Name != "市公安局" {
			t.Errorf("FindDepartment(%q) = %v %v", s, d.Name, ok)
		}
	}
	if d, ok := FindDepartment("鞍山市中级人民法院", spec.Departments); !ok || d.Name != "市法院" {
		t.Errorf("中级人民法院 → %q %v", d.Name, ok)
	}
	if _, ok := FindDepartment("鞍山市公交公司", spec.Departments); ok {
		t.Errorf("公交公司 taken for a department")
	}
}

func TestParseRank(t *testing.T) {
	for in, want := range map[string]int{"1": 1, "3.0": 3, "第2名": 2, "并列3": 3, "三": 3, "第十二": 12, "二十": 20, "２": 2, "": 0, "优秀": 0, "0": 0, "-1": 0} {
		if got := ParseRank(in); got != want {
			t.Errorf("ParseRank(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestFixtures reads the real files of parser/table's testdata.
func TestFixtures(t *testing.T) {
	spec := loadSpec(t)
	tests := []struct {
		file, dept string
		windows    []string
	}{
		{"merged.xlsx", "鞍山市公安局", []string{"出入境证件办理窗口", "车驾管业务窗口", "户籍业务窗口"}},
		{"ranking.docx", "鞍山市人力资源和社会保障局", []string{"就业创业服务窗口", "社保医保综合窗口"}},
		{"gbk.csv", "鞍山市税务局", []string{"税务综合服务窗口", "办税服务厅，一号窗口"}},
	}
	for _, tc := range tests {
		data, err := os.ReadFile(filepath.Join("..", "table", "testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		b, err := table.Read(tc.file, data, table.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		rs := ReadRankings(tc.file, b, spec.Rankings)
		if len(rs) != 1 || rs[0].Department != tc.dept {
			t.Fatalf("%s: %+v", tc.file, rs)
		}
		var got []string
		for _, r := range rs[0].Rows {
			got = append(got, r.Window)
		}
		if !reflect.DeepEqual(got, tc.windows) {
			t.Errorf("%s: windows %q, want %q", tc.file, got, tc.windows)
		}
	}
}
