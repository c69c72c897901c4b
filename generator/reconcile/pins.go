package reconcile

import (
	"strings"

	"tiaoli/generator/model"
)

// PinsFile is the name of the pins file in the content folder, used in
// error positions.
const PinsFile = "pins.yaml"

// Pins are readings an editor chose at variants, read from content/pins.yaml.
//
// The file is a YAML list; each entry names a document by its title, the
// place of the variant as the site shows it (第六条, 第十三条第二款, 第四条第（一）项,
// 第三段), and the reading to keep:
//
//   - document: 某某工作办法
//     where: 第六条
//     reading: 人选
//     note: 入选 is an OCR misreading of 人选
//
// The reading is matched against each source's reading at that place with a
// few characters of context around it, so it may be the reading itself or
// a word it is part of; it must match exactly one of the readings. The note
// is for editors and is not shown.
type Pins struct {
	list []Pin
}

// Pin is one editor's choice.
type Pin struct {
	Document string `yaml:"document"`
	Where    string `yaml:"where"`
	Reading  string `yaml:"reading"`
	Note     string `yaml:"note"`
	Line     int    `yaml:"-"`
}

// List returns the pins in file order.
func (p Pins) List() []Pin { return p.list }

// ParsePins reads the pins file; nil data means no pins. Entries without a
// document, a place or a reading are reported and skipped.
func ParsePins(data []byte) (Pins, []model.Error) {
	entries, errs := model.YAMLList(PinsFile, data, "应为异文选定的列表，每项形如「- document: …, where: …, reading: …」")
	if errs != nil {
		return Pins{}, errs
	}
	var pins Pins
	for _, n := range entries {
		var p Pin
		if e := model.YAMLEntry(PinsFile, n, &p); e != nil {
			errs = append(errs, *e)
			continue
		}
		p.Line = n.Line
		if missing := p.missing(); missing != "" {
			errs = append(errs, model.Error{Path: PinsFile, Line: n.Line, Message: "选定缺少" + missing + "字段"})
			continue
		}
		pins.list = append(pins.list, p)
	}
	return pins, errs
}

func (p Pin) missing() string {
	var m []string
	for _, f := range []struct{ name, v string }{{"document", p.Document}, {"where", p.Where}, {"reading", p.Reading}} {
		if strings.TrimSpace(f.v) == "" {
			m = append(m, "「"+f.name+"」")
		}
	}
	return strings.Join(m, "、")
}

// UnusedPins reports, after Merge, the pins that decided no variant: their
// document, place or reading matches none, perhaps because the text was
// corrected or the title changed. Each error names the pin's line.
func UnusedPins(docs []*model.Document, pins Pins) []model.Error {
	var errs []model.Error
	for _, p := range pins.list {
		if !pinUsed(docs, p) {
			errs = append(errs, model.Error{Path: PinsFile, Line: p.Line,
				Message: "选定对不上任何异文：《" + p.Document + "》" + p.Where + "「" + p.Reading + "」"})
		}
	}
	return errs
}

func pinUsed(docs []*model.Document, p Pin) bool {
	want := fold(p.Reading)
	for _, d := range docs {
		if fold(d.Title) != fold(p.Document) {
			continue
		}
		for _, v := range d.Variants {
			if v.Rule != RulePinned || !strings.HasPrefix(fold(v.Where), fold(p.Where)) {
				continue
			}
			if c := fold(v.Chosen); strings.Contains(c, want) || strings.Contains(want, c) {
				return true
			}
		}
	}
	return false
}
