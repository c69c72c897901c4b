package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
)

// sitemapLimit is the most URLs one sitemap file may hold.
const sitemapLimit = 50000

// feedEntries is how many of the newest documents the feed carries.
const feedEntries = 50

// abs is the URL of a page as the sitemap and feed give it: the base
// joined with the page's root-relative URL.
func (r *renderer) abs(url string) string { return r.opts.Base + url }

// pageURLs lists every page a search engine should know, in a stable
// order.
func (r *renderer) pageURLs() []string {
	urls := make([]string, 0, 16+r.pageCount()) // the lists below, at about their length
	urls = append(urls, "", address.TermsURL, address.SourcesURL, address.CitedURL, address.IssuersURL)
	for _, k := range r.kinds() {
		urls = append(urls, address.KindURL(k))
	}
	for _, y := range r.years() {
		urls = append(urls, address.YearURL(y))
	}
	for _, d := range r.c.Documents {
		urls = append(urls, d.URL)
		for _, a := range d.Articles {
			if a != nil {
				urls = append(urls, a.URL)
			}
		}
		for _, s := range d.Sections {
			if s != nil {
				urls = append(urls, s.URL)
			}
		}
	}
	urls = append(urls, r.workURLs()...)
	for _, t := range r.c.Terms {
		urls = append(urls, t.URL)
	}
	for _, s := range r.c.Sources {
		urls = append(urls, s.URL)
	}
	seen := make(map[string]bool, len(urls))
	out := urls[:0]
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// Files of the sitemap and the feed.
const (
	sitemapFile = "sitemap.xml"
	feedFile    = "feed.xml"
)

// sitemapJob writes sitemap.xml; past the protocol's limit of 50,000 URLs
// it becomes an index of sitemap-1.xml, sitemap-2.xml …, the job's other
// files. The URLs are listed when the job is, since its files depend on
// their number.
func (r *renderer) sitemapJob() job {
	urls := r.pageURLs()
	files := []string{sitemapFile}
	if len(urls) > sitemapLimit {
		for i := 0; i*sitemapLimit < len(urls); i++ {
			files = append(files, sitemapPart(i))
		}
	}
	return job{files: files, render: func(w *worker) error { return w.sitemap(urls) }}
}

// sitemapPart is the file of the i-th part of a long sitemap.
func sitemapPart(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

// sitemap writes sitemap.xml for urls, or its index and parts.
func (w *worker) sitemap(urls []string) error {
	if len(urls) <= sitemapLimit {
		return w.file(sitemapFile, w.r.urlset(urls))
	}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*sitemapLimit < len(urls); i++ {
		name := sitemapPart(i)
		part := urls[i*sitemapLimit : min((i+1)*sitemapLimit, len(urls))]
		if err := w.file(name, w.r.urlset(part)); err != nil {
			return err
		}
		index.WriteString("<sitemap><loc>")
		xml.EscapeText(&index, []byte(w.r.abs(name)))
		index.WriteString("</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return w.file(sitemapFile, index.Bytes())
}

// urlset is a sitemap of urls. Most URLs need no escaping and are
// written as they are: escaping the 161k URLs of the LawRefBook corpus
// one by one took half the CPU time of a rebuild's pages besides the
// report.
func (r *renderer) urlset(urls []string) []byte {
	const head, open, close = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n", "<url><loc>", "</loc></url>\n"
	base := r.opts.Base
	size := len(xml.Header) + len(head) + len("</urlset>\n")
	for _, u := range urls {
		size += len(open) + len(base) + len(u) + len(close)
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(xml.Header + head)
	plainBase := plainXML(base)
	for _, u := range urls {
		b.WriteString(open)
		if plainBase && plainXML(u) {
			b.WriteString(base)
			b.WriteString(u)
		} else {
			xml.EscapeText(b, []byte(r.abs(u)))
		}
		b.WriteString(close)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// plainXML reports whether xml.EscapeText would write s as it is: it is
// printable ASCII without the characters XML escapes.
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			return false
		}
	}
	return true
}

// feed writes feed.xml, an Atom feed of the newest documents. Its dates
// are the documents' own, so an unchanged corpus gives the same feed.
func (w *worker) feed() error {
	r := w.r
	docs := r.byDate[:min(len(r.byDate), feedEntries)]
	updated := "1970-01-01"
	for _, d := range docs {
		if dd := feedDate(d); dd > updated {
			updated = dd
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">` + "\n")
	elem(&b, "title", r.opts.SiteName+"：新收录文件")
	elem(&b, "id", r.abs(""))
	fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", attrEscape(r.abs("")))
	fmt.Fprintf(&b, "<link rel=\"self\" href=\"%s\"/>\n", attrEscape(r.abs(feedFile)))
	elem(&b, "updated", updated+"T00:00:00Z")
	elem(&b, "generator", "tiaoli")
	b.WriteString("<author>")
	elem(&b, "name", r.opts.SiteName)
	b.WriteString("</author>\n")
	for _, d := range docs {
		w.feedEntry(&b, d, updated)
	}
	b.WriteString("</feed>\n")
	return w.file(feedFile, b.Bytes())
}

// feedDate is a document's date as the feed can write it: a full date,
// "" for a bare year or none.
func feedDate(d *model.Document) string {
	return cndate.Day(docDate(d))
}

func (w *worker) feedEntry(b *bytes.Buffer, d *model.Document, fallback string) {
	r := w.r
	date := feedDate(d)
	if date == "" {
		date = fallback
	}
	b.WriteString("<entry>\n")
	elem(b, "title", d.Title)
	fmt.Fprintf(b, "<link rel=\"alternate\" href=\"%s\"/>\n", attrEscape(r.abs(d.URL)))
	elem(b, "id", "urn:tiaoli:document:"+d.ID)
	elem(b, "updated", date+"T00:00:00Z")
	fmt.Fprintf(b, "<category term=\"%s\" label=\"%s\"/>\n", attrEscape(d.Kind), attrEscape(KindName(d.Kind)))
	if d.Issuer != "" {
		b.WriteString("<author>")
		elem(b, "name", d.Issuer)
		b.WriteString("</author>\n")
	}
	if l := lead(d); l != "" {
		elem(b, "summary", clip(l, 200))
	}
	b.WriteString("</entry>\n")
}

// elem writes <name>text</name> with text escaped.
func elem(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">\n")
}

func attrEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
