package site

import "testing"

func TestHref(t *testing.T) {
	tests := []struct{ page, target, want string }{
		{"d/x/a3/", "d/x/a2/", "../a2/"},
		{"d/x/a3/", "d/x/a3/#p2", "#p2"},
		{"d/x/a3/", "d/x/#h2", "../#h2"},
		{"d/x/a3/", "d/x/", "../"},
		{"d/x/a3/", "d/x/articles.json", "../articles.json"},
		{"d/x/a3/", "t/y/", "../../../t/y/"},
		{"d/x/a3/", "d/xy/", "../../xy/"},
		{"d/x/a3/", "", "../../../"},
		{"d/x/", "d/x/a3/", "a3/"},
		{"d/x/", "d/x/#b2", "#b2"},
		{"", "t/", "t/"},
		{"", "", "./"},
		{"", "#x", "#x"},
		{"t/", "t/", "./"},
		{"t/", "t/a/", "a/"},
		{"404.html", "t/", "t/"},
		{"s/p/", "d/x/", "../../d/x/"},
	}
	for _, tt := range tests {
		if got := (fromPage{url: tt.page}).href(tt.target); got != tt.want {
			t.Errorf("href from %q to %q = %q, want %q", tt.page, tt.target, got, tt.want)
		}
	}
}

func TestRootOf(t *testing.T) {
	for url, want := range map[string]string{"": "", "d/x/": "../../", "d/x/a5/": "../../../", "404.html": "", "d/x/articles.json": "../../"} {
		if got := rootOf(url); got != want {
			t.Errorf("rootOf(%q) = %q, want %q", url, got, want)
		}
	}
}
