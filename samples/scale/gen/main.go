// Command gen writes a synthetic mailbox export for benchmarks and load
// trials: go run ./samples/scale/gen -n 1000 -o /tmp/export
package main

import (
	"flag"
	"fmt"
	"os"

	"shenbao/samples/scale"
)

func main() {
	n := flag.Int("n", 100, "窗口数量（每个窗口一封邮件）")
	out := flag.String("o", "", "输出文件夹")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "用法：go run ./samples/scale/gen -n 1000 -o 输出文件夹")
		os.Exit(2)
	}
	total, err := scale.Write(*out, scale.Options{Windows: *n})
	if err != nil {
		fmt.Fprintf(os.Stderr, "错误：%v\n", err)
		os.Exit(1)
	}
	fmt.Printf("已生成 %d 封邮件，共 %.1f MB：%s\n", *n, float64(total)/1e6, *out)
}
