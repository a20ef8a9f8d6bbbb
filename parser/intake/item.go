package intake

import (
	"time"

	"shenbao/parser/bufpool"
	"shenbao/parser/text"
)

// Sep joins the elements of an item's provenance chain (text.Sep).
const Sep = text.Sep

// Status of an item, as 文件清单 and JSON inputs[].status show it.
type Status string

const (
	Parsed     Status = "parsed"     // 已解析
	Ignored    Status = "ignored"    // 已忽略 (Reason says why)
	Failed     Status = "failed"     // 无法解析 (Reason says why, in Chinese)
	Superseded Status = "superseded" // 已被新版本替代
)

// Item is one input file or one thing found inside one: a folder entry, an
// mbox message, an email attachment, a forwarded message, an archive entry.
// Every item the walk meets is emitted exactly once, containers included.
type Item struct {
	// Pos is the item's position in the walk: the input's index, then the
	// index inside each container. Sorting items by Pos gives the same order
	// whatever the concurrency.
	Pos []int `json:"-"`
	// Path is the whole chain from the input as given, elements joined by
	// Sep: "导出/收件箱.mbox › 第12封 › 材料.zip › 申报表.docx".
	Path string `json:"path"`
	Name string `json:"name"` // the last element (attachment or entry name, decoded)
	Size int64  `json:"size"`
	// SHA256 is the hex digest of the item's bytes ("" for folders).
	SHA256 string `json:"sha256"`
	// Container is set for items that hold other items: "folder", "mbox",
	// "email", "zip", "7z", "rar", "msg", "tnef" (a winmail.dat whose
	// attachments could be read). Leaf items have "".
	Container string `json:"container,omitempty"`
	// Mail is the nearest email this item came in (the email itself for an
	// email item); nil for items that did not come by mail.
	Mail *Mail `json:"mail,omitempty"`
	// Status and Reason are set by the walk for containers and for items it
	// could not read (size limits, corrupt archive, encrypted entry); for
	// leaves the parse stage sets them.
	Status Status `json:"status,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Scan is set for items given under --scans.
	Scan bool `json:"scan,omitempty"`

	// buf is the buffer of the data emitted with the item when the walk
	// may reuse it once the consumer is done (Release); nil otherwise.
	buf []byte
}

// Release tells the walk that the data emitted with it is no longer used,
// by the consumer or by anything the consumer gave it or a part of it to:
// its buffer may then hold the next attachment. Calling it is optional (the
// buffer is then left to the garbage collector); a second call does
// nothing. It must not be called while another goroutine uses the data.
func (it *Item) Release() {
	if it.buf != nil {
		bufpool.Put(it.buf)
		it.buf = nil
	}
}

// Mail identifies an email: its sender, date and subject, and its position
// (the Pos of the email item) to break ties between equal dates.
type Mail struct {
	Path    string    `json:"path"`
	From    string    `json:"from"`
	Subject string    `json:"subject"`
	Date    time.Time `json:"date,omitzero"`
	Pos     []int     `json:"-"`
}

// Less orders items by Pos.
func Less(a, b *Item) bool { return ComparePos(a.Pos, b.Pos) < 0 }

// ComparePos compares two positions lexicographically.
func ComparePos(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
