package webpage

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestReadNewsPage(t *testing.T) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	p, probs := Read(string(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var b strings.Builder
	for _, l := range p.Lines {
		fmt.Fprintf(&b, "%d h%d li=%v b=%v %s\n", l.Line, l.Heading, l.ListItem, l.Strong, l.Text)
	}
	want := `9 h1 li=false b=false 俄罗斯将接回滞留古巴的公民
11 h0 li=false b=false 新华社符拉迪沃斯托克2月12日电(记者 孙萍)俄罗斯航空公司11日宣布，将从12日起接回滞留在古巴的俄公民。
12 h0 li=false b=false 俄罗斯航空公司在社交媒体上发布通知说，
13 h0 li=false b=false 该公司将从12日起安排航班。
14 h0 li=false b=false 第一条 正文。
15 h0 li=false b=true 声明作废
16 h0 li=true b=false 第一项
16 h0 li=true b=false 第二项
17 h0 li=false b=false 甲 | 乙
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if p.Meta.Title != "俄罗斯将接回滞留古巴的公民 - 新闻网" || p.Meta.Date != "2026-02-12" || p.Meta.Publication != "新闻网" {
		t.Errorf("meta %+v", p.Meta)
	}
}

func TestReadArticleElement(t *testing.T) {
	p, _ := Read("<html><body><nav>导航栏目</nav><article><h2>标题</h2>\n<p>第一段。</p>\n<footer>责任编辑</footer></article><div>其他很多很多很多很多的文字</div></body></html>")
	var texts []string
	for _, l := range p.Lines {
		texts = append(texts, l.Text)
	}
	if strings.Join(texts, "/") != "标题/第一段。" {
		t.Errorf("lines %q", texts)
	}
}

// FuzzRead checks that HTML of any shape reads without a panic into lines
// with text, a line inside the file and no line markers left.
func FuzzRead(f *testing.F) {
	f.Add("<p>甲<br>乙</p>")
	f.Add("<table><tr><td>a<td>b</table><script>x</script>")
	f.Add("<article><h1>t</h1><p>\ufdd0\ufde1\ufdd1</p></article>")
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		p, _ := Read(s)
		for _, l := range p.Lines {
			if l.Text == "" || l.Line < 1 || l.Line > n || strings.ContainsAny(l.Text, "\ufdd0\ufdd1") {
				t.Fatalf("bad line %+v of %q", l, s)
			}
		}
	})
}
