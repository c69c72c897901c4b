package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MarkerFile marks a folder as a site this package wrote. A build or an
// install replaces a folder, and removes its debris and its OUT.prev, only
// when it carries the marker (or the state file of a build made before the
// marker), is empty or does not exist; anything else is the user's, and is
// replaced only with Options.Force. The marker is a hidden file, which no
// web server configured as deploy/ says serves.
const MarkerFile = ".tiaoli/site"

// legacyMarker is the state file of package site, which builds made
// before MarkerFile carry.
const legacyMarker = ".tiaoli/state.json"

// markerText is what MarkerFile says to someone who finds it.
const markerText = "This folder is a site built by tiaoli. tiaoli build and tiaoli publish\n" +
	"replace it whole: do not keep files of your own in it.\n"

// IsSite reports whether the folder dir is a site written by this package.
func IsSite(dir string) bool {
	for _, m := range []string{MarkerFile, legacyMarker} {
		if fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(m))); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// ErrNotSite says a folder to be replaced or removed is not a site.
var ErrNotSite = errors.New("is not a site built by tiaoli")

// owned checks that the folder p may be replaced or removed: it does not
// exist, is empty or is a site. force lets a folder that is none of these
// go too.
func owned(p string, force bool) (foreign bool, err error) {
	fi, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("publish: %w", err)
	case !fi.IsDir():
		return false, fmt.Errorf("publish: %s exists and is not a folder", p)
	case IsSite(p) || isEmpty(p):
		return false, nil
	case force:
		return true, nil
	}
	return true, fmt.Errorf("publish: %s %w (it has no %s) and holds files: refusing to replace it; "+
		"give another folder, or --force to replace it and lose its files", p, ErrNotSite, MarkerFile)
}

// isEmpty reports whether the folder p has no entries.
func isEmpty(p string) bool {
	d, err := os.Open(p)
	if err != nil {
		return false
	}
	defer d.Close()
	_, err = d.Readdirnames(1)
	return errors.Is(err, io.EOF)
}

// writeMarker marks the staging folder dir as a site. The published
// site's marker is linked when it says the same, as unchanged pages are,
// so that a rebuild leaves it as it was.
func writeMarker(dir, out string) error {
	p := filepath.Join(dir, filepath.FromSlash(MarkerFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	old := filepath.Join(out, filepath.FromSlash(MarkerFile))
	if holds(old, []byte(markerText)) && link(old, p) == nil {
		return nil
	}
	return os.WriteFile(p, []byte(markerText), 0o644)
}

// markSite marks the folder dir as a site with a marker of its own: one
// that is debris, which the next build may remove.
func markSite(dir string) error {
	p := filepath.Join(dir, filepath.FromSlash(MarkerFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(markerText), 0o644)
}

// checkApart refuses an out folder that is, holds or is inside one of the
// folders in avoid (the content folder of a build, the site an install
// copies), or whose siblings (OUT.prev, OUT.staging, OUT.trash) are or
// hold one of them: replacing out would move or delete it.
func checkApart(out string, avoid []string) error {
	outAbs, err := absolute(out)
	if err != nil {
		return err
	}
	for _, a := range avoid {
		aAbs, err := absolute(a)
		if err != nil {
			return err
		}
		if within(outAbs, aAbs) || within(aAbs, outAbs) {
			return fmt.Errorf("publish: refusing to write the site to %s: it overlaps %s, which the build reads; give a folder of its own", out, a)
		}
		for _, suffix := range folderSuffixes {
			if within(aAbs, outAbs+suffix) {
				return fmt.Errorf("publish: refusing to write the site to %s: %s is where the build keeps %s%s", out, a, out, suffix)
			}
		}
	}
	return nil
}

// absolute is p made absolute with every link resolved; for a path that
// does not exist yet, its nearest existing parent is resolved.
func absolute(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within reports whether p is dir or inside it (both absolute and clean).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
