package work

import (
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
)

// union is a disjoint-set forest over the indexes of the regulations.
type union struct{ parent []int }

func newUnion(n int) *union {
	u := &union{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// join puts i and j in one set whose root is the smaller index, so that
// the result does not depend on the order of the joins.
func (u *union) join(i, j int) {
	a, b := u.find(i), u.find(j)
	if a > b {
		a, b = b, a
	}
	u.parent[b] = a
}

// groups lists the sets, each in index order, in the order of their first
// member.
func (u *union) groups() [][]int {
	var out [][]int
	at := map[int]int{}
	for i := range u.parent {
		r := u.find(i)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// named lists the indexes of the regulations a name in works.yaml names:
// those with a source at that path, else those with that title.
func named(regs []*model.Document, name string) []int {
	var out []int
	for i, d := range regs {
		for _, p := range d.Sources {
			if p.Path == name {
				out = append(out, i)
				break
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for i, d := range regs {
		if d.Title == name || reconcile.BareTitle(d.Title) == name {
			out = append(out, i)
		}
	}
	return out
}

// split marks the regulations the split edits name.
func (e Edits) split(regs []*model.Document) (map[int]bool, []model.Error) {
	out := map[int]bool{}
	var errs []model.Error
	for _, ed := range e.list {
		for _, name := range ed.Split {
			is := named(regs, name)
			if len(is) == 0 {
				errs = append(errs, unknown(ed, name))
			}
			for _, i := range is {
				out[i] = true
			}
		}
	}
	return out, errs
}

// join joins the regulations each join edit names and returns the titles
// the edits give, by the root of the set.
func (e Edits) join(regs []*model.Document, u *union) (map[int]string, []model.Error) {
	var errs []model.Error
	var titled []struct {
		member int
		title  string
	}
	for _, ed := range e.list {
		first := -1
		for _, name := range ed.Join {
			is := named(regs, name)
			if len(is) == 0 {
				errs = append(errs, unknown(ed, name))
			}
			for _, i := range is {
				if first < 0 {
					first = i
				}
				u.join(first, i)
			}
		}
		if first >= 0 && ed.Title != "" {
			titled = append(titled, struct {
				member int
				title  string
			}{first, ed.Title})
		}
	}
	titles := map[int]string{}
	for _, t := range titled { // roots are known once every join is done
		titles[u.find(t.member)] = t.title
	}
	return titles, errs
}

func unknown(ed Edit, name string) model.Error {
	return model.Error{Path: File, Line: ed.Line, Message: "没有这部法规：《" + name + "》"}
}
