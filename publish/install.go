package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Install publishes a site already built in the folder src as out, the way
// a build would: files equal to the published ones are linked, the others
// copied, and the whole swapped in at once, keeping the published build as
// out.prev. Compressed variants come from src as they are. Symbolic links
// in src are refused, as is an out that overlaps src.
func Install(src, out string) (Stats, error) {
	return InstallOptions(src, out, Options{Sync: true})
}

// InstallOptions is Install with options for the build of out (Force,
// Sync); src is added to opts.Apart.
func InstallOptions(src, out string, opts Options) (Stats, error) {
	opts.Apart = append(opts.Apart, src)
	st, err := BeginOptions(out, opts)
	if err != nil {
		return Stats{}, err
	}
	if err := st.copyTree(src); err != nil {
		st.Abort()
		return st.Stats(), err
	}
	return st.Stats(), st.Commit()
}

// copyTree copies the files of src into the staging folder.
func (s *Staging) copyTree(src string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." {
			return err
		}
		switch {
		case d.IsDir():
			return s.mkdirs(rel)
		case filepath.ToSlash(rel) == MarkerFile:
			return nil // the staging folder has its own
		case d.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("publish: %s is a symbolic link; a built site has none", p)
		case !d.Type().IsRegular():
			return fmt.Errorf("publish: %s is not a regular file", p)
		}
		return s.copyIn(p, rel)
	})
}

// copyIn puts the file at p into the build as rel, linking the published
// file of that name when it holds the same bytes.
func (s *Staging) copyIn(p, rel string) error {
	dst := filepath.Join(s.dir, rel)
	old := filepath.Join(s.out, rel)
	if sameFiles(p, old) && keep(old, dst) == nil {
		s.kept.Add(1)
		return nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if err := copyFile(p, dst); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	s.written.Add(1)
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
