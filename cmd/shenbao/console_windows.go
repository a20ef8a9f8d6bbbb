//go:build windows

package main

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// cpUTF8 is the UTF-8 code page (65001).
const cpUTF8 = 65001

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// setupConsole makes the console show Chinese right in cmd.exe and
// PowerShell (UTF-8 code page for input and output) and turns on
// virtual-terminal processing so the redrawn progress line works; where VT
// cannot be turned on (old consoles), vtEnabled reports false and progress
// falls back to plain lines. The returned function restores the code pages
// the console had, so the clerk's cmd.exe is left as it was.
func setupConsole() (restore func()) {
	oldOut, errOut := windows.GetConsoleOutputCP()
	oldIn, errIn := windows.GetConsoleCP()
	windows.SetConsoleOutputCP(cpUTF8)
	windows.SetConsoleCP(cpUTF8)
	for _, f := range []*os.File{os.Stdout, os.Stderr} {
		h := windows.Handle(f.Fd())
		var mode uint32
		if windows.GetConsoleMode(h, &mode) == nil {
			windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING|windows.ENABLE_PROCESSED_OUTPUT)
		}
	}
	return func() {
		if errOut == nil && oldOut != 0 {
			windows.SetConsoleOutputCP(oldOut)
		}
		if errIn == nil && oldIn != 0 {
			windows.SetConsoleCP(oldIn)
		}
	}
}

// vtEnabled reports whether f is a console that interprets escape
// sequences.
func vtEnabled(f *os.File) bool {
	var mode uint32
	if err := windows.GetConsoleMode(windows.Handle(f.Fd()), &mode); err != nil {
		return false
	}
	return mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
}

// ownConsole reports whether this process is alone on its console: it was
// started by a double-click or by dropping files on it in Explorer, so the
// window closes as soon as it exits. Started from cmd.exe or PowerShell,
// the shell shares the console.
func ownConsole() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	pids := make([]uint32, 4)
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
