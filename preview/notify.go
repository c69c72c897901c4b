package preview

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"tiaoli/generator"
)

// notifiedPolls is how many Intervals pass between two polls while the
// operating system tells changes: the poll only catches what it failed
// to tell (a folder on a network file system, say).
const notifiedPolls = 10

// settle is how long a change told is left to settle before the folders
// are polled: an editor saves with several writes and a rename.
const settle = 20 * time.Millisecond

// notifier wakes the watch loop when the operating system tells of a
// change under the watched folders (inotify, kqueue or
// ReadDirectoryChangesW, through fsnotify), so that an edit starts a build
// at once instead of at the next poll, and polling can be rare. Hidden
// names are not content and wake nothing. It keeps the paths told since
// the last drain, so that only those need a look (snapshot.update).
type notifier struct {
	w *fsnotify.Watcher
	C chan struct{} // receives when something changed

	mu    sync.Mutex
	paths map[string]bool // told since the last drain
	whole bool            // something was lost or a folder came: poll all
}

// newNotifier watches every folder under dirs; an error when the system
// cannot (no such facility, too many folders for its limit).
func newNotifier(dirs []string) (*notifier, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	n := &notifier{w: w, C: make(chan struct{}, 1), paths: map[string]bool{}}
	for _, dir := range dirs {
		if err := n.addTree(dir); err != nil {
			w.Close()
			return nil, err
		}
	}
	go n.loop()
	return n, nil
}

// addTree watches dir and every folder under it but hidden ones.
func (n *notifier) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil // the poll and the build say what cannot be read
		}
		if p != dir && generator.Hidden(d.Name()) {
			return filepath.SkipDir
		}
		return n.w.Add(p)
	})
}

// loop passes the changes told on to C, watching the folders made.
func (n *notifier) loop() {
	for {
		select {
		case ev, ok := <-n.w.Events:
			if !ok {
				return
			}
			if generator.Hidden(filepath.Base(ev.Name)) {
				continue
			}
			folder := ev.Has(fsnotify.Create) && isDir(ev.Name)
			if folder {
				n.addTree(ev.Name)
			}
			n.told(ev.Name, folder)
		case _, ok := <-n.w.Errors:
			if !ok {
				return
			}
			// An overflow of the queue: what was lost is found by
			// polling everything.
			n.lost()
		}
	}
}

// told keeps a path told changed and wakes C; a new folder (folder) asks
// for a poll of everything, as what it holds was made before it was
// watched.
func (n *notifier) told(path string, folder bool) {
	n.mu.Lock()
	n.paths[path] = true
	n.whole = n.whole || folder
	n.mu.Unlock()
	n.wake()
}

// lost asks for a poll of everything and wakes C.
func (n *notifier) lost() {
	n.mu.Lock()
	n.whole = true
	n.mu.Unlock()
	n.wake()
}

func (n *notifier) wake() {
	select {
	case n.C <- struct{}{}:
	default: // one wake is pending already
	}
}

// drain returns the paths told since the last drain, and whether
// everything must be polled instead.
func (n *notifier) drain() (paths []string, whole bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for p := range n.paths {
		paths = append(paths, p)
	}
	clear(n.paths)
	whole, n.whole = n.whole, false
	return paths, whole
}

// isDir reports whether path is a folder (not a link to one).
func isDir(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.IsDir()
}

func (n *notifier) close() { n.w.Close() }
