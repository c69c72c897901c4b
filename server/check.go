package server

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"tiaoli/search"
)

// checkedPages is how many pages named by a new build's index are looked
// for before the build is served.
const checkedPages = 500

// CheckSite checks that the folder dir holds a site a server can serve:
// its home page, and, when it has a search index, an index that opens
// and the pages it names. tiaoli publish checks a site with it before
// installing it; the server checks every new build the same way before it
// switches to it.
func CheckSite(dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	pages, err := rootPages(root, dir)
	if err != nil {
		return err
	}
	return checkPages(root.Stat, pages)
}

// IndexPages is the part of CheckSite that reads the search index of the
// site in dir, if it has one: it opens the index and lists (up to
// checkedPages of) the pages it names. A build does it once its index is
// written, while its pages are still rendered.
func IndexPages(dir string) ([]string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return rootPages(root, dir)
}

// rootPages is IndexPages of the site in dir, opened as root.
func rootPages(root *os.Root, dir string) ([]string, error) {
	if fi, err := root.Lstat(search.IndexDir); err != nil || !fi.IsDir() {
		return nil, nil
	}
	ix, err := search.Open(filepath.Join(dir, search.IndexDir))
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	return indexPages(ix)
}

// indexPages lists (up to checkedPages of) the pages the index ix names.
func indexPages(ix *search.Index) ([]string, error) {
	pages, err := ix.Pages(checkedPages)
	if err != nil {
		return nil, fmt.Errorf("the search index cannot list its pages: %w", err)
	}
	return pages, nil
}

// CheckPages is the rest of CheckSite: the site in dir has a home page,
// and the pages its index names (IndexPages) are regular files.
func CheckPages(dir string, pages []string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return checkPages(root.Stat, pages)
}

// checkSite checks an opened site, whose files stat describes: the home
// page is a regular file, and so are the pages of (up to checkedPages)
// search documents of ix.
func checkSite(stat func(name string) (fs.FileInfo, error), ix *search.Index) error {
	var pages []string
	if ix != nil {
		var err error
		if pages, err = indexPages(ix); err != nil {
			return err
		}
	}
	return checkPages(stat, pages)
}

// checkPages checks an opened site, whose files stat describes: the home
// page is a regular file, and so are pages.
func checkPages(stat func(name string) (fs.FileInfo, error), pages []string) error {
	if err := checkPage(stat, ""); err != nil {
		return fmt.Errorf("the site has no home page: %w", err)
	}
	for _, p := range pages {
		if err := checkPage(stat, p); err != nil {
			return fmt.Errorf("the search index names %s, which the site lacks: %w", p, err)
		}
	}
	return nil
}

// checkPage checks that the page at url (relative, "" or ending in "/"
// for a folder's index.html) is a regular file.
func checkPage(stat func(name string) (fs.FileInfo, error), url string) error {
	name := url
	if name == "" || name[len(name)-1] == '/' {
		name = path.Join(name, "index.html")
	}
	if !fs.ValidPath(name) {
		return fmt.Errorf("%q is not a path inside the site", url)
	}
	fi, err := stat(name)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a file", name)
	}
	return nil
}
