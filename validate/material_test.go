package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"shenbao/parser/form"
	"shenbao/parser/intake"
	"shenbao/parser/scan"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// matItem is an item named name (the last element of path).
func matItem(path string) *intake.Item {
	name := path
	if i := strings.LastIndex(path, intake.Sep); i >= 0 {
		name = path[i+len(intake.Sep):]
	}
	return &intake.Item{Path: path, Name: name}
}

func matPhoto(name, cat string, w, h int) dossier.Photo {
	return dossier.Photo{Item: matItem("mail › " + name), Width: w, Height: h, Category: cat}
}

// matComplete is a window with everything the materials rules want.
func matComplete() *dossier.Dossier {
	return &dossier.Dossier{
		Key: "立山区医保服务窗口", Window: "立山区医保服务窗口",
		Application: &dossier.AppDoc{Item: matItem("mail › 申报表.docx"), Format: "docx", Form: &form.Application{}},
		Review:      &dossier.ReviewDoc{Item: matItem("mail › 初审表.docx"), Format: "docx", Form: &form.Review{}},
		Photos: []dossier.Photo{
			matPhoto("环境照片.jpg", "environment", 4000, 3000),
			matPhoto("工作照片.jpg", "work", 1024, 768),
		},
	}
}

func renderFindings(fs []finding.Finding) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, fmt.Sprintf("%s|%s|%s|%s|%s|%s", f.Code, f.Level, f.Field, f.Message, f.Location, f.Fix))
	}
	return strings.Join(lines, "\n")
}

func TestCheckMaterials(t *testing.T) {
	p := profile.Default()
	old := matItem("第1封 › 申报表.docx")
	old.Mail = &intake.Mail{Date: time.Date(2024, 4, 1, 9, 30, 0, 0, time.UTC)}
	newer := matItem("第2封 › 申报表(修改).docx")
	newer.Mail = &intake.Mail{Date: time.Date(2024, 4, 5, 14, 0, 0, 0, time.UTC)}
	tests := []struct {
		name   string
		change func(d *dossier.Dossier)
		want   string
	}{
		{"complete", func(d *dossier.Dossier) {}, ""},
		{"M01 no 申报表", func(d *dossier.Dossier) {
			d.Application = nil
			d.Items = []*intake.Item{d.Review.Item}
		}, "M01|error|申报表|收到“立山区医保服务窗口”的材料，但没有申报表（附件1）|mail › 初审表.docx|请提交WORD格式（.docx或.doc）的申报表（附件1）"},
		{"M02 申报表 only as PDF", func(d *dossier.Dossier) {
			d.Application = nil
			d.NonWord = []*intake.Item{matItem("mail › 申报表.pdf"), matItem("mail › 申报表.jpg")}
		}, "M02|error|申报表|申报表只以非WORD格式提交：申报表.pdf（PDF）、申报表.jpg（图片）|mail › 申报表.pdf|请提交WORD格式（.docx或.doc）的申报表，PDF或图片不能代替WORD版"},
		{"no M02 when a Word 申报表 came too", func(d *dossier.Dossier) {
			d.NonWord = []*intake.Item{matItem("mail › 申报表.pdf")}
		}, ""},
		{"M03 no 初审表", func(d *dossier.Dossier) { d.Review = nil },
			"M03|error|初审表|没有初审表（附件2）：既没有WORD版，也没有扫描记录||请提交签字盖章后的初审表（附件2）扫描件，并同时提交WORD版"},
		{"M03 scan images without records", func(d *dossier.Dossier) {
			d.Review = nil
			d.ScanImages = []*intake.Item{matItem("scan › p1.jpg")}
		}, "M03|error|初审表|没有初审表（附件2）的WORD版或扫描记录（收到1个扫描图片，但没有对应的扫描记录）||请提交签字盖章后的初审表（附件2）扫描件，并同时提交WORD版"},
		{"no M03 with scan records only", func(d *dossier.Dossier) {
			d.Review = nil
			d.Scans = []scan.Record{{Source: "s.csv", Row: 2, Field: "推荐单位"}}
		}, ""},
		{"M04 no environment photo", func(d *dossier.Dossier) { d.Photos = d.Photos[1:] },
			"M04|error|环境照片|缺少服务场所整体环境照片||请补充提交1张服务场所整体环境照片（JPG格式，文件名注明“环境照片”）"},
		{"M05 no work photo", func(d *dossier.Dossier) { d.Photos = d.Photos[:1] },
			"M05|error|工作照片|缺少集体或个人工作照片||请补充提交1张集体或个人工作照片（JPG格式，文件名注明“工作照片”）"},
		{"M06 two environment photos", func(d *dossier.Dossier) {
			d.Photos = append(d.Photos, matPhoto("大厅全景.jpg", "environment", 2000, 1500))
		}, "M06|review|服务场所整体环境照片|服务场所整体环境照片应为1张，收到2张：环境照片.jpg、大厅全景.jpg||请确认服务场所整体环境照片只保留1张，其余删除"},
		{"M07 unknown category", func(d *dossier.Dossier) {
			d.Photos = append(d.Photos, matPhoto("IMG_0001.jpg", "", 2000, 1500))
		}, "M07|review|照片|照片“IMG_0001.jpg”无法从文件名判断是环境照片还是工作照片|mail › IMG_0001.jpg|请在照片文件名中注明“环境照片”或“工作照片”"},
		{"M08 replaced", func(d *dossier.Dossier) {
			d.Replaced = []dossier.Replacement{{Old: old, New: newer}}
		}, "M08|info||重复申报：2024年4月1日 09:30的邮件发送的申报表.docx已被2024年4月5日 14:00的邮件发送的新版本替代，以新版本为准|第1封 › 申报表.docx|"},
		{"M08 once per resent email", func(d *dossier.Dossier) {
			oldMail := &intake.Mail{Path: "第1封", Date: time.Date(2024, 4, 1, 9, 30, 0, 0, time.UTC)}
			newMail := &intake.Mail{Path: "第2封", Date: time.Date(2024, 4, 5, 14, 0, 0, 0, time.UTC)}
			var rs []dossier.Replacement
			for _, name := range []string{"申报表.docx", "环境照片.jpg"} {
				o, n := matItem("第1封 › "+name), matItem("第2封 › "+name)
				o.Mail, n.Mail = oldMail, newMail
				rs = append(rs, dossier.Replacement{Old: o, New: n})
			}
			d.Replaced = rs
		}, "M08|info||重复申报：2024年4月1日 09:30的邮件发送的申报表.docx、环境照片.jpg已被2024年4月5日 14:00的邮件发送的新版本替代，以新版本为准|第1封|"},
		{"M09 failed", func(d *dossier.Dossier) {
			f := matItem("mail › 材料.zip")
			f.Reason = "压缩包已加密"
			d.Failed = []*intake.Item{f}
		}, "M09|error||文件“材料.zip”无法解析：压缩包已加密|mail › 材料.zip|请重新提交可正常打开的“材料.zip”（不加密、未损坏，使用WORD、JPG等常用格式）"},
		{"M10 small photo", func(d *dossier.Dossier) { d.Photos[1].Width, d.Photos[1].Height = 800, 1023 },
			"M10|info|照片|照片“工作照片.jpg”分辨率为800×1023像素，长边不足1024像素，用于窗口简介可能不清晰|mail › 工作照片.jpg|如有条件，请提交长边不少于1024像素的原图"},
		{"no M10 when the size is unknown", func(d *dossier.Dossier) { d.Photos[1].Width, d.Photos[1].Height = 0, 0 }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := matComplete()
			tc.change(d)
			if got := renderFindings(CheckMaterials(d, p)); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
