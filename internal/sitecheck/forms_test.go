package sitecheck

import (
	"context"
	"strings"
	"testing"

	"tiaoli/search"
)

// forms is a rule printed in traditional characters and one printed in
// simplified characters.
const forms = `Two rules, one printed in traditional characters, one in simplified.

-- regs/僱傭條例.md --
# 示範僱傭條例

第一條 僱主應當與勞動者訂立書面勞動合同，並按月支付工資。

第二條 勞動者每年享有帶薪年假。
-- regs/档案规定.md --
# 示范档案保管规定

第一条 保管单位应当建立档案登记制度。

第二条 档案应当按年度编号。
`

// TestCharacterFormsSite: a simplified query finds the text printed in
// traditional characters and a traditional query the simplified text,
// each highlighted as printed, and every hit resolves.
func TestCharacterFormsSite(t *testing.T) {
	s := Build(t, forms)
	for _, c := range []struct{ query, title, mark string }{
		{"劳动合同", "僱傭條例", "<mark>勞動合同</mark>"},
		{"带薪年假", "僱傭條例", "<mark>帶薪年假</mark>"},
		{"劳动者 书面", "僱傭條例", "<mark>勞動者</mark>"},
		{"檔案登記", "档案保管规定", "<mark>档案登记</mark>"},
		{"保管單位", "档案保管规定", "<mark>保管单位</mark>"},
	} {
		resp, err := s.Index.Search(context.Background(), search.Request{Query: c.query, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Hits) == 0 {
			t.Errorf("%q: no hits", c.query)
			continue
		}
		h := resp.Hits[0]
		if (resp.Relaxed && resp.Strict == 0) || !strings.Contains(h.Title, c.title) {
			t.Errorf("%q: first hit %s %s (relaxed %v, strict %d), want %s found as typed",
				c.query, h.Title, h.Article, resp.Relaxed, resp.Strict, c.title)
		}
		if got := strings.Join(h.Fragments, " "); !strings.Contains(got, c.mark) {
			t.Errorf("%q: fragments %q, want %s", c.query, got, c.mark)
		}
	}
	if n := s.Check(t, "劳动合同", "檔案"); n == 0 {
		t.Fatal("nothing checked")
	}
}
