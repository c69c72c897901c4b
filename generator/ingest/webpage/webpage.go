// Package webpage reads a saved news web page (HTML) into printed lines,
// with goquery. It keeps the article and drops the page's chrome: scripts,
// styles, forms, navigation, site headers and footers, sidebars, share and
// comment boxes.
//
// The article is the <article> element with the most text, else <main>,
// else the element whose paragraphs hold the most text. A page title (the
// first <h1>) outside it is kept as its first line. Headings keep their
// level, list items their mark, bold-only lines are marked Strong, table
// rows become lines of cells separated by " | ", and <br> starts a new
// line. <title> and <meta> fill the page's metadata.
//
// The HTML parser keeps no positions, so before parsing every text token
// of the source is prefixed with an invisible marker of its line (Unicode
// noncharacters, which no text holds); each printed line takes the line of
// the first text it holds.
package webpage

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/frontmatter"
	"tiaoli/generator/model"
)

// CellSeparator joins the cells of a table row.
const CellSeparator = model.CellSeparator

// Read returns the metadata and printed lines of an HTML page.
func Read(src string) (block.Page, []block.Problem) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(annotate(src)))
	if err != nil {
		return block.Page{}, []block.Problem{{Line: 1, Message: "无法解析HTML：「" + err.Error() + "」"}}
	}
	var p block.Page
	p.Meta = meta(doc)
	doc.Find(strings.Join(dropAlways, ",")).Remove()
	article := container(doc)
	article.Find(strings.Join(dropInArticle, ",")).Remove()
	removeChrome(article)
	w := walker{}
	for _, n := range outsideHead(doc, article) {
		w.walk(n, state{})
		w.flush()
	}
	for _, n := range article.Nodes {
		w.walk(n, state{})
	}
	w.flush()
	p.Lines = w.lines
	if p.Meta.Title == "" && len(p.Lines) > 0 && p.Lines[0].Heading > 0 {
		p.Meta.TitleLine = p.Lines[0].Line
	}
	return p, nil
}

// dropAlways are elements that never hold article text.
var dropAlways = []string{
	"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
	"form", "button", "select", "input", "textarea", "link", "meta", "head",
}

// dropInArticle are elements of page chrome, dropped inside the article.
var dropInArticle = []string{
	"nav", "aside", "footer", "menu", "[role=navigation]", "[role=banner]",
	"[role=contentinfo]", "[role=complementary]", "[aria-hidden=true]", "[hidden]",
}

// chromeWords in an element's id or class mark page chrome.
var chromeWords = []string{
	"nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "footer", "sidebar", "share",
	"social", "comment", "comments", "related", "recommend", "advert", "ads", "banner",
	"copyright", "toolbar", "pagination", "pager", "topbar", "login", "search",
}

// removeChrome drops elements inside the article whose id or class names
// page chrome.
func removeChrome(article *goquery.Selection) {
	article.Find("[id],[class]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		class, _ := s.Attr("class")
		if isChrome(id + " " + class) {
			s.Remove()
		}
	})
}

func isChrome(names string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(names), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, c := range chromeWords {
			if w == c {
				return true
			}
		}
	}
	return false
}

// container chooses the element that holds the article.
func container(doc *goquery.Document) *goquery.Selection {
	for _, sel := range []string{"article", "main, [role=main]"} {
		if best := mostText(doc.Find(sel)); best != nil {
			return best
		}
	}
	body := doc.Find("body")
	best, bestLen := body, 0
	doc.Find("div, section, td, center").Each(func(_ int, s *goquery.Selection) {
		if isChrome(attr(s, "id") + " " + attr(s, "class")) {
			return
		}
		n := 0
		s.ChildrenFiltered("p, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, table").Each(func(_ int, p *goquery.Selection) {
			n += hanCount(p.Text())
		})
		if n > bestLen {
			best, bestLen = s, n
		}
	})
	if bestLen == 0 || hanCount(best.Text())*3 < hanCount(body.Text()) {
		return body // no element holds most of the text: read it all
	}
	return best
}

