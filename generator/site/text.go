package site

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// textBuilder collects HTML this package writes itself. Every text from a
// source goes through escape.
//
// take hands out what was written without copying it: the HTML shares the
// builder's memory, which reset gives back for the next page. A worker
// resets its builder once it has written a page, so what take returns
// must not outlive the page it was taken for. Bytes are only ever appended
// until reset: those already taken are never written over before then
// (append copies them to a new array when it grows, leaving the old one
// as it was).
type textBuilder struct {
	buf []byte
	// taken is how much of buf take has handed out.
	taken int
}

// WriteString appends s.
func (b *textBuilder) WriteString(s string) { b.buf = append(b.buf, s...) }

// WriteByte appends c; it never fails.
func (b *textBuilder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// take returns what was written since the last take as HTML, which stays
// valid until reset.
func (b *textBuilder) take() template.HTML {
	s := b.buf[b.taken:]
	b.taken = len(b.buf)
	return template.HTML(unsafe.String(unsafe.SliceData(s), len(s)))
}

// reset empties the builder, keeping its memory: what take returned before
// is written over by what comes next.
func (b *textBuilder) reset() { b.buf, b.taken = b.buf[:0], 0 }

// escape writes s with &, <, >, " and ' escaped, fit for text and quoted
// attribute values.
func (b *textBuilder) escape(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		rep := escapes[s[i]]
		if rep == "" {
			continue
		}
		b.buf = append(b.buf, s[last:i]...)
		b.buf = append(b.buf, rep...)
		last = i + 1
	}
	b.buf = append(b.buf, s[last:]...)
}

// escapes are what escape writes for a byte, "" for the byte itself: a
// table read costs less than a switch for every byte of a page's text.
var escapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&#34;", '\'': "&#39;"}

// attr writes ` name="value"` with value escaped.
func (b *textBuilder) attr(name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.escape(value)
	b.WriteByte('"')
}

// fromPage is the page being written, which links start from: its
// root-relative URL and the path back to the root.
type fromPage struct{ root, url string }

// href is the link from the page to a root-relative URL, as short as a
// relative path can be: an anchor on the page itself becomes a bare
// fragment, a sibling page ../a6/.
func (p fromPage) href(url string) string {
	target, frag := url, ""
	if i := strings.IndexByte(url, '#'); i >= 0 {
		target, frag = url[:i], url[i:]
	}
	if target == p.url && frag != "" {
		return frag
	}
	dir := p.url[:strings.LastIndexByte(p.url, '/')+1]
	// Climb from the page's folder to the deepest folder it shares with
	// the target, then go down.
	common := 0
	for i := 0; i < len(dir) && i < len(target); i++ {
		if dir[i] != target[i] {
			break
		}
		if dir[i] == '/' {
			common = i + 1
		}
	}
	up := strings.Count(dir[common:], "/")
	rest := target[common:] // no '#' in it: frag starts with one
	switch {
	case up == 0 && rest == "":
		return "./" + frag
	case up == 0:
		return rest + frag
	}
	// Made in one piece: a link is made for every term and reference of
	// every page.
	var b strings.Builder
	b.Grow(3*up + len(rest) + len(frag))
	for range up {
		b.WriteString("../")
	}
	b.WriteString(rest)
	b.WriteString(frag)
	return b.String()
}

// linked writes text with its term and reference links. Links that
// overlap an earlier one, fall outside the text or cut a character are
// left out; the text is always written whole.
func (w *worker) linked(b *textBuilder, text string, links []model.Link, p fromPage) {
	pos := 0
	for _, l := range links {
		if l.Start < pos || l.End > len(text) || l.Start >= l.End ||
			!utf8.RuneStart(text[l.Start]) || (l.End < len(text) && !utf8.RuneStart(text[l.End])) {
			continue
		}
		b.escape(text[pos:l.Start])
		w.link(b, text[l.Start:l.End], l, p)
		pos = l.End
	}
	b.escape(text[pos:])
}

func (w *worker) link(b *textBuilder, text string, l model.Link, p fromPage) {
	r := w.r
	switch {
	case l.Kind == "term" && l.Term >= 0 && l.Term < len(r.c.Terms):
		w.termLink(b, text, l, p)
	case l.Kind == "reference" && l.Reference >= 0 && l.Reference < len(r.c.References):
		w.refLink(b, text, r.c.References[l.Reference], p)
	default:
		b.escape(text)
	}
}

