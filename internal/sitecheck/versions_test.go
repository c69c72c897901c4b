package sitecheck

import (
	"strings"
	"testing"
)

// versions is one law in two versions, and a works.yaml that keeps an
// unrelated text out of its work.
const versions = `Two versions of one law: the newer inserts, rewrites, splits and
renumbers articles. A third file shares the title and is split off.

-- laws/示例档案法(2016-11-07).md --
# 中华人民共和国示例档案法

2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了加强档案管理，有效保护和利用档案，制定本法。

第二条 档案工作实行统一领导、分级管理的原则。档案馆应当定期向社会开放档案，每年公布开放档案的目录。

第三条 本法自2017年1月1日起施行。
-- laws/示例档案法(2024-06-28).md --
# 中华人民共和国示例档案法

2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订

<!-- INFO END -->

## 第一章 总则

第一条 为了加强档案管理，有效保护和利用档案，制定本法。

第二条 国家鼓励和支持档案信息化建设，推进电子档案的规范管理。

第三条 档案工作实行统一领导、分级管理的原则。

第四条 档案馆应当定期向社会开放档案，每年公布开放档案的目录。

第五条 本法自2025年1月1日起施行。
-- notes/示例档案法 2020.md --
# 示例档案法 2020

第一条 为了规范样本的保存和使用，制定本办法。

第二条 样本由保管单位统一登记，按年度编号。
-- works.yaml --
- split: [notes/示例档案法 2020.md]
  note: a text of its own that happens to share the title
`

// TestVersionSite builds a work of two versions: every link of its
// comparison, work and version pages resolves, and so does every search
// hit, older version included.
func TestVersionSite(t *testing.T) {
	s := Build(t, versions)
	c := s.Corpus
	if len(c.Works) != 1 || len(c.Works[0].Versions) != 2 || len(c.Comparisons) != 1 {
		t.Fatalf("%d works, %d comparisons; errors %v", len(c.Works), len(c.Comparisons), c.Errors)
	}
	var kinds []string
	for _, p := range c.Comparisons[0].Alignment {
		kinds = append(kinds, p.Kind)
	}
	if got := strings.Join(kinds, " "); got != "unchanged added split split modified" {
		t.Errorf("alignment kinds %q", got)
	}
	if n := s.Check(t, "开放档案的目录", "档案信息化建设"); n == 0 {
		t.Fatal("nothing checked")
	}
}
