package site_test

import "testing"

// TestCitationOfYearTitledVersion: the citation line of an article of a
// regulation whose title carries its version's year puts the year after
// the 《》, as every other citation of it does: no one issued a 《某某条例2015》.
func TestCitationOfYearTitledVersion(t *testing.T) {
	files, url := ruleSite(t, "# 某某事项条例2015\n\n第一条 为了规范办理工作，制定本条例。\n\n第二条 本条例自发布之日起施行。\n", 2)
	p := parsePage(t, files, url+"index.html")
	if got, want := text(p.Find(".cite .cite-text")), "《某某事项条例》（2015）第二条"; got != want {
		t.Errorf("citation = %q, want %q", got, want)
	}
}
