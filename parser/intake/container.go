package intake

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"

	"shenbao/parser/archive"
	"shenbao/parser/mail"
	"shenbao/parser/problem"
)

// stop marks an error that ends the walk (emit failed, ctx cancelled), as
// opposed to trouble with the input.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }
func (s stop) Unwrap() error { return s.err }

// archive visits the entries of an archive, then emits the archive.
// Directory entries are not items: their names live on in the entries' paths.
func (w *walk) archive(n node, it *Item, format string, r io.ReaderAt, size int64) error {
	if deep, err := w.tooDeep(n, it); deep {
		return err
	}
	n = w.opened(n, size)
	i := 0
	err := archive.Walk(format, r, size, w.lim.Archive, func(e archive.Entry, rc io.Reader, err error) error {
		if e.Dir && err == nil {
			return nil
		}
		if !w.admit(n) {
			return nil // counted; the walk goes on only to count the rest
		}
		c := n.child(i, e.Name)
		i++
		if err != nil {
			ci := c.item("")
			ci.Size = max(e.Size, 0)
			return wrapStop(w.fail(ci, w.entryReason(err)))
		}
		return wrapStop(w.entry(c, e, rc))
	})
	var s stop
	if errors.As(err, &s) {
		return s.err
	}
	if err != nil {
		return w.fail(it, w.archiveReason(err, i))
	}
	n.counted(i)
	it.Status = Parsed
	return w.put(it, nil)
}

func wrapStop(err error) error {
	if err == nil {
		return nil
	}
	return stop{err}
}

// entry reads one archive entry and visits it.
func (w *walk) entry(c node, e archive.Entry, rc io.Reader) error {
	data, err := readEntry(rc, e.Size, w.lim.MaxItemBytes)
	if err != nil {
		it := c.item("")
		it.Size = max(e.Size, 0)
		return w.fail(it, w.entryReason(err))
	}
	if int64(len(data)) > w.lim.MaxItemBytes {
		// Hash the rest as it streams by; the archive limits bound it.
		h := sha256.New()
		h.Write(data)
		n, err := io.Copy(h, rc)
		it := c.item("")
		it.Size = int64(len(data)) + n
		if err != nil {
			it.Size = max(e.Size, it.Size)
			return w.fail(it, w.entryReason(err))
		}
		it.SHA256 = hex.EncodeToString(h.Sum(nil))
		return w.fail(it, tooLargeReason(it.Size, w.lim.MaxItemBytes))
	}
	if !w.unpacked(c, len(data)) {
		return nil
	}
	return w.data(c, data)
}

// mbox visits the messages of an mbox file ("第N封"), then emits it.
func (w *walk) mbox(n node, it *Item, r io.Reader) error {
	if deep, err := w.tooDeep(n, it); deep {
		return err
	}
	mr := mail.NewMboxReader(r, w.lim.Mail)
	var wg sync.WaitGroup
	defer wg.Wait()
	i := 0
	for ; ; i++ {
		data, err := mr.Next()
		if err == io.EOF {
			break
		}
		c := n.child(i, fmt.Sprintf("第%d封", i+1))
		if errors.Is(err, mail.ErrTooLarge) {
			if err := w.fail(c.item(kindEmail), "邮件超过大小上限，未读取"); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			wg.Wait() // the messages read so far come before the mbox
			return w.fail(it, mboxReason(i+1))
		}
		if !w.spend(c, len(data)) {
			continue
		}
		ci := c.item(kindEmail)
		ci.Size, ci.SHA256 = int64(len(data)), hashHex(data)
		if mail.IsMsg(data) {
			ci.Container = kindMsg
		}
		if err := w.spawn(&wg, func() error { return w.email(c, ci, data) }); err != nil {
			return err
		}
	}
	wg.Wait()
	n.counted(i)
	it.Status = Parsed
	return w.put(it, nil)
}

// email visits an email (it.Container "email" or "msg"): its attachments,
// inline files and forwarded messages, then emits it with its Mail.
func (w *walk) email(n node, it *Item, data []byte) error {
	if deep, err := w.tooDeep(n, it); deep {
		return err
	}
	var msg *mail.Message
	var err error
	if it.Container == kindMsg {
		msg, err = mail.ReadMsg(data, w.lim.Mail)
	} else {
		msg, err = mail.Parse(data, w.lim.Mail)
	}
	if err != nil {
		return w.fail(it, mailReason(err))
	}
	m := &Mail{Path: n.path, From: msg.From, Subject: msg.Subject, Date: msg.Date, Pos: n.pos}
	it.Mail = m
	n.mail = m
	for i := range msg.Parts {
		p := &msg.Parts[i]
		c := n.child(i, p.Name)
		c.owned = p.Owned
		if p.Message {
			err = w.forwarded(c, p.Data)
		} else {
			err = w.data(c, p.Data)
		}
		if err != nil {
			return err
		}
		p.Data = nil // let it go before the next part
	}
	n.counted(len(msg.Parts))
	it.Status, it.Reason = Parsed, problem.Summary(msg.Problems)
	return w.put(it, nil)
}

// tnef visits the attachments of a winmail.dat. When none can be read it is
// an ignored leaf.
func (w *walk) tnef(n node, it *Item, data []byte) error {
	if deep, err := w.tooDeep(n, it); deep {
		return err
	}
	parts, err := mail.ReadTNEF(data)
	if err != nil {
		it.Container = ""
		it.Status, it.Reason = Ignored, "Outlook winmail.dat（TNEF）格式，请发件人改用普通附件重新发送"
		return w.put(it, nil)
	}
	for i := range parts {
		if err := w.data(n.child(i, parts[i].Name), parts[i].Data); err != nil {
			return err
		}
		parts[i].Data = nil
	}
	n.counted(len(parts))
	it.Status = Parsed
	return w.put(it, nil)
}

// readEntry reads up to limit+1 bytes of an entry. The buffer is sized from
// the declared size, which the archive reader has already held to the
// ratio limit against real compressed bytes, so a big entry is not copied
// through doubling buffers (twice its size at the peak).
func readEntry(r io.Reader, declared, limit int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(max(declared, 0), limit)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	return buf.Bytes(), err
}
