package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"tiaoli/generator/model"
)

// versionIndex finds the work of a document and the comparisons with the
// versions before and after it.
type versionIndex struct {
	work  map[string]*model.Work       // by document ID
	older map[string]*model.Comparison // by document ID: with the version before
	newer map[string]*model.Comparison // with the version after
}

func newVersionIndex(c *model.Corpus) *versionIndex {
	x := &versionIndex{work: map[string]*model.Work{}, older: map[string]*model.Comparison{},
		newer: map[string]*model.Comparison{}}
	for _, w := range c.Works {
		for _, v := range w.Versions {
			x.work[v.Document] = w
		}
	}
	for _, cmp := range c.Comparisons {
		if cmp.URL != "" {
			x.older[cmp.To] = cmp
			x.newer[cmp.From] = cmp
		}
	}
	return x
}

// digest sums up what the pages of a document show of the other
// versions: the alignment with the version before, and every alignment
// after it up to the newest version, through which followNewer follows
// each article.
func (x *versionIndex) digest(id string) string {
	if x.work[id] == nil {
		return ""
	}
	chain := []any{x.work[id], x.older[id]}
	seen := map[string]bool{id: true}
	for cmp := x.newer[id]; cmp != nil && !seen[cmp.To]; cmp = x.newer[cmp.To] {
		seen[cmp.To] = true
		chain = append(chain, cmp)
	}
	data, _ := json.Marshal(chain)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// versionNote is what a document's page says of the versions of its work.
type versionNote struct {
	Work    linkItem
	Date    string
	Count   int
	Current bool // the newest version
	Others  []linkItem
	Compare *linkItem // the comparison with the version before
}

// versionNote describes d's place among the versions of its work, nil
// for a document in no work.
func (r *renderer) versionNote(d *model.Document, p fromPage) *versionNote {
	w := r.vx.work[d.ID]
	if w == nil {
		return nil
	}
	n := &versionNote{Work: linkItem{Href: p.href(w.URL), Text: w.Title}, Count: len(w.Versions)}
	for i, v := range w.Versions {
		if v.Document == d.ID {
			n.Date, n.Current = orUnknown(v.Date), i == 0
			continue
		}
		if o := r.x.Document(v.Document); o != nil {
			n.Others = append(n.Others, linkItem{Href: p.href(o.URL), Text: orUnknown(v.Date), Note: v.Status})
		}
	}
	if cmp := r.vx.older[d.ID]; cmp != nil {
		n.Compare = &linkItem{Href: p.href(cmp.URL), Text: "修订对照"}
	}
	return n
}

func orUnknown(date string) string {
	if date == "" {
		return "日期不详"
	}
	return date
}

// articleVersions is what an article's page says of the article in the
// other versions: where it stands in the newest version, and what it was
// in the version before.
type articleVersions struct {
	Newest  *linkItem  // in the newest version, for an older version's article
	Gone    *linkItem  // the comparison where it was deleted, if it was
	Before  []linkItem // its counterparts in the version before
	Compare *linkItem  // its row on the comparison page
	Added   bool       // new in this version
}

// articleVersions follows article i of d through the comparisons.
func (r *renderer) articleVersions(d *model.Document, i int, p fromPage) *articleVersions {
	if r.vx.work[d.ID] == nil {
		return nil
	}
	av := &articleVersions{}
	if cmp := r.vx.older[d.ID]; cmp != nil {
		if old := r.x.Document(cmp.From); old != nil {
			for _, pr := range cmp.Alignment {
				if pr.NewIndex == i && pr.OldIndex >= 0 {
					av.Before = append(av.Before, r.articleLink(old, pr.OldIndex, p, "原"))
				}
			}
		}
		av.Added = len(av.Before) == 0
		av.Compare = &linkItem{Href: p.href(cmp.URL + "#" + rowID(cmp, i, true)), Text: "修订对照"}
	}
	r.followNewer(d, i, p, av)
	return av
}

// followNewer follows article i of d to the newest version.
func (r *renderer) followNewer(d *model.Document, i int, p fromPage, av *articleVersions) {
	at := []int{i}
	for cmp := r.vx.newer[d.ID]; cmp != nil; cmp = r.vx.newer[cmp.To] {
		var next []int
		for _, pr := range cmp.Alignment {
			if pr.NewIndex >= 0 && contains(at, pr.OldIndex) && !contains(next, pr.NewIndex) {
				next = append(next, pr.NewIndex)
			}
		}
		if len(next) == 0 {
			av.Gone = &linkItem{Href: p.href(cmp.URL + "#" + rowID(cmp, at[0], false)), Text: r.versionDate(cmp.To)}
			return
		}
		at = next
		if r.vx.newer[cmp.To] == nil {
			if nd := r.x.Document(cmp.To); nd != nil {
				link := r.articleLink(nd, at[0], p, "")
				link.Note = r.versionDate(cmp.To)
				av.Newest = &link
			}
		}
	}
}

func (r *renderer) versionDate(id string) string {
	for _, v := range r.vx.work[id].Versions {
		if v.Document == id {
			return orUnknown(v.Date)
		}
	}
	return ""
}

// articleLink links article k of d.
func (r *renderer) articleLink(d *model.Document, k int, p fromPage, prefix string) linkItem {
	if k < 0 || k >= len(d.Articles) || d.Articles[k] == nil {
		return linkItem{}
	}
	a := d.Articles[k]
	return linkItem{Href: p.href(a.URL), Text: prefix + a.Label}
}

// rowID is the anchor of an article's row on a comparison page: by the
// new article, or by the old one for what the new version deleted.
func rowID(cmp *model.Comparison, k int, isNew bool) string {
	if isNew {
		return "n" + strconv.Itoa(k+1)
	}
	for _, pr := range cmp.Alignment {
		if pr.OldIndex == k && pr.NewIndex >= 0 {
			return "n" + strconv.Itoa(pr.NewIndex+1)
		}
	}
	return "o" + strconv.Itoa(k+1)
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