// mostText returns the element of sel with the most Chinese text, or nil.
func mostText(sel *goquery.Selection) *goquery.Selection {
	var best *goquery.Selection
	bestLen := 0
	sel.Each(func(_ int, s *goquery.Selection) {
		if n := hanCount(s.Text()); n > bestLen || (best == nil && strings.TrimSpace(s.Text()) != "") {
			best, bestLen = s, n
		}
	})
	return best
}

// outsideTitle returns the page's first <h1> when the article has no
// heading of its own and the <h1> is outside it.
func outsideTitle(doc *goquery.Document, article *goquery.Selection) *goquery.Selection {
	if article.Find("h1, h2").Length() > 0 || article.Is("body") {
		return nil
	}
	h := doc.Find("h1").First()
	if h.Length() == 0 || article.Find("*").IndexOfSelection(h) >= 0 || h.Closest("nav, footer, aside").Length() > 0 {
		return nil
	}
	return h
}

// maxHeadLines is how many short lines around an outside title are read
// with it: the deck of 引题 before it, 副题 and the line of date and source
// after it.
const maxHeadLines = 4

// outsideHead returns the headline group printed outside the article: its
// <h1> and the short lines right before and after it among its siblings
// (引题, 副题, 2025-01-02 05:58 来源：人民日报), each its own line.
func outsideHead(doc *goquery.Document, article *goquery.Selection) []*html.Node {
	h := outsideTitle(doc, article)
	if h == nil {
		return nil
	}
	var before []*html.Node
	for s := h.Prev(); s.Length() > 0 && len(before) < maxHeadLines && headLine(s, article); s = s.Prev() {
		before = append([]*html.Node{s.Nodes[0]}, before...)
	}
	out := append(before, h.Nodes[0])
	for s, n := h.Next(), 0; s.Length() > 0 && n < maxHeadLines && headLine(s, article); s, n = s.Next(), n+1 {
		out = append(out, s.Nodes[0])
	}
	return out
}

// headLine reports whether a sibling of the title is a short line of its
// headline group: not the article nor holding it, not chrome, one short
// line of text.
func headLine(s, article *goquery.Selection) bool {
	if s.IsSelection(article) || s.Find("*").IndexOfSelection(article) >= 0 || article.Find("*").IndexOfSelection(s) >= 0 {
		return false
	}
	if isChrome(attr(s, "id")+" "+attr(s, "class")) || s.Find("p, div, ul, ol, table, img").Length() > 0 {
		return false
	}
	t := cleanText(s.Text())
	n := len([]rune(t))
	return n > 0 && n <= 60 && hanCount(t) > 0
}

// meta reads the page's metadata from <title> and <meta>.
func meta(doc *goquery.Document) block.Meta {
	var m block.Meta
	m.Title = cleanText(doc.Find("title").First().Text())
	for _, name := range []string{"og:title", "title", "headline"} {
		if v := metaContent(doc, name); v != "" {
			m.Title = v
			break
		}
	}
	for _, name := range []string{"article:published_time", "publishdate", "pubdate", "date", "publish_date", "dc.date"} {
		if d, ok := frontmatter.Date(metaContent(doc, name)); ok {
			m.Date = d
			break
		}
	}
	m.Publication = firstNonEmpty(metaContent(doc, "og:site_name"), metaContent(doc, "source"))
	m.Author = firstNonEmpty(metaContent(doc, "author"), metaContent(doc, "article:author"))
	return m
}

func metaContent(doc *goquery.Document, name string) string {
	v := ""
	doc.Find("meta").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.EqualFold(attr(s, "name"), name) || strings.EqualFold(attr(s, "property"), name) {
			v = cleanText(attr(s, "content"))
			return false
		}
		return true
	})
	return v
}

func attr(s *goquery.Selection, name string) string {
	v, _ := s.Attr(name)
	return v
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
