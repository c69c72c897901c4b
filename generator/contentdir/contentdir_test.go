package contentdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestContentDir(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "content")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Skipf("this file system refuses %q: %v", name, err)
		}
	}
	write("a.txt", "a")
	write("\xb0\xec\xb7\xa8.txt", "gbk") // 办法.txt
	write("\xff\xfe.txt", "bad")
	os.WriteFile(filepath.Join(top, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink("../secret.txt", filepath.Join(dir, "out.txt"))
	os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "abs.txt"))
	write("sub/b.txt", "b")
	os.Symlink("b.txt", filepath.Join(dir, "sub", "in.txt"))
	os.Symlink("../a.txt", filepath.Join(dir, "sub", "up.txt"))
	if err := mkfifo(filepath.Join(dir, "pipe.txt")); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()

	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); !strings.Contains(got, "办法.txt") {
		t.Errorf("names %s", got)
	}
	for name, want := range map[string]string{"a.txt": "a", "办法.txt": "gbk", "sub/in.txt": "b", "sub/up.txt": "a"} {
		if data, err := fs.ReadFile(fsys, name); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	for name, want := range map[string]string{
		"out.txt": "指向内容文件夹之外", "abs.txt": "指向内容文件夹之外", "pipe.txt": "命名管道",
		"\ufffd.txt": "既不是UTF-8也不是GB18030", "../secret.txt": "invalid",
	} {
		done := make(chan error, 1)
		go func() { _, err := fs.ReadFile(fsys, name); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, want %q", name, err, want)
			}
			if name == "out.txt" && !errors.Is(err, ErrOutside) {
				t.Errorf("%s: %v is not ErrOutside", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s blocks", name)
		}
	}
	if fi, err := fs.Stat(fsys, "pipe.txt"); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("stat of a pipe: %v %v", fi, err)
	}
}
