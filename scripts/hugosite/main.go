// Command hugosite writes the documents and articles of a content folder
// as a Hugo site with a minimal theme: the pages tiaoli renders as d/<doc>/
// and d/<doc>/a5/, at the same URLs, so that `make bench` can build the
// same pages with Hugo, side by side with tiaoli, in one run.
//
//	go run ./scripts/hugosite CONTENT OUT
//
// Only the page kinds Hugo needs for those pages are built (no taxonomies,
// feeds or sitemap), and the theme prints the title and the text, which
// favours Hugo: tiaoli's pages carry links, terms and navigation too.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"tiaoli/generator"
	"tiaoli/generator/model"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: hugosite CONTENT OUT")
		os.Exit(2)
	}
	c := generator.Parse(os.DirFS(os.Args[1]))
	n, err := write(c, os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "hugosite:", err)
		os.Exit(1)
	}
	fmt.Printf("hugosite: %d pages of %d documents\n", n, len(c.Documents))
}

// theme is the minimal Hugo theme: a layout, a page and a section list.
var theme = map[string]string{
	"config.toml": `baseURL = "/"
languageCode = "zh-CN"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
`,
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<nav><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<h1>{{ .Title }}</h1>{{ .Content }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}
`,
}

// write puts the theme and one Markdown file per page under out.
func write(c *model.Corpus, out string) (int, error) {
	for name, text := range theme {
		if err := writeFile(filepath.Join(out, name), text); err != nil {
			return 0, err
		}
	}
	pages := 0
	for _, d := range c.Documents {
		if d.URL == "" {
			continue
		}
		dir := filepath.Join(out, "content", filepath.FromSlash(d.URL))
		if err := writeFile(filepath.Join(dir, "_index.md"), page(d.Title, documentText(d))); err != nil {
			return 0, err
		}
		pages++
		for i, a := range d.Articles {
			name := strings.TrimSuffix(strings.TrimPrefix(a.URL, d.URL), "/") + ".md"
			md := fmt.Sprintf("---\ntitle: %q\nweight: %d\n---\n%s", d.Title+" "+a.Label, i+1, articleText(a))
			if err := writeFile(filepath.Join(dir, name), md); err != nil {
				return 0, err
			}
			pages++
		}
	}
	return pages, nil
}

func page(title, body string) string {
	return fmt.Sprintf("---\ntitle: %q\n---\n%s", title, body)
}

// documentText is a document's full text in Markdown.
func documentText(d *model.Document) string {
	var b strings.Builder
	for _, p := range d.Body {
		b.WriteString(p.Text + "\n\n")
	}
	for _, a := range d.Articles {
		b.WriteString(articleText(a))
	}
	return b.String()
}

// articleText is an article in Markdown: its label in bold, a paragraph
// per 款 and a line per 项.
func articleText(a *model.Article) string {
	var b strings.Builder
	for i, p := range a.Clauses {
		if i == 0 {
			b.WriteString("**" + a.Label + "** ")
		}
		b.WriteString(p.Text + "\n\n")
		for _, it := range p.Items {
			b.WriteString(it.Label + it.Text + "\n\n")
		}
	}
	return b.String()
}

func writeFile(p, text string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
