package site

import (
	"bytes"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"
	"time"

	"tiaoli/generator/model"
)

// Pages is a site rendered on request: the files Render would write (but
// the state file), each rendered the first time it is asked for, by the
// job that owns it, and kept for the life of the Pages. It is an fs.FS
// whose folders are every folder of a file; a folder cannot be listed.
// It is safe for concurrent use.
type Pages struct {
	r    *renderer
	jobs []job
	// owner maps a file's name to the index of the job that writes it;
	// a Pages shares it with the one before when their files are the same
	// (LazyAfter).
	owner map[string]int
	dirs  func() map[string]bool
	// found are the files the jobs that name none wrote (the assets),
	// with the job that wrote each first.
	found map[string]int

	mu    sync.Mutex
	files map[string][]byte   // what the jobs run so far wrote
	calls map[int]*renderCall // jobs run or running
}

// renderCall is a job run once for everyone who asks for one of its
// files; done is closed when it has run.
type renderCall struct {
	done chan struct{}
	err  error
}

// Lazy prepares the site of c without rendering a page: the renderer and
// the list of every file with the job that owns it. Only the jobs that
// name no file of their own (the assets) run now. opts.Previous,
// Recycled, Build and Progress are not used: Lazy keeps no page.
func Lazy(c *model.Corpus, opts Options) (*Pages, error) { return LazyAfter(nil, c, opts) }

// LazyAfter is Lazy for the site that follows last (nil for none): when
// the new site has the same files, each owned by the job at the same place
// in the list, it shares last's map of them instead of making its own. An
// edit in preview mostly changes what pages say, not which pages there
// are: the map has a key per page, 161k on the LawRefBook corpus.
func LazyAfter(last *Pages, c *model.Corpus, opts Options) (*Pages, error) {
	opts = opts.withDefaults()
	opts.Previous, opts.Recycled, opts.Progress = nil, nil, nil
	r, indexed, err := startRenderer(c, opts)
	if err != nil {
		return nil, err
	}
	jobs := r.jobs() // beside the indexes, on the core the search index leaves
	indexed()
	p := &Pages{r: r, jobs: jobs, files: map[string][]byte{}, calls: map[int]*renderCall{}, found: map[string]int{}}
	for i, j := range p.jobs {
		if len(j.files) > 0 {
			continue
		}
		if err := p.run(i); err != nil {
			return nil, err
		}
		for name := range p.files {
			if _, ok := p.found[name]; !ok {
				p.found[name] = i
			}
		}
	}
	if last.sameFiles(p) {
		p.owner, p.dirs = last.owner, last.dirs
		return p, nil
	}
	p.owner = make(map[string]int, len(p.jobs)+len(r.c.Documents)+8) // articles.json, sitemap parts
	for i, j := range p.jobs {
		for _, f := range j.files {
			p.owner[f] = i
		}
	}
	for name, i := range p.found {
		if _, ok := p.owner[name]; !ok {
			p.owner[name] = i
		}
	}
	owner := p.owner // not p: the next Pages may share dirs, and must not keep p
	p.dirs = sync.OnceValue(func() map[string]bool { return folders(owner) })
	return p, nil
}

// sameFiles reports whether p's jobs name the files last's name, each at
// the same place in the list, and write the same files of their own
// finding: then last's map of the files is p's. Comparing the names takes
// a fraction of what filling the map again takes.
func (last *Pages) sameFiles(p *Pages) bool {
	if last == nil || len(last.jobs) != len(p.jobs) || !maps.Equal(last.found, p.found) {
		return false
	}
	for i, j := range p.jobs {
		if !slices.Equal(j.files, last.jobs[i].files) {
			return false
		}
	}
	return true
}

// run runs job i unless it has run or is running, and waits for it.
func (p *Pages) run(i int) error {
	p.mu.Lock()
	c, ok := p.calls[i]
	if !ok {
		c = &renderCall{done: make(chan struct{})}
		p.calls[i] = c
	}
	p.mu.Unlock()
	if ok {
		<-c.done
		return c.err
	}
	w := &worker{r: p.r, out: p}
	c.err = p.jobs[i].render(w)
	if c.err == nil {
		c.err = p.r.frameError()
	}
	close(c.done)
	return c.err
}

// WriteFile keeps a file a job wrote: Pages is the jobs' Writer.
func (p *Pages) WriteFile(name string, data []byte) error {
	p.mu.Lock()
	p.files[name] = bytes.Clone(data)
	p.mu.Unlock()
	return nil
}

// ReadFile returns the bytes Render writes to name, rendering them if need
// be; an error wrapping fs.ErrNotExist when Render writes no such file.
func (p *Pages) ReadFile(name string) ([]byte, error) {
	i, ok := p.owner[name]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	if err := p.run(i); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	p.mu.Lock()
	data, ok := p.files[name]
	p.mu.Unlock()
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return data, nil
}

// Open opens a file, rendering it if need be, or a folder, which holds at
// least one file.
func (p *Pages) Open(name string) (fs.File, error) {
	if _, ok := p.owner[name]; ok {
		data, err := p.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return &pageFileReader{Reader: bytes.NewReader(data), info: fileInfo{name: path.Base(name), size: int64(len(data))}}, nil
	}
	if p.isDir(name) {
		return &pageFileReader{Reader: bytes.NewReader(nil), info: fileInfo{name: path.Base(name), dir: true}}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat is Open's answer without the reading.
func (p *Pages) Stat(name string) (fs.FileInfo, error) {
	f, err := p.Open(name)
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

// isDir reports whether name is a folder of the site: "." or a folder of a
// file. A page's folder, the most asked for, is found by its index.html.
func (p *Pages) isDir(name string) bool {
	if name == "." {
		return true
	}
	if !fs.ValidPath(name) {
		return false
	}
	if _, ok := p.owner[name+"/index.html"]; ok {
		return true
	}
	return p.dirs()[name]
}

// folders lists every folder of a file of owner but the root.
func folders(owner map[string]int) map[string]bool {
	dirs := map[string]bool{}
	for name := range owner {
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// pageFileReader is an open file or folder of a Pages.
type pageFileReader struct {
	*bytes.Reader
	info fileInfo
}

func (f *pageFileReader) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *pageFileReader) Close() error               { return nil }

func (f *pageFileReader) Read(b []byte) (int, error) {
	if f.info.dir {
		return 0, &fs.PathError{Op: "read", Path: f.info.name, Err: fs.ErrInvalid}
	}
	return f.Reader.Read(b)
}

// fileInfo describes a file or folder of a Pages. Its time is zero: the
// bytes, not a time, tell one version of a page from another.
type fileInfo struct {
	name string
	size int64
	dir  bool
}

func (fi fileInfo) Name() string { return fi.name }
func (fi fileInfo) Size() int64  { return fi.size }
func (fi fileInfo) Mode() fs.FileMode {
	if fi.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (fi fileInfo) ModTime() time.Time { return time.Time{} }
func (fi fileInfo) IsDir() bool        { return fi.dir }
func (fi fileInfo) Sys() any           { return nil }

var (
	_ fs.ReadFileFS = (*Pages)(nil)
	_ fs.StatFS     = (*Pages)(nil)
	_ io.ReadSeeker = (*pageFileReader)(nil)
)
