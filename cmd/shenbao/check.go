package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

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
	review   bool
	fullID   bool
	previous string
	report   string
	// overlays is a folder for the scan pages drawn with their rows and
	// seals; numbered names them 1.png, 2.png … (the web page's
	// pages/{n}.png) instead of by window and file.
	overlays string
	numbered bool
	jobs     jobsFlag
	quiet    bool
	inputs   []string
	progress io.Writer
	// replaceable checks that an existing output can be replaced; nil
	// means export.CheckReplaceable. Tests stand in for a file held open
	// by Excel, which Linux cannot make.
	replaceable func(path, what string) error
	// reporter, when set, is told the progress instead of a line on
	// progress (the web page's job).
	reporter reporter
}

// reporter is what check tells about the run's progress: the pipeline's
// reporter and the end of the run. export.Progress is one.
type reporter interface {
	pipeline.Reporter
	Done()
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
	fs.StringVar(&f.notices, "notices", "", "为每个需补正的窗口生成《材料补正一次性告知书》，写入此`文件夹`")
	fs.BoolVar(&f.review, "notices-review", false, "同时为只有待核查事项的窗口生成《材料核实告知书》（默认只列入登记表“待核查清单”）")
	fs.BoolVar(&f.fullID, "full-id", false, "仅联审名单显示完整身份证号码和出生日期（其他表和JSON始终前6后4）")
	fs.StringVar(&f.previous, "previous", "", "与上次的审查结果比较（上次 --json 写出的`文件`，或上次的登记表 .xlsx），写出“变化情况”")
	fs.StringVar(&f.report, "report", "", "写出给领导看的《审查情况报告》（.docx）到此`文件`")
	fs.StringVar(&f.overlays, "overlay", "", "把每页扫描件画上识别出的审核栏和印章（PNG），写入此`文件夹`，便于核对")
	fs.Var(&f.jobs, "j", "并行处理`数量`，正整数（默认为CPU核数）")
	fs.BoolVar(&f.quiet, "q", false, "不显示进度")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(inputs) == 0 {
		return exitUsage, fmt.Errorf("请指定要审查的文件或文件夹，例如：shenbao check samples/mailbox（运行 shenbao check -h 查看用法）")
	}
	if f.out, err = registerPath(f.out); err != nil {
		return exitUsage, err
	}
	f.inputs = inputs
	f.progress = stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return check(ctx, f, stdout)
}

