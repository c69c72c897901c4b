package regulation

import (
	"slices"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// numberLostLabels gives a 编, 章 or 节 whose 第X编/第X章/第X节 label the
// source lost (read by subheading, or 总则, 分则 and 附则 printed alone) the
// number its place in the document's own count leaves it, where that
// count says it:
//   - a run of such divisions between two numbered siblings (or the start
//     of their parent and a numbered sibling) that fills the gap in their
//     numbers exactly: 工程管理 and 水质保护 between 第一章 and 第四章 are
//     第二章 and 第三章. Articles before the first heading of the document
//     are a 第一章 whose heading the source lost with its label, so a run
//     after them starts at 第二章 (when a sibling prints its number: a
//     document that prints none gives no count to follow);
//   - a run after the last numbered sibling, to the end of their parent,
//     at the outermost level the document uses, or in a parent that the
//     next numbered division of its own level closes (the lost heading
//     cannot be a 章 missing from a count that has no gap there). A lone 附则
//     printed alone after the last numbered 章 is left so: codes print one
//     without a number.
//
// A gap of another size, or siblings labelled otherwise (一、), leaves the
// run as printed. Each number given is a repair; the paths of the articles
// under a renumbered division name it with its label (fillPaths runs
// after).
func (p *parser) numberLostLabels() {
	hs := p.reg.Headings
	var repairs []model.Repair
	for _, g := range siblingGroups(hs) {
		for _, run := range lostRuns(hs, g) {
			repairs = append(repairs, numberRun(hs, run)...)
		}
	}
	if len(repairs) == 0 {
		return
	}
	slices.SortStableFunc(repairs, func(a, b model.Repair) int { return a.Line - b.Line })
	p.reg.Repairs = append(p.reg.Repairs, repairs...)
}

// siblingGroup is the headings of one level directly under one parent
// (-1: the document), in order, and whether the parent is closed by the
// next numbered division of its own level.
type siblingGroup struct {
	members      []int
	outermost    bool
	closedInSync bool
}

// Siblings splits the headings of a regulation into groups of siblings:
// the headings of one level directly under one parent division (or the
// document), each group in order, the groups in the order of their first
// heading.
func Siblings(hs []model.Heading) [][]int {
	groups := siblingGroups(hs)
	out := make([][]int, len(groups))
	for i, g := range groups {
		out[i] = g.members
	}
	return out
}

// siblingGroups splits the headings into groups of siblings.
func siblingGroups(hs []model.Heading) []siblingGroup {
	top := len(hs) > 0
	minRank := 99
	for _, h := range hs {
		minRank = min(minRank, levelRank(h.Level))
	}
	type key struct {
		parent int
		level  string
	}
	index := map[key]int{}
	var groups []siblingGroup
	var stack []int
	for i, h := range hs {
		stack = enclosing(hs, stack, h.Level)
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		k := key{parent, h.Level}
		g, ok := index[k]
		if !ok {
			g = len(groups)
			index[k] = g
			groups = append(groups, siblingGroup{
				outermost:    top && levelRank(h.Level) == minRank,
				closedInSync: parent >= 0 && closedInSync(hs, parent),
			})
		}
		groups[g].members = append(groups[g].members, i)
		stack = append(stack, i)
	}
	return groups
}

// enclosing closes, from stack (indexes in hs of the open divisions,
// outermost first), the divisions that one of level closes (those of its
// level or deeper) and returns what stays open around it.
func enclosing(hs []model.Heading, stack []int, level string) []int {
	for len(stack) > 0 && levelRank(hs[stack[len(stack)-1]].Level) >= levelRank(level) {
		stack = stack[:len(stack)-1]
	}
	return stack
}

// closedInSync reports whether the division hs[i], numbered n, is closed
// by a division of its level numbered n+1 before any shallower one.
func closedInSync(hs []model.Heading, i int) bool {
	if hs[i].Number == 0 {
		return false
	}
	for _, h := range hs[i+1:] {
		switch r := levelRank(h.Level); {
		case r < levelRank(hs[i].Level):
			return false
		case r == levelRank(hs[i].Level):
			return h.Number == hs[i].Number+1
		}
	}
	return false
}

// lostRun is a run of siblings without a label, the number of the
// numbered sibling before it (0 at the start) and after it (0 at the end).
type lostRun struct {
	members     []int
	before      int
	after       int
	group       *siblingGroup
	trailingOne bool // the run is one 总则, 分则 or 附则 printed alone
}

// lostRuns lists the runs of siblings without a label in g. A group with
// a sibling labelled otherwise than 第X章 (第X编, 第X节) has none.
func lostRuns(hs []model.Heading, g siblingGroup) []lostRun {
	var runs []lostRun
	var cur []int
	before := 0
	if g.outermost && hs[g.members[0]].Article > 0 && numbered(hs, g) {
		before = 1 // articles before the first heading: a 第一章 printed with no heading at all
	}
	for _, i := range g.members {
		h := hs[i]
		switch {
		case h.Label == "":
			cur = append(cur, i)
		case h.Number == 0:
			return nil
		default:
			if len(cur) > 0 {
				runs = append(runs, lostRun{members: cur, before: before, after: h.Number, group: &g})
			}
			cur, before = nil, h.Number
		}
	}
	if len(cur) > 0 && before > 0 {
		r := lostRun{members: cur, before: before, group: &g}
		r.trailingOne = len(cur) == 1 && Unnumbered(hs[cur[0]].Title)
		runs = append(runs, r)
	}
	return runs
}

// numbered reports whether a sibling of g prints its number.
func numbered(hs []model.Heading, g siblingGroup) bool {
	for _, i := range g.members {
		if hs[i].Number > 0 {
			return true
		}
	}
	return false
}

// numberRun numbers the run when the document's count says its numbers,
// and returns the repairs that say so.
func numberRun(hs []model.Heading, r lostRun) []model.Repair {
	switch {
	case r.after > 0 && r.after-r.before-1 != len(r.members):
		return nil
	case r.after == 0 && (r.trailingOne || !r.group.outermost && !r.group.closedInSync):
		return nil
	}
	var out []model.Repair
	for k, i := range r.members {
		h := &hs[i]
		u, ok := label.UnitNamed(h.Level)
		if !ok || !u.Division() {
			continue // no level to number: the heading stays unlabelled
		}
		n := r.before + 1 + k
		before := h.Text()
		h.Number = n
		h.Label = label.Text(u, n)
		out = append(out, model.Repair{
			Position: h.Position, Kind: RepairLostLabel,
			Before: before, After: h.Text(),
			Message: "此" + h.Level + "标题缺少" + h.Level + "号，按前后" + h.Level + "的编号补为" + h.Label,
		})
	}
	return out
}

// fillPaths sets every article's path from the headings, once they are
// final (lost labels numbered): the divisions open above it, outermost
// first, as the builder names them.
func fillPaths(hs []model.Heading, articles []*model.Article) {
	var stack []int
	next := 0
	for a, art := range articles {
		for next < len(hs) && hs[next].Article <= a {
			stack = append(enclosing(hs, stack, hs[next].Level), next)
			next++
		}
		path := make([]string, 0, len(stack))
		for _, i := range stack {
			path = append(path, hs[i].Text())
		}
		art.Path = path
	}
}
