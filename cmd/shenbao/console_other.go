//go:build !windows

package main

import "os"

// setupConsole has nothing to do outside Windows: terminals take UTF-8 and
// escape sequences.
func setupConsole() (restore func()) { return func() {} }

// vtEnabled reports whether a terminal interprets escape sequences; every
// terminal outside Windows does.
func vtEnabled(*os.File) bool { return true }

// ownConsole is false outside Windows: a terminal outlives the program.
func ownConsole() bool { return false }
