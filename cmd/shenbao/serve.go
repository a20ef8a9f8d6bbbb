package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"shenbao/cmd/shenbao/serve"
	"shenbao/validate/profile"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--addr 127.0.0.1:8720] [--open]", stderr)
	addr := fs.String("addr", serve.DefaultAddr, "监听的`地址:端口`；默认只允许本机访问")
	open := fs.Bool("open", false, "启动后在默认浏览器中打开审查页面")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return fmt.Errorf("serve 不接受参数“%s”；要审查的文件夹请在网页上填写", rest[0])
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.ListenAndServe(ctx, serve.Options{Addr: *addr, Open: *open, Console: stdout}, serveConfig())
}

// serveConfig is the web page's configuration: the built-in profiles and
// the same check as the command line.
func serveConfig() serve.Config {
	var profiles []serve.Profile
	for _, name := range append([]string{profile.DefaultName}, profile.Names()...) {
		if len(profiles) > 0 && name == profile.DefaultName {
			continue
		}
		title := ""
		if p, err := profile.Load(name); err == nil {
			title = p.Title
		}
		profiles = append(profiles, serve.Profile{Name: name, Title: title})
	}
	return serve.Config{Run: serveJob, Check: checkRequest, Profiles: profiles}
}

// checkRequest refuses, before a job is queued, what the check would
// refuse at once: an unknown profile.
func checkRequest(req serve.Request) error {
	if req.Profile != "" {
		if _, err := profile.Load(req.Profile); err != nil {
			return err
		}
	}
	return nil
}

// serveJob runs one check of the web page through check, the command
// line's own function, into the job's folder.
func serveJob(ctx context.Context, req serve.Request, out serve.Outputs, p *serve.Progress) error {
	name := req.Profile
	if name == "" {
		name = profile.DefaultName
	}
	_, err := check(ctx, checkFlags{
		out:      out.Register,
		json:     out.JSON,
		notices:  out.Notices,
		overlays: out.Pages,
		numbered: true,
		scans:    req.Scans,
		rankings: req.Rankings,
		joint:    req.JointReview,
		profile:  name,
		fullID:   req.FullID,
		inputs:   req.Inputs,
		progress: io.Discard,
		reporter: p,
	}, io.Discard)
	return err
}
