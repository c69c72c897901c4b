package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"tiaoli/generator/model"
)

// A live index is the search index of a process that stays up while the
// corpus is edited (a preview): built whole once, then kept open and
// changed in place after each parse, at a cost that follows the change.
//
// Update finds the documents and terms whose fingerprint changed
// (liveprint.go), makes their search documents and indexes those whose
// digest (docSum) changed, in one bleve batch that also deletes what is
// gone. Bleve's merging is off, so the documents already indexed keep
// their numbers: a batch adds a segment at the end, numbered after every
// document before it, and deleting documents only masks them. Every batch
// that adds also adds a sentinel document that is never deleted, so that
// no segment empties and drops out, which would renumber the segments
// after it (a version's reader leaves the sentinels out of the number of
// documents, which scores read: livepin.go). The side files of the whole build stay as written; each
// version of the index reads them with what was added since (the
// characters, texts and heads of the added documents) and without what
// was deleted, and copies the tables it changes by number (facets,
// citations, status).
//
// Each Update makes a new version, an *Index that reads one snapshot of
// the bleve index (livepin.go) and the side tables of that moment; Index
// returns the latest. A version stays usable for versionGrace after an
// Update replaced it, however many Updates follow: a caller takes Index
// for each request and does not keep it longer.

// Live is a search index kept open and updated in place.
type Live struct {
	mu     sync.Mutex // serialises Update and Close
	dir    string
	o      Options
	builds int // whole builds made, each in a folder of dir
	st     *liveState
	cur    atomic.Pointer[Index]
	// retired are the versions Updates replaced, oldest first, each with
	// the time it was replaced; closed once versionGrace has passed.
	retired []retiredVersion
	closed  bool
	// broken is set when an update failed after it began to change the
	// bleve index: the next one builds whole.
	broken bool
}

// liveConfig is scorch's configuration for a live index: batches are not
// synced one by one, and no segment is ever small enough to merge
// (eligible below half of MaxSegmentSize), so that no document is
// renumbered.
func liveConfig() map[string]interface{} {
	c := buildConfig()
	c["scorchMergePlanOptions"] = map[string]interface{}{"MaxSegmentSize": 1}
	return c
}

// maxLiveChanged is the share of the search documents an update may
// change: beyond it, building whole is cheaper. (A variable for tests
// that update a small corpus by whole files.)
var maxLiveChanged = maxChangedShare

// BuildLive builds the search index of c whole into a new folder dir, as
// BuildIndex does, then keeps it open for Update. o.Synonyms is the
// editors' table of synonyms; the other options are not used.
func BuildLive(c *model.Corpus, dir string, o Options) (*Live, error) {
	if pathExists(dir) {
		return nil, fmt.Errorf("build live index: %s already exists", dir)
	}
	if err := CheckSynonyms(o.Synonyms); err != nil {
		return nil, fmt.Errorf("build live index: %s: %w", SynonymsFile, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("build live index: %w", err)
	}
	l := &Live{dir: dir, o: o}
	st, err := l.buildWhole(c)
	if err != nil {
		return nil, fmt.Errorf("build live index: %w", err)
	}
	if err := l.publish(st); err != nil {
		st.base.release()
		return nil, fmt.Errorf("build live index: %w", err)
	}
	return l, nil
}

// Index is the latest version of the index. It stays usable for
// versionGrace after an Update replaced it; its Close does nothing.
func (l *Live) Index() *Index { return l.cur.Load() }

// Update brings the index to the corpus c, the whole corpus after an
// edit. When the index cannot be updated in place (too much changed), it
// is built whole again. On error the index stays as it was.
func (l *Live) Update(c *model.Corpus) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return errors.New("update live index: closed")
	}
	var st *liveState
	err := errRebuild
	if !l.broken {
		st, err = l.st.update(c)
	}
	if errors.Is(err, errRebuild) {
		// The bleve index may hold part of the change: until a whole
		// build succeeds, the state does not describe it.
		l.broken = true
		st, err = l.buildWhole(c)
		l.broken = err != nil
	}
	if err != nil {
		return fmt.Errorf("update live index: %w", err)
	}
	if st == l.st {
		return nil // nothing changed
	}
	if err := l.publish(st); err != nil {
		return fmt.Errorf("update live index: %w", err)
	}
	return nil
}

// Close closes the index and removes its folder: nothing else reads it.
// The versions handed out are closed too.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	for _, r := range l.retired {
		r.ix.closeVersion()
	}
	if ix := l.cur.Load(); ix != nil {
		ix.closeVersion()
	}
	l.retired = nil
	l.cur.Store(nil)
	l.st.base.release()
	return os.RemoveAll(l.dir)
}

