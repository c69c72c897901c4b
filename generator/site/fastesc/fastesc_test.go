package fastesc

import (
	"html/template"
	"io"
	"strings"
	"testing"
)

// chainOf is the chain of escapers html/template puts on the one action
// of an escaped template.
func chainOf(t *testing.T, tm *template.Template) string {
	t.Helper()
	_ = tm.Execute(io.Discard, "")
	var names []string
	for _, n := range tm.Tree.Root.Nodes {
		if a, ok := n.(interface{ String() string }); ok && strings.HasPrefix(a.String(), "{{") {
			for _, f := range strings.Split(strings.Trim(a.String(), "{}"), " | ")[1:] {
				names = append(names, strings.TrimPrefix(f, escaperPrefix))
			}
		}
	}
	return strings.Join(names, "|")
}

// TestSlowTemplatesHaveTheirChain: the template each chain falls back to
// has that very chain, so other values are escaped as before.
func TestSlowTemplatesHaveTheirChain(t *testing.T) {
	for key, c := range chains {
		tm := template.Must(template.New("x").Parse(c.prefix + "{{.}}" + c.suffix))
		if got := chainOf(t, tm); got != key {
			t.Errorf("%s: the template %q has the chain %q", c.fn, c.prefix+"{{.}}"+c.suffix, got)
		}
	}
}

// slowly escapes v by html/template alone.
func slowly(t testing.TB, c *chain, v any) string {
	var b strings.Builder
	tm := template.Must(template.New("x").Parse(c.prefix + "{{.}}" + c.suffix))
	if err := tm.Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	return out[len(c.prefix) : len(out)-len(c.suffix)]
}

var samples = []string{
	"", "中华人民共和国行政许可法", "第一百零三条", `a<b>&"c'+d`, "\x00x", "../../d/x/a5/#k2",
	"javascript:alert(1)", "JavaScript:x", "http://a.b/c?d=e&f", "mailto:x@y", "a/b:c", "%zz%2F%2f%",
	"a b\tc\n", "\xff\xfe 坏", "《某某条例》第五条", "+&#43;", "?q=第五条&x=1", "\uFFFD\ufdd0",
}

func TestPlainAsHTMLTemplate(t *testing.T) {
	for _, c := range chains {
		for _, s := range samples {
			if got, want := c.plain(s), slowly(t, c, s); got != want {
				t.Errorf("%s(%q) = %q, html/template: %q", c.fn, s, got, want)
			}
		}
	}
}

// TestOtherValuesAsHTMLTemplate: typed content, numbers, pointers and
// nil are escaped as html/template escapes them.
func TestOtherValuesAsHTMLTemplate(t *testing.T) {
	s := "a<b>"
	values := []any{template.HTML(`<b title="x">粗</b>`), template.URL("http://x/?a=<b>"),
		template.HTMLAttr(`x="y"`), template.JS("a<b"), 42, -7, 0, 3.5, true, &s, (*string)(nil), nil,
		[]string{"a", "<b>"}}
	for _, c := range chains {
		for _, v := range values {
			if got, want := c.escape(v), slowly(t, c, v); got != want {
				t.Errorf("%s(%#v) = %q, html/template: %q", c.fn, v, got, want)
			}
		}
	}
}

func FuzzPlain(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range chains {
			if got, want := c.plain(s), slowly(t, c, s); got != want {
				t.Errorf("%s(%q) = %q, html/template: %q", c.fn, s, got, want)
			}
		}
	})
}

// page uses every context this package knows and some it leaves alone
// (a script, a style), in a template it calls too.
const page = `{{define "page"}}<!doctype html><title>{{.Title}}</title>
<a href="{{.Href}}" title="{{.Title}}">{{.Title}}</a> <a href="../s/?q={{.Title}}">{{.Body}}</a>
{{range .List}}<li class="{{.}}">{{.}}</li>{{end}}{{template "part" .}}
<script>var x = {{.Title}};</script><p style="color: {{.Title}}">{{.Href | html}}</p>{{end}}
{{define "part"}}{{with .Title}}<b data-x="{{.}}">{{.}}</b>{{end}}{{end}}`

type pageData struct {
	Title, Href string
	Body        template.HTML
	List        []any
}

// TestInstallKeepsOutput: a template with its chains replaced writes the
// same bytes as the template html/template alone escaped.
func TestInstallKeepsOutput(t *testing.T) {
	data := []pageData{
		{Title: "第五条 <重要> & \"引用\"", Href: "../../d/x/a5/", Body: "<i>正文</i>", List: []any{"a+b", 3, template.HTML("<u>")}},
		{Title: "", Href: "javascript:alert(1)", List: nil},
		{Title: "x'y", Href: "http://例.cn/a b?c=%zz", Body: "\x00", List: []any{nil, "\x00"}},
	}
	for _, d := range data {
		plain := template.Must(template.New("page").Parse(page))
		fast := template.Must(template.New("page").Parse(page))
		if err := Install(fast); err != nil {
			t.Fatal(err)
		}
		var want, got strings.Builder
		if err := plain.Execute(&want, d); err != nil {
			t.Fatal(err)
		}
		if err := fast.Execute(&got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("with the chains replaced:\n%s\nhtml/template alone:\n%s", got.String(), want.String())
		}
	}
	fast := template.Must(template.New("page").Parse(page))
	if err := Install(fast); err != nil {
		t.Fatal(err)
	}
	replaced, left := 0, 0
	for _, x := range fast.Templates() {
		s := x.Tree.Root.String()
		replaced += strings.Count(s, "_fastesc_")
		left += strings.Count(s, escaperPrefix)
	}
	// Left to html/template: the script's value and the style's two.
	if replaced != 10 || left != 3 {
		t.Errorf("%d chains replaced and %d escapers left, want 10 and 3", replaced, left)
	}
}

// TestInstallReportsEscapingErrors: a template html/template cannot
// escape is refused, as executing it would be.
func TestInstallReportsEscapingErrors(t *testing.T) {
	bad := template.Must(template.New("bad").Parse(`<a href="{{if .}}x{{end}}`))
	if err := Install(bad); err == nil {
		t.Error("a template html/template cannot escape was installed")
	}
}

// TestInstallAlso: a template executed after Install that calls, in an
// attribute, a template a page calls in text, writes what html/template
// alone writes when it is named to Install; when it is not, html/template
// escapes the replaced chain again.
func TestInstallAlso(t *testing.T) {
	const set = `{{define "page"}}<p>{{template "word" .}}</p>{{end}}` +
		`{{define "later"}}<p title="{{template "word" .}}">{{end}}{{define "word"}}{{.}}{{end}}`
	data := `a<b>&"c"`
	var want strings.Builder
	plain := template.Must(template.New("x").Parse(set))
	if err := plain.ExecuteTemplate(&want, "later", data); err != nil {
		t.Fatal(err)
	}
	for _, named := range []bool{true, false} {
		fast := template.Must(template.New("x").Parse(set))
		var also []string
		if named {
			also = []string{"later"}
		}
		if err := Install(fast.Lookup("page"), also...); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		if err := fast.ExecuteTemplate(&got, "later", data); err != nil {
			t.Fatal(err)
		}
		if (got.String() == want.String()) != named {
			t.Errorf("named %v: %s, html/template alone: %s", named, got.String(), want.String())
		}
	}
}
