package serve

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the server's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestListenAndServe(t *testing.T) {
	tests := []struct {
		name, addr string
		warn       bool
	}{
		{"loopback", "127.0.0.1:0", false},
		{"localhost", "localhost:0", false},
		{"every interface", ":0", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			var con syncBuffer
			opened := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- ListenAndServe(ctx, Options{Addr: tc.addr, Open: true, Console: &con, OpenURL: func(u string) error {
					opened <- u
					return nil
				}}, Config{Run: (&fake{}).run, TempDir: t.TempDir()})
			}()
			var url string
			select {
			case url = <-opened:
			case err := <-done:
				t.Fatalf("ListenAndServe returned %v\n%s", err, con.String())
			case <-time.After(5 * time.Second):
				t.Fatal("the browser was not opened")
			}
			if !strings.HasPrefix(url, "http://127.0.0.1:") && !strings.HasPrefix(url, "http://localhost:") {
				t.Errorf("page URL %s", url)
			}
			resp, err := http.Get(url)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("GET %s: %d", url, resp.StatusCode)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			out := con.String()
			for _, want := range []string{"审查网页已启动：" + url, "Ctrl+C", "已停止，临时文件已删除"} {
				if !strings.Contains(out, want) {
					t.Errorf("console lacks %q:\n%s", want, out)
				}
			}
			if got := strings.Contains(out, "警告"); got != tc.warn {
				t.Errorf("warning shown %v, want %v:\n%s", got, tc.warn, out)
			}
		})
	}
}

func TestListenErrors(t *testing.T) {
	for _, addr := range []string{"8720", "127.0.0.1:99999"} {
		err := ListenAndServe(context.Background(), Options{Addr: addr}, Config{Run: (&fake{}).run})
		if err == nil || !strings.Contains(err.Error(), addr) {
			t.Errorf("addr %q: err %v", addr, err)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8720": true, "localhost:1": true, "[::1]:8720": true, "127.1.2.3:80": true,
		":8720": false, "0.0.0.0:8720": false, "192.168.1.5:8720": false, "[::]:1": false, "example.com:80": false, "bad": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}
