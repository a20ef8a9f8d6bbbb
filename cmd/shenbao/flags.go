package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// errHelpShown ends a command after -h printed its help.
var errHelpShown = errors.New("help shown")

// newFlagSet makes a flag set whose help and errors are in Chinese.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags says what went wrong, in Chinese
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法：shenbao %s\n\n选项：\n", synopsis)
		fs.VisitAll(func(f *flag.Flag) {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			arg, text := flag.UnquoteUsage(f)
			if arg == "value" {
				arg = "路径"
			}
			if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
				arg = ""
			}
			if arg != "" {
				arg = " " + arg
			}
			fmt.Fprintf(stderr, "  %s%s%s\n        %s", dash, f.Name, arg, text)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(stderr, "（默认 %s）", f.DefValue)
			}
			fmt.Fprintln(stderr)
		})
	}
	return fs
}

// parseFlags parses args, letting flags and operands mix in any order
// (shenbao check samples -o r.xlsx), as clerks type them. A bad flag gives
// one Chinese line and where to find the usage, not the whole usage; -h
// prints the usage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error
	defer func() { fs.Usage = usage }()
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, errHelpShown
			}
			return nil, fmt.Errorf("参数有误：%s\n运行 shenbao %s -h 查看用法", translateFlagError(err), fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			return operands, nil
		}
		if args[0] == "--" {
			return append(operands, args[1:]...), nil
		}
		operands = append(operands, args[0])
		args = args[1:]
	}
}

// invalidValue matches the flag package's “invalid value "x" for flag -j: why”.
var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?(-\S+): (.*)$`)

// translateFlagError puts the flag package's English errors in Chinese.
func translateFlagError(err error) string {
	msg := err.Error()
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		why := m[3]
		if strings.HasPrefix(why, "parse error") || !hasHan(why) {
			why = "格式不对"
		}
		return fmt.Sprintf("选项 %s 的取值“%s”无效：%s", m[2], m[1], why)
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "没有这个选项 " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "选项 " + strings.TrimPrefix(msg, "flag needs an argument: ") + " 后面缺少取值"
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return "选项写法不对：" + strings.TrimPrefix(msg, "bad flag syntax: ")
	}
	return msg
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// jobsFlag is -j: a whole number of workers, at least 1; 0 when not given
// (the pipeline then uses the number of CPUs).
type jobsFlag int

func (j *jobsFlag) String() string { return strconv.Itoa(int(*j)) }

func (j *jobsFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return errors.New("应为不小于 1 的整数（同时处理的文件数），例如 -j 4")
	}
	*j = jobsFlag(n)
	return nil
}

// multi is a flag that may be given several times.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }
