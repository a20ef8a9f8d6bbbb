// Command shenbao does the 材料合规性审查 of a window-award campaign: it reads
// the shared-mailbox export and the scan metadata, checks every window's
// materials against the campaign profile and writes the compliance register.
//
// Usage:
//
//	shenbao check [选项] 输入...
//	shenbao inspect 文件
//	shenbao profile show [名称|文件.yaml]
//	shenbao serve [--addr 127.0.0.1:8720] [--open]
//	shenbao                  (a double-click: serve --open)
//	shenbao 路径...          (files dropped on the program: check them)
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit codes, SPEC §2.
const (
	exitOK       = 0 // every window 合规
	exitFindings = 1 // the run finished and some window is not 合规
	exitUsage    = 2 // the run could not be done
)

func main() {
	os.Exit(launch(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `shenbao —— 政务窗口评选申报材料合规性审查工具

用法:
  shenbao check [选项] 输入...        审查邮箱导出、压缩包、申报表所在的文件或文件夹，生成合规审查登记表
  shenbao inspect 文件                显示一个WORD文件的解析结果和提取出的表单字段（JSON）
  shenbao profile show [名称|文件]    显示评选规则配置（默认 qingfeng-liaoning）
  shenbao serve [--addr 地址:端口] [--open]
                                      在本机启动审查网页（默认 http://127.0.0.1:8720/）
  shenbao                             不带参数（在 Windows 中双击）：启动审查网页并打开浏览器
  shenbao 文件或文件夹...             （拖到 shenbao.exe 上）审查它们，登记表和告知书写在第一个旁边
  shenbao version                     显示版本
  shenbao help [命令]                 显示帮助

示例:
  shenbao check samples/mailbox --scans samples/scans -o 合规审查登记表.xlsx --notices 告知书

退出码: 0 全部合规；1 有窗口需补正或待核查；2 无法完成（参数错误、输出文件无法写入等）
`

// version is set at release build time (scripts/dist.sh:
// -ldflags "-X main.version=…").
var version = "开发版"

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	code := exitOK
	switch args[0] {
	case "check":
		code, err = runCheck(args[1:], stdout, stderr)
	case "inspect":
		err = runInspect(args[1:], stdout, stderr)
	case "profile":
		err = runProfile(args[1:], stdout, stderr)
	case "serve":
		err = runServe(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "shenbao %s\n", version)
		return exitOK
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "未知命令“%s”。\n\n%s", args[0], usage)
		return exitUsage
	}
	if err != nil {
		if !errors.Is(err, errHelpShown) {
			fmt.Fprintf(stderr, "错误：%v\n", err)
			return exitUsage
		}
		return exitOK
	}
	return code
}
