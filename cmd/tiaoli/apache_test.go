package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// apacheModules are the modules deploy/apache.conf needs.
var apacheModules = []string{"mpm_event", "authz_core", "alias", "dir", "mime", "headers", "rewrite", "proxy", "proxy_http", "filter", "deflate"}

// TestApacheInFront is TestNginxInFront for deploy/apache.conf and
// Debian's apache2; it skips when Apache is not installed.
func TestApacheInFront(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Apache")
	}
	bin, err := exec.LookPath("apache2")
	if err != nil {
		if bin = "/usr/sbin/apache2"; !fileExists(bin) {
			t.Skip("Apache is not installed (apt-get install apache2-bin)")
		}
	}
	const mods = "/usr/lib/apache2/modules"
	dir := pubTempDir(t)
	os.Chmod(dir, 0o755) // Apache's workers run as nobody
	site := filepath.Join(dir, "site")
	pubBuild(t, filepath.Join(pubRepoRoot(t), "content"), site, "/fagui/")
	searchAddr := pubServe(t, site, "/fagui/")
	port := freePort(t)

	conf, err := os.ReadFile(filepath.Join(pubRepoRoot(t), "deploy", "apache.conf"))
	if err != nil {
		t.Fatal(err)
	}
	siteConf := strings.NewReplacer("/srv/tiaoli/site", site, "127.0.0.1:8080", searchAddr).Replace(string(conf))
	var main strings.Builder
	for _, m := range apacheModules {
		fmt.Fprintf(&main, "LoadModule %s_module %s/mod_%s.so\n", m, mods, m)
	}
	fmt.Fprintf(&main, "ServerRoot %[1]s\nServerName localhost\nListen 127.0.0.1:%[2]d\nPidFile %[1]s/httpd.pid\n"+
		"ErrorLog %[1]s/error.log\nTypesConfig /etc/mime.types\nDocumentRoot %[1]s/empty\n", dir, port)
	if os.Geteuid() == 0 {
		main.WriteString("User nobody\nGroup nogroup\n")
	}
	main.WriteString(siteConf)
	os.Mkdir(filepath.Join(dir, "empty"), 0o755)
	confPath := filepath.Join(dir, "httpd.conf")
	os.WriteFile(confPath, []byte(main.String()), 0o644)

	cmd := exec.Command(bin, "-f", confPath, "-DFOREGROUND")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if t.Failed() {
			logs, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("apache:\n%s\n%s", out.String(), logs)
		}
	})
	waitListening(t, port, &out)
	base := fmt.Sprintf("http://127.0.0.1:%d/fagui/", port)

	home := fetchRaw(t, base)
	checkPage(t, "home", home)
	checkLinks(t, base, home.body)
	t.Run("assets", func(t *testing.T) { checkAssets(t, base, home.body) })
	t.Run("validators", func(t *testing.T) { checkValidators(t, base) })
	t.Run("search", func(t *testing.T) { checkSearchThroughNginx(t, base) })
	t.Run("404", func(t *testing.T) { checkNotFound(t, base, site, true) })
	if regexp.MustCompile(`(?s)# search: begin.*# search: end`).FindString(string(conf)) == "" {
		t.Error("apache.conf lacks the search markers DEPLOY.md points to")
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
