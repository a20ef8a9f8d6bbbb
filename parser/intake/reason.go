package intake

import (
	"errors"
	"fmt"

	"shenbao/parser/archive"
	"shenbao/parser/mail"
)

func depthReason(max int) string {
	return fmt.Sprintf("嵌套层数超过上限（%d层），未展开", max)
}

func tooLargeReason(size, max int64) string {
	return fmt.Sprintf("文件过大（%s），超过上限（%s），未读取", mb(size), mb(max))
}

// mb words a byte count in MB for the clerk.
func mb(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// mailReason words why an email could not be read at all.
func mailReason(err error) string {
	switch {
	case errors.Is(err, mail.ErrTooLarge):
		return "邮件超过大小上限，未读取"
	case errors.Is(err, mail.ErrTooComplex):
		return "邮件无法解析：邮件结构过于复杂（分段过多），未读取"
	case errors.Is(err, mail.ErrNotMessage):
		return "邮件无法解析：不是邮件格式（内容为空或开头没有邮件头）"
	}
	return "邮件无法解析：文件已损坏或格式不受支持"
}

// mboxReason words a mailbox export that broke off at its n-th message.
func mboxReason(n int) string {
	return fmt.Sprintf("邮箱文件读到第%d封时出错，后面的邮件未能读取", n)
}

// entryReason words the trouble with one archive entry.
func (w *walk) entryReason(err error) string {
	lim := w.lim.Archive
	switch {
	case errors.Is(err, archive.ErrEncrypted):
		return "文件已加密（设有密码），无法读取；请发送未加密的文件"
	case errors.Is(err, archive.ErrEntryTooLarge):
		return fmt.Sprintf("解压后超过单个文件大小上限（%s），已拒绝", mb(lim.MaxEntryBytes))
	case errors.Is(err, archive.ErrTotalTooLarge):
		return fmt.Sprintf("压缩包解压总量超过上限（%s），此文件未解压", mb(lim.MaxTotalBytes))
	case errors.Is(err, archive.ErrRatio):
		return fmt.Sprintf("压缩比异常（超过%g倍），疑似“压缩炸弹”，已拒绝", lim.MaxRatio)
	}
	return fmt.Sprintf("压缩包内的文件已损坏，无法解压（%v）", err)
}

// archiveReason words why an archive could not be (fully) opened; entries
// is how many entries were emitted before the trouble.
func (w *walk) archiveReason(err error, entries int) string {
	switch {
	case errors.Is(err, archive.ErrTooManyEntries):
		return fmt.Sprintf("压缩包内文件数超过上限（%d个），其余未展开", w.lim.Archive.MaxEntries)
	case errors.Is(err, archive.ErrEncrypted):
		return "压缩包已加密（设有密码），无法打开；请发送未加密的压缩包"
	case entries > 0:
		return fmt.Sprintf("压缩包读取中途出错，后面的文件未能展开（%v）", err)
	}
	return fmt.Sprintf("压缩包已损坏或格式不受支持，无法打开（%v）", err)
}

// ContainerLabel is a container's word in 文件清单 (Item.Container:
// folder, mbox, email, msg, tnef, zip, 7z, rar); "其他" for any other.
func ContainerLabel(container string) string {
	switch container {
	case "folder":
		return "文件夹"
	case "mbox":
		return "邮箱导出"
	case "email":
		return "邮件"
	case "msg":
		return "Outlook邮件"
	case "tnef":
		return "winmail.dat"
	case "zip", "7z", "rar":
		return "压缩包"
	}
	return "其他"
}
