package work

import "testing"

// FuzzParseEdits: any bytes give edits and errors, never a panic; every
// error names works.yaml, and every edit kept either joins two or more
// documents or splits some.
func FuzzParseEdits(f *testing.F) {
	f.Add([]byte("- join: [a.md, 甲法]\n  title: 甲法\n- split: [乙法]\n"))
	f.Add([]byte("- join: [a.md]\n- {}\n- split: x\n"))
	f.Add([]byte("join: [a, b]\n"))
	f.Add([]byte("- join: [a, b]\n  split: [c]\n\t- broken"))
	f.Fuzz(func(t *testing.T, data []byte) {
		edits, errs := ParseEdits(data)
		for _, e := range errs {
			if e.Path != File || e.Message == "" {
				t.Errorf("error %+v", e)
			}
		}
		for _, e := range edits.list {
			if len(e.Join) == 1 || len(e.Join) > 0 == (len(e.Split) > 0) {
				t.Errorf("edit kept: %+v", e)
			}
		}
	})
}
