package work

import (
	"tiaoli/generator/model"
)

// File is the editorial file in the content folder that joins and splits
// works.
const File = "works.yaml"

// Edits are an editor's corrections to the automatic grouping, read from
// works.yaml: a YAML list whose entries either join documents into one
// work or split documents off the work they were put in.
//
//   - join: [某某条例(2003).md, 某某条例修订版]  # versions of one text
//     title: 某某条例                         # optional: the work's title
//   - split: [某某办法（试行）]                 # a text of its own
//
// A document is named by the path of one of its sources (relative to the
// content folder) or by its title; a title names every document that has
// it. The note key is for editors and is not shown.
type Edits struct {
	list []Edit
}

// Edit is one entry of works.yaml.
type Edit struct {
	Join  []string `yaml:"join"`
	Split []string `yaml:"split"`
	Title string   `yaml:"title"`
	Note  string   `yaml:"note"`
	Line  int      `yaml:"-"`
}

// ParseEdits reads works.yaml; nil data means no edits. Entries that
// neither join nor split, or do both, are reported and skipped.
func ParseEdits(data []byte) (Edits, []model.Error) {
	entries, errs := model.YAMLList(File, data, "应为合并或拆分的列表，每项形如「- join: […]」或「- split: […]」")
	if errs != nil {
		return Edits{}, errs
	}
	var out Edits
	for _, n := range entries {
		var e Edit
		if bad := model.YAMLEntry(File, n, &e); bad != nil {
			errs = append(errs, *bad)
			continue
		}
		e.Line = n.Line
		switch {
		case len(e.Join) > 0 && len(e.Split) > 0:
			errs = append(errs, model.Error{Path: File, Line: n.Line, Message: "一项只能合并或拆分，不能两者都做"})
		case len(e.Join) == 1:
			errs = append(errs, model.Error{Path: File, Line: n.Line, Message: "合并只列了一篇文件，至少要两篇"})
		case len(e.Join) == 0 && len(e.Split) == 0:
			errs = append(errs, model.Error{Path: File, Line: n.Line, Message: "这一项既没有「join」也没有「split」"})
		default:
			out.list = append(out.list, e)
		}
	}
	return out, errs
}
