//go:build !linux && !darwin

package publish

// exchangeAtomic is not available here: exchange falls back to two
// renames.
func exchangeAtomic(a, b string) error { return errNoExchange }

// syncFS does nothing here: files are left to the system to flush.
func syncFS(dir string) error { return nil }
