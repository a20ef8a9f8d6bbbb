package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"

	"shenbao/cmd/shenbao/pipeline"
	"shenbao/export"
	"shenbao/validate"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

const defaultRegister = "合规审查登记表.xlsx"

type checkFlags struct {
	out      string
	json     string
	scans    multi
	rankings multi
	joint    multi
	profile  string
	notices  string
	fullID   bool
	previous string
	report   string
	jobs     int
	quiet    bool
	inputs   []string
	progress io.Writer
}

func runCheck(args []string, stdout, stderr io.Writer) (int, error) {
	var f checkFlags
	fs := newFlagSet("check", "check [选项] 输入...（文件或文件夹，可多个）", stderr)
	fs.StringVar(&f.out, "o", defaultRegister, "合规审查登记表（.xlsx）的保存`文件`")
	fs.StringVar(&f.json, "json", "", "同时把机器可读的审查结果（JSON）写入此`文件`")
	fs.Var(&f.scans, "scans", "扫描件元数据（CSV/XLSX/JSON）和扫描图片所在的文件或文件夹，可重复")
	fs.Var(&f.rankings, "rankings", "行业主管部门报来的实绩排序表（XLSX/XLS/CSV/WORD）所在的文件或文件夹，可重复")
	fs.Var(&f.joint, "joint-review", "各部门返回的联审结果表（XLSX/XLS/CSV/WORD）所在的文件或文件夹，可重复")
	fs.StringVar(&f.profile, "profile", "qingfeng-liaoning", "评选规则配置：内置`名称`或 YAML 文件路径")
	fs.StringVar(&f.notices, "notices", "", "为每个需补正/待核查的窗口生成《材料补正一次性告知书》，写入此`文件夹`")
	fs.BoolVar(&f.fullID, "full-id", false, "联审名单中显示完整身份证号码（默认只显示前6后4）")
	fs.StringVar(&f.previous, "previous", "", "与上次的审查结果比较（上次 --json 写出的`文件`，或上次的登记表 .xlsx），写出“变化情况”")
	fs.StringVar(&f.report, "report", "", "写出给领导看的《审查情况报告》（.docx）到此`文件`")
	fs.IntVar(&f.jobs, "j", 0, "并行处理`数量`（默认为CPU核数）")
	fs.BoolVar(&f.quiet, "q", false, "不显示进度")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return exitUsage, fmt.Errorf("请指定要审查的文件或文件夹，例如：shenbao check samples/mailbox")
	}
	f.inputs = inputs
	f.progress = stderr
	return check(f, stdout)
}

func check(f checkFlags, stdout io.Writer) (int, error) {
	p, err := profile.Load(f.profile)
	if err != nil {
		return exitUsage, err
	}
	for _, in := range slices.Concat(f.inputs, f.scans, f.rankings, f.joint) {
		if _, err := os.Stat(in); err != nil {
			return exitUsage, fmt.Errorf("找不到输入“%s”，请检查路径", in)
		}
	}
	var prev *validate.Result
	if f.previous != "" {
		if prev, err = export.ReadPrevious(f.previous, p.Name, p.Title); err != nil {
			return exitUsage, err
		}
	}
	// Fail before any work when an output cannot be written.
	if err := export.CheckWritable(f.out); err != nil {
		return exitUsage, err
	}
	if f.json != "" {
		if err := export.CheckWritable(f.json); err != nil {
			return exitUsage, err
		}
	}
	if f.notices != "" {
		if err := export.CheckDir(f.notices); err != nil {
			return exitUsage, err
		}
	}
	if f.report != "" {
		if err := export.CheckWritable(f.report); err != nil {
			return exitUsage, err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	prog := export.NewProgress(f.progress, isTerminal(f.progress), f.quiet)
	res, err := pipeline.Run(ctx, pipeline.Options{
		Inputs:      f.inputs,
		Scans:       f.scans,
		Rankings:    f.rankings,
		JointReview: f.joint,
		Profile:     p,
		Jobs:        f.jobs,
		Reporter:    prog,
	})
	if err != nil {
		return exitUsage, fmt.Errorf("审查中断：%v", err)
	}
	if prev != nil {
		res.Changes = validate.Compare(prev, res)
	}
	prog.Stage("写出")
	roles := make([]string, len(p.ReviewRows))
	for i, r := range p.ReviewRows {
		roles[i] = r.Name
	}
	if err := export.WriteRegister(f.out, res, export.RegisterOptions{
		FullID:        f.fullID,
		ProfileName:   p.Name,
		Title:         p.Title,
		RegisterTitle: p.RegisterTitle,
		Issuer:        p.Notice.Issuer,
		ReviewRoles:   roles,
	}); err != nil {
		return exitUsage, fmt.Errorf("写出登记表“%s”失败：%v", f.out, err)
	}
	if f.json != "" {
		if err := export.WriteJSON(f.json, res); err != nil {
			return exitUsage, fmt.Errorf("写出JSON“%s”失败：%v", f.json, err)
		}
	}
	if f.notices != "" {
		if _, err := export.WriteNotices(f.notices, res, export.NoticeOptions{
			Title:    p.Title,
			Deadline: p.Notice.Deadline,
			Contact:  p.Notice.Contact,
			Issuer:   p.Notice.Issuer,
			Date:     res.GeneratedAt,
		}); err != nil {
			return exitUsage, fmt.Errorf("写出告知书失败：%v", err)
		}
	}
	if f.report != "" {
		if err := export.WriteReport(f.report, res, export.ReportOptions{
			Title:    p.Title,
			Issuer:   p.Notice.Issuer,
			Deadline: p.Notice.Deadline,
			Date:     res.GeneratedAt,
		}); err != nil {
			return exitUsage, fmt.Errorf("写出审查情况报告“%s”失败：%v", f.report, err)
		}
	}
	prog.Done()
	fmt.Fprintln(stdout, export.Summary(res, f.out, f.json, f.notices))
	if f.report != "" {
		fmt.Fprintf(stdout, "审查情况报告已写入 %s。\n", f.report)
	}
	return exitCode(res), nil
}

// exitCode is 0 when every window is 合规 and nothing that needs a
// person's eye is left unattributed; 1 otherwise.
func exitCode(res *validate.Result) int {
	for _, s := range res.Submissions {
		if s.Conclusion != finding.Compliant {
			return exitFindings
		}
	}
	if finding.Conclude(res.Unattributed) != finding.Compliant {
		return exitFindings
	}
	return exitOK
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
