package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestTextCap cuts long runs of character data at a character boundary
// outside entities, in whatever pieces the bytes arrive: the result is
// always well-formed XML whose text is a prefix of the original's.
func TestTextCap(t *testing.T) {
	long := strings.Repeat("申报表&amp;窗口&#x4E2D;a", 40)
	tests := []string{
		`<w:t>` + long + `</w:t><w:t>短</w:t>`,
		`<a x="1>2">` + long + `</a>`,
		`<w:t xml:space="preserve">` + strings.Repeat("&lt;", 100) + `</w:t>`,
		`<r>` + strings.Repeat("é", 300) + `<b/>` + strings.Repeat("中", 300) + `</r>`,
	}
	for _, in := range tests {
		for _, limit := range []int{1, 7, 50, 99} {
			for _, oneByte := range []bool{false, true} {
				var r io.Reader = strings.NewReader("<root>" + in + "</root>")
				if oneByte {
					r = iotest.OneByteReader(r)
				}
				out, err := io.ReadAll(&textCap{r: r, limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				got, err := xmlText(out)
				if err != nil {
					t.Errorf("limit %d: %v in %q", limit, err, out)
					continue
				}
				want, _ := xmlText([]byte("<root>" + in + "</root>"))
				for _, g := range strings.Split(got, "|") {
					if !strings.Contains(want, g) {
						t.Errorf("limit %d: text %q is not part of %q", limit, g, want)
					}
				}
			}
		}
	}
}

// xmlText decodes data and joins its character data runs with "|".
func xmlText(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var parts []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return strings.Join(parts, "|"), nil
		}
		if err != nil {
			return "", err
		}
		if cd, ok := tok.(xml.CharData); ok {
			parts = append(parts, string(cd))
		}
	}
}
