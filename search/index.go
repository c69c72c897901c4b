package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"tiaoli/generator/model"
)

// batchSize is how many search documents go into one bleve batch. On the
// whole LawRefBook corpus, 1000 took as much CPU as 2000 and 4000 with a
// peak 340 MB (and 1 GB) lower: the analysed documents of the batches in
// flight are most of the memory a build adds; 500 and 250 took more CPU.
const batchSize = 1000

// maxMergeRounds bounds the rounds of merging at the end of a build, and
// maxMergeTask the segments one round merges: one round does for any
// corpus (a segment holds a batch).
const (
	maxMergeRounds = 5
	maxMergeTask   = 1000
)

// BuildIndex writes the search index of c into dir, which must not exist.
// It indexes one search document per article, top-level section, document
// and term, merges the index into one segment, then writes the side files
// (characters, texts) by the numbers the merged index gives documents.
func BuildIndex(c *model.Corpus, dir string) error {
	cp, err := corpusPrintsOf(c)
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	return buildWhole(c, cp, dir, "", func() {})
}

// buildWhole is BuildIndex of c, whose fingerprints are cp, recording
// program in the sums file and calling indexed when only merging remains.
func buildWhole(c *model.Corpus, cp *corpusPrints, dir, program string, indexed func()) (err error) {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("build index: %s already exists", dir)
	}
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("build index: mapping: %w", err)
	}
	fail, stop := watchFailures(dir)
	defer stop()
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, buildConfig())
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	side, err := newSideFiles(dir, cp.cites)
	if err != nil {
		idx.Close()
		return fmt.Errorf("build index: %w", err)
	}
	sums := newSums(program, cp.digest)
	if err := fill(idx, c, cp, side, sums, fail); err != nil {
		idx.Close()
		side.close()
		return fmt.Errorf("build index: %w", err)
	}
	if err := idx.Close(); err != nil {
		side.close()
		return fmt.Errorf("build index: %w", err)
	}
	indexed()
	if err := mergeSegments(dir, side); err != nil {
		return fmt.Errorf("build index: merge: %w", err)
	}
	if err := sums.write(dir, side); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	return nil
}

// buildConfig is scorch's configuration while building: batches are not
// synced one by one (fill waits for the last). Segments, one a batch, are
// merged in the background only when more than 40 pile up in a tier, ten
// at a time. So an index of up to some 40,000 search documents merges
// nothing until mergeSegments merges it whole at the end: merging twice
// cost 400 LawRefBook files a tenth more CPU. A larger one merges while
// batches still come, which spares the final merge, on one core while the
// pages render, most of its work: with no merge before it, the whole
// corpus took 48 s to build instead of 42 s.
func buildConfig() map[string]interface{} {
	return map[string]interface{}{
		"unsafe_batch":           true,
		"asyncErrorCallbackName": asyncErrorCallback,
		"scorchMergePlanOptions": map[string]interface{}{
			"MaxSegmentsPerTier":   40,
			"SegmentsPerMergeTask": 10,
			"TierGrowth":           10.0,
			"MaxSegmentSize":       5000000,
			"FloorSegmentSize":     1000,
			"ReclaimDeletesWeight": 2.0,
		},
	}
}

// batchWorkers is how many batches are indexed at once: while scorch
// builds the segment of one batch (on one core), the analysers of the
// other keep the other core busy.
const batchWorkers = 2

// maxUnpersisted bounds the batches indexed but not yet written to disk.
// With unsafe_batch, Batch returns before its segment is persisted; left
// unbounded, segments waiting in memory took a gigabyte on the whole
// corpus.
const maxUnpersisted = 4

// fill indexes every search document of c in batches, then the metadata.
func fill(idx bleve.Index, c *model.Corpus, cp *corpusPrints, side *sideFiles, sums *sums, fail *failure) error {
	batches := make(chan fedBatch)
	errs := make(chan error, batchWorkers)
	w := newBatchWriter(idx, fail)
	for i := 0; i < batchWorkers; i++ {
		go func() {
			var err error
			for b := range batches {
				side.analyse(b.texts) // every batch, for the collector's order
				if err == nil {
					err = w.write(b.b)
				}
			}
			errs <- err
		}()
	}
	err := feed(idx, c, cp, side, sums, batches)
	close(batches)
	for i := 0; i < batchWorkers; i++ {
		if werr := <-errs; err == nil {
			err = werr
		}
	}
	if err != nil {
		return err
	}
	if err := w.persistErr(); err != nil {
		return fmt.Errorf("persist a batch: %w", err)
	}
	return finish(idx, cp.meta, fail)
}

// batchWriter indexes batches, holding back while maxUnpersisted of them
// wait to be written to disk.
type batchWriter struct {
	idx     bleve.Index
	fail    *failure
	pending chan struct{}
	mu      sync.Mutex
	err     error // the first error persisting a batch
}

func newBatchWriter(idx bleve.Index, fail *failure) *batchWriter {
	return &batchWriter{idx: idx, fail: fail, pending: make(chan struct{}, maxUnpersisted)}
}

func (w *batchWriter) write(b *bleve.Batch) error {
	select {
	case w.pending <- struct{}{}:
	case <-w.fail.failed():
		return w.fail.err
	}
	b.SetPersistedCallback(func(err error) {
		if err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
		<-w.pending
	})
	if err := w.idx.Batch(b); err != nil {
		<-w.pending
		return fmt.Errorf("index a batch: %w", err)
	}
	return nil
}

func (w *batchWriter) persistErr() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// fedBatch is a batch of the index and the texts of its documents, for
// the text postings.
type fedBatch struct {
	b     *bleve.Batch
	texts *textBatch
}

