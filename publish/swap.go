package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// swapIn makes the build in dir the published folder out, keeps the build
// it replaces as out.prev and moves the build before that to out.trash.
// A foreign out (not a site, replaced with Options.Force) is removed
// instead, and out.prev left as it is.
func swapIn(dir, out string, foreign bool) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(dir, out); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		return syncDir(out)
	}
	if foreign {
		if err := exchange(dir, out); err != nil {
			return fmt.Errorf("publish: swapping in the new build: %w", err)
		}
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("publish: removing the folder the build replaced: %w", err)
		}
		return syncDir(out)
	}
	prev := out + PrevSuffix
	if err := os.Rename(prev, out+TrashSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("publish: %w", err)
	}
	if err := exchange(dir, out); err != nil {
		return fmt.Errorf("publish: swapping in the new build: %w", err)
	}
	// dir now holds the build that was published.
	if err := os.Rename(dir, prev); err != nil {
		return fmt.Errorf("publish: keeping the previous build: %w", err)
	}
	return syncDir(out)
}

// exchange swaps the folders a and b: atomically where the system can
// (exchangeAtomic), else with two renames through b.prev.
func exchange(a, b string) error {
	err := exchangeAtomic(a, b)
	if !errors.Is(err, errNoExchange) {
		return err
	}
	return exchangeByRenames(a, b)
}

// exchangeByRenames swaps a and b with three renames; b is missing between
// the first two.
func exchangeByRenames(a, b string) error {
	tmp := b + PrevSuffix
	if _, err := os.Lstat(tmp); err == nil {
		tmp = b + TrashSuffix + ".swap"
		os.RemoveAll(tmp)
	}
	if err := os.Rename(b, tmp); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(tmp, b)
		return err
	}
	return os.Rename(tmp, a)
}

// errNoExchange says the system or file system has no atomic exchange.
var errNoExchange = errors.New("no atomic exchange of folders here")

// Rollback swaps the published folder out with out.prev, the build before
// it. A second Rollback swaps them back.
func Rollback(out string) error {
	out, lk, err := lockOut(out)
	if err != nil {
		return err
	}
	defer lk.release()
	prev := out + PrevSuffix
	if fi, err := os.Stat(prev); err != nil || !fi.IsDir() {
		return fmt.Errorf("publish: no previous build of %s to roll back to (%s)", out, prev)
	}
	if !IsSite(prev) {
		return fmt.Errorf("publish: %s %w: refusing to publish it", prev, ErrNotSite)
	}
	if _, err := os.Stat(out); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := exchange(prev, out); err != nil {
		return fmt.Errorf("publish: rolling back: %w", err)
	}
	return syncDir(out)
}

// syncDir flushes the folder holding p, so that a rename survives a crash.
func syncDir(p string) error {
	d, err := os.Open(parentOf(p))
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not every file system syncs folders; best effort
	return nil
}
