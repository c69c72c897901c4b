package audit

import (
	"regexp"
	"strings"

	"tiaoli/generator/ingest/page"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/model"
)

// newsPage finds the apparatus of a saved news page read as the text of
// its item: the page's line of date and source (2025-01-02 05:58
// 来源：人民日报), the editor's mark (责编：…), a dateline left in the text
// unread, a write-up's closing author line (（作者：某某 单位：…）) left in
// its text, and a byline that keeps what the person did (某某采访整理).
func newsPage(x *scan, d *model.Document) []Finding {
	var out []Finding
	for i, u := range x.units {
		t := strings.TrimSpace(u.Text)
		msg := ""
		switch {
		case metaLine.MatchString(t):
			msg = "网页的日期来源行被读作正文：" + clip(t, 30)
		case editorMark.MatchString(t):
			msg = "责编署名被读作正文：" + clip(t, 20)
		case u.Kind == "body" && isAuthorLine(t):
			msg = "作者署名行被读作正文：" + clip(t, 20)
		case i < 3 && u.Kind == "body" && d.Kind != model.KindRegulation && d.Dateline == nil && opensWithDateline(t):
			msg = "电头未被读出：" + clip(t, 20)
		}
		if msg != "" {
			out = append(out, find(d, u.Position, u.URL(), msg))
		}
	}
	for _, b := range d.Bylines {
		if bylineDeed.MatchString(b) {
			out = append(out, find(d, firstPos(d), d.URL, "署名带了所做的事："+b))
		}
	}
	return out
}

var (
	// metaLine is a web page's line of publication time and source.
	metaLine = regexp.MustCompile(`^(?:[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*(?:来源|稿源)\s*[:：]|(?:来源|稿源)\s*[:：].{0,30}[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*[0-9]{1,2}:[0-9]{2}.{0,10}$)`)
	// editorMark is the web editor's mark closing an item.
	editorMark = regexp.MustCompile(`^[（(]\s*(?:责编|责任编辑|编辑)\s*[:：]`)
	// bylineDeed is a byline that kept what its person did.
	bylineDeed = regexp.MustCompile(`(?:采访)?整理$|采写$|口述$|撰文$|执笔$`)
)

// opensWithDateline reports whether s opens with an agency's dateline
// (新华社北京1月1日电).
func opensWithDateline(s string) bool {
	m, _, ok := dateline.Opening(s)
	return ok && m.Month > 0
}

// isAuthorLine reports whether s is a write-up's closing author line.
func isAuthorLine(s string) bool {
	_, _, ok := page.AuthorLine(s)
	return ok
}

func firstPos(d *model.Document) model.Position {
	if len(d.Sources) > 0 {
		return d.Sources[0]
	}
	return model.Position{}
}
