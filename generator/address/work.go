package address

import "tiaoli/generator/model"

// Works and their comparisons live under w/:
//
//	w/<work>/                    a work: its versions
//	w/<work>/<from>_<to>/        the 修订对照 of two versions, each named by
//	                             its date, or by its document's hash when
//	                             undated
//
// A work's identifier depends only on its title without version marks,
// and a comparison's on the two versions it compares, so adding a newer
// version changes no URL of an older one.

// assignWorks fills the IDs and URLs of works and comparisons and the
// document IDs they name. Run it after documents have their IDs.
func assignWorks(c *model.Corpus) {
	seen := map[string]int{}
	for _, w := range c.Works {
		w.ID = uniqueID(WorkID(w), seen)
		w.URL = "w/" + w.ID + "/"
		for i := range w.Versions {
			if d := w.Versions[i].Doc; d != nil {
				w.Versions[i].Document = d.ID
			}
		}
	}
	work := map[*model.Document]*model.Work{}
	for _, w := range c.Works {
		for _, v := range w.Versions {
			work[v.Doc] = w
		}
	}
	taken := map[string]int{}
	for _, cmp := range c.Comparisons {
		w := work[cmp.ToDoc]
		if w == nil || cmp.FromDoc == nil {
			continue
		}
		cmp.Work, cmp.From, cmp.To = w.ID, cmp.FromDoc.ID, cmp.ToDoc.ID
		cmp.URL = w.URL + uniqueID(versionName(w, cmp.FromDoc)+"_"+versionName(w, cmp.ToDoc), taken) + "/"
	}
}

// WorkID is a work's identifier: a slug of its title and a short hash of
// the title as its versions share it (Work.Key).
func WorkID(w *model.Work) string {
	slug := Slug(w.Title, maxSyllables)
	if slug == "" {
		slug = "work"
	}
	key := w.Key
	if key == "" {
		key = w.Title
	}
	return slug + "-" + hash("work\x00" + key)[:6]
}

// versionName names a version in a comparison's URL: its date, or its
// document's hash when it has none.
func versionName(w *model.Work, d *model.Document) string {
	for _, v := range w.Versions {
		if v.Doc == d && v.Date != "" {
			return v.Date
		}
	}
	return "v" + hash(d.ID)[:6]
}
