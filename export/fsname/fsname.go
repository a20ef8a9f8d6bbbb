// Package fsname turns names that came from outside (a window's name, an
// uploaded file's name) into one file-name element that Windows, macOS and
// Linux all accept.
package fsname

import (
	"path"
	"path/filepath"
	"strings"
	"unicode"
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
	name = shorten(name, maxBytes)
	// After the cut: cutting "CON0" to three bytes makes a device name.
	if IsDevice(stem(name)) {
		name = shorten("_"+name, maxBytes)
	}
	if name == "" || !filepath.IsLocal(name) {
		return fallback
	}
	return name
}

// shorten cuts name to at most maxBytes bytes, keeping a short extension.
func shorten(name string, maxBytes int) string {
	if len(name) <= maxBytes {
		return name
	}
	ext := filepath.Ext(name)
	if len(ext) > 16 || len(ext) >= maxBytes {
		ext = ""
	}
	cut := maxBytes - len(ext)
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return trim(trim(name[:cut]) + ext)
}

// trim drops surrounding spaces (any Unicode space) and trailing dots,
// whichever order they come in; "." and ".." become "".
func trim(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	return strings.TrimRightFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
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
