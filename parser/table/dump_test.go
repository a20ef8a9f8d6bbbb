package table

import (
	"fmt"
	"strings"
)

// dump writes a book as text for golden files: one line per non-empty row,
// cells separated by " | ".
func dump(b *Book) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "format: %s\n", b.Format)
	for _, w := range b.Warnings {
		fmt.Fprintf(&sb, "warning: %s\n", w)
	}
	for _, s := range b.Sheets {
		fmt.Fprintf(&sb, "== %s", s.Name)
		if s.Caption != "" {
			fmt.Fprintf(&sb, " (%s)", s.Caption)
		}
		sb.WriteString("\n")
		for i, r := range s.Rows {
			if len(r) == 0 {
				continue
			}
			fmt.Fprintf(&sb, "%d: %s\n", i+1, strings.Join(r, " | "))
		}
	}
	return sb.String()
}
