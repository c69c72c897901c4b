package ingest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/internal/golden"
)

// samples are the two sample pages shipped in content/.
var samples = []string{
	"2026-02-13-xinhua-page.txt",
	"2026-02-13-zhoushan-daily-page.txt",
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "content", "pages", name))
	if err != nil {
		t.Fatalf("sample page: %v", err)
	}
	return data
}

// goldenDoc is what the golden files record of a document: everything
// ingest sets, with the carrier named by its title.
type goldenDoc struct {
	Kind          string            `json:"kind"`
	Title         string            `json:"title"`
	Kicker        string            `json:"kicker,omitempty"`
	Subtitle      string            `json:"subtitle,omitempty"`
	Sources       []model.Position  `json:"sources"`
	Dateline      *model.Dateline   `json:"dateline,omitempty"`
	Date          string            `json:"date"`
	ContinuedFrom string            `json:"continued_from,omitempty"`
	ContinuedTo   string            `json:"continued_to,omitempty"`
	Bylines       []string          `json:"bylines,omitempty"`
	Credits       []string          `json:"credits,omitempty"`
	Carrier       string            `json:"carrier,omitempty"`
	Body          []model.Paragraph `json:"body"`
	Repairs       []model.Repair    `json:"repairs,omitempty"`
}

type goldenFile struct {
	Source    *model.Source `json:"source"`
	Documents []goldenDoc   `json:"documents"`
	Errors    []model.Error `json:"errors"`
}

func toGolden(src *model.Source, docs []*model.Document, errs []model.Error) goldenFile {
	g := goldenFile{Source: src, Errors: errs}
	for _, d := range docs {
		gd := goldenDoc{
			Kind: d.Kind, Title: d.Title, Kicker: d.Kicker, Subtitle: d.Subtitle, Sources: d.Sources,
			Dateline: d.Dateline, Date: d.Date, ContinuedFrom: d.ContinuedFrom, ContinuedTo: d.ContinuedTo,
			Bylines: d.Bylines, Credits: d.Credits, Body: d.Body, Repairs: d.Repairs,
		}
		if d.Carrier != nil {
			gd.Carrier = d.Carrier.Title
		}
		g.Documents = append(g.Documents, gd)
	}
	return g
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSamplesGolden compares what ingest makes of each sample page with
// testdata/<sample>.golden (rewritten by go test -update).
func TestSamplesGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			src, docs, errs := File("pages/"+name, readSample(t, name))
			got := marshal(t, toGolden(src, docs, errs))
			path := filepath.Join("testdata", strings.TrimSuffix(name, ".txt")+".golden")
			golden.Check(t, path, got)
		})
	}
}

// want is what a sample page must yield for one document, written by hand
// from the printed page.
type want struct {
	kind, title, kicker, subtitle string
	agency, place, date           string
	reporters                     []string
	from                          string
	carrier                       string
	credits                       int
}

var xinhuaWant = []want{
	{kind: "news", title: "中共中央办公厅印发《党委（党组）对下级党组织“一把手”开展监督谈话工作办法》",
		agency: "新华社", place: "北京", date: "2026-02-12"},
	{kind: "regulation", title: "党委（党组）对下级党组织“一把手”开展监督谈话工作办法",
		carrier: "中共中央办公厅印发《党委（党组）对下级党组织“一把手”开展监督谈话工作办法》"},
	{kind: "news", title: "联合印发《关于严肃换届纪律加强换届风气监督的通知》",
		subtitle: "中共中央纪委机关、中共中央组织部、国家监察委员会", agency: "新华社", place: "北京", date: "2026-02-12"},
	{kind: "photo", title: "多所高校为留校师生组织新春活动", credits: 1},
	{kind: "commentary", title: "在黑龙江考察时提出加快形成新质生产力…", from: "第一版",
		agency: "新华社", place: "北京", date: "2026-02-12"},
}

var zhoushanWant = []want{
	{kind: "news", title: "中共中央办公厅印发《党委（党组）对下级党组织“一把手”开展监督谈话工作办法》",
		agency: "新华社", place: "北京", date: "2026-02-12"},
	{kind: "regulation", title: "党委（党组）对下级党组织“一把手”开展监督谈话工作办法",
		carrier: "中共中央办公厅印发《党委（党组）对下级党组织“一把手”开展监督谈话工作办法》"},
	{kind: "photo", title: "一箭7星！", subtitle: "我国成功发射巴基斯坦PRSC-EO2卫星等7颗卫星", credits: 1},
	{kind: "news", title: "俄罗斯将接回滞留古巴的公民", agency: "新华社", place: "符拉迪沃斯托克", date: "2026-02-12",
		reporters: []string{"孙萍"}},
	{kind: "news", title: "北约启动“北极哨兵”行动 强化在北极地区存在", agency: "新华社", place: "布鲁塞尔",
		date: "2026-02-11", reporters: []string{"张兆卿"}},
	{kind: "news", title: "日本2025年电诈损失创历史纪录", agency: "新华社", place: "东京", date: "2026-02-12",
		reporters: []string{"李子越", "陈泽安"}},
	{kind: "weather", title: "气象"},
	{kind: "advertisement", title: "深水码头诚邀合作"},
	{kind: "announcement", title: "声明作废"},
	{kind: "photo", title: "这，就是流动中国最美的模样", credits: 1},
	{kind: "news", title: "AEO 这张“绿色通行证”含金量凸显", kicker: "1%企业贡献近40%贸易额",
		agency: "据新华社", place: "北京", date: "2026-02-12", reporters: []string{"邹多为"}},
	{kind: "lottery", title: "中国体育彩票开奖信息"},
	{kind: "lottery", title: "2025年舟山体彩筹集体彩公益金 1.51亿元", subtitle: "体彩新赛季 马上启新程"},
}

