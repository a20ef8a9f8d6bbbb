package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// DefaultAddr is where serve listens unless --addr says otherwise.
const DefaultAddr = "127.0.0.1:8720"

// Options of ListenAndServe.
type Options struct {
	Addr string // host:port; "" means DefaultAddr
	Open bool   // open the page in the default browser once listening
	// Console gets the lines for the clerk (where the page is, how to stop,
	// warnings). nil means io.Discard.
	Console io.Writer
	// OpenURL opens the page; nil means the system's default browser.
	OpenURL func(url string) error
}

// ListenAndServe serves the page on opt.Addr until ctx is cancelled (Ctrl-C,
// the console window closed), then stops the running job and removes
// every temporary file. cfg.Addr is set from the listener.
func ListenAndServe(ctx context.Context, opt Options, cfg Config) error {
	con := opt.Console
	if con == nil {
		con = io.Discard
	}
	addr := opt.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("--addr “%s” 无效，应为 地址:端口，例如 %s", addr, DefaultAddr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil && addr == DefaultAddr && addrInUse(err) {
		// Another program (often a shenbao started earlier) holds the
		// port: take any free one rather than fail a double-click.
		fmt.Fprintf(con, "端口 %s 已被占用，改用其他端口。\n", addr)
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return fmt.Errorf("无法在 %s 上启动网页服务：%v", addr, err)
	}
	cfg.Addr = ln.Addr().String()
	if !IsLoopback(addr) {
		fmt.Fprintf(con, "\n!!! 警告：正在监听 %s，不只是本机。同一网络中的其他电脑也能打开此页面、读取本机上的文件并运行审查。\n!!! 只在可信的内部网络中这样做；平时请不要使用 --addr。\n\n", cfg.Addr)
	}
	s, err := New(cfg)
	if err != nil {
		ln.Close()
		return err
	}
	url := pageURL(addr, cfg.Addr)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	fmt.Fprintf(con, "shenbao 审查网页已启动：%s\n", url)
	if opt.Open {
		open := opt.OpenURL
		if open == nil {
			open = OpenBrowser
		}
		if err := open(url); err != nil {
			fmt.Fprintf(con, "无法自动打开浏览器（%v），请手动在浏览器中打开上面的网址。\n", err)
		} else {
			fmt.Fprintln(con, "已在默认浏览器中打开审查页面；如果没有看到，请手动打开上面的网址。")
		}
	} else {
		fmt.Fprintln(con, "请在浏览器中打开上面的网址。")
	}
	fmt.Fprintln(con, "使用期间请保持此窗口打开；要停止，关闭此窗口或按 Ctrl+C。")

	select {
	case <-ctx.Done():
	case err := <-serveErr:
		s.Close()
		return fmt.Errorf("网页服务意外停止：%v", err)
	}
	fmt.Fprintln(con, "正在停止……")
	s.stop()
	// Windows ends a process whose console was closed about 5 s after the
	// close event: leave time to remove the temporary files.
	shutCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shutCtx)
	err = s.Close()
	if err != nil {
		fmt.Fprintf(con, "已停止，但有临时文件未能删除：%v\n", err)
		return nil
	}
	fmt.Fprintln(con, "已停止，临时文件已删除。")
	return nil
}

// addrInUse reports whether a listen failed because the port is taken
// (EADDRINUSE, or WSAEADDRINUSE on Windows).
func addrInUse(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == syscall.EADDRINUSE || errno == 10048)
}

// IsLoopback reports whether addr (host:port) listens on this machine
// only: localhost or a loopback IP. An empty host means every interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// pageURL is the address the clerk opens: the host as given (localhost
// stays localhost) with the port actually listened on.
func pageURL(given, listening string) string {
	host, _, _ := net.SplitHostPort(given)
	_, port, _ := net.SplitHostPort(listening)
	if ip, err := netip.ParseAddr(host); host == "" || err == nil && (ip.IsUnspecified() || ip.IsLoopback() && host != "::1") {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// OpenBrowser opens url in the system's default browser.
func OpenBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
