package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"

	"github.com/cespare/xxhash/v2"

	"tiaoli/generator/model"
)

// The relaxed reading weighs an article by how often the corpus cites
// it: the articles other documents refer to (《…》第X条, resolved by the
// link stage) are the ones readers ask about. Each search document has
// two counts: the references of other documents to its article, and the
// other documents that refer to its document at all. They are counted
// while the index is built and kept in a side file, by document number.

// citedFile is the side file of citations inside the index folder: the
// magic, how many document numbers follow (uint32), then for each its two
// counts (two uint16), all little-endian.
const citedFile = "tiaoli-cited"

const citedMagic = "TLCITED1"

// citations are the counts of a corpus's references from one document to
// another.
type citations struct {
	article  map[model.Location]int // a document's article → references to it
	document map[string]int         // a document → documents referring to it
}

// countCitations counts the resolved references of c that go from one
// document to another. Laws named without 《》 or article (根据劳动法) are
// left out: the relaxed reading's weights were fitted on counts without
// them, and with them a much-named law (劳动法) outranked the articles that
// readers' questions ask for (TestReaderQueries lost 4 of 42).
//
// A citation of a whole code printed as several files (民法典: 总则, 物权编
// …: Document.Parts) cites every part: the link stage leads it to the part
// that opens the code, but it names them all.
func countCitations(c *model.Corpus) citations {
	ct := citations{article: map[model.Location]int{}, document: map[string]int{}}
	citers := map[[2]string]bool{}
	parts := codeParts(c)
	for _, r := range c.References {
		if r.To == nil || r.To.Document == "" || r.To.Document == r.From.Document || r.Kind == "named" {
			continue // a law named without 《》 or article: see below
		}
		cited := []string{r.To.Document}
		if r.To.Article != "" {
			ct.article[model.Location{Document: r.To.Document, Article: r.To.Article}]++
		} else if ps := parts[r.To.Document]; len(ps) > 0 {
			cited = ps
		}
		for _, to := range cited {
			pair := [2]string{r.From.Document, to}
			if to != r.From.Document && !citers[pair] {
				citers[pair] = true
				ct.document[to]++
			}
		}
	}
	return ct
}

// codeParts maps each part of a code printed as several files to all its
// parts (Document.Parts, which the link stage sets).
func codeParts(c *model.Corpus) map[string][]string {
	parts := map[string][]string{}
	for _, d := range c.Documents {
		if len(d.Parts) > 1 {
			parts[d.ID] = d.Parts
		}
	}
	return parts
}

// citedCounts collects, while the index is fed, the counts of each
// search document by its order of indexing.
type citedCounts struct {
	of     citations
	counts [][2]uint16
}

// add records the counts of the next search document, of the document
// doc and, "" for none, its article.
func (cc *citedCounts) add(doc, article string) {
	cc.counts = append(cc.counts, cc.of.counts(doc, article))
}

// counts are the two counts of a search document of the document doc
// and, "" for none, its article.
func (ct citations) counts(doc, article string) [2]uint16 {
	var n [2]uint16
	if article != "" {
		n[0] = clamp16(ct.article[model.Location{Document: doc, Article: article}])
	}
	n[1] = clamp16(ct.document[doc])
	return n
}

// digest sums up the counts, in no particular order: the sum of a hash
// of each.
func (ct citations) digest() uint64 {
	var sum uint64
	h := xxhash.New()
	for loc, n := range ct.article {
		h.Reset()
		h.WriteString(loc.Document)
		h.WriteString("\x00")
		h.WriteString(loc.Article)
		h.WriteString("\x00" + strconv.Itoa(n))
		sum += h.Sum64()
	}
	for doc, n := range ct.document {
		h.Reset()
		h.WriteString(doc)
		h.WriteString("\x01" + strconv.Itoa(n))
		sum += h.Sum64()
	}
	return sum
}

func clamp16(n int) uint16 { return uint16(min(n, math.MaxUint16)) }

// write writes the side file of citations into dir, by the numbers the
// index gives documents (numbers[ord]).
func (cc *citedCounts) write(dir string, numbers []uint32) error {
	byNumber := make([][2]uint16, 0, len(numbers))
	for ord, num := range numbers {
		for int(num) >= len(byNumber) {
			byNumber = append(byNumber, [2]uint16{})
		}
		if ord < len(cc.counts) {
			byNumber[num] = cc.counts[ord]
		}
	}
	return writeSideFile(dir, citedFile, func(w *bufio.Writer) error {
		w.WriteString(citedMagic)
		binary.Write(w, binary.LittleEndian, uint32(len(byNumber)))
		return binary.Write(w, binary.LittleEndian, byNumber)
	})
}

// citedTable is the side file of citations, read whole at open.
type citedTable struct {
	counts [][2]uint16
}

// maxCited bounds the document numbers of the side file of citations, far
// above any corpus: a damaged count is refused before it is allocated.
const maxCited = 1 << 26

// openCited reads the side file of citations of the index in dir.
func openCited(dir string) (*citedTable, error) {
	return readSideFile(dir, citedFile, readCited)
}

func readCited(r io.Reader) (*citedTable, error) {
	n, err := readSideHeader(r, citedMagic, "table of citations")
	if err != nil {
		return nil, err
	}
	if n > maxCited {
		return nil, errors.New("corrupt table of citations")
	}
	ct := &citedTable{counts: make([][2]uint16, n)}
	if err := binary.Read(r, binary.LittleEndian, ct.counts); err != nil {
		return nil, err
	}
	return ct, nil
}

// of returns the counts of document number doc: the references of other
// documents to its article, and the documents referring to its document.
func (ct *citedTable) of(doc uint64) (article, document float64) {
	if ct == nil || doc >= uint64(len(ct.counts)) {
		return 0, 0
	}
	c := ct.counts[doc]
	return float64(c[0]), float64(c[1])
}
