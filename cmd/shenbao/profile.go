package main

import (
	"fmt"
	"io"
	"strings"

	"shenbao/validate/profile"
)

func runProfile(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("profile", "profile show [名称|文件.yaml]   内置配置："+strings.Join(profile.Names(), "、"), stderr)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 || rest[0] != "show" || len(rest) > 2 {
		return fmt.Errorf("请写 shenbao profile show [名称|文件.yaml]，例如 shenbao profile show > 我的配置.yaml（内置配置：%s）", strings.Join(profile.Names(), "、"))
	}
	name := "qingfeng-liaoning"
	if len(rest) == 2 {
		name = rest[1]
	}
	p, err := profile.Load(name)
	if err != nil {
		return err
	}
	return p.Show(stdout)
}
