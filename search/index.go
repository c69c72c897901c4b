package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"tiaoli/generator/model"
)

// batchSize is how many search documents go into one bleve batch: large
// enough to keep both cores analysing, small enough to bound memory.
const batchSize = 2000

// maxMergeRounds bounds the rounds of merging at the end of a build; each
// round merges up to ten segments.
const maxMergeRounds = 20

// BuildIndex writes the search index of c into dir, which must not exist.
// It indexes one search document per article, top-level section, document
// and term, then merges the index into one segment.
func BuildIndex(c *model.Corpus, dir string) (err error) {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("build index: %s already exists", dir)
	}
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("build index: mapping: %w", err)
	}
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name,
		map[string]interface{}{"unsafe_batch": true})
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if err := fill(idx, c); err != nil {
		idx.Close()
		return fmt.Errorf("build index: %w", err)
	}
	if err := idx.Close(); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if err := mergeSegments(dir); err != nil {
		return fmt.Errorf("build index: merge: %w", err)
	}
	return nil
}

// fill indexes every search document of c in batches, then the metadata.
func fill(idx bleve.Index, c *model.Corpus) error {
	b := idx.NewBatch()
	seen := map[string]bool{}
	err := eachDoc(c, func(d *searchDoc) error {
		if d.ID == "" || seen[d.ID] {
			return nil // no page to link to, or already indexed
		}
		seen[d.ID] = true
		if err := b.Index(d.ID, d.fields()); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return err
			}
			b.Reset()
		}
		return nil
	})
	if err != nil {
		return err
	}
	mb, err := newMeta(c).encode()
	if err != nil {
		return err
	}
	b.SetInternal(metaKey, mb)
	// With unsafe_batch, Close drops what the persister has not written
	// yet: wait until the last batch, and so every batch, is on disk.
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := idx.Batch(b); err != nil {
		return err
	}
	return <-persisted
}

// mergeSegments reopens the persisted index and merges it down to one
// segment (scorch merges only persisted segments), so that a query reads
// one dictionary per field.
func mergeSegments(dir string) error {
	idx, err := bleve.OpenUsing(dir, nil)
	if err != nil {
		return err
	}
	defer idx.Close()
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return errors.New("not a scorch index")
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	for round := 0; round < maxMergeRounds && segments(s) > 1; round++ {
		if err := s.ForceMerge(context.Background(), &opts); err != nil {
			return err
		}
	}
	waitCleanup(s, filepath.Join(dir, "store"))
	return nil
}

// cleanupWait bounds the wait for scorch to delete merged-away segment
// files; Close does not wait for it, and they would ship with the site.
const cleanupWait = 30 * time.Second

// waitCleanup waits until the store folder holds no more segment files
// than the index root uses.
func waitCleanup(s *scorch.Scorch, store string) {
	deadline := time.Now().Add(cleanupWait)
	for time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(store, "*.zap"))
		if uint64(len(files)) <= segments(s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// segments is how many segments the index root holds.
func segments(s *scorch.Scorch) uint64 {
	if n, ok := s.StatsMap()["TotFileSegmentsAtRoot"].(uint64); ok {
		return n
	}
	return 0
}
