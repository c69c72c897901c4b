package search

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"tiaoli/generator/model"
)

// Build writes the search index of c into dir, which must not exist.
// When o.Previous is the index of the published build and was made by the
// same program (o.Program, an identity the caller gives, such as a digest
// of its executable; "" never matches), Build starts from a copy of it and
// indexes only the search documents that changed, deletes those that are
// gone, and merges only when the index has grown too many segments;
// otherwise, or when most documents changed, it builds the index whole
// (BuildIndex). Either way dir ends with a sums file that lets the next
// build do the same.
func Build(c *model.Corpus, dir string, o Options) error {
	indexed := func() {}
	if o.Indexed != nil {
		indexed = sync.OnceFunc(o.Indexed)
	}
	defer indexed()
	if err := CheckSynonyms(o.Synonyms); err != nil {
		return fmt.Errorf("build index: %s: %w", SynonymsFile, err)
	}
	err := buildOrUpdate(c, dir, o, indexed)
	if err == nil {
		err = writeSynonyms(dir, o.Synonyms)
	}
	return err
}

func buildOrUpdate(c *model.Corpus, dir string, o Options, indexed func()) error {
	if o.Previous != "" && o.Program != "" {
		done, err := update(c, dir, o.Previous, o.Program, indexed)
		if done && err != nil {
			return fmt.Errorf("update index from %s: %w", o.Previous, err)
		}
		if done {
			return nil
		}
		if err != nil || pathExists(dir) {
			os.RemoveAll(dir) // start again from nothing
		}
	}
	return buildWhole(c, dir, o.Program, indexed)
}

