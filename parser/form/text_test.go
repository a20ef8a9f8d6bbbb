package form

import (
	"reflect"
	"testing"
	"time"
)

func TestNormalizeLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"窗口名称", "窗口名称"},
		{"窗 口 名 称", "窗口名称"},
		{"窗\u3000口\u3000名\u3000称：", "窗口名称"},
		{"主要事迹\n（200字左右）", "主要事迹(200字左右)"},
		{"主要事迹（２００字左右）", "主要事迹(200字左右)"},
		{"所属单位(部门):", "所属单位(部门)"},
		{"所属单位【部门】：：", "所属单位(部门)"},
		{" \t组织（人事）部门意见\r\n", "组织(人事)部门意见"},
		{"", ""},
		{"窗口名称:", "窗口名称"},
		{"窗口[名称]", "窗口(名称)"},
		{"ＡＢ", "AB"},
		{"窗口\xff名称", "窗口\uFFFD名称"}, // invalid UTF-8 is replaced as range replaces it
		{"窗口\uFFFD名称", "窗口\uFFFD名称"},
		{"\ufeff窗口\u200b名称\u00a0", "窗口名称"},
	}
	for _, tc := range tests {
		if got := NormalizeLabel(tc.in); got != tc.want {
			t.Errorf("NormalizeLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{""}},
		{"窗口名称：甲", []string{"窗口名称：甲"}},
		{"窗口名称：甲 乙", []string{"窗口名称：甲 乙"}}, // one space is no gap
		{"窗口名称：甲\u3000乙", []string{"窗口名称：甲\u3000乙"}},
		{"窗口名称：甲  所属单位：乙", []string{"窗口名称：甲", "所属单位：乙"}},
		{"窗口名称：甲\u3000\u3000所属单位：乙", []string{"窗口名称：甲", "所属单位：乙"}},
		{"甲\t乙", []string{"甲", "乙"}}, // a lone tab is a gap
		{"甲 \t\u3000乙", []string{"甲", "乙"}},
		{"  甲  ", []string{"", "甲", ""}},
		{"甲 乙  丙\t丁", []string{"甲 乙", "丙", "丁"}},
	}
	for _, tc := range tests {
		if got := segments(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("segments(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHeadOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"分管领导意见\n同意", "分管领导意见"},
		{"  分管领导意见\n同意\n", "分管领导意见"},
		{"分管领导意见\n  ", ""},
		{"所属单位\u3000\u3000鞍山市", "所属单位"},
		{"所属单位\t鞍山市", "所属单位"},
		{"所属单位 鞍山市", ""},
		{"所属单位  ", ""},
	}
	for _, tc := range tests {
		if got := headOf(tc.in); got != tc.want {
			t.Errorf("headOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"市民中心不动产登记窗口", "市民中心不动产登记窗口"},
		{" 市民中心 不动产登记窗口\n", "市民中心不动产登记窗口"},
		{"“企业开办”一窗通办窗口", "企业开办一窗通办窗口"},
		{"鞍山市（铁东区）社保窗口", "鞍山市(铁东区)社保窗口"},
		{"ＡＢＣ—窗口·一", "ABC窗口一"},
		{"企业登记注册的窗口", "企业登记注册的窗口"},
		{"12345热线窗口", "12345热线窗口"},
	}
	for _, tc := range tests {
		if got := NormalizeName(tc.in); got != tc.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in          string
		want        time.Time
		ok, present bool
	}{
		{"2024年4月2日", d(2024, 4, 2), true, true},
		{"2024年04月02日", d(2024, 4, 2), true, true},
		{"2024 年 4 月 2 日", d(2024, 4, 2), true, true},
		{"２０２４年４月２日", d(2024, 4, 2), true, true},
		{"2024.4.2", d(2024, 4, 2), true, true},
		{"2024．4．12", d(2024, 4, 12), true, true},
		{"2024-04-02", d(2024, 4, 2), true, true},
		{"2024/4/2", d(2024, 4, 2), true, true},
		{"二〇二四年四月二日", d(2024, 4, 2), true, true},
		{"二零二四年十月十一日", d(2024, 10, 11), true, true},
		{"二○二四年四月二十一日", d(2024, 4, 21), true, true},
		{"二〇二四年十二月三十日", d(2024, 12, 30), true, true},
		{"二〇二四年四月二十日", d(2024, 4, 20), true, true},
		{"X年X月X日", time.Time{}, false, false},
		{"x年x月x日", time.Time{}, false, false},
		{"年 月 日", time.Time{}, false, false},
		{"    年   月   日", time.Time{}, false, false},
		{"", time.Time{}, false, false},
		{"同意推荐", time.Time{}, false, false},
		{"2024年2月30日", time.Time{}, false, true},
		{"2024年4月2号", time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC), true, true},
		{"4月2日", time.Time{}, false, true},
		{"四月二日", time.Time{}, false, true},
		{"2024年13月1日", time.Time{}, false, true},
		{"2024.2.30", time.Time{}, false, true},
		{"2024年 月 日", time.Time{}, false, true},
		{"2024年4月", time.Time{}, false, true},
		{"二〇二四年四月三十二日", time.Time{}, false, true},
		{"24年4月2日", time.Time{}, false, true},
	}
	for _, tc := range tests {
		got, ok, present := ParseDate(tc.in)
		if !got.Equal(tc.want) || ok != tc.ok || present != tc.present {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want %v, %v, %v", tc.in, got, ok, present, tc.want, tc.ok, tc.present)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct {
		in, text    string
		ok, present bool
	}{
		{"同意推荐。\n签字：\n2024年4月2日", "2024年4月2日", true, true},
		{"同意推荐。\n（盖章）\n    年   月   日", "年   月   日", false, false},
		{"同意。\n签字：张三\nX年X月X日", "X年X月X日", false, false},
		{"2023年被评为先进，同意。\n2024.4.8", "2024.4.8", true, true},
		{"同意。 2024年4月2日\n年 月 日", "2024年4月2日", true, true},
		{"同意推荐", "", false, false},
	}
	for _, tc := range tests {
		sp, found := findDate(tc.in)
		if sp.text != tc.text || sp.ok != tc.ok || sp.present != tc.present || found != (tc.text != "") {
			t.Errorf("findDate(%q) = %+v, %v; want %q ok=%v present=%v", tc.in, sp, found, tc.text, tc.ok, tc.present)
		}
	}
}

func TestParseStaff(t *testing.T) {
	const a, b = "210302198503121234", "21030219900101567X"
	tests := []struct {
		name, in string
		want     []Person
	}{
		{"inline with 、", "张三 " + a + "、李四 " + b, []Person{{"张三", a}, {"李四", b}}},
		{"one per line", "张三  " + a + "\n李四  " + b, []Person{{"张三", a}, {"李四", b}}},
		{"labelled", "姓名：张三 身份证号：" + a + "\n姓名：李四 身份证号码：" + b, []Person{{"张三", a}, {"李四", b}}},
		{"id first", a + " 张三；" + b + " 李四", []Person{{"张三", a}, {"李四", b}}},
		{"sub-table", "姓名\t身份证号码\n张三\t" + a + "\n李四\t" + b, []Person{{"张三", a}, {"李四", b}}},
		{"separators", "张三" + a + "，李四," + b + ";王五;" + a, []Person{{"张三", a}, {"李四", b}, {"王五", a}}},
		{"two lists", "姓名：张三、李四\n身份证号码：" + a + "、" + b, []Person{{"张三", a}, {"李四", b}}},
		{"numbers then names", a + "\n" + b + "\n张三\n李四", []Person{{"张三", a}, {"李四", b}}},
		{"lower x", "李四 21030219900101567x", []Person{{"李四", b}}},
		{"full-width digits", "张三 ２１０３０２１９８５０３１２１２３４", []Person{{"张三", a}}},
		{"grouped digits", "张三 2103 0219 8503 1212 34", []Person{{"张三", a}}},
		{"names spaced to line up", "姓名\t身份证号码\n刘  洋\t" + a + "\n陈静\t" + b, []Person{{"刘洋", a}, {"陈静", b}}},
		{"three characters spaced", "张 三 丰 " + a, []Person{{"张三丰", a}}},
		{"grouped 6-4-4-4", "王五：210302 1985 0312 1234", []Person{{"王五", a}}},
		{"grouped with X", "李四 210302 1990 0101 567X", []Person{{"李四", b}}},
		{"two numbers side by side stay apart", "张三 " + a + " " + b, []Person{{"张三", a}, {"", b}}},
		{"a short number before an id is not glued on", "第2 张三 " + a, []Person{{"张三", a}}},
		{"name without id", "张三 " + a + "、林晓东", []Person{{"张三", a}, {"林晓东", ""}}},
		{"id without name", a, []Person{{"", a}}},
		{"wrong length kept", "张三 21030219850312123", []Person{{"张三", "21030219850312123"}}},
		{"minority name", "阿依古丽·买买提 " + a, []Person{{"阿依古丽·买买提", a}}},
		{"remark in brackets", "张三（科长）" + a, []Person{{"张三", a}}},
		{"phone is not an id", "张三 13904121234", []Person{{"张三", ""}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ParseStaff(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseStaff(%q)\n got %v\nwant %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestReadOptionsText checks which option a box or tick belongs to in the
// layouts offices type (the reader has already turned boxes into ☑/☐).
func TestReadOptionsText(t *testing.T) {
	s := loadSpecs(t, "qingfeng-liaoning")
	tests := []struct {
		in   string
		want []string
	}{
		{"窗口自荐　联名（内部）举荐　领导推荐√　群众共荐", []string{"领导推荐"}},
		{"窗口自荐 联名（内部）举荐√ 领导推荐 群众共荐", []string{"联名(内部)举荐"}},
		{"领导推荐", []string{"领导推荐"}},
		{"窗口自荐（√）", []string{"窗口自荐"}},
		{"窗口自荐（ ）联名（内部）举荐（√）领导推荐（ ）群众共荐（ ）", []string{"联名(内部)举荐"}},
		{"1.窗口自荐 ☑ 2.联名（内部）举荐 ☐ 3.领导推荐 ☐ 4.群众共荐 ☐", []string{"窗口自荐"}},
		{"窗口自荐 ☐联名（内部）举荐 ☑领导推荐 ☐群众共荐", []string{"领导推荐"}},
		{"窗口自荐 ☐ 联名（内部）举荐 ☑ 领导推荐 ☐ 群众共荐 ☐", []string{"联名(内部)举荐"}},
		{"窗口自荐 联名（内部）举荐 领导推荐 群众共荐", nil},
		{"窗口自荐 √  联名（内部）举荐  领导推荐  群众共荐", []string{"窗口自荐"}},
		{"窗口自荐  √ 联名（内部）举荐  领导推荐  群众共荐", []string{"联名(内部)举荐"}},
		{"☑窗口自荐 ☐联名（内部）举荐 领导推荐 ☐群众共荐", []string{"窗口自荐"}},
		{"☐窗口自荐\n☑联名（内部）举荐\n☐领导推荐\n☐群众共荐", []string{"联名(内部)举荐"}},
		{"窗口自荐☐\n联名（内部）举荐☑\n领导推荐☐\n群众共荐☐", []string{"联名(内部)举荐"}},
	}
	for _, tc := range tests {
		a := &Application{Options: readOptions(value{text: tc.in}, s.Application.Options)}
		if got := a.Checked(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: checked %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestFindDateIncomplete checks that a date missing its year or day at the
// end of a line is found (present, invalid) while a month and day inside a
// sentence is left in the opinion.
func TestFindDateIncomplete(t *testing.T) {
	tests := []struct {
		in          string
		text        string
		ok, present bool
	}{
		{"同意推荐。\n签字：\n4月2日", "4月2日", false, true},
		{"同意。\n2024年4月", "2024年4月", false, true},
		{"同意。　　2024年4月2号", "2024年4月2号", true, true},
		{"经4月2日党组会研究，同意推荐。\n年　月　日", "年　月　日", false, false},
		{"经4月2日党组会研究，同意推荐。\n2024年4月3日", "2024年4月3日", true, true},
	}
	for _, tc := range tests {
		sp, found := findDate(tc.in)
		if !found || sp.text != tc.text || sp.ok != tc.ok || sp.present != tc.present {
			t.Errorf("findDate(%q) = %q ok %v present %v found %v", tc.in, sp.text, sp.ok, sp.present, found)
		}
	}
}
