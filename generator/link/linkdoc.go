package link

import (
	"cmp"
	"slices"

	"tiaoli/generator/model"
)

// link resolves references and finds term occurrences in every document,
// then gathers them into the corpus in document order.
func (l *linker) link() []model.Error {
	results := make([]*docRefs, len(l.docs))
	parallelIn(l.largestFirst(), func(di int) {
		if r, ok := l.memo.linking(l, l.keys[di].whole, di); ok {
			results[di] = r
			return
		}
		results[di] = l.linkDoc(di)
		l.memo.keepLinking(l, l.keys[di].whole, di, results[di])
	})
	total, uses := 0, make([]int, len(l.c.Terms))
	for _, r := range results {
		total += len(r.refs)
		for _, o := range r.occs {
			uses[o.term]++
		}
	}
	for i, t := range l.c.Terms {
		t.Occurrences = make([]model.Location, 0, uses[i])
	}
	// The references of each document follow those of the documents
	// before it: each document's are numbered from its offset, on all
	// cores, into one block (no reference moves).
	offsets := make([]int, len(results))
	for di := 1; di < len(results); di++ {
		offsets[di] = offsets[di-1] + len(results[di-1].refs)
	}
	refs := make([]model.Reference, total)
	l.c.References = make([]*model.Reference, total)
	parallel(len(results), func(di int) {
		offset := offsets[di]
		for i, ref := range results[di].refs {
			if results[di].kept != nil {
				ref = copyRef(ref) // the memo's, shared
			}
			for j := range ref.Antecedents {
				ref.Antecedents[j] += offset
			}
			refs[offset+i] = ref
			l.c.References[offset+i] = &refs[offset+i]
		}
		if results[di].kept != nil {
			results[di].giveLinks(offset)
			return
		}
		for _, t := range l.texts[di] {
			shiftReferences(t.p.Links, offset)
		}
	})
	l.offsets = offsets
	cited := map[string]*model.CitedDocument{}
	var order []string
	for _, r := range results {
		for _, o := range r.occs {
			term := l.c.Terms[o.term]
			term.Occurrences = append(term.Occurrences, o.loc)
		}
		for _, h := range r.cited {
			key := normTitle(h.title)
			cd := cited[key]
			if cd == nil {
				cd = &model.CitedDocument{Title: h.title}
				cited[key] = cd
				order = append(order, key)
			}
			cd.CitedBy = append(cd.CitedBy, h.loc)
		}
	}
	l.c.Cited = sortedCited(cited, order)
	return nil
}

// sortedCited lists the cited documents most cited first, then by title.
func sortedCited(cited map[string]*model.CitedDocument, order []string) []*model.CitedDocument {
	out := make([]*model.CitedDocument, 0, len(order))
	for _, k := range order {
		out = append(out, cited[k])
	}
	slices.SortStableFunc(out, func(a, b *model.CitedDocument) int {
		return cmp.Or(cmp.Compare(len(b.CitedBy), len(a.CitedBy)), cmp.Compare(a.Title, b.Title))
	})
	return out
}

// linkDoc links the texts of document di: references first, then the
// term occurrences outside them. Reference indices in its links count
// from 0 in this document until link adds the offset.
func (l *linker) linkDoc(di int) *docRefs {
	l.dates[di] = readingDate(l.titles.date(di), l.docs[di], l.texts[di])
	r := newDocRefs(l, di)
	local := l.localMatcher(di)
	byText := map[int][]*def{}
	for _, d := range l.defs[di] {
		byText[d.text] = append(byText[d.text], d)
	}
	for ti, t := range l.texts[di] {
		var taken []span
		var links []model.Link
		var defining []span
		for _, d := range byText[ti] {
			defining = append(defining, span{start: d.start, end: d.end})
		}
		for _, raw := range scanRefs(t.p.Text) {
			if overlaps(defining, raw.Start, raw.End) {
				r.definedCitation(ti, raw)
				continue // （以下简称《条例》） defines 《条例》, it cites nothing
			}
			ref, ok := r.resolve(ti, raw)
			r.noteContext(ti, raw)
			if !ok {
				continue
			}
			idx := len(r.refs)
			r.refs = append(r.refs, ref)
			start := ref.From.Start // a citation may take in its qualifier: 新《条例》
			r.made = append(r.made, made{index: idx, text: ti, start: start, kind: raw.Kind, art: t.art})
			links = append(links, model.Link{Start: start, End: raw.End, Kind: "reference", Reference: idx})
			taken = append(taken, span{start: start, end: raw.End})
		}
		for _, s := range l.termLinks(di, ti, local, taken, byText) {
			links = append(links, model.Link{Start: s.start, End: s.end, Kind: "term", Term: s.def.index, Definition: s.definition})
			if !s.definition {
				loc := t.loc()
				loc.Start, loc.End = s.start, s.end
				r.occs = append(r.occs, occurrence{s.def.index, ti, loc})
			}
		}
		slices.SortFunc(links, func(a, b model.Link) int { return cmp.Compare(a.Start, b.Start) })
		t.p.Links = links
	}
	sortOccurrences(r.occs)
	return r
}

// localMatcher matches the terms of document scope that apply in di: its
// own and those of the documents it carries or is carried by.
func (l *linker) localMatcher(di int) *matcher {
	var defs []*def
	for _, f := range l.family[di] {
		for _, d := range l.defs[f] {
			if d.term.Scope != scopeCorpus {
				defs = append(defs, d)
			}
		}
	}
	if len(defs) == 0 {
		return nil
	}
	return newMatcher(defs)
}

// sortOccurrences orders a document's occurrences by reading order
// (citations of abbreviations were recorded before the terms of a text).
func sortOccurrences(occs []occurrence) {
	slices.SortStableFunc(occs, func(a, b occurrence) int {
		return at{a.text, a.loc.Start}.compare(at{b.text, b.loc.Start})
	})
}