// writeSynonyms keeps the editors' table of synonyms in the index folder,
// or removes an old copy when there is none.
func writeSynonyms(dir string, b []byte) error {
	p := filepath.Join(dir, SynonymsFile)
	if len(b) == 0 {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return os.WriteFile(p, b, 0o644)
}

// Options are the choices of Build.
type Options struct {
	// Previous is the index of the published build, "" for none.
	Previous string
	// Program identifies the program that builds (see Build).
	Program string
	// Indexed, when not nil, is called once every search document is in
	// the index and only merging its segments and writing the side files
	// remain, which run on one core: the caller may start other work
	// then. It is called once, at the latest when Build returns.
	Indexed func()
	// Synonyms is the editors' table of synonyms (SynonymsFile), nil for
	// none: a copy goes into the index folder.
	Synonyms []byte
}

// sumsFile lists, for every search document of an index, a digest of
// what was indexed of it and its number in the index (by which the side
// files hold it), after a first line naming the program.
const sumsFile = "tiaoli-sums"

// maxKeptSegments is how many segments an updated index may hold before
// it is merged into one: each update adds one.
const maxKeptSegments = 4

// maxChangedShare is the share of changed documents above which a whole
// build is cheaper than an update.
const maxChangedShare = 0.25

// sums are the digests of the documents of an index, and their numbers.
type sums struct {
	program string
	docs    map[string]string
	nums    map[string]uint32
}

func newSums(program string) *sums {
	return &sums{program: program, docs: map[string]string{}, nums: map[string]uint32{}}
}

// add records the digest of a search document.
func (s *sums) add(d *searchDoc) { s.docs[d.ID] = docSum(d) }

// docSum is the digest of everything indexed of a search document: each
// field, strings and lists prefixed with their lengths so that no two
// documents give the same bytes. (Encoding the document as JSON to digest
// it was a tenth of the time of feeding the index.)
func docSum(d *searchDoc) string {
	b := make([]byte, 0, 1024)
	for _, s := range []string{d.ID, d.Title, d.Article, d.Issuer, d.Kind, d.Doc, d.Date, d.Status} {
		b = appendSumString(b, s)
	}
	for _, l := range [][]string{d.Heading, d.Labels, d.Lines, d.Anchors} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = appendSumString(b, s)
		}
	}
	if d.Whole {
		b = append(b, 1)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

func appendSumString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// write writes the sums file into the index folder dir, with the numbers
// side, finished, gave the documents.
func (s *sums) write(dir string, side *sideFiles) error {
	f, err := os.Create(filepath.Join(dir, sumsFile))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "%d %s\n", metaVersion, s.program)
	for ord, id := range side.chars.ids {
		fmt.Fprintf(w, "%s\t%d\t%s\n", s.docs[id], side.numbers[ord], id)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readSums reads the sums file of the index in dir; nil when there is
// none or it is of another index version.
func readSums(dir string) *sums {
	f, err := os.Open(filepath.Join(dir, sumsFile))
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() {
		return nil
	}
	version, program, _ := strings.Cut(sc.Text(), " ")
	if version != fmt.Sprint(metaVersion) {
		return nil
	}
	s := newSums(program)
	for sc.Scan() {
		sum, rest, ok := strings.Cut(sc.Text(), "\t")
		num, id, ok2 := strings.Cut(rest, "\t")
		n, err := strconv.ParseUint(num, 10, 32)
		if !ok || !ok2 || err != nil {
			return nil
		}
		s.docs[id], s.nums[id] = sum, uint32(n)
	}
	if sc.Err() != nil {
		return nil
	}
	return s
}

// update builds dir from the index at prev, calling indexed when only
// merging remains; done is false when it could not (prev unusable, too
// much changed) and the caller should build whole.
func update(c *model.Corpus, dir, prev, program string, indexed func()) (done bool, err error) {
	old := readSums(prev)
	if old == nil || old.program != program || pathExists(dir) {
		return false, nil
	}
	if err := copyIndex(prev, dir); err != nil {
		return false, fmt.Errorf("copy %s: %w", prev, err)
	}
	fail, stop := watchFailures(dir)
	defer stop()
	idx, err := bleve.OpenUsing(dir, buildConfig())
	if err != nil {
		return false, err
	}
	side, err := newSideFiles(dir, c)
	if err != nil {
		idx.Close()
		return false, err
	}
	side.carry, _ = openCarried(prev) // none: every document is read afresh
	dm, err := newDocMaker()
	if err != nil {
		idx.Close()
		side.close()
		return false, err
	}
	cur, b := newSums(program), idx.NewBatch()
	changed, err := changes(c, old, cur, side, b, dm)
	if err == nil && float64(changed) > maxChangedShare*float64(len(cur.docs)) {
		idx.Close()
		side.close()
		return false, nil
	}
	if err == nil {
		err = applyBatch(idx, b, fail)
	}
	if err == nil {
		err = finish(idx, c, fail)
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		side.close()
		return false, err
	}
	indexed()
	if err := settle(dir, buildConfig(), side, maxKeptSegments); err != nil {
		return false, err
	}
	return true, cur.write(dir, side)
}

// changes puts into b the search documents of c (made by dm) whose
// digests differ from old and the deletion of those c no longer has, and
// fills cur and side with every document: side carries over what the
// previous index's side files hold of the others, when it can (carry.go).
// It returns how many documents it put into b.
func changes(c *model.Corpus, old, cur *sums, side *sideFiles, b *bleve.Batch, dm *docMaker) (int, error) {
	changed := 0
	err := eachDoc(c, func(d *searchDoc) error {
		if d.ID == "" || cur.docs[d.ID] != "" {
			return nil // no page to link to, or already indexed
		}
		cur.add(d)
		same := old.docs[d.ID] == cur.docs[d.ID]
		if num, ok := old.nums[d.ID]; same && ok && side.carry != nil && side.carry.holds(num) {
			side.keep(d, num)
			return nil
		}
		fields, head := d.fields()
		side.add(d, fields, head)
		if same {
			return nil
		}
		changed++
		if err := b.IndexAdvanced(dm.document(d.ID, fields)); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		return nil
	})
	for id := range old.docs {
		if _, ok := cur.docs[id]; !ok {
			b.Delete(id)
			changed++
		}
	}
	return changed, err
}

// applyBatch applies b and waits until it is persisted or writing the
// index failed (fail).
func applyBatch(idx bleve.Index, b *bleve.Batch, fail *failure) error {
	if b.Size() == 0 {
		return nil
	}
	return persistBatch(idx, b, fail, "the changed documents")
}

// copyIndex copies the index folder src to dst: segment files, which
// scorch never changes, are hard-linked; the rest (its root, which it
// does change) is copied. The side files are left out: the update writes
// them anew.
func copyIndex(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case rel == sumsFile || rel == charsFile || rel == textsFile || rel == headsFile:
			return nil
		case strings.HasSuffix(p, ".zap") && os.Link(p, to) == nil:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

func pathExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
