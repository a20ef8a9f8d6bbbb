package intake

import (
	"bytes"
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"shenbao/parser/bufpool"
)

// TestRelease: with Walker.Release, the buffer of an attachment decoded
// from base64 goes back for reuse when its item is released, and nothing
// else does: not a part sent as it is (a slice of the mail's bytes), and
// nothing at all without Release.
func TestRelease(t *testing.T) {
	bufpool.Poison = true
	defer func() { bufpool.Poison = false }()
	photo := bytes.Repeat([]byte("\xff\xd8photo"), 20000) // 140 KB: a pooled size
	plain := strings.Repeat("纯文本附件\n", 20000)
	mail := "From: a@b.cn\r\nSubject: s\r\nDate: Mon, 1 Apr 2024 10:00:00 +0800\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
		"--b\r\nContent-Type: image/jpeg; name=\"p.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString(photo) + "\r\n" +
		"--b\r\nContent-Type: text/plain; name=\"t.txt\"\r\nContent-Disposition: attachment; filename=\"t.txt\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		plain + "\r\n--b--\r\n"
	for _, release := range []bool{false, true} {
		var c collector
		w := &Walker{Release: release}
		if err := w.WalkBytes(context.Background(), "x.eml", []byte(mail), c.emit); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range c.sorted(t) {
			data := c.data[fmtInts(it.Pos)]
			if data == nil {
				continue
			}
			want := bytes.Clone(data)
			it.Release()
			it.Release() // a second call does nothing
			reused := !bytes.Equal(data, want)
			got = append(got, it.Name+" "+map[bool]string{true: "reused", false: "kept"}[reused])
		}
		want := "p.jpg kept, t.txt kept"
		if release {
			want = "p.jpg reused, t.txt kept"
		}
		if s := strings.Join(got, ", "); s != want {
			t.Errorf("Release %v: %s, want %s", release, s, want)
		}
	}
}