// TestSamplesDocuments checks every document of both samples against what
// the printed pages say: kind, headline group, dateline, credits,
// continuation and carrier.
func TestSamplesDocuments(t *testing.T) {
	for name, wants := range map[string][]want{samples[0]: xinhuaWant, samples[1]: zhoushanWant} {
		_, docs, errs := File("pages/"+name, readSample(t, name))
		if len(errs) > 0 {
			t.Errorf("%s: errors %v", name, errs)
		}
		if len(docs) != len(wants) {
			t.Errorf("%s: %d documents, want %d", name, len(docs), len(wants))
		}
		for i := 0; i < len(docs) && i < len(wants); i++ {
			checkDoc(t, name, docs[i], wants[i])
		}
	}
}

func checkDoc(t *testing.T, name string, d *model.Document, w want) {
	t.Helper()
	got := []string{d.Kind, d.Title, d.Kicker, d.Subtitle, d.ContinuedFrom}
	exp := []string{w.kind, w.title, w.kicker, w.subtitle, w.from}
	for i := range got {
		if got[i] != exp[i] {
			t.Errorf("%s: document %q: field %d is %q, want %q", name, w.title, i, got[i], exp[i])
		}
	}
	if len(d.Credits) != w.credits {
		t.Errorf("%s: %q: credits %q, want %d", name, w.title, d.Credits, w.credits)
	}
	carrier := ""
	if d.Carrier != nil {
		carrier = d.Carrier.Title
	}
	if carrier != w.carrier {
		t.Errorf("%s: %q: carrier %q, want %q", name, w.title, carrier, w.carrier)
	}
	if w.agency == "" {
		if d.Dateline != nil {
			t.Errorf("%s: %q: unexpected dateline %+v", name, w.title, d.Dateline)
		}
		return
	}
	dl := d.Dateline
	if dl == nil || dl.Agency != w.agency || dl.Place != w.place || dl.Date != w.date ||
		strings.Join(dl.Reporters, ",") != strings.Join(w.reporters, ",") {
		t.Errorf("%s: %q: dateline %+v, want %s %s %s %v", name, w.title, dl, w.agency, w.place, w.date, w.reporters)
	}
}

// TestSamplesShareDocuments checks that the document both pages carry
// comes out of each with the same kind and title, so reconciliation can
// merge them.
func TestSamplesShareDocuments(t *testing.T) {
	_, a, _ := File("a.txt", readSample(t, samples[0]))
	_, b, _ := File("b.txt", readSample(t, samples[1]))
	shared := 0
	for _, da := range a {
		for _, db := range b {
			if da.Kind == db.Kind && da.Title == db.Title {
				shared++
			}
		}
	}
	if shared != 2 {
		t.Errorf("%d documents shared by kind and title, want 2 (the news item and its regulation)", shared)
	}
}

// TestSampleRegulationSpan checks that the carried regulation runs from
// its title line through its last article and nothing else.
func TestSampleRegulationSpan(t *testing.T) {
	for _, name := range samples {
		_, docs, _ := File(name, readSample(t, name))
		reg := docs[1]
		first, last := reg.Body[0].Text, reg.Body[len(reg.Body)-1].Text
		if first != reg.Title || !strings.HasPrefix(reg.Body[1].Text, "（2026年1月30日") {
			t.Errorf("%s: regulation starts %q, %q", name, first, reg.Body[1].Text)
		}
		if !strings.HasPrefix(last, "第二十条") {
			t.Errorf("%s: regulation ends with %q, want 第二十条", name, last)
		}
		if reg.Date != "2026-01-30" {
			t.Errorf("%s: regulation date %q", name, reg.Date)
		}
	}
}

// TestSampleRepairs checks the layout repairs of the plain text sample:
// the item cut across a break with its character repeated and a stray list
// marker, and the article cut after its label.
func TestSampleRepairs(t *testing.T) {
	_, docs, _ := File("x.txt", readSample(t, samples[0]))
	reg := docs[1]
	kinds := map[string]int{}
	for _, r := range reg.Repairs {
		kinds[r.Kind]++
	}
	if kinds["duplicate-char"] != 1 || kinds["list-marker"] != 1 || kinds["join"] != 3 {
		t.Errorf("repairs %v, want 1 duplicate-char, 1 list-marker, 3 join", kinds)
	}
	found := false
	for _, p := range reg.Body {
		if p.Text == "（一） 坚持党要管党、全面从严治党；" && p.ListItem && p.Line == 25 {
			found = true
		}
	}
	if !found {
		t.Error("item (一) of 第四条 not repaired to one line")
	}
}

// TestSavedPageTitle: a saved web page that prints its title twice, once
// with the name of its site, gives the title once, without the site.
func TestSavedPageTitle(t *testing.T) {
	data := "## 关于审理某某案件若干问题的解释\n# 关于审理某某案件若干问题的解释_某某律师\n\n第一条 某某行为，以某某罪论处。\n\n第二条 某某行为，从重处罚。\n"
	_, docs, _ := File("laws/page.md", []byte(data))
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	if d := docs[0]; d.Title != "关于审理某某案件若干问题的解释" || d.Kicker != "" {
		t.Errorf("title %q, kicker %q; want the title without the site and no kicker", d.Title, d.Kicker)
	}
}
