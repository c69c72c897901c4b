package link

import (
	"strings"

	"tiaoli/generator/cndate"
)

// citedYear is a year printed right before a cited title (2003年《…》,
// 1997年刑法, 2015年修订的《…》): it names the version of the work in force
// that year, or with made the version made that year.
type citedYear struct {
	year string // YYYY; "" when no year names the version
	made bool
}

// madeVerbs, between a year and a title and followed by 的, say the
// version was made that year (2015年修订的《…》); 施行的 says it was in
// force.
var madeVerbs = append(cndate.EnactingVerbs(), "制定")

// yearBeforeWords are the words before a year that make it the date of
// something else than the cited version (于2003年《…》发布后, 自2003年…).
var yearBeforeWords = []string{"于", "自", "从", "至", "到", "截至"}

// eventAfter, right after the title, make the year the date of an event of
// the cited text (2003年《…》印发以来, …施行后) rather than a choice of
// its version.
var eventAfter = append(cndate.EventVerbs(), "实施", "出台", "制定", "下发", "生效", "以来", "出版")

// yearOf reads the year before a cited title: before and after are the
// text on either side of it. When in doubt it reads none.
func yearOf(before, after string) citedYear {
	var c citedYear
	for _, v := range madeVerbs {
		if s, ok := strings.CutSuffix(before, v+"的"); ok {
			before, c.made = s, true
			break
		}
	}
	if !c.made {
		before = strings.TrimSuffix(before, "施行的")
	}
	year, rest := cndate.EndYear(strings.TrimRight(before, " 　"))
	if year == "" {
		return citedYear{}
	}
	for _, w := range yearBeforeWords {
		if strings.HasSuffix(rest, w) {
			return citedYear{}
		}
	}
	after = strings.TrimLeft(after, " 　")
	for _, w := range eventAfter {
		if strings.HasPrefix(after, w) {
			return citedYear{}
		}
	}
	c.year = year
	return c
}

// inYear picks, among the versions of document i's work, the one in force
// in the year of c (the latest dated that year or before) or with c.made
// the one made that year; i when c names no year, i's work has one
// version, or the corpus holds none that fits.
func (x *titleIndex) inYear(i int, c citedYear) int {
	if i < 0 || c.year == "" || len(x.versions[i]) < 2 {
		return i
	}
	vs := x.versions[i]
	if c.made {
		var made []int
		for _, j := range vs {
			if strings.HasPrefix(x.dates[j], c.year) {
				made = append(made, j)
			}
		}
		if len(made) == 0 {
			return i
		}
		vs = made
	}
	end := c.year + "-12-31"
	j := x.version(vs, end)
	if j < 0 || x.dates[j] == "" || x.dates[j] > end {
		return i
	}
	return j
}

// citedKey names the citations of one title in text ti.
type citedKey struct {
	ti    int
	title string
}

// citedAt is where the last citation of a title in a text ends and where
// it led, for the 第X条 that follows it and those an enumeration carries on
// from it (《…》第十条, 2003年《…》第十条, 新《条例》第十条、第十一条): the
// article is looked for in the document the citation found, which is not
// looked up again.
type citedAt struct {
	end int
	dst dest
}
