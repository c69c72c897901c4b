package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tiaoli/internal/testdir"
	"tiaoli/server"
)

// pubTempDir is a temporary folder on tmpfs when there is one, so that
// builds flushing their files to disk stay fast in tests.
func pubTempDir(t testing.TB) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		dir, err := os.MkdirTemp("/dev/shm", "tiaoli-test-")
		if err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// pubBuild runs tiaoli build of content into out for base.
func pubBuild(t testing.TB, content, out, base string) {
	t.Helper()
	var stderr bytes.Buffer
	if err := build(buildOptions{content: content, out: out, base: base}, &stderr); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
}

// pubServe starts tiaoli serve's server on a loopback port and returns
// its address; it stops with the test.
func pubServe(t testing.TB, site, base string) string {
	t.Helper()
	srv, err := server.New(server.Config{Site: site, Base: base, Watch: 50 * time.Millisecond,
		ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Serve(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

// freePort returns a loopback port nobody listens on (for a moment).
func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// nginxConf adapts the shipped deploy/nginx.conf to a test: the site
// folder, the search server's address and a loopback port; without search,
// the search locations are cut out as DEPLOY.md says.
func nginxConf(t testing.TB, site, searchAddr string, port int, withSearch bool) string {
	data, err := os.ReadFile(filepath.Join(testdir.Root(t), "deploy", "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(data)
	if !withSearch {
		conf = regexp.MustCompile(`(?s)# search: begin.*# search: end`).ReplaceAllString(conf, "")
		conf = regexp.MustCompile(`(?s)upstream tiaoli_search \{.*?\}`).ReplaceAllString(conf, "")
		conf = regexp.MustCompile(`(?s)map "\$uri\|\$arg_v" \$tiaoli_cache \{.*?\n\}`).ReplaceAllString(conf, "")
	}
	r := strings.NewReplacer("/srv/tiaoli/site", site, "127.0.0.1:8080", searchAddr,
		"listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port),
		"/etc/nginx/tiaoli-proxy.conf", filepath.Join(testdir.Root(t), "deploy", "tiaoli-proxy.conf"))
	return r.Replace(conf)
}

// startNginx runs Debian's nginx in the foreground with the server blocks
// in servers, and stops it with the test. It skips when nginx is absent.
func startNginx(t *testing.T, servers string, ports ...int) {
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, err := os.Stat("/usr/sbin/nginx"); err != nil {
			t.Skip("nginx is not installed (make test-deps installs Debian's nginx-light)")
		}
		bin = "/usr/sbin/nginx"
	}
	dir := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;" // workers must read the test's private folders
	}
	mime := "include /etc/nginx/mime.types;"
	if _, err := os.Stat("/etc/nginx/mime.types"); err != nil {
		mime = ""
	}
	main := fmt.Sprintf(`%s
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log warn;
events { worker_connections 256; }
http {
    %[3]s
    default_type application/octet-stream;
    access_log %[2]s/access.log;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    %[4]s
}
`, user, dir, mime, servers)
	conf := filepath.Join(dir, "nginx.conf")
	os.WriteFile(conf, []byte(main), 0o644)
	out := startDaemon(t, "nginx", filepath.Join(dir, "error.log"),
		exec.Command(bin, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", conf, "-g", "daemon off;"))
	for _, port := range ports {
		waitListening(t, port, out)
	}
}

// startDaemon starts a web server that stays in the foreground and stops
// it when the test ends, showing its output and error log if the test
// failed.
func startDaemon(t *testing.T, name, errorLog string, cmd *exec.Cmd) *bytes.Buffer {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if t.Failed() {
			logs, _ := os.ReadFile(errorLog)
			t.Logf("%s:\n%s\n%s", name, out.String(), logs)
		}
	})
	return &out
}

func waitListening(t *testing.T, port int, out *bytes.Buffer) {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			return
		}
	}
	t.Fatalf("the server did not listen on %d:\n%s", port, out.String())
}

// response is what a test needs of an HTTP answer.
type response struct {
	status int
	header http.Header
	body   string
}

// fetchRaw gets url without decompressing, with headers in pairs.
func fetchRaw(t testing.TB, url string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(body)}
}

// hrefs lists the link targets of a page.
func hrefs(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"#]*)`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func decodeJSON(t testing.TB, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("JSON: %v: %.200s", err, body)
	}
}