func (w *worker) termLink(b *textBuilder, text string, l model.Link, p fromPage) {
	t := w.r.c.Terms[l.Term]
	if l.Definition {
		b.WriteString(`<dfn>`)
	}
	b.WriteString(`<a class="term"`)
	b.attr("href", p.href(t.URL))
	b.attr("data-def", w.r.tips[l.Term])
	b.WriteByte('>')
	b.escape(text)
	b.WriteString(`</a>`)
	if l.Definition {
		b.WriteString(`</dfn>`)
	}
}

func (w *worker) refLink(b *textBuilder, text string, ref *model.Reference, p fromPage) {
	url, tip, class := w.r.refShown(ref)
	if url == "" {
		b.WriteString(`<span class="`)
		b.WriteString(class)
		b.WriteByte('"')
		b.attr("title", tip)
		b.WriteByte('>')
		b.escape(text)
		b.WriteString(`</span>`)
		return
	}
	b.WriteString(`<a class="`)
	b.WriteString(class)
	b.WriteByte('"')
	b.attr("href", p.href(url))
	if tip != "" {
		b.attr("data-def", tip)
	}
	b.WriteByte('>')
	b.escape(text)
	b.WriteString(`</a>`)
}

// refShown is what the text shows of a reference: where it links
// (root-relative; "" for no link, a span with tip as its title), its
// tooltip and its class.
func (r *renderer) refShown(ref *model.Reference) (url, tip, class string) {
	if url, tip, class = r.refTarget(ref); url != "" {
		return url, tip, class
	}
	if len(ref.Antecedents) > 1 {
		// 上述法规 after several titles: no one place to link; say which.
		return "", r.antecedents(ref), "ref above"
	}
	if note := beforeNote(ref); note != "" {
		return "", note, "ref unresolved"
	}
	if note := r.unlinkedNote(ref); note != "" {
		return "", note, "ref unresolved"
	}
	return "", "未能解析的引用", "ref unresolved"
}

// refTarget is where a reference leads (root-relative, "" when nowhere),
// the tooltip that says what is there, and the link's class. A reference
// to a place that does not exist (第五条第三款 of an article of two 款)
// leads nowhere: a link to the article would be a false precise link.
func (r *renderer) refTarget(ref *model.Reference) (url, tip, class string) {
	if dangling(ref) {
		return "", "", ""
	}
	if ref.To != nil && ref.To.Document != "" {
		t, ok := r.x.Resolve(*ref.To)
		if t.Doc != nil {
			tip := targetTip(t, r.end(ref))
			if note := r.laterNote(ref); note != "" {
				return targetURL(t, ok), tip + "\n" + note, "ref later"
			}
			return targetURL(t, ok), tip, "ref"
		}
	}
	if ref.External && ref.Title != "" {
		return address.CitedURL + "#" + address.CitedAnchor(ref.Title), "未收录：" + lookup.Quote(ref.Title), "ref ext"
	}
	return "", "", ""
}

// antecedents names what a 上述… reference points back to: 指前文所引：
// 《甲》、《乙》.
func (r *renderer) antecedents(ref *model.Reference) string {
	var names []string
	for _, i := range ref.Antecedents {
		if i < 0 || i >= len(r.c.References) {
			continue
		}
		if n := r.targetName(r.c.References[i]); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return "指前文所引：" + strings.Join(names, "、")
}

// dangling reports whether a reference names a place in a document of the
// corpus that is not there: its problem says what is missing.
func dangling(ref *model.Reference) bool { return ref.To != nil && ref.Problem != "" }

// targetURL is the URL of a target, falling back to its article or
// document when the paragraph or item it names does not exist.
func targetURL(t lookup.Target, ok bool) string {
	switch {
	case ok:
		return t.URL()
	case t.Article != nil:
		return t.Article.URL
	}
	return t.Doc.URL
}

// targetTip says what a reference points at: the citation (of the
// stretch through end, for a range) and the start of the text there.
func targetTip(t, end lookup.Target) string {
	tip := t.CitationThrough(end)
	text := t.Text
	if text == "" && t.Article != nil && len(t.Article.Clauses) > 0 {
		text = t.Article.Clauses[0].Text
	}
	if text != "" {
		tip += "：" + clip(text, 80)
	}
	return tip
}
