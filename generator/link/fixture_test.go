package link

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tiaoli/internal/testdir"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// pageLines reads a sample page of the content folder.
func pageLines(t testing.TB, name string) []string {
	data, err := os.ReadFile(filepath.Join(testdir.Root(t), "content", "pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

// between returns the lines from the first containing from to the first
// after it containing to, both included, and the 1-based line of the first.
func between(t testing.TB, lines []string, from, to string) ([]string, int) {
	start := -1
	for i, l := range lines {
		if start < 0 && strings.Contains(l, from) {
			start = i
		}
		if start >= 0 && strings.Contains(l, to) {
			return lines[start : i+1], start + 1
		}
	}
	t.Fatalf("no lines from %q to %q", from, to)
	return nil, 0
}

// joinBreaks joins the lines the page broke in the middle of a sentence
// (what layout repair in ingest does): a line ending with one of ends is
// joined to the next non-blank line, dropping a repeated character.
func joinBreaks(lines []string, ends ...string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for _, e := range ends {
			if strings.HasSuffix(strings.TrimSpace(l), e) {
				j := i + 1
				for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
					out = append(out, "") // keep line numbers
					j++
				}
				if j < len(lines) {
					next := cleanLine(lines[j])
					if strings.HasSuffix(e, "治") && strings.HasPrefix(next, "治") {
						next = strings.TrimPrefix(next, "治")
					}
					l = strings.TrimSpace(l) + next
					lines[j] = ""
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// sampleCorpus builds, by hand, the documents of the two sample pages that
// linking is tested on: the regulation and the news item that carries
// it, the news item on the notice with its 十严禁, the AEO news item and
// a foreign news item citing a newspaper. The ingest and regulation stages
// are meant to produce the same documents.
func sampleCorpus(t testing.TB) *model.Corpus {
	const xinhua, zhoushan = "2026-02-13-xinhua-page.txt", "2026-02-13-zhoushan-daily-page.txt"
	xl := pageLines(t, xinhua)
	zl := pageLines(t, zhoushan)
	path := func(n string) string { return "pages/" + n }

	carrierLines, cl := between(t, xl, "新华社北京2月12日电 近日", "全文如下")
	carrier := docFromLines(model.KindNews, "中共中央办公厅印发《党委(党组)对下级党组织“一把手”开展监督谈话工作办法》",
		path(xinhua), cl, carrierLines)
	carrier.Date = "2026-02-13"

	regLines, rl := between(t, xl, "第一条 为了压实", "第二十条")
	regLines = joinBreaks(append([]string(nil), regLines...), "作为谈话人，", "全面从严治", "办公厅")
	reg := docFromLines(model.KindRegulation, "党委(党组)对下级党组织“一把手”开展监督谈话工作办法", path(xinhua), rl, regLines)
	reg.Published, reg.Date = "2026-01-30", "2026-01-30"
	reg.Carrier = carrier

	noticeLines, nl := between(t, xl, "新华社北京2月12日电 从今年开始", "党组织责任。")
	notice := docFromLines(model.KindNews, "联合印发《关于严肃换届纪律加强换届风气监督的通知》", path(xinhua), nl, noticeLines)

	aeoLines, al := between(t, zl, "据新华社北京2月12日电(记者 邹多为)", "齐滨表示。")
	aeoLines = joinBreaks(append([]string(nil), aeoLines...), "世界海", "每", "中国海关的")
	aeo := docFromLines(model.KindNews, "AEO 这张“绿色通行证”含金量凸显", path(zhoushan), al, aeoLines)
	aeo.Kicker = "1%企业贡献近40%贸易额"

	ruLines, ul := between(t, zl, "新华社符拉迪沃斯托克2月12日电", "石油产品。")
	ru := docFromLines(model.KindNews, "俄罗斯将接回滞留古巴的公民", path(zhoushan), ul, ruLines)

	c := &model.Corpus{Documents: []*model.Document{carrier, reg, notice, aeo, ru}}
	address.Assign(c)
	return c
}
