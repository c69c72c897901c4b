package search

import (
	"os"
	"sync"
	"testing"
)

var (
	tempMu   sync.Mutex
	tempDirs []string
)

// tempDir makes a folder that outlives one test (indexes shared by the
// tests of the package); TestMain removes it.
func tempDir(name string) (string, error) {
	dir, err := os.MkdirTemp("", "tiaoli-search-"+name+"-")
	if err != nil {
		return "", err
	}
	tempMu.Lock()
	tempDirs = append(tempDirs, dir)
	tempMu.Unlock()
	return dir, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureIx != nil {
		fixtureIx.Close()
	}
	closeSample()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
