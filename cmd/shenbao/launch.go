package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
)

// How the program was started (SPEC §2): a command, nothing at all (a
// double-click: the web page), or only paths (files dropped on the exe).
type launchMode int

const (
	modeCommand launchMode = iota
	modeServe
	modeDrop
)

// commands are the first words that name a command; a file or folder of
// the same name is reached as ./check.
var commands = map[string]bool{
	"check": true, "inspect": true, "profile": true, "serve": true, "version": true,
	"help": true, "-h": true, "--help": true, "-help": true, "--version": true,
}

// decide tells how to run args: no arguments → serve --open; arguments that
// are all existing paths and none a command → check them (drop); anything
// else → the command line as typed.
func decide(args []string, exists func(string) bool) launchMode {
	if len(args) == 0 {
		return modeServe
	}
	if commands[args[0]] {
		return modeCommand
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") || !exists(a) {
			return modeCommand
		}
	}
	return modeDrop
}

func pathExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// launch is main's body: it sets up the console and runs what decide
// says. Started from Explorer (the program alone on its console), it waits
// for Enter before the window closes, so the clerk can read the summary or
// the error.
func launch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	restore := setupConsole()
	defer restore()
	code := exitOK
	switch decide(args, pathExists) {
	case modeServe:
		code = run([]string{"serve", "--open"}, stdout, stderr)
		if code != exitOK && ownConsole() {
			waitEnter(stdin, stdout)
		}
	case modeDrop:
		code = runDrop(args, stdout, stderr)
		if ownConsole() {
			waitEnter(stdin, stdout)
		}
	default:
		code = run(args, stdout, stderr)
	}
	return code
}

func waitEnter(stdin io.Reader, stdout io.Writer) {
	fmt.Fprint(stdout, "\n按回车键关闭此窗口……")
	bufio.NewReader(stdin).ReadString('\n')
}

// runDrop checks paths dropped on the program: folders and files named
// like scans (扫描, scan) are scans, the rest inputs. The register and the
// notices go next to the first path (dropOutputs).
func runDrop(paths []string, stdout, stderr io.Writer) int {
	inputs, scans := splitDropped(paths)
	register, notices := dropOutputs(paths[0])
	fmt.Fprintf(stdout, "shenbao 正在审查：%s\n", strings.Join(inputs, "、"))
	if len(scans) > 0 {
		fmt.Fprintf(stdout, "扫描件：%s\n", strings.Join(scans, "、"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := check(ctx, checkFlags{
		out:      register,
		notices:  notices,
		scans:    scans,
		profile:  "qingfeng-liaoning",
		inputs:   inputs,
		progress: stderr,
	}, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	return code
}

// splitDropped sorts dropped paths into inputs and scans by their names;
// when every path looks like scans they are all inputs, since a check
// needs some.
func splitDropped(paths []string) (inputs, scans []string) {
	for _, p := range paths {
		name := strings.ToLower(filepath.Base(filepath.Clean(p)))
		if strings.Contains(name, "扫描") || strings.Contains(name, "scan") {
			scans = append(scans, p)
		} else {
			inputs = append(inputs, p)
		}
	}
	if len(inputs) == 0 {
		return scans, nil
	}
	return inputs, scans
}

// dropOutputs names the register and notices folder for a drop: in the
// folder that holds first, prefixed with first's name, so dropping
// D:\材料\邮箱导出 writes D:\材料\邮箱导出_合规审查登记表.xlsx and
// D:\材料\邮箱导出_补正告知书\. A drive or root (nothing holds it) gets the
// plain names inside it.
func dropOutputs(first string) (register, notices string) {
	clean := filepath.Clean(first)
	dir, name := filepath.Split(clean)
	if name == "" || dir == "" && filepath.IsAbs(clean) || filepath.VolumeName(clean) == clean {
		return filepath.Join(clean, defaultRegister), filepath.Join(clean, "补正告知书")
	}
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(clean); err == nil && !fi.IsDir() {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return filepath.Join(dir, name+"_"+defaultRegister), filepath.Join(dir, name+"_补正告知书")
}
