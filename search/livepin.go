package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"
)

// A version of a live index (live.go) answers every query from the
// snapshot of the bleve index it was made with, whatever Update adds
// after it: its side tables number documents as that snapshot does. A
// bleve index searches the snapshot its index type's Reader gives; a
// pinned index is a bleve index of its own whose Reader gives always the
// same snapshot, so that every query path (SearchInContext, readers for
// the relaxed reading) reads it unchanged.

// pinnedType names the index type of a pinned index in bleve's registry,
// and pinnedKey the runtime configuration that hands it its snapshot.
const (
	pinnedType = "tiaoli-pinned"
	pinnedKey  = "tiaoli-pinned-index"
)

// pinnedDir is the folder, inside a live index's folder, that holds the
// index_meta.json bleve opens a pinned index by.
const pinnedDir = "tiaoli-pinned"

var registerPinned = sync.OnceValue(func() error {
	return registry.RegisterIndexType(pinnedType, func(_ string, config map[string]interface{},
		_ *index.AnalysisQueue) (index.Index, error) {
		p, ok := config[pinnedKey].(*pinnedIndex)
		if !ok {
			return nil, errors.New("a pinned index opens only through pin")
		}
		return p, nil
	})
})

// pinnedIndex is the index under a pinned bleve index: the live scorch
// index, read through one snapshot.
type pinnedIndex struct {
	index.Index // the live index, for what is not reading
	snap        *scorch.IndexSnapshot
	sentinels   uint64
	release     sync.Once
}

// Open does nothing: the live index is open.
func (p *pinnedIndex) Open() error { return nil }

// Reader gives the pinned snapshot; the caller closes it.
func (p *pinnedIndex) Reader() (index.IndexReader, error) {
	p.snap.AddRef()
	return &pinnedReader{IndexSnapshot: p.snap, sentinels: p.sentinels}, nil
}

// pinnedReader reads a pinned snapshot, counting its documents without
// the sentinels (live.go): bleve's scores, which count them, are then
// those of a whole build of the same corpus.
type pinnedReader struct {
	*scorch.IndexSnapshot
	sentinels uint64
}

func (r *pinnedReader) DocCount() (uint64, error) {
	n, err := r.IndexSnapshot.DocCount()
	return n - min(n, r.sentinels), err
}

// Close lets go of the snapshot, once; the live index stays open.
func (p *pinnedIndex) Close() (err error) {
	p.release.Do(func() { err = p.snap.DecRef() })
	return err
}

// writePinnedMeta writes the folder pin opens into the index folder dir.
func writePinnedMeta(dir string) error {
	p := filepath.Join(dir, pinnedDir)
	if err := os.MkdirAll(p, 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(map[string]string{"storage": scorch.Name, "index_type": pinnedType})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p, "index_meta.json"), b, 0o644)
}

// pin opens the current snapshot of the live index s, whose folder dir
// writePinnedMeta prepared and which holds that many sentinels, as a
// bleve index that reads only it; it returns the snapshot too.
func pin(s *scorch.Scorch, dir string, sentinels int) (bleve.Index, *scorch.IndexSnapshot, error) {
	if err := registerPinned(); err != nil {
		return nil, nil, err
	}
	r, err := s.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, fmt.Errorf("unexpected reader %T", r)
	}
	p := &pinnedIndex{Index: s, snap: snap, sentinels: uint64(sentinels)}
	bi, err := bleve.OpenUsing(filepath.Join(dir, pinnedDir), map[string]interface{}{pinnedKey: p})
	if err != nil {
		p.Close()
		return nil, nil, fmt.Errorf("pin a snapshot: %w", err)
	}
	return bi, snap, nil
}