// feed sends the search documents of c to batches, batchSize at a time,
// their texts to side and their digests, by the records of cp, to sums.
func feed(idx bleve.Index, c *model.Corpus, cp *corpusPrints, side *sideFiles, sums *sums, batches chan<- fedBatch) error {
	dm, err := newDocMaker()
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	seen := map[string]bool{}
	for i, r := range cp.recs {
		rec := sums.start(r)
		err := cp.walk(c, i, func(d *searchDoc) error {
			if d.ID == "" {
				return nil // no page to link to
			}
			if seen[d.ID] {
				rec.entries = append(rec.entries, sumEntry{id: d.ID}) // indexed already
				return nil
			}
			seen[d.ID] = true
			fields, head := d.fields()
			doc := dm.document(d.ID, fields)
			if b.Size() == 0 {
				dm.declareAll(doc, fields) // see declareAll
			}
			if err := b.IndexAdvanced(doc); err != nil {
				return fmt.Errorf("%s: %w", d.ID, err)
			}
			rec.entries = append(rec.entries, newEntry(d, docSum(d), side.n))
			side.add(d, fields, head)
			if b.Size() >= batchSize {
				batches <- fedBatch{b, side.cutBatch()}
				b = idx.NewBatch()
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if b.Size() > 0 {
		batches <- fedBatch{b, side.cutBatch()}
	}
	return nil
}

// finish writes the metadata, encoded, in a last batch and waits until
// it, and so every batch before it, is on disk: with unsafe_batch, Close
// drops what the persister has not written yet.
func finish(idx bleve.Index, meta []byte, fail *failure) error {
	b := idx.NewBatch()
	b.SetInternal(metaKey, meta)
	return persistBatch(idx, b, fail, "the metadata")
}

// persistBatch applies b, which writes what, and waits until it is on
// disk or writing the index failed (fail).
func persistBatch(idx bleve.Index, b *bleve.Batch, fail *failure, what string) error {
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	select {
	case err := <-persisted:
		if err != nil {
			return fmt.Errorf("persist %s: %w", what, err)
		}
		return nil
	case <-fail.failed():
		return fail.err
	}
}

// mergeSegments reopens the persisted index and merges it down to one
// segment (scorch merges only persisted segments), so that a query reads
// one dictionary per field; then it writes the side files.
func mergeSegments(dir string, side *sideFiles) error {
	return settle(dir, buildConfig(), side, 1)
}

// settle merges the persisted index in dir down to one segment when it
// holds more than keep (opening it with config), then writes the side
// files by the numbers the index gives documents, read from it opened
// read-only, when no merge can renumber them any more.
func settle(dir string, config map[string]interface{}, side *sideFiles, keep uint64) error {
	if err := compact(dir, config, keep); err != nil {
		side.close()
		return err
	}
	idx, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		side.close()
		return fmt.Errorf("open %s to write the side files: %w", dir, err)
	}
	err = side.finish(idx, dir)
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return err
}

// compact merges the index in dir into one segment when it holds more
// than keep, and waits for scorch to delete the merged-away files.
func compact(dir string, config map[string]interface{}, keep uint64) error {
	fail, stop := watchFailures(dir)
	defer stop()
	idx, err := bleve.OpenUsing(dir, config)
	if err != nil {
		return fmt.Errorf("open %s to merge it: %w", dir, err)
	}
	err = mergeDown(idx, filepath.Join(dir, "store"), keep, fail)
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return err
}

// mergeDown force-merges an open index into one segment when it holds more
// than keep, and waits for the merged-away files of store to go. It gives
// up when writing the index fails (fail): scorch would retry the merge,
// and ForceMerge wait for it, forever; closing the index ends both.
func mergeDown(idx bleve.Index, store string, keep uint64, fail *failure) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return errors.New("not a scorch index")
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = maxMergeTask
	for round := 0; round < maxMergeRounds && segments(s) > keep; round++ {
		keep = 1
		merged := make(chan error, 1)
		go func() { merged <- s.ForceMerge(context.Background(), &opts) }()
		select {
		case err := <-merged:
			if err != nil {
				return fmt.Errorf("merge round %d: %w", round+1, err)
			}
		case <-fail.failed():
			return fail.err
		}
	}
	waitCleanup(idx, s, store)
	return nil
}

// cleanupWait bounds the wait for scorch to delete merged-away segment
// files; Close does not wait for it, and they would ship with the site.
const cleanupWait = 30 * time.Second

// cleanupNudge is how long waitCleanup lets scorch be before it nudges it.
// Scorch deletes old files when its persister runs out of work, but not
// the files a merge still holds: when the merge lets go of them after
// that moment, they wait for the next change, which a build never makes.
// One build in about twenty-five stalled for the whole cleanupWait.
const cleanupNudge = 200 * time.Millisecond

// nudgeKey is an internal key no index holds: deleting it is a change
// that leaves the index as it was and wakes the persister.
var nudgeKey = []byte("tiaoli-nudge")

// waitCleanup waits until the store folder holds no more segment files
// than the index root uses, nudging scorch now and then.
func waitCleanup(idx bleve.Index, s *scorch.Scorch, store string) {
	deadline := time.Now().Add(cleanupWait)
	nudge := time.Now().Add(cleanupNudge)
	for time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(store, "*.zap"))
		if uint64(len(files)) <= segments(s) {
			return
		}
		if time.Now().After(nudge) {
			idx.DeleteInternal(nudgeKey)
			nudge = time.Now().Add(cleanupNudge)
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
