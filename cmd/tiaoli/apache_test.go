package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"tiaoli/internal/testdir"
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
	pubBuild(t, filepath.Join(testdir.Root(t), "content"), site, "/fagui/")
	searchAddr := pubServe(t, site, "/fagui/")
	port := freePort(t)

	conf, err := os.ReadFile(filepath.Join(testdir.Root(t), "deploy", "apache.conf"))
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

	out := startDaemon(t, "apache", filepath.Join(dir, "error.log"), exec.Command(bin, "-f", confPath, "-DFOREGROUND"))
	waitListening(t, port, out)
	checkInFront(t, fmt.Sprintf("http://127.0.0.1:%d/fagui/", port), site, true)
	if regexp.MustCompile(`(?s)# search: begin.*# search: end`).FindString(string(conf)) == "" {
		t.Error("apache.conf lacks the search markers DEPLOY.md points to")
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
