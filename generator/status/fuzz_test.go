package status

import (
	"testing"
	"tiaoli/generator/model"
)

// FuzzParseTable: any bytes give rows and errors, never a panic; every
// error names the table and a line.
func FuzzParseTable(f *testing.F) {
	f.Add([]byte("name,expired,status,path\n甲法,1,,a/甲法.md\n乙法,0,失效,乙法.md\n"))
	f.Add([]byte("\ufeffpath\n\"x\n"))
	f.Add([]byte("path,expired\n../../etc/passwd,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab := Table{}
		for _, e := range ParseTable(tab, "c/_metadata/t.csv", data) {
			if e.Path != "c/_metadata/t.csv" || e.Line < 1 || e.Message == "" {
				t.Errorf("error %+v", e)
			}
		}
		for p, row := range tab {
			if p == "" || p[0] == '/' || len(p) >= 2 && p[:2] == ".." {
				t.Errorf("path %q escapes the content root", p)
			}
			if row.Status != "" {
				if _, ok := model.NormalStatus(row.Status); !ok {
					t.Errorf("status %q", row.Status)
				}
			}
		}
	})
}
