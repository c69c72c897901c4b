package preview

import (
	"io/fs"
	"path/filepath"
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
// names are not content and wake nothing.
type notifier struct {
	w *fsnotify.Watcher
	C chan struct{} // receives when something changed
}

// newNotifier watches every folder under dirs; an error when the system
// cannot (no such facility, too many folders for its limit).
func newNotifier(dirs []string) (*notifier, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	n := &notifier{w: w, C: make(chan struct{}, 1)}
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
			if ev.Has(fsnotify.Create) {
				n.addTree(ev.Name) // a new folder; a file is no folder
			}
			select {
			case n.C <- struct{}{}:
			default: // one wake is pending already
			}
		case _, ok := <-n.w.Errors:
			if !ok {
				return
			}
			// An overflow of the queue: the next poll sees what was lost.
		}
	}
}

func (n *notifier) close() { n.w.Close() }