// errRebuild says that the index is to be built whole again.
var errRebuild = errors.New("build whole")

// buildWhole builds c whole into the next folder of l.dir and opens it.
func (l *Live) buildWhole(c *model.Corpus) (*liveState, error) {
	l.builds++
	dir := filepath.Join(l.dir, strconv.Itoa(l.builds))
	if err := BuildIndex(c, dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	err := writeSynonyms(dir, l.o.Synonyms)
	if err == nil {
		err = writePinnedMeta(dir)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	base, err := openLiveBase(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	st, err := newLiveState(base, c)
	if err != nil {
		base.release()
		return nil, err
	}
	return st, nil
}

// publish makes the version of st the latest, and closes the version
// before the one it replaces.
func (l *Live) publish(st *liveState) error {
	ix, err := st.version()
	if err != nil {
		return err
	}
	if l.st != nil && l.st.base != st.base {
		l.st.base.release() // the live state's hold on it
	}
	l.st = st
	now := time.Now()
	kept := l.retired[:0]
	for _, r := range l.retired {
		if now.Sub(r.at) > versionGrace {
			r.ix.closeVersion()
		} else {
			kept = append(kept, r)
		}
	}
	l.retired = kept
	if old := l.cur.Load(); old != nil {
		l.retired = append(l.retired, retiredVersion{old, now})
	}
	l.cur.Store(ix)
	return nil
}

// versionGrace is how long a version replaced by an Update stays open for
// the requests that took it before: far longer than a search takes (the
// server gives one seconds), so that edits in quick succession never close
// a version under a query.
const versionGrace = time.Minute

// retiredVersion is a version an Update replaced, and when.
type retiredVersion struct {
	ix *Index
	at time.Time
}

// closeVersion closes a version's reader and lets go of its build.
func (ix *Index) closeVersion() {
	ix.bi.Close()
	ix.liveBase.release()
}

// liveBase is a whole build of a live index, open: bleve's index read and
// written, its side files read. It is closed, and its folder removed when
// a newer build replaced it, once nothing holds it.
type liveBase struct {
	dir      string
	bi       bleve.Index
	s        *scorch.Scorch
	fail     *failure
	stopFail func()
	chars    *charIndex
	texts    *textStore
	posts    *textPosts
	heads    *headTable
	order    *idOrder
	meta     *meta
	an       analyzers
	synonyms *synonyms
	mu       sync.Mutex
	holds    int // the live state and the versions made on it
}

func openLiveBase(dir string) (*liveBase, error) {
	b := &liveBase{dir: dir, holds: 1}
	b.fail, b.stopFail = watchFailures(dir)
	var err error
	if b.bi, err = bleve.OpenUsing(dir, liveConfig()); err != nil {
		b.stopFail()
		return nil, err
	}
	err = b.open()
	if err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

// open reads what the versions share: the side files, the metadata and
// the synonyms.
func (b *liveBase) open() error {
	adv, err := b.bi.Advanced()
	if err != nil {
		return err
	}
	var ok bool
	if b.s, ok = adv.(*scorch.Scorch); !ok {
		return errors.New("not a scorch index")
	}
	raw, err := b.bi.GetInternal(metaKey)
	if err != nil {
		return err
	}
	if b.meta, err = decodeMeta(raw); err != nil {
		return err
	}
	if b.an, err = openAnalyzers(b.bi.Mapping()); err != nil {
		return err
	}
	if b.chars, err = openChars(b.dir); err != nil {
		return err
	}
	if b.texts, err = openTexts(b.dir); err != nil {
		return err
	}
	if b.posts, err = openTextPosts(b.dir); err != nil {
		return err
	}
	if b.heads, err = openHeads(b.dir); err != nil {
		return err
	}
	if b.order, err = openOrder(b.dir); err != nil {
		return err
	}
	b.synonyms, err = loadSynonyms(b.dir)
	return err
}

func (b *liveBase) close() error {
	err := b.bi.Close()
	if b.chars != nil {
		b.chars.Close()
	}
	if b.texts != nil {
		b.texts.Close()
	}
	if b.posts != nil {
		b.posts.Close()
	}
	b.stopFail()
	return err
}

func (b *liveBase) hold() {
	b.mu.Lock()
	b.holds++
	b.mu.Unlock()
}

// release lets go of one hold; the last closes the build and removes its
// folder (only a newer build lets go of the live state's hold).
func (b *liveBase) release() {
	b.mu.Lock()
	b.holds--
	last := b.holds == 0
	b.mu.Unlock()
	if last {
		b.close()
		os.RemoveAll(b.dir)
	}
}
