package linkcheck

import (
	"bytes"
	"net/url"

	"golang.org/x/net/html"
)

// link is a link found in a page.
type link struct {
	href string
	line int
}

// linkAttrs name the attribute that links, per element.
var linkAttrs = map[string]string{
	"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
	"iframe": "src", "source": "src", "video": "src", "audio": "src", "form": "action",
}

// scan returns the ids and the links of a page. Ids are interned: pages
// share their common ids (p1, p2 …).
func scan(data []byte, intern map[string]string) (ids []string, links []link) {
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt == html.ErrorToken {
			return ids, links
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			line += bytes.Count(raw, []byte{'\n'})
			continue
		}
		name, more := z.TagName()
		want := linkAttrs[string(name)]
		isA := string(name) == "a"
		for more {
			var key, val []byte
			key, val, more = z.TagAttr()
			switch k := string(key); {
			case k == "id" || (isA && k == "name"):
				ids = append(ids, internString(intern, string(val)))
			case k == want:
				links = append(links, link{href: string(val), line: line})
			}
		}
		line += bytes.Count(raw, []byte{'\n'})
	}
}

func internString(intern map[string]string, s string) string {
	if v, ok := intern[s]; ok {
		return v
	}
	if len(intern) < 1<<16 {
		intern[s] = s
	}
	return s
}

// unescape decodes %XX in a path or fragment, keeping it as it is when it
// is not valid.
func unescape(s string) string {
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	return s
}
