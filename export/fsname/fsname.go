// Package fsname turns names that came from outside (a window's name, an
// uploaded file's name) into one file-name element that Windows, macOS and
// Linux all accept.
package fsname

import (
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Clean reduces name to a single path element: invalid UTF-8, control and
// reserved characters become _, any directory part is dropped, trailing dots
// and spaces go, a Windows device name (CON, NUL, COM1 …) gets a leading _,
// and the result is at most maxBytes bytes, keeping a short extension. It
// never returns "", "." or "..": those become fallback. Clean is idempotent.
func Clean(name string, maxBytes int, fallback string) string {
	name = strings.ToValidUTF8(name, "_")
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "/" {
		name = ""
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = trim(name)
	if name == "" {
		return fallback
	}
	if IsDevice(stem(name)) {
		name = "_" + name
	}
	if len(name) > maxBytes {
		ext := filepath.Ext(name)
		if len(ext) > 16 || len(ext) >= maxBytes {
			ext = ""
		}
		cut := maxBytes - len(ext)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = trim(name[:cut]) + ext
		name = trim(name)
	}
	if name == "" || !filepath.IsLocal(name) {
		return fallback
	}
	return name
}

// trim drops surrounding spaces and trailing dots; "." and ".." become "".
func trim(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ". ")
}

func stem(name string) string {
	s, _, _ := strings.Cut(name, ".")
	return strings.TrimSpace(s)
}

// IsDevice reports whether s (a name without its extension) is a Windows
// device name, in any case.
func IsDevice(s string) bool {
	u := strings.ToUpper(s)
	switch u {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	for _, p := range []string{"COM", "LPT"} {
		rest, ok := strings.CutPrefix(u, p)
		if !ok {
			continue
		}
		if len(rest) == 1 && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
		if rest == "¹" || rest == "²" || rest == "³" {
			return true
		}
	}
	return false
}