// check runs one check as f says and prints the summary on stdout. It is
// the one job of `check`, of paths dropped on the program and of the web
// page, so all three write the same register.
func check(ctx context.Context, f checkFlags, stdout io.Writer) (int, error) {
	p, err := profile.Load(f.profile)
	if err != nil {
		return exitUsage, err
	}
	for _, in := range f.inputs {
		if _, err := os.Stat(in); err != nil {
			return exitUsage, fmt.Errorf("未找到任何申报材料：找不到输入“%s”，请检查路径是否正确。登记表等输出文件均未改动。", in)
		}
	}
	for _, in := range slices.Concat(f.scans, f.rankings, f.joint) {
		if _, err := os.Stat(in); err != nil {
			return exitUsage, fmt.Errorf("找不到输入“%s”，请检查路径是否正确。登记表等输出文件均未改动。", in)
		}
	}
	var prev *validate.Result
	if f.previous != "" {
		if prev, err = export.ReadPrevious(f.previous, p.Name, p.Title); err != nil {
			return exitUsage, err
		}
	}
	// Fail before any work when an output cannot be written or replaced.
	if err := checkOutputs(f); err != nil {
		return exitUsage, err
	}

	if f.overlays != "" {
		if err := os.MkdirAll(f.overlays, 0o755); err != nil {
			return exitUsage, fmt.Errorf("无法创建标注图文件夹“%s”，请换一个输出位置", f.overlays)
		}
	}
	var prog reporter = f.reporter
	if prog == nil {
		prog = export.NewProgress(f.progress, isTerminal(f.progress), f.quiet)
	}
	res, err := pipeline.Run(ctx, pipeline.Options{
		Inputs:      f.inputs,
		Scans:       f.scans,
		Rankings:    f.rankings,
		JointReview: f.joint,
		Profile:     p,
		Jobs:        int(f.jobs),
		Reporter:    prog,
		Overlays:    f.overlays,
		OverlayName: overlayName(f.numbered),
	})
	if err != nil {
		return exitUsage, fmt.Errorf("审查中断：%v", err)
	}
	defer res.Close()
	if res.Windows() == 0 && len(res.Unattributed) == 0 {
		// Nothing to review and nothing to report (an unreadable Word
		// file would be reported): a wrong folder or a typo. Leave every
		// existing output as it is and say what was found instead.
		return exitUsage, noMaterial(f.inputs, res)
	}
	defer pipeline.TightGC()() // the outputs, beside the whole result
	if prev != nil {
		res.Changes = validate.Compare(prev, res)
	}
	if f.notices != "" && p.Notice.ContactIsExample() {
		fmt.Fprintf(f.progress, "提示：告知书中的联系人仍为示例，请在配置文件中填写本单位的联系人和电话（现为“%s”）："+
			"运行 shenbao profile show > 我的配置.yaml，修改 notice 下的 contact 一行，再加 --profile 我的配置.yaml 重新运行。\n", p.Notice.Contact)
	}
	prog.Stage("写出")
	roles := make([]string, len(p.ReviewRows))
	for i, r := range p.ReviewRows {
		roles[i] = r.Name
	}
	var (
		mu    sync.Mutex
		moved []string // outputs written under another name
	)
	verify := 0 // 材料核实告知书 written
	written := func(path *string, err error) error {
		var m *export.MovedError
		if errors.As(err, &m) {
			*path = m.Written
			mu.Lock()
			moved = append(moved, m.Error())
			mu.Unlock()
			return nil
		}
		return err
	}
	// The register is written beside the other outputs, which only read
	// res as it does: on two cores the run's last stage takes the time of
	// the longest output, not of all of them.
	registerDone := make(chan error, 1)
	go func() {
		err := written(&f.out, export.WriteRegister(f.out, res, export.RegisterOptions{
			FullID:        f.fullID,
			ProfileName:   p.Name,
			Title:         p.Title,
			RegisterTitle: p.RegisterTitle,
			Issuer:        p.Notice.Issuer,
			ReviewRoles:   roles,
		}))
		if err != nil {
			err = fmt.Errorf("写出登记表“%s”失败：%v", f.out, err)
		}
		registerDone <- err
	}()
	if code, err := writeOthers(&f, p, res, written, &verify); err != nil {
		<-registerDone
		return code, err
	}
	if err := <-registerDone; err != nil {
		return exitUsage, err
	}
	prog.Done()
	for _, m := range moved {
		fmt.Fprintln(f.progress, "注意："+m+"。")
	}
	fmt.Fprintln(stdout, export.Summary(res, f.out, f.json, f.notices))
	if verify > 0 {
		fmt.Fprintf(stdout, "材料核实告知书 %d 份已写入 %s。\n", verify, f.notices)
	}
	if f.report != "" {
		fmt.Fprintf(stdout, "审查情况报告已写入 %s。\n", f.report)
	}
	return exitCode(res), nil
}

// exitCode is 0 when every window is 合规 and nothing that needs a
// person's eye is left unattributed; 1 otherwise.
func exitCode(res *validate.Result) int {
	for _, s := range res.All() {
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
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && vtEnabled(f)
}

// writeOthers writes the outputs other than the register: the notices, then
// the JSON (a compared run records the last notice number it gave), then
// the report. It runs beside the register's writing.
func writeOthers(f *checkFlags, p *profile.Profile, res *validate.Result, written func(*string, error) error, verify *int) (int, error) {
	if f.notices != "" {
		dir := f.notices
		paths, err := export.WriteNotices(f.notices, res, export.NoticeOptions{
			Title:    p.Title,
			Deadline: p.Notice.Deadline,
			Contact:  p.Notice.Contact,
			Issuer:   p.Notice.Issuer,
			Number:   p.Notice.Number,
			Date:     noticeDate(p, res),
			Review:   f.review,
		})
		if written(&dir, err) != nil {
			return exitUsage, fmt.Errorf("写出告知书失败：%v", err)
		}
		if res.Changes != nil {
			// The next run numbers its notices on from here.
			res.Changes.LastNotice = res.Changes.PreviousLastNotice + len(paths)
		}
		for _, p := range paths {
			if strings.Contains(filepath.Base(p), "核实告知书") {
				*verify++
			}
		}
	}
	// The JSON comes after the notices: a compared run records the last
	// notice number it gave.
	if f.json != "" {
		if err := written(&f.json, export.WriteJSON(f.json, res)); err != nil {
			return exitUsage, fmt.Errorf("写出JSON“%s”失败：%v", f.json, err)
		}
	}
	if f.report != "" {
		if err := written(&f.report, export.WriteReport(f.report, res, export.ReportOptions{
			Title:    p.Title,
			Issuer:   p.Notice.Issuer,
			Deadline: p.Notice.Deadline,
			Date:     res.GeneratedAt,
		})); err != nil {
			return exitUsage, fmt.Errorf("写出审查情况报告“%s”失败：%v", f.report, err)
		}
	}
	return 0, nil
}
