// Package fastesc makes html/template's escaping cheaper without changing
// a byte of what it writes.
//
// html/template escapes each value a template prints by piping it through
// one to three of its escapers, chosen by where the value stands (text, an
// attribute, a URL), and text/template calls each of them by reflection:
// on the pages of a large site that costs more than the rest of the
// rendering. Install replaces each such chain, in a template html/template
// has escaped, by one function that does the same in one call. A plain
// string, nearly every value a page prints, takes a path written here
// (fuzzed against html/template in the tests); any other value is escaped
// by html/template itself, in a small template of the same context.
package fastesc

import (
	"errors"
	"html/template"
	"io"
	"strconv"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// escaperPrefix starts the names html/template gives its escapers in the
// templates it has escaped.
const escaperPrefix = "_html_template_"

// chain is what Install puts in place of one chain of html/template's
// escapers.
type chain struct {
	// fn is the function's name in the template.
	fn string
	// plain escapes a plain string as the chain does.
	plain func(s string) string
	// keepsHTML: the chain prints a template.HTML as it is.
	keepsHTML bool
	// slow prints its data through the same chain of html/template,
	// between prefix and suffix: the way of values other than plain
	// strings.
	prefix, suffix string
	slow           *template.Template
}

// chains are the chains Install replaces, by the escapers' names joined
// with "|". Others are left to html/template.
var chains = map[string]*chain{
	"htmlescaper": {fn: "_fastesc_html", plain: escapeHTML, keepsHTML: true,
		prefix: "<p>", suffix: "</p>"},
	"attrescaper": {fn: "_fastesc_attr", plain: escapeHTML,
		prefix: `<p title="`, suffix: `">`},
	"rcdataescaper": {fn: "_fastesc_rcdata", plain: escapeHTML,
		prefix: "<title>", suffix: "</title>"},
	"urlfilter|urlnormalizer|attrescaper": {fn: "_fastesc_url", plain: func(s string) string {
		return escapeHTML(normalizeURL(filterURL(s)))
	}, prefix: `<a href="`, suffix: `">`},
	"urlescaper|attrescaper": {fn: "_fastesc_urlpart", plain: func(s string) string {
		return escapeHTML(escapeURL(s))
	}, prefix: `<a href="?q=`, suffix: `">`},
}

// funcs are the functions Install's chains call, by name; byFn their
// chains.
var (
	funcs = texttemplate.FuncMap{}
	byFn  = map[string]*chain{}
)

func init() {
	for _, c := range chains {
		c.slow = template.Must(template.New(c.fn).Parse(c.prefix + "{{.}}" + c.suffix))
		funcs[c.fn] = c.escape
		byFn[c.fn] = c
	}
}

// escape escapes v as the chain does. It returns no error, since a
// function's every result costs an allocation when text/template calls it:
// an error of html/template panics, and text/template returns it as the
// execution's error.
func (c *chain) escape(v any) string {
	switch s := v.(type) {
	case string:
		return c.plain(s)
	case int:
		// html/template prints it with fmt and escapes that. Executing a
		// template for it cost the editor's report, two line numbers in
		// each of its thousands of rows, more than half of its rendering.
		return c.plain(strconv.Itoa(s))
	case template.HTML:
		if c.keepsHTML {
			return string(s)
		}
	}
	var b strings.Builder
	if err := c.slow.Execute(&b, v); err != nil {
		panic(err)
	}
	out := b.String()
	return out[len(c.prefix) : len(out)-len(c.suffix)]
}

// Install escapes t, the templates named in also, and every template they
// call, as html/template does, then replaces in them each chain of
// escapers this package knows. Call it once, before t is executed; t then
// writes what it wrote before.
//
// Every template of t's set that is executed later must be t or in also:
// html/template escapes a template when it is first executed, and doing so
// after Install could copy a tree whose chains are replaced into another
// context, where it would add its escapers to them again.
func Install(t *template.Template, also ...string) error {
	t.Funcs(template.FuncMap(funcs))
	// html/template escapes a template and those it calls when it first
	// executes it; with no data the execution stops at the first value.
	run := []func() error{func() error { return t.Execute(io.Discard, nil) }}
	for _, name := range also {
		run = append(run, func() error { return t.ExecuteTemplate(io.Discard, name, nil) })
	}
	for _, execute := range run {
		if err := execute(); err != nil {
			var exec texttemplate.ExecError
			if !errors.As(err, &exec) {
				return err
			}
		}
	}
	for _, x := range t.Templates() {
		if x.Tree != nil {
			replaceIn(x.Tree.Root)
		}
	}
	return nil
}

// replaceIn replaces the chains of escapers in the actions of a tree.
func replaceIn(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			replaceIn(c)
		}
	case *parse.ActionNode:
		replaceChain(n.Pipe)
	case *parse.IfNode:
		replaceIn(n.List)
		replaceIn(n.ElseList)
	case *parse.RangeNode:
		replaceIn(n.List)
		replaceIn(n.ElseList)
	case *parse.WithNode:
		replaceIn(n.List)
		replaceIn(n.ElseList)
	}
}

