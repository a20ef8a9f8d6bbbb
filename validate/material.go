package validate

import (
	"fmt"
	"path"
	"strings"

	"shenbao/parser/intake"
	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// Photo categories as dossier.Photo.Category holds them.
const (
	photoEnvironment = "environment"
	photoWork        = "work"
)

// materialFinding builds an M or S finding with the catalogue's level.
func materialFinding(code, msg, field, loc, fix string) finding.Finding {
	c, _ := finding.Lookup(code)
	return finding.Finding{Code: code, Level: c.Level, Message: msg, Field: field, Location: loc, Fix: fix}
}

// CheckMaterials reports what is missing or wrong in the set of files a
// window sent (M01–M10): the forms, the photos, replaced and unreadable files.
func CheckMaterials(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	var fs []finding.Finding
	fs = append(fs, checkForms(d)...)
	fs = append(fs, checkPhotos(d, p)...)
	fs = append(fs, checkResent(d)...)
	for _, it := range d.Failed {
		reason := it.Reason
		if reason == "" {
			reason = "文件无法解析"
		}
		fs = append(fs, materialFinding("M09",
			fmt.Sprintf("文件“%s”无法解析：%s", it.Name, reason),
			"", it.Path, fmt.Sprintf("请重新提交可正常打开的“%s”（不加密、未损坏，使用WORD、JPG等常用格式）", it.Name)))
	}
	return fs
}

// checkResent is M08: one finding per older sending replaced by a newer
// one, listing the files replaced, so a resend of four attachments reads
// as one event, not four.
func checkResent(d *dossier.Dossier) []finding.Finding {
	type sending struct{ old, new string }
	var order []sending
	files := map[sending][]string{}
	first := map[sending]dossier.Replacement{}
	for _, r := range d.Replaced {
		k := sending{sendingOf(r.Old), sendingOf(r.New)}
		if _, seen := files[k]; !seen {
			order = append(order, k)
			first[k] = r
		}
		files[k] = append(files[k], r.Old.Name)
	}
	var fs []finding.Finding
	for _, k := range order {
		r := first[k]
		fs = append(fs, materialFinding("M08",
			fmt.Sprintf("重复申报：%s发送的%s已被%s发送的新版本替代，以新版本为准",
				mailWhen(r.Old), strings.Join(files[k], "、"), mailWhen(r.New)),
			"", k.old, ""))
	}
	return fs
}

// sendingOf names what an item came in: its email, else the item itself.
func sendingOf(it *intake.Item) string {
	if it.Mail != nil && it.Mail.Path != "" {
		return it.Mail.Path
	}
	return it.Path
}

// checkForms is M01–M03.
func checkForms(d *dossier.Dossier) []finding.Finding {
	var fs []finding.Finding
	switch {
	case d.Application == nil && len(d.NonWord) == 0:
		loc := ""
		if len(d.Items) > 0 {
			loc = d.Items[0].Path
		}
		fs = append(fs, materialFinding("M01",
			fmt.Sprintf("收到“%s”的材料，但没有申报表（附件1）", d.Window),
			"申报表", loc, "请提交WORD格式（.docx或.doc）的申报表（附件1）"))
	case d.Application == nil:
		var names []string
		for _, it := range d.NonWord {
			names = append(names, fmt.Sprintf("%s（%s）", it.Name, formatLabel(it.Name)))
		}
		fs = append(fs, materialFinding("M02",
			"申报表只以非WORD格式提交："+strings.Join(names, "、"),
			"申报表", d.NonWord[0].Path, "请提交WORD格式（.docx或.doc）的申报表，PDF或图片不能代替WORD版"))
	}
	if d.Review == nil && len(d.Scans) == 0 && len(d.ScanPages) == 0 {
		msg := "没有初审表（附件2）：既没有WORD版，也没有扫描记录"
		if len(d.ScanImages) > 0 {
			msg = fmt.Sprintf("没有初审表（附件2）的WORD版或扫描记录（收到%d个扫描图片，但没有对应的扫描记录）", len(d.ScanImages))
		}
		fs = append(fs, materialFinding("M03", msg, "初审表", "",
			"请提交签字盖章后的初审表（附件2）扫描件，并同时提交WORD版"))
	}
	return fs
}

// checkPhotos is M04–M07 and M10.
func checkPhotos(d *dossier.Dossier, p *profile.Profile) []finding.Finding {
	var fs []finding.Finding
	count := map[string][]string{}
	for _, ph := range d.Photos {
		count[ph.Category] = append(count[ph.Category], ph.Item.Name)
	}
	if len(count[photoEnvironment]) == 0 {
		fs = append(fs, materialFinding("M04", "缺少服务场所整体环境照片", "环境照片", "",
			"请补充提交1张服务场所整体环境照片（JPG格式，文件名注明“环境照片”）"))
	}
	if len(count[photoWork]) == 0 {
		fs = append(fs, materialFinding("M05", "缺少集体或个人工作照片", "工作照片", "",
			"请补充提交1张集体或个人工作照片（JPG格式，文件名注明“工作照片”）"))
	}
	if n := p.Photos.PerKind; n > 0 {
		for _, kind := range []struct{ cat, name string }{{photoEnvironment, "服务场所整体环境照片"}, {photoWork, "集体或个人工作照片"}} {
			if got := count[kind.cat]; len(got) > n {
				fs = append(fs, materialFinding("M06",
					fmt.Sprintf("%s应为%d张，收到%d张：%s", kind.name, n, len(got), strings.Join(got, "、")),
					kind.name, "", fmt.Sprintf("请确认%s只保留%d张，其余删除", kind.name, n)))
			}
		}
	}
	for _, ph := range d.Photos {
		if ph.Category == "" {
			fs = append(fs, materialFinding("M07",
				fmt.Sprintf("照片“%s”无法从文件名判断是环境照片还是工作照片", ph.Item.Name),
				"照片", ph.Item.Path, "请在照片文件名中注明“环境照片”或“工作照片”"))
		}
	}
	if minSide := p.Photos.MinLongSide; minSide > 0 {
		for _, ph := range d.Photos {
			long := max(ph.Width, ph.Height)
			if long > 0 && long < minSide {
				fs = append(fs, materialFinding("M10",
					fmt.Sprintf("照片“%s”分辨率为%d×%d像素，长边不足%d像素，用于窗口简介可能不清晰", ph.Item.Name, ph.Width, ph.Height, minSide),
					"照片", ph.Item.Path, fmt.Sprintf("如有条件，请提交长边不少于%d像素的原图", minSide)))
			}
		}
	}
	return fs
}

// mailWhen names when an item arrived: the email's date, else "直接提供".
func mailWhen(it *intake.Item) string {
	if it == nil || it.Mail == nil {
		return "直接提供的文件"
	}
	if it.Mail.Date.IsZero() {
		return "邮件“" + it.Mail.Subject + "”"
	}
	return it.Mail.Date.Format("2006年1月2日 15:04") + "的邮件"
}

// formatLabel names a file's format from its extension: PDF, 图片, 其他.
func formatLabel(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "PDF"
	case ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".heic", ".webp":
		return "图片"
	case ".ofd":
		return "OFD"
	case ".txt", ".rtf", ".html", ".htm":
		return "文本"
	}
	return "非WORD格式"
}
