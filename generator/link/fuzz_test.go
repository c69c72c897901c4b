package link

import (
	"strings"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// Seeds shared by the fuzz targets: every pattern the finders read.
var fuzzSeeds = []string{
	"同下级党委(党组)、单位党组织(以下统称下级党组织)“一把手”开展的谈话(以下简称监督谈话)。",
	"监督谈话包括定期谈话和及时谈话。",
	"党委(党组)办公厅(室)〔履行办公厅(室)职责的部门，下同〕负责组织监督谈话工作。",
	"印发了《关于严肃换届纪律加强换届风气监督的通知》(以下简称《通知》)，要求",
	"《通知》明确了“十严禁”的换届纪律规定，即：严禁结党营私、搞小圈子，严禁拉票贿选，严禁干扰换届。",
	"AEO是“经认证的经营者”的英文缩写。经认证的经营者（英文缩写为AEO）",
	"本法所称的发明创造是指发明、实用新型和外观设计。发明，是指对产品的新的技术方案。",
	"开展及时谈话，参照前款规定进行。依照本条例第五条第二款第（三）项、第四项和前两款，第十条至第十二条。",
	"依照《中华人民共和国刑法》第二十条、刑法第三条和该法第四条。对照上述法规文件开展自查。",
	"前款第（一）、（二）项所列；（以下简称原《立案追诉标准（二）》）；乡(含镇，下同)村(含村民小组，下同)",
	"（以下简称", "《", "第", "前", "本", "上述", "“四风”：", "(以下简称)", "〔，下同〕",
}

func FuzzFindDefinitions(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, article bool) {
		checkSkipped(t, s)
		for _, d := range findDefinitions(s, article) {
			if d.Start < 0 || d.Start >= d.End || d.End > len(s) {
				t.Fatalf("span %d-%d out of %q", d.Start, d.End, s)
			}
			if s[d.Start:d.End] != d.Term.Term {
				t.Fatalf("span %q is not the term %q", s[d.Start:d.End], d.Term.Term)
			}
			if d.SentStart < 0 || d.SentStart > d.Start || d.SentEnd < d.End || d.SentEnd > len(s) {
				t.Fatalf("sentence %d-%d does not hold the term at %d-%d in %q", d.SentStart, d.SentEnd, d.Start, d.End, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(d.Term.Term+d.Definition+strings.Join(d.Members, "")) {
				t.Fatalf("a term cut a character: %q", d.Term.Term)
			}
		}
	})
}

func FuzzScanRefs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, r := range scanRefs(s) {
			if r.Start < last || r.Start >= r.End || r.End > len(s) {
				t.Fatalf("reference %d-%d after %d in %q", r.Start, r.End, last, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[r.Start:r.End]) {
				t.Fatalf("a reference cut a character: %q", s[r.Start:r.End])
			}
			last = r.End
		}
	})
}

// FuzzLink links a regulation and a news item made of the fuzzed lines and
// checks that every link is well formed.
func FuzzLink(f *testing.F) {
	f.Add(strings.Join([]string{
		"第一条 " + fuzzSeeds[0], fuzzSeeds[1], "（一）" + fuzzSeeds[7], "第二条 " + fuzzSeeds[2], fuzzSeeds[8],
	}, "\n"), fuzzSeeds[3]+fuzzSeeds[4]+fuzzSeeds[5])
	f.Fuzz(func(t *testing.T, reg, news string) {
		r := docFromLines(model.KindRegulation, "某某办法", "reg.md", 1, strings.Split(reg, "\n"))
		n := docFromLines(model.KindNews, "印发《某某办法》", "news.txt", 1, strings.Split(news, "\n"))
		r.Carrier = n
		c := corpusOf(n, r)
		Link(c, []byte(talkGlossary))
		checkLinks(t, c)
	})
}

func FuzzParseGlossary(f *testing.F) {
	f.Add([]byte(talkGlossary))
	f.Add([]byte("- term: 四风\n  kind: list\n  members: [a, b, c, d]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defs, errs := parseGlossary(data)
		for _, d := range defs {
			if runeCount(d.term.Term) < 2 {
				t.Fatalf("term %q kept", d.term.Term)
			}
		}
		for _, e := range errs {
			if e.Path != GlossaryFile {
				t.Fatalf("error without the file: %v", e)
			}
		}
	})
}