// replaceChain puts one call in place of the escapers that end a
// pipeline, when this package knows their chain.
func replaceChain(p *parse.PipeNode) {
	start := len(p.Cmds)
	for start > 0 && escaperName(p.Cmds[start-1]) != "" {
		start--
	}
	if start == len(p.Cmds) {
		return
	}
	names := make([]string, 0, len(p.Cmds)-start)
	for _, c := range p.Cmds[start:] {
		names = append(names, escaperName(c))
	}
	c, ok := chains[strings.Join(names, "|")]
	if !ok {
		return
	}
	first := p.Cmds[start]
	first.Args = []parse.Node{parse.NewIdentifier(c.fn).SetPos(first.Position())}
	p.Cmds = p.Cmds[:start+1]
}

// escaperName is the name of the html/template escaper a command calls
// with no arguments of its own, without its prefix, or "".
func escaperName(c *parse.CommandNode) string {
	if len(c.Args) != 1 {
		return ""
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || !strings.HasPrefix(id.Ident, escaperPrefix) {
		return ""
	}
	return id.Ident[len(escaperPrefix):]
}

// escapeHTML escapes s for HTML text and quoted attribute values as
// html/template does: NUL becomes U+FFFD; ", &, ', +, < and > become
// character references. Every byte it changes is ASCII, so it reads bytes.
func escapeHTML(s string) string { return replaceBytes(s, htmlSub, &htmlPlain) }

// htmlSub is the escape of the byte s[i] in HTML, "" for none.
func htmlSub(s string, i int) string {
	switch s[i] {
	case 0:
		return "\uFFFD"
	case '"':
		return "&#34;"
	case '&':
		return "&amp;"
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return ""
}

// filterURL is s when its scheme, if it has one, is http, https or
// mailto; html/template's failsafe otherwise.
func filterURL(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// normalizeURL percent-encodes the bytes of s that may not stand in a
// URL, keeping its reserved characters and valid escapes.
func normalizeURL(s string) string { return replaceBytes(s, normSub, &normPlain) }

// escapeURL percent-encodes every byte of s but the unreserved ones, for
// a part of a URL (a query value).
func escapeURL(s string) string { return replaceBytes(s, partSub, &partPlain) }

func normSub(s string, i int) string { return urlSub(s, i, true) }
func partSub(s string, i int) string { return urlSub(s, i, false) }

// urlSub is html/template's URL escape of the byte s[i], "" for none:
// norm keeps reserved characters and valid escapes.
func urlSub(s string, i int, norm bool) string {
	c := s[i]
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		if norm {
			return ""
		}
	case '-', '.', '_', '~':
		return ""
	case '%':
		if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			return ""
		}
	default:
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return ""
		}
	}
	return percent[c]
}

// The bytes each escape leaves as they are wherever they stand (set by
// init once percent is): a byte its function leaves alone when it stands
// alone. Only '%' depends on what follows it, and alone it is escaped.
var htmlPlain, normPlain, partPlain [256]bool

// plainBytes marks the bytes sub leaves alone when they stand alone.
func plainBytes(sub func(s string, i int) string) (plain [256]bool) {
	for c := range plain {
		plain[c] = sub(string([]byte{byte(c)}), 0) == ""
	}
	return plain
}

// percent is the escape of each byte: %00 to %ff.
var percent [256]string

func init() {
	const hex = "0123456789abcdef"
	for c := range percent {
		percent[c] = "%" + hex[c>>4:c>>4+1] + hex[c&15:c&15+1]
	}
	htmlPlain, normPlain, partPlain = plainBytes(htmlSub), plainBytes(normSub), plainBytes(partSub)
}

// replaceBytes returns s with each byte for which sub (given s and the
// byte's index) returns a string replaced by that string; s itself when
// there is none. sub is not called for the bytes plain marks.
func replaceBytes(s string, sub func(s string, i int) string, plain *[256]bool) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if plain[s[i]] {
			continue
		}
		rep := sub(s, i)
		if rep == "" {
			continue
		}
		if last == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
