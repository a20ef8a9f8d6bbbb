package dossier

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/parser/seal"
)

// render shows the parts of dossiers that assembly decides.
func render(ds []*Dossier) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "[%s] unit=%s", d.Window, d.Unit)
		if d.Application != nil {
			fmt.Fprintf(&b, " app=%s", d.Application.Item.Name)
		}
		if d.Review != nil {
			fmt.Fprintf(&b, " rev=%s", d.Review.Item.Name)
		}
		for _, it := range d.NonWord {
			fmt.Fprintf(&b, " nonword=%s", it.Name)
		}
		for _, p := range d.Photos {
			fmt.Fprintf(&b, " photo=%s:%s", p.Item.Name, p.Category)
		}
		if len(d.Scans) > 0 {
			fmt.Fprintf(&b, " scans=%d", len(d.Scans))
		}
		for _, it := range d.ScanImages {
			fmt.Fprintf(&b, " image=%s", it.Name)
		}
		for _, it := range d.Failed {
			fmt.Fprintf(&b, " failed=%s", it.Name)
		}
		for _, r := range d.Replaced {
			fmt.Fprintf(&b, " replaced=%s>%s", r.Old.Path, r.New.Path)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func renderWindows(m map[string]string) string {
	var lines []string
	for k, v := range m {
		lines = append(lines, k+"="+v)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func TestAssemble(t *testing.T) {
	m1 := email("inbox.mbox › 第1封", "2024-04-01", 0, 0)
	m2 := email("inbox.mbox › 第2封", "2024-04-05", 0, 1)
	m3 := email("inbox.mbox › 第3封", "2024-04-03", 0, 2) // later position, earlier date
	mNoDate1 := email("a.eml", "", 1)
	mNoDate2 := email("b.eml", "", 2)
	tests := []struct {
		name      string
		items     []*Piece
		records   []scan.Record
		want      string
		windows   string // windowOf, "" to skip
		unmatched int
	}{
		{
			name: "tolerant names group one window",
			items: []*Piece{
				app(item("x › 申报表.docx", m1, 0, 0, 1), "铁东区 税务局（办税服务厅）", "铁东区税务局"),
				review(item("初审表.docx", nil, 1), "铁东区税务局办税服务厅"),
				app(item("申报表-修改.docx", nil, 2), "铁东区税务局(办税服务厅)", "铁东区税务局"),
				photo(item("铁东区税务局 办税服务厅 环境照片.jpg", nil, 3), 1280, 960),
			},
			want: "[铁东区税务局(办税服务厅)] unit=铁东区税务局 app=申报表-修改.docx rev=初审表.docx photo=铁东区税务局 办税服务厅 环境照片.jpg:environment" +
				" replaced=x › 申报表.docx>申报表-修改.docx\n",
			windows: "x › 申报表.docx=铁东区税务局(办税服务厅)\n初审表.docx=铁东区税务局(办税服务厅)\n" +
				"申报表-修改.docx=铁东区税务局(办税服务厅)\n铁东区税务局 办税服务厅 环境照片.jpg=铁东区税务局(办税服务厅)",
		},
		{
			name: "two windows in one email; photos by name; an unnamed photo stays unattributed",
			items: []*Piece{
				app(item("m › A申报表.docx", m1, 0, 0, 1), "立山区医保服务窗口", "立山区医保局"),
				app(item("m › B申报表.docx", m1, 0, 0, 2), "千山区市场监管窗口", "千山区市场监管局"),
				photo(item("m › 立山区医保服务窗口环境照片.jpg", m1, 0, 0, 3), 2000, 1500),
				photo(item("m › 千山区市场监管窗口-集体工作照.jpg", m1, 0, 0, 4), 2000, 1500),
				photo(item("m › IMG_0001.jpg", m1, 0, 0, 5), 2000, 1500),
			},
			want: "[千山区市场监管窗口] unit=千山区市场监管局 app=B申报表.docx photo=千山区市场监管窗口-集体工作照.jpg:work\n" +
				"[立山区医保服务窗口] unit=立山区医保局 app=A申报表.docx photo=立山区医保服务窗口环境照片.jpg:environment\n",
			windows: "m › A申报表.docx=立山区医保服务窗口\nm › B申报表.docx=千山区市场监管窗口\n" +
				"m › 千山区市场监管窗口-集体工作照.jpg=千山区市场监管窗口\nm › 立山区医保服务窗口环境照片.jpg=立山区医保服务窗口",
		},
		{
			name: "photos by the folder or archive that names the window",
			items: []*Piece{
				app(item("样例/企业登记注册窗口/申报表.docx", nil, 0, 0, 1), "企业登记注册窗口", ""),
				app(item("样例/户籍业务窗口/申报表.docx", nil, 0, 1, 1), "户籍业务窗口", ""),
				photo(item("样例/企业登记注册窗口/环境照片.jpg", nil, 0, 0, 2), 1280, 960),
				photo(item("户籍业务窗口材料.zip › 照片/工作照片.jpg", nil, 1, 1), 1280, 960),
			},
			want: "[企业登记注册窗口] unit= app=申报表.docx photo=环境照片.jpg:environment\n" +
				"[户籍业务窗口] unit= app=申报表.docx photo=工作照片.jpg:work\n",
		},
		{
			name: "photos and failed items by the email of one window",
			items: []*Piece{
				app(item("m › 申报表.docx", m1, 0, 0, 1), "高新区人社窗口", "高新区人社局"),
				photo(item("m › 大厅.jpg", m1, 0, 0, 2), 800, 600),
				photo(item("m › IMG_0002.jpg", m1, 0, 0, 3), 2000, 1500),
				kind(item("m › 初审表.docx", m1, 0, 0, 4), "failed", ""),
				kind(item("other.docx", nil, 5), "failed", ""),
			},
			want: "[高新区人社窗口] unit=高新区人社局 app=申报表.docx photo=大厅.jpg:environment photo=IMG_0002.jpg: failed=初审表.docx\n",
		},
		{
			name: "newer email by date supersedes, whatever the position",
			items: []*Piece{
				app(item("m2 › 申报表.docx", m2, 0, 1, 1), "铁西区公积金窗口", "新单位"),
				app(item("m1 › 申报表.docx", m1, 0, 0, 1), "铁西区公积金窗口", "旧单位"),
				app(item("m3 › 申报表.docx", m3, 0, 2, 1), "铁西区公积金窗口", "中间单位"),
			},
			want: "[铁西区公积金窗口] unit=新单位 app=申报表.docx replaced=m1 › 申报表.docx>m2 › 申报表.docx replaced=m3 › 申报表.docx>m2 › 申报表.docx\n",
		},
		{
			name: "without dates the later position wins",
			items: []*Piece{
				review(item("a.eml › 初审表.docx", mNoDate1, 1, 1), "铁西区公积金窗口"),
				review(item("b.eml › 初审表(修改).docx", mNoDate2, 2, 1), "铁西区公积金窗口"),
				app(item("申报表v1.docx", nil, 3), "铁西区公积金窗口", ""),
				app(item("申报表v2.docx", nil, 4), "铁西区公积金窗口", ""),
			},
			want: "[铁西区公积金窗口] unit= app=申报表v2.docx rev=初审表(修改).docx replaced=a.eml › 初审表.docx>b.eml › 初审表(修改).docx replaced=申报表v1.docx>申报表v2.docx\n",
		},
		{
			name: "a photo of an older email is replaced by the newer email's photo of its kind",
			items: []*Piece{
				app(item("m1 › 申报表.docx", m1, 0, 0, 1), "铁西区公积金窗口", ""),
				photo(item("m1 › 环境照片.jpg", m1, 0, 0, 2), 2000, 1000),
				photo(item("m1 › 工作照片.jpg", m1, 0, 0, 3), 2000, 1000),
				photo(item("m2 › 环境照片（新）.jpg", m2, 0, 1, 1), 2000, 1000),
				app(item("m2 › 申报表.docx", m2, 0, 1, 2), "铁西区公积金窗口", ""),
			},
			want: "[铁西区公积金窗口] unit= app=申报表.docx photo=工作照片.jpg:work photo=环境照片（新）.jpg:environment" +
				" replaced=m1 › 申报表.docx>m2 › 申报表.docx replaced=m1 › 环境照片.jpg>m2 › 环境照片（新）.jpg\n",
		},
		{
			name: "a newer email without photos keeps the older photos",
			items: []*Piece{
				app(item("m1 › 申报表.docx", m1, 0, 0, 1), "铁西区公积金窗口", ""),
				photo(item("m1 › 环境照片.jpg", m1, 0, 0, 2), 2000, 1000),
				app(item("m2 › 申报表.docx", m2, 0, 1, 2), "铁西区公积金窗口", ""),
			},
			want: "[铁西区公积金窗口] unit= app=申报表.docx photo=环境照片.jpg:environment replaced=m1 › 申报表.docx>m2 › 申报表.docx\n",
		},
		{
			name: "windows with only photos, only a 初审表, only a PDF 申报表",
			items: []*Piece{
				{Item: item("千山区市场监管窗口-集体工作照片.jpg", nil, 1), Kind: "photo", WindowHint: "千山区市场监管窗口-集体工作照片.jpg", Width: 2000, Height: 1000},
				{Item: item("千山区市场监管窗口环境照片.jpg", nil, 1), Kind: "photo", WindowHint: "千山区市场监管窗口环境照片.jpg", Width: 2000, Height: 1000},
				{Item: item("环境照片.jpg", nil, 2), Kind: "photo", WindowHint: "环境照片.jpg"},
				{Item: item("鞍山风景.jpg", nil, 2, 1), Kind: "photo", WindowHint: "鞍山风景.jpg"},
				kind(item("鞍山市营商局通知文件.docx", nil, 2, 2), "failed", "鞍山市营商局通知文件.docx"),
				review(item("初审表.docx", nil, 3), "立山区医保服务窗口"),
				kind(item("附件1-高新区人社窗口申报表(盖章版).pdf", nil, 4), "application-nonword", "附件1-高新区人社窗口申报表(盖章版).pdf"),
				kind(item("高新区人社窗口申报表.jpg", nil, 5), "application-nonword", "高新区人社窗口申报表.jpg"),
			},
			want: "[千山区市场监管窗口] unit= photo=千山区市场监管窗口-集体工作照片.jpg:work photo=千山区市场监管窗口环境照片.jpg:environment\n" +
				"[立山区医保服务窗口] unit= rev=初审表.docx\n" +
				"[高新区人社窗口] unit= nonword=附件1-高新区人社窗口申报表(盖章版).pdf nonword=高新区人社窗口申报表.jpg\n",
		},
		{
			name: "a misnamed 初审表 joins the one window of its email",
			items: []*Piece{
				app(item("m › 申报表.docx", m1, 0, 0, 1), "立山区医保服务窗口", ""),
				review(item("m › 初审表.docx", m1, 0, 0, 2), "立山医保窗口"),
			},
			want: "[立山区医保服务窗口] unit= app=申报表.docx rev=初审表.docx\n",
		},
		{
			name: "scan records by window name; images by the record's file",
			items: []*Piece{
				app(item("申报表.docx", nil, 1), "市政务服务中心不动产登记窗口", ""),
				kind(item("扫描 › p1.jpg", nil, 2, 1), "scan-image", ""),
				kind(item("扫描 › p9.jpg", nil, 2, 2), "scan-image", ""),
			},
			records: []scan.Record{
				{Source: "s.csv", Row: 2, Window: "市政务服务中心不动产登记窗口", Field: "推荐单位", File: "scans/p1.jpg", Confidence: -1},
				{Source: "s.csv", Row: 3, Window: "不动产登记窗口", Field: "部门负责人意见", Confidence: -1},
				{Source: "s.csv", Row: 4, Window: "不存在的窗口", Field: "推荐单位", Confidence: -1},
			},
			want:      "[市政务服务中心不动产登记窗口] unit= app=申报表.docx scans=2 image=p1.jpg\n",
			windows:   "扫描 › p1.jpg=市政务服务中心不动产登记窗口\n申报表.docx=市政务服务中心不动产登记窗口",
			unmatched: 1,
		},
		{
			name: "a byte-identical copy is set aside without an M08",
			items: []*Piece{
				app(withSHA(item("a.eml › 申报表.docx", mNoDate1, 1, 0), "aa11"), "户籍业务窗口", ""),
				app(withSHA(item("导出.zip › a.eml › 申报表.docx", mNoDate2, 2, 0, 0), "aa11"), "户籍业务窗口", ""),
			},
			want: "[户籍业务窗口] unit= app=申报表.docx\n",
		},
		{
			name: "sorted by unit then window",
			items: []*Piece{
				app(item("1.docx", nil, 1), "乙窗口名称很长", "B单位"),
				app(item("2.docx", nil, 2), "甲窗口名称很长", "B单位"),
				app(item("3.docx", nil, 3), "丙窗口名称很长", "A单位"),
			},
			want: "[丙窗口名称很长] unit=A单位 app=3.docx\n[乙窗口名称很长] unit=B单位 app=1.docx\n[甲窗口名称很长] unit=B单位 app=2.docx\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The pipeline packs every piece before assembly (Piece.Pack),
			// into a temporary file; the dossiers must be the same once
			// opened. Assembled first, on copies, since assembly marks the
			// items.
			st := NewStore()
			defer st.Close()
			packed := make([]*Piece, len(tc.items))
			for i, pc := range tc.items {
				c, it := *pc, *pc.Item
				c.Item = &it
				c.Pack(st)
				packed[i] = &c
			}
			pds, _, _ := Assemble(packed, tc.records, testProfile())
			for _, d := range pds {
				if err := d.Open(); err != nil {
					t.Fatal(err)
				}
			}
			ds, windowOf, unmatched := Assemble(tc.items, tc.records, testProfile())
			for _, d := range ds {
				if err := d.Open(); err != nil {
					t.Fatal(err)
				}
			}
			if got := render(pds); got != render(ds) {
				t.Errorf("packed pieces give other dossiers:\n%s\nunpacked:\n%s", got, render(ds))
			}
			for i := range min(len(ds), len(pds)) {
				a, b := ds[i], pds[i]
				if !reflect.DeepEqual(a.Rows, b.Rows) || !reflect.DeepEqual(a.Findings, b.Findings) ||
					(a.Application == nil) != (b.Application == nil) || a.Application != nil && !reflect.DeepEqual(a.Application.Form, b.Application.Form) ||
					(a.Review == nil) != (b.Review == nil) || a.Review != nil && !reflect.DeepEqual(a.Review.Form, b.Review.Form) {
					t.Errorf("%s: packed pieces give another dossier", a.Window)
				}
			}
			if got := render(ds); got != tc.want {
				t.Errorf("dossiers:\ngot:\n%s\nwant:\n%s", got, tc.want)
			}
			if tc.windows != "" {
				if got := renderWindows(windowOf); got != tc.windows {
					t.Errorf("windowOf:\ngot:\n%s\nwant:\n%s", got, tc.windows)
				}
			}
			if len(unmatched) != tc.unmatched {
				t.Errorf("unmatched = %v, want %d", unmatched, tc.unmatched)
			}
			for _, d := range ds {
				for _, r := range d.Replaced {
					want := "已被新版本替代：" + r.New.Path
					if r.Old.Status != intake.Superseded || r.Old.Reason != want {
						t.Errorf("%s: status %q reason %q, want superseded %q", r.Old.Path, r.Old.Status, r.Old.Reason, want)
					}
				}
			}
		})
	}
}

func TestIdenticalCopy(t *testing.T) {
	first := withSHA(item("a.eml › 申报表.docx", nil, 1, 0), "aa11")
	again := withSHA(item("导出.zip › a.eml › 申报表.docx", nil, 2, 0, 0), "aa11")
	ds, _, _ := Assemble([]*Piece{app(first, "户籍业务窗口", ""), app(again, "户籍业务窗口", "")}, nil, testProfile())
	if len(ds) != 1 || len(ds[0].Replaced) != 0 || ds[0].Application.Item != again {
		t.Fatalf("dossiers: %s", render(ds))
	}
	if want := "与“导出.zip › a.eml › 申报表.docx”内容完全相同（重复收到），按一份处理"; first.Status != intake.Superseded || first.Reason != want {
		t.Errorf("status %q reason %q, want superseded %q", first.Status, first.Reason, want)
	}
}

func withSHA(it *intake.Item, sum string) *intake.Item {
	it.SHA256 = sum
	return it
}

func TestUnmatchedFindings(t *testing.T) {
	fs := UnmatchedFindings([]scan.Record{{Source: "扫描/meta.csv", Row: 7, Window: "不存在的窗口", Field: "推荐单位"}})
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	f := fs[0]
	want := "S03|review|扫描记录 meta.csv 第7行：窗口“不存在的窗口”（栏目“推荐单位”）无法对应到已收到材料的任何窗口|meta.csv 第7行"
	if got := fmt.Sprintf("%s|%s|%s|%s", f.Code, f.Level, f.Message, f.Location); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestWindowFromFile(t *testing.T) {
	photoHints := append(testProfile().Photos.EnvironmentHints, testProfile().Photos.WorkHints...)
	tests := []struct {
		name  string
		extra []string
		want  string
	}{
		{"附件1-市民中心不动产登记窗口申报表(盖章版).pdf", nil, "市民中心不动产登记窗口"},
		{"铁东区税务局（办税服务厅）申报表.pdf", nil, "铁东区税务局（办税服务厅）"},
		{"市政务服务中心综合窗口.pdf", nil, "市政务服务中心综合窗口"},
		{"申报表.pdf", nil, ""},
		{"scan_0001.pdf", nil, ""},
		{"千山区市场监管窗口集体工作照片.jpg", photoHints, "千山区市场监管窗口"},
		{"政务服务中心窗口_环境照片.jpg", photoHints, "政务服务中心窗口"},
		{"IMG_20240401_0001.jpg", photoHints, ""},
		{"服务大厅全景.jpg", photoHints, ""},
	}
	for _, tc := range tests {
		if got := windowFromFile(tc.name, tc.extra); got != tc.want {
			t.Errorf("windowFromFile(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestAssembleOddItems(t *testing.T) {
	items := []*Piece{
		nil,
		{Kind: "application"},
		{Item: item("空白申报表.docx", nil, 1), Kind: "application"},
		{Item: item("空白初审表.docx", nil, 2), Kind: "review"},
		{Item: item("未知.bin", nil, 3), Kind: "other"},
		{Item: item("无名照片.jpg", nil, 4), Kind: "photo"},
	}
	ds, windowOf, unmatched := Assemble(items, []scan.Record{{Window: "", Field: ""}}, nil)
	want := "[未填写窗口名称（空白初审表.docx）] unit= rev=空白初审表.docx\n[未填写窗口名称（空白申报表.docx）] unit= app=空白申报表.docx\n"
	if got := render(ds); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(windowOf) != 2 || len(unmatched) != 1 {
		t.Errorf("windowOf = %v, unmatched = %v", windowOf, unmatched)
	}
	for _, d := range ds {
		if err := d.Open(); err != nil {
			t.Fatal(err)
		}
		if len(d.Rows) != 0 || len(d.Findings) != 0 {
			t.Errorf("%s: rows %v findings %v with an empty profile", d.Window, d.Rows, d.Findings)
		}
	}
}

// TestBatchScanSplitByPage: one PDF holds two windows' 初审表 one after
// the other; the station's records name the file and the 页码 of each, so
// each page goes to its window, with the seal evidence of its own rows. A
// third page no record names, in a file no window claims, is returned as
// unmatched (S03 naming the file and page).
func TestBatchScanSplitByPage(t *testing.T) {
	p := testProfile()
	yes, no := true, false
	page := func(n int, stamped bool) seal.Page {
		pg := seal.Page{File: "批量扫描.pdf", Page: n, Source: "扫描 › 批量扫描.pdf"}
		for _, r := range p.ReviewRows {
			v := &no
			if stamped && r.Needs == "盖章" {
				v = &yes
			}
			pg.Rows = append(pg.Rows, seal.Row{Role: r.Name, Stamped: v, Confidence: 0.9})
		}
		return pg
	}
	batch := kind(item("扫描 › 批量扫描.pdf", nil, 3, 0), "scan-image", "")
	batch.ScanPages = []seal.Page{page(1, true), page(2, false), page(3, true)}
	items := []*Piece{
		app(item("甲.eml › 申报表.docx", nil, 1, 0), "户籍业务窗口", ""),
		app(item("乙.eml › 申报表.docx", nil, 2, 0), "出入境证件办理窗口", ""),
		batch,
	}
	records := []scan.Record{
		{Source: "s.csv", Row: 2, Window: "户籍业务窗口", Field: "部门负责人意见", File: "批量扫描.pdf", Page: 1, Confidence: -1},
		{Source: "s.csv", Row: 3, Window: "出入境证件办理窗口", Field: "部门负责人意见", File: "批量扫描.pdf", Page: 2, Confidence: -1},
	}
	ds, _, unmatched := Assemble(items, records, p)
	if len(unmatched) != 1 || unmatched[0].Page != 3 || !unmatched[0].Image {
		t.Errorf("unmatched %+v, want page 3 of the batch", unmatched)
	}
	if len(ds) != 2 {
		t.Fatalf("%d windows", len(ds))
	}
	got := map[string]string{}
	for _, d := range ds {
		if err := d.Open(); err != nil {
			t.Fatal(err)
		}
		var pages []string
		for _, pg := range d.ScanPages {
			pages = append(pages, fmt.Sprintf("%d:%s", pg.Page, pg.Window))
		}
		stamp := ""
		for _, r := range d.Rows {
			if r.Role == "推荐单位" {
				stamp = r.Stamped.String()
			}
		}
		got[d.Window] = strings.Join(pages, ",") + " 推荐单位=" + stamp
	}
	want := map[string]string{
		"户籍业务窗口":    "1:户籍业务窗口 推荐单位=是",
		"出入境证件办理窗口": "2:出入境证件办理窗口 推荐单位=否",
	}
	for w, s := range want {
		if got[w] != s {
			t.Errorf("%s: %q, want %q", w, got[w], s)
		}
	}
}
