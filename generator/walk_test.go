package generator

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"

	"tiaoli/generator/contentdir"
)

// TestWalkMessage: a file system error is told in Chinese, the system's
// own words quoted, and the folder reader's messages kept as they are.
func TestWalkMessage(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a.txt", Err: syscall.EACCES}, "没有读取权限"},
		{&fs.PathError{Op: "open", Path: "a.txt", Err: syscall.ENOENT}, "文件不存在"},
		{fs.ErrNotExist, "文件不存在"},
		{&fs.PathError{Op: "read", Path: "a.txt", Err: syscall.EIO}, "读取出错：「" + syscall.EIO.Error() + "」"},
		{&fs.PathError{Op: "open", Path: "p", Err: contentdir.KindError(fs.ModeNamedPipe)}, "是命名管道，不是普通文件，只读取普通文件"},
		{errors.New("是指向x的链接"), "是指向x的链接"},
	}
	for _, c := range cases {
		if got := walkMessage(c.err); got != c.want {
			t.Errorf("walkMessage(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
