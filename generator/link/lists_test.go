package link

import (
	"slices"
	"testing"

	"tiaoli/generator/model"
)

// TestListNamely: 即 introduces a list's members only when it ends the
// clause of the name (after the name or a head noun such as 方法, 要素) and
// what follows is not a predicate; elsewhere 即 means "then" or "is".
func TestListNamely(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"推行“三查”，即查账目、查合同、查票据。", []string{"三查|list|corpus|查账目、查合同、查票据|3:查账目/查合同/查票据"}},
		{"运用“五问”方法，即问时间、问地点、问人物、问经过、问结果。", []string{"五问|list|corpus|问时间、问地点、问人物、问经过、问结果|5:问时间/问地点/问人物/问经过/问结果"}},
		{"落实“两公开”的工作要求，即：公开标准，公开结果。", []string{"两公开|list|corpus|公开标准，公开结果|2:公开标准/公开结果"}},
		// a clause between the name and 即: 即 means "then"
		{"款项转入“三资”代理中心专户后，即成为该中心代管的集体资金。", nil},
		{"进入“三资”平台时，即由平台统一管理资金、资产、资源。", nil},
		{"资金划入“三资”账户，随后即纳入监管。", nil},
		// a predicate after 即
		{"“三资”，即成为集体所有的资金、资产、资源。", nil},
		{"符合“两个条件”，即可申请，无需审批。", nil},
		{"“三严”，即是要求严格管理。", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range findDefinitions(tc.in, false) {
			if f.Kind == model.TermList {
				got = append(got, describeFound(tc.in, f))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("findDefinitions(%q):\n got  %q\n want %q", tc.in, got, tc.want)
		}
	}
}

// TestCommentaryListScope: a named list a commentary coins applies in that
// commentary only; one a notice names, and an acronym a commentary
// spells out, apply everywhere.
func TestCommentaryListScope(t *testing.T) {
	note := docFromLines(model.KindCommentary, "谈审核要点", "note.md", 1, []string{
		"审核证据要做到“三性”，即客观性、关联性、合法性。采用建设经营转让（英文缩写为BOT）模式的项目另行审核。",
	})
	notice := docFromLines(model.KindNotice, "关于加强审核的通知", "notice.md", 1, []string{
		"落实“两公开”，即公开标准、公开结果。",
	})
	news := newsDoc("某地推进审核", "某地审核坚持“三性”统一，落实“两公开”，推行BOT模式。")
	c := corpusOf(note, notice, news)
	Link(c, nil)
	scope := map[string]string{}
	for _, x := range c.Terms {
		scope[x.Term] = x.Scope
	}
	want := map[string]string{"三性": scopeDocument, "两公开": scopeCorpus, "BOT": scopeCorpus}
	for term, s := range want {
		if scope[term] != s {
			t.Errorf("%s has scope %q, want %q (all: %v)", term, scope[term], s, scope)
		}
	}
	expectLinks(t, &news.Body[0], "两公开:T", "BOT:T")
	checkLinks(t, c)
}
