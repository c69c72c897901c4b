package reconcile

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

func unitsOf(text string) []*unit {
	var out []*unit
	for i, l := range strings.Split(text, "\n") {
		p := &model.Paragraph{Text: l, Position: model.Position{Path: "f", Line: i + 1}}
		u := newUnit(p, "")
		u.item = strings.HasPrefix(l, "(")
		out = append(out, u)
	}
	return out
}

// FuzzAlign aligns two texts paragraph by paragraph and character by
// character: every paragraph of each side is paired once, in order, and
// the diff spans rebuild the second text from the first.
func FuzzAlign(f *testing.F) {
	f.Add("存在的问题。\n纪律检查机关", "存在的问题。纪律检查机关")
	f.Add("被谈话人入选的建议\n(一)甲", "被谈话人人选的建议\n(一)甲\n(二)乙")
	f.Add("", "a")
	f.Add("党(工)委书记", "党(工委书记")
	f.Fuzz(func(t *testing.T, a, b string) {
		ua, ub := unitsOf(a), unitsOf(b)
		i, j := 0, 0
		for _, p := range align(ua, ub) {
			if len(p.a)+len(p.b) == 0 || len(p.a) > 2 || len(p.b) > 2 {
				t.Fatalf("step %+v", p)
			}
			for _, k := range p.a {
				if k != i {
					t.Fatalf("base unit %d paired out of order", k)
				}
				i++
			}
			for _, k := range p.b {
				if k != j {
					t.Fatalf("witness unit %d paired out of order", k)
				}
				j++
			}
		}
		if i != len(ua) || j != len(ub) {
			t.Fatalf("paired %d of %d and %d of %d", i, len(ua), j, len(ub))
		}
		ra, rb := []rune(a), []rune(b)
		spans := readable(diffRunes(ra, rb), ra, rb)
		if got := applySpans(ra, rb, spans); got != string(rb) {
			t.Fatalf("spans %v rebuild %q, want %q", spans, got, string(rb))
		}
		for p := 0; p <= len(ra); p++ {
			if q := mapPos(spans, p, p%2 == 0); q < 0 || q > len(rb) {
				t.Fatalf("mapPos(%d) = %d outside %d", p, q, len(rb))
			}
		}
	})
}

// FuzzMerge merges two regulations: it must not panic, and every variant
// must have a reading per source and choose one of them.
func FuzzMerge(f *testing.F) {
	f.Add(regA, regB)
	f.Add("某某办法\n第一条 甲。\n第二条 乙。", "某某办法\n第一条 甲。\n第三条 丙。")
	f.Fuzz(func(t *testing.T, a, b string) {
		if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			return
		}
		da, db := reg("a.txt", a), reg("b.txt", b)
		db.Title = da.Title
		out := Merge([]*model.Document{da, db}, Pins{})
		for _, d := range out {
			for _, v := range d.Variants {
				if len(v.Readings) != 2 {
					t.Fatalf("variant %+v", v)
				}
				if v.Chosen != v.Readings[0].Text && v.Chosen != v.Readings[1].Text {
					t.Fatalf("chosen %q is no reading", v.Chosen)
				}
			}
		}
	})
}

// FuzzParsePins reads arbitrary pins files without panicking.
func FuzzParsePins(f *testing.F) {
	f.Add([]byte("- document: 某某办法\n  where: 第六条\n  reading: 人选\n"))
	f.Add([]byte("- [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, errs := ParsePins(data)
		for _, pin := range p.List() {
			if pin.Document == "" || pin.Where == "" || pin.Reading == "" {
				t.Fatalf("incomplete pin %+v accepted", pin)
			}
		}
		for _, e := range errs {
			if e.Path != PinsFile {
				t.Fatalf("error %v", e)
			}
		}
	})
}
