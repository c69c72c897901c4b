package site

import (
	"testing"

	"tiaoli/generator/site/report"
)

// TestReportFold checks that a kind recurring more than foldOver times in
// a group is folded, and the rest stay in order.
func TestReportFold(t *testing.T) {
	row := func(kind string) reportRow { return newReportRow(report.Entry{Kind: kind}, "") }
	g := reportGroup{}
	for i := 0; i < foldOver+1; i++ {
		g.Rows = append(g.Rows, row("标点改为全角"))
	}
	g.Rows = append(g.Rows, row("断行接合"), row(""))
	g.fold()
	if len(g.Rows) != 2 || g.Rows[0].Kind != "断行接合" || len(g.Folds) != 1 || len(g.Folds[0].Rows) != foldOver+1 {
		t.Errorf("folded %d rows, %d folds", len(g.Rows), len(g.Folds))
	}
}
