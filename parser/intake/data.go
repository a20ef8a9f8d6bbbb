package intake

import (
	"bytes"

	"shenbao/parser/mail"
)

// data visits an item whose bytes are in memory.
func (w *walk) data(n node, data []byte) error {
	if !w.spend(n, len(data)) {
		return nil
	}
	kind := classify(n.name, data)
	it := n.item(kind)
	it.Size, it.SHA256 = int64(len(data)), hashHex(data)
	switch kind {
	case "zip", "7z", "rar":
		return w.archive(n, it, kind, bytes.NewReader(data), int64(len(data)))
	case kindMbox:
		return w.mbox(n, it, bytes.NewReader(data))
	case kindEmail, kindMsg:
		return w.email(n, it, data)
	case kindTNEF:
		return w.tnef(n, it, data)
	case kindBadArchive:
		it.Container = ""
		return w.fail(it, "文件名是压缩包，但内容不是有效的压缩包（文件已损坏或格式不符），无法打开")
	case kindBadMbox:
		it.Container = ""
		return w.fail(it, "文件名是 mbox 邮箱文件，但内容不是 mbox 格式，无法读取")
	}
	n.buf.emitted(data)
	if n.owned && w.release {
		it.buf = data
	}
	return w.put(it, data)
}

// forwarded visits a forwarded message: always read as an email.
func (w *walk) forwarded(n node, data []byte) error {
	if !w.spend(n, len(data)) {
		return nil
	}
	it := n.item(kindEmail)
	it.Size, it.SHA256 = int64(len(data)), hashHex(data)
	if mail.IsMsg(data) {
		it.Container = kindMsg
	}
	return w.email(n, it, data)
}
