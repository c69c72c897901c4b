// Package address gives every document, article, section, term and source
// a stable ASCII identifier and the URL of its page in the site, and every
// place inside a page its anchor. Pages, the search index, the editor's
// report and citations read these from the model; none builds its own.
//
// URLs are paths relative to the site root, ending in "/" for pages:
//
//	d/<doc>/             a document
//	d/<doc>/a5/          第五条; d/<doc>/a5-1/ is 第五条之一
//	d/<doc>/s2/          the second top-level section of a document without 条
//	t/<term>/            a term
//	s/<source>/          a source (a printed page)
//	w/<work>/            the versions of a regulation, and their
//	                     comparisons (work.go)
//	k/<kind>/, y/<year>/ the documents of a kind, of a year (lists.go, with
//	                     t/, s/, cited/, i/, report/ and search/)
//
// Anchors (ArticleAnchors, DocumentAnchors):
//
//	a5/#p2               第二款 of 第五条
//	a5/#p2-i3            the 项 printed （三） in it: 项 and 目 go by their
//	                     printed number, not their place in the list
//	a5/#p2-i3-m1         the 目 printed 1. under that 项
//	d/<doc>/#a5-p2-i3    the same on the document page (DocumentAnchor)
//	d/<doc>/#zhang2-jie1 a heading (第二章 第一节); #h5 an unnumbered one
//	d/<doc>/#s2-1-p3     a section and its third paragraph (SectionPrefix)
//	d/<doc>/#b2          a paragraph of a body; #pre1, #app1 of a preamble
//	                     and an appendix (PartPrefix)
//	cited/#c-<hash>      a document cited but not in the corpus (CitedAnchor)
//
// An identifier depends only on what it names (kind, title, date; the
// article's number), never on the other documents, so adding a document
// never changes another's URLs.
package address

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"tiaoli/generator/model"
	"tiaoli/internal/cores"
)

// maxSyllables caps how much of a title goes into its slug.
const maxSyllables = 8

// Assign fills the ID and URL of every document, article, section, work,
// comparison and source (Terms does the terms), the anchors on every
// document page (DocumentAnchors), and turns Carrier pointers into Parent and Carries and
// VersionDocs pointers into Versions.
func Assign(c *model.Corpus) {
	// A document's ID before it is made unique, and a source's, depend on
	// it alone (a slug and a hash): they are made on all cores.
	ids := make([]string, len(c.Documents))
	cores.Each(len(c.Documents)+len(c.Sources), func(i int) {
		if i < len(ids) {
			ids[i] = DocumentID(c.Documents[i])
			return
		}
		s := c.Sources[i-len(ids)]
		s.ID = Slug(strings.TrimSuffix(path.Base(s.Path), path.Ext(s.Path)), 12) + "-" + hash(s.Path)[:6]
		s.URL = SourcesURL + s.ID + "/"
	})
	seen := map[string]int{}
	for i, d := range c.Documents {
		d.ID = uniqueID(ids[i], seen)
		d.URL = "d/" + d.ID + "/"
	}
	// What is inside a document depends on it alone.
	cores.Each(len(c.Documents), func(i int) { inside(c.Documents[i]) })
	for _, d := range c.Documents {
		if d.Carrier != nil && d.Carrier.ID != "" {
			d.Parent = d.Carrier.ID
			d.Carrier.Carries = appendOnce(d.Carrier.Carries, d.ID)
		}
		for _, v := range d.VersionDocs {
			if v.ID != "" {
				d.Versions = appendOnce(d.Versions, v.ID)
			}
		}
	}
	assignWorks(c)
}

// inside fills the URLs of the articles and sections of d, which has
// its own, and the anchors on its pages.
func inside(d *model.Document) {
	for _, a := range d.Articles {
		a.URL = d.URL + ArticleSlug(a.Number, a.Suffix) + "/"
	}
	DocumentAnchors(d)
	for i, s := range d.Sections {
		s.URL = d.URL + "s" + strconv.Itoa(i+1) + "/"
	}
}

// Terms fills the ID and URL of every term. Linking finds the terms, after
// Assign has given the documents the IDs their locations name; a term
// whose ID an earlier one has takes -2, -3 after it.
func Terms(c *model.Corpus) {
	seen := map[string]int{}
	for _, t := range c.Terms {
		if t.ID == "" {
			t.ID = TermID(t)
		}
		t.ID = uniqueID(t.ID, seen)
		t.URL = TermsURL + t.ID + "/"
	}
}

// DocumentID is a document's identifier: a slug of its title and a short
// hash of its kind, title (as listed, with its version mark) and date.
func DocumentID(d *model.Document) string {
	title := d.ListedTitle()
	slug := Slug(title, maxSyllables)
	if slug == "" {
		slug = d.Kind
	}
	return slug + "-" + hash(d.Kind + "\x00" + title + "\x00" + d.Date)[:6]
}

// TermID is a term's identifier.
func TermID(t *model.Term) string {
	doc := ""
	if t.DefinedIn != nil {
		doc = t.DefinedIn.Document
	}
	slug := Slug(t.Term, maxSyllables)
	if slug == "" {
		slug = "term"
	}
	return slug + "-" + hash(t.Term + "\x00" + doc)[:6]
}

// ArticleSlug is the last path element of an article's URL: a5, a5-1.
func ArticleSlug(number, suffix int) string {
	if suffix > 0 {
		return "a" + strconv.Itoa(number) + "-" + strconv.Itoa(suffix)
	}
	return "a" + strconv.Itoa(number)
}

// Slug turns text into lower-case ASCII words joined by "-": Han characters
// become their pinyin syllables, letters and digits are kept, everything
// else separates words. At most max words, and maxSlugBytes bytes, are
// kept.
func Slug(text string, max int) string {
	var words []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
			word.Reset()
		}
	}
	for _, r := range text {
		if len(words) >= max {
			break // a word after these would be cut
		}
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Han, r):
			flush()
			if py := syllable(r); py != "" {
				words = append(words, py)
			}
		default:
			flush()
		}
	}
	flush()
	if len(words) > max {
		words = words[:max]
	}
	slug := strings.Join(words, "-")
	if len(slug) > maxSlugBytes { // one long word: a file named in Latin letters
		slug = strings.TrimRight(slug[:maxSlugBytes], "-")
	}
	return slug
}

// syllables holds the pinyin syllable of each Han character met, "" for
// one without: looking one up in the pinyin tables costs a hundred times
// more, and a corpus has a few thousand characters.
var syllables sync.Map // rune → string

// syllable is the pinyin syllable of a Han character, without tone, ""
// when it has none.
func syllable(r rune) string {
	if s, ok := syllables.Load(r); ok {
		return s.(string)
	}
	s := ""
	if py := pinyin.SinglePinyin(r, pinyin.NewArgs()); len(py) > 0 {
		s = py[0]
	}
	syllables.Store(r, s)
	return s
}

// maxSlugBytes caps a slug, so that a path element made of it, a dash and
// a hash stays far below the 255 bytes file systems allow: a long Latin
// word in a title or a file name (a 250-letter file name) would otherwise
// make a page no file system can hold.
const maxSlugBytes = 80

func uniqueID(id string, seen map[string]int) string {
	seen[id]++
	if n := seen[id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
