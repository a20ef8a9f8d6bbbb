package serve

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
)

// TokenHeader is the header that carries the per-process token.
const TokenHeader = "X-Shenbao-Token"

// allowedHosts returns the Host values a request may carry: the listening
// address and localhost with its port; for a loopback address both
// loopbacks; for an unspecified one (0.0.0.0, [::]) every address of the
// machine's interfaces and its host name.
func allowedHosts(addr string) (map[string]bool, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return nil, fmt.Errorf("serve: listening address %q: want host:port", addr)
	}
	hosts := map[string]bool{}
	add := func(h string) { hosts[strings.ToLower(net.JoinHostPort(h, port))] = true }
	add(host)
	add("localhost")
	ip, err := netip.ParseAddr(host)
	switch {
	case err != nil:
		// A name such as "localhost" or the machine's own.
	case ip.IsLoopback():
		add("127.0.0.1")
		add("::1")
	case ip.IsUnspecified():
		add("127.0.0.1")
		add("::1")
		if name, err := os.Hostname(); err == nil {
			add(name)
		}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if p, err := netip.ParsePrefix(a.String()); err == nil {
					add(p.Addr().WithZone("").String())
				}
			}
		}
	}
	return hosts, nil
}

// hostAllowed reports whether a request's Host names this server. A Host
// without a port means port 80.
func (s *Server) hostAllowed(host string) bool {
	host = strings.ToLower(host)
	if _, _, err := net.SplitHostPort(host); err != nil {
		host = net.JoinHostPort(strings.Trim(host, "[]"), "80")
	}
	return s.hosts[host]
}

// originAllowed reports whether an Origin header value is this server's
// own page.
func (s *Server) originAllowed(origin string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(origin), "http://")
	return ok && !strings.Contains(rest, "/") && s.hosts[rest]
}

// refuse returns why r must be refused (403), or "" to let it through:
//   - a Host that is not this server (a DNS-rebinding page);
//   - a cross-site request for the token (Origin or Sec-Fetch-Site);
//   - a state-changing request from another Origin or without the token.
func (s *Server) refuse(r *http.Request) string {
	if !s.hostAllowed(r.Host) {
		return "拒绝访问：请求的地址（Host：" + r.Host + "）不是本机的审查服务，请直接打开 shenbao 显示的网址"
	}
	origin := r.Header.Get("Origin")
	crossSite := r.Header.Get("Sec-Fetch-Site") == "cross-site"
	if r.URL.Path == "/api/token" && (crossSite || origin != "" && !s.originAllowed(origin)) {
		return "拒绝访问：其他网站不能读取本服务的令牌"
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return ""
	}
	if crossSite || origin != "" && !s.originAllowed(origin) {
		return "拒绝访问：请求来自其他网站（Origin：" + origin + "）"
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(TokenHeader)), []byte(s.token)) != 1 {
		return "拒绝访问：缺少或错误的令牌（" + TokenHeader + "），请刷新页面后重试"
	}
	return ""
}
