package generator

import (
	"io/fs"
	"slices"
	"sync"

	"tiaoli/generator/model"
)

// Cache keeps what reading each source gave, by its path and the digest
// of its bytes, so that parsing the content again (tiaoli preview after an
// edit) reads every file but parses only those that changed. The later
// stages (reconcile, address, link) change the documents they are given,
// so the cache holds its own copy and gives each parse a fresh one
// (model.CloneDocuments). A Cache is safe for one parse at a time.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
}

type cachedFile struct {
	digest string
	r      ingested
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// Parse is generator.Parse, reusing what an earlier parse with the same
// Cache read of the files that have not changed since.
func (k *Cache) Parse(fsys fs.FS) *model.Corpus { return parse(fsys, k) }

// get returns a copy of what the file at p with this digest gave.
func (k *Cache) get(p, digest string) (ingested, bool) {
	if k == nil {
		return ingested{}, false
	}
	k.mu.Lock()
	f, ok := k.files[p]
	k.mu.Unlock()
	if !ok || f.digest != digest {
		return ingested{}, false
	}
	return f.r.clone(), true
}

// put keeps a copy of what the file at p gave.
func (k *Cache) put(p string, r ingested) {
	if k == nil || r.digest == "" {
		return
	}
	c := r.clone()
	k.mu.Lock()
	k.files[p] = cachedFile{digest: r.digest, r: c}
	k.mu.Unlock()
}

// keepOnly forgets the files not in paths: those deleted or renamed.
func (k *Cache) keepOnly(paths []string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for p := range k.files {
		if _, found := slices.BinarySearch(paths, p); !found {
			delete(k.files, p)
		}
	}
}

// clone copies r so that the copy shares nothing a later stage changes.
func (r ingested) clone() ingested {
	c := ingested{digest: r.digest, errs: slices.Clone(r.errs)}
	if r.source != nil {
		c.source = r.source.Clone()
	}
	c.docs = model.CloneDocuments(r.docs)
	return c
}
