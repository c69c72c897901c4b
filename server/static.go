package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"

	"tiaoli/publish"
	"tiaoli/search"
)

// Cache policies: assets are kept by browsers (for a year when the URL
// carries a version, ?v=…), pages are revalidated with their ETag.
const (
	cacheVersioned = "public, max-age=31536000, immutable"
	cacheAsset     = "public, max-age=86400"
	cachePage      = "no-cache"
)

// servable reports whether a path relative to the site root may be served:
// no empty, dot or hidden segments, not the index folder, no backslash or
// NUL. A trailing slash is allowed.
func servable(rel string) bool {
	if strings.ContainsAny(rel, "\\\x00") {
		return false
	}
	segs := strings.Split(strings.TrimSuffix(rel, "/"), "/")
	if rel == "" {
		return true
	}
	if segs[0] == search.IndexDir {
		return false
	}
	for _, seg := range segs {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// serveFile serves the file at rel (a folder's index.html for a folder).
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, g *generation, rel string) {
	if !servable(rel) {
		s.notFound(w, r, g)
		return
	}
	name := strings.TrimSuffix(rel, "/")
	if name == "" {
		name = "."
	}
	f, err := g.open(name)
	if err == errIsFolder {
		if !strings.HasSuffix(rel, "/") && rel != "" {
			if index, err := g.open(name + "/index.html"); err == nil {
				index.Close()
				redirectToFolder(w, r)
				return
			}
			s.notFound(w, r, g)
			return
		}
		name = path.Join(name, "index.html")
		f, err = g.open(name)
	} else if err == nil && strings.HasSuffix(rel, "/") {
		f.Close()
		err = fs.ErrNotExist // a file asked for as a folder
	}
	if err != nil {
		s.fileError(w, r, g, name, err)
		return
	}
	defer f.Close()
	s.sendFile(w, r, g, name, f)
}

// fileError answers a file that could not be opened: 404, but for a site
// in memory whose page failed to render, which says why with 500.
func (s *Server) fileError(w http.ResponseWriter, r *http.Request, g *generation, name string, err error) {
	if g.fsys == nil || errors.Is(err, fs.ErrNotExist) || err == errIsFolder {
		s.notFound(w, r, g)
		return
	}
	s.log.Printf("%s: %v", name, err)
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

// sendFile sends an open file, or its .gz variant when the client takes
// gzip and the build has one, with validators and cache headers.
func (s *Server) sendFile(w http.ResponseWriter, r *http.Request, g *generation, name string, f *siteFile) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", cachePolicy(name, r))
	var body io.ReadSeeker = f
	tag := f.tag
	if publish.Compressible(name) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			if gz, err := g.open(name + ".gz"); err == nil {
				defer gz.Close()
				body, tag = gz, strings.TrimSuffix(tag, `"`)+`-gz"`
				h.Set("Content-Encoding", "gzip")
			}
		}
	}
	h.Set("ETag", tag)
	http.ServeContent(w, r, "", f.info.ModTime(), body)
}

// siteFile is an open regular file of a build with its strong validator.
type siteFile struct {
	io.ReadSeeker
	info fs.FileInfo
	tag  string
	io.Closer
}

// open opens a regular file of the build: errIsFolder for a folder,
// fs.ErrNotExist for anything else that is not a regular file.
func (g *generation) open(name string) (*siteFile, error) {
	if g.fsys != nil {
		return openMemory(g.fsys, name)
	}
	f, fi, err := openRegular(g.root, name)
	if err != nil {
		return nil, err
	}
	return &siteFile{ReadSeeker: f, info: fi, tag: etag(fi), Closer: f}, nil
}

// openMemory opens a file of a site held in memory, read whole; its
// validator is a digest of its bytes, as it has no time of its own.
func openMemory(fsys fs.FS, name string) (*siteFile, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errIsFolder
	}
	if !fi.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	tag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	return &siteFile{ReadSeeker: bytes.NewReader(data), info: fi, tag: tag, Closer: io.NopCloser(nil)}, nil
}

// etag is a strong validator from the file's size and time; files kept
// unchanged by a rebuild keep both, and so their ETag.
func etag(fi fs.FileInfo) string {
	return `"` + strconv.FormatInt(fi.ModTime().UnixNano(), 36) + "-" + strconv.FormatInt(fi.Size(), 36) + `"`
}

func cachePolicy(name string, r *http.Request) string {
	if !strings.HasPrefix(name, "assets/") {
		return cachePage
	}
	if r.URL.Query().Get("v") != "" {
		return cacheVersioned
	}
	return cacheAsset
}

// contentType is the media type of a file by its name; unknown types are
// sent as bytes (and nosniff keeps browsers from guessing).
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// acceptsGzip reads an Accept-Encoding header: gzip with a q above 0, or
// * when gzip is not named.
func acceptsGzip(header string) bool {
	gz, star := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			gz = q
		case "*":
			star = q
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return star > 0
}

// errIsFolder says a name is a folder.
var errIsFolder = fmt.Errorf("is a folder")

// openRegular opens a regular file inside the root. Symbolic links are
// followed only while they stay inside the root; anything but a regular
// file or a folder (a named pipe, a device, a socket) is not found, and a
// pipe is never waited on.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if fi.IsDir() {
		f.Close()
		return nil, nil, errIsFolder
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, fi, nil
}

// notFound answers 404 with the site's 404.html.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, g *generation) {
	h := w.Header()
	h.Set("Cache-Control", cachePage)
	f, err := g.open("404.html")
	if err != nil {
		http.Error(w, "404 没有这个页面", http.StatusNotFound)
		return
	}
	defer f.Close()
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		io.Copy(w, f)
	}
}
