package audit

import "tiaoli/generator/model"

// unit is one piece of text as the parser filed it: a 款, a 项, a
// paragraph of a preamble, section, appendix or body.
type unit struct {
	model.Paragraph
	URL  string
	Kind string // "clause", "item", "preamble", "section", "appendix", "body"
	// Article is the article holding a 款 or 项, nil otherwise.
	Article *model.Article
}

// units lists the texts of d in reading order, as filed: the structure of
// a regulation when it has one, its body otherwise.
func units(d *model.Document) []unit {
	var out []unit
	for _, p := range d.Preamble {
		out = append(out, unit{Paragraph: p, URL: d.URL, Kind: "preamble"})
	}
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for i, cl := range a.Paragraphs {
			if cl == nil {
				continue
			}
			url := clauseURL(a, i+1)
			out = append(out, unit{Paragraph: cl.Paragraph, URL: url, Kind: "clause", Article: a})
			out = itemUnits(out, cl.Items, url, a)
		}
	}
	out = sectionUnits(out, d.Sections, d.URL)
	for _, p := range d.Appendix {
		out = append(out, unit{Paragraph: p, URL: d.URL, Kind: "appendix"})
	}
	if len(d.Articles) == 0 && len(d.Sections) == 0 && len(d.Preamble) == 0 {
		for _, p := range d.Body {
			out = append(out, unit{Paragraph: p, URL: d.URL, Kind: "body"})
		}
	}
	return out
}

func itemUnits(out []unit, items []*model.Item, url string, a *model.Article) []unit {
	for _, it := range items {
		if it == nil {
			continue
		}
		p := it.Paragraph
		p.Text = it.Label + p.Text
		out = append(out, unit{Paragraph: p, URL: url, Kind: "item", Article: a})
		out = itemUnits(out, it.Items, url, a)
	}
	return out
}

func sectionUnits(out []unit, ss []*model.Section, url string) []unit {
	for _, s := range ss {
		if s == nil {
			continue
		}
		u := url
		if s.URL != "" {
			u = s.URL
		}
		for _, p := range s.Body {
			out = append(out, unit{Paragraph: p, URL: u, Kind: "section"})
		}
		out = sectionUnits(out, s.Sections, u)
	}
	return out
}
