package report

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

func TestDoubtful(t *testing.T) {
	s := func(x string) *string { return &x }
	c := &model.Corpus{
		Works: []*model.Work{{ID: "w", Title: "示例法"}},
		Comparisons: []*model.Comparison{
			{Work: "w", To: "good", URL: "w/w/1_2/", Alignment: []model.Pair{
				{Old: s("第一条"), New: s("第一条"), Kind: model.PairUnchanged, Similarity: 1},
				{Old: s("第二条"), New: s("第二条"), Kind: model.PairModified, Similarity: 0.8}}},
			{Work: "w", To: "low", URL: "w/w/2_3/", Alignment: []model.Pair{
				{Old: s("第一条"), New: s("第一条"), Kind: model.PairUnchanged, Similarity: 1},
				{Old: s("第二条"), New: s("第三条"), Kind: model.PairModified, Similarity: 0.2}}},
			{Work: "w", To: "apart", URL: "w/w/3_4/", Alignment: []model.Pair{
				{Old: s("第一条"), Kind: model.PairDeleted},
				{New: s("第一条"), Kind: model.PairAdded},
				{New: s("第二条"), Kind: model.PairAdded}}},
		},
	}
	got := doubtful(c)
	if len(got) != 2 || got[0].Document != "low" || got[1].Document != "apart" {
		t.Fatalf("doubtful = %+v", got)
	}
	if !strings.Contains(got[0].Message, "第二条→第三条（0.20）") || got[0].URL != "w/w/2_3/" || got[0].Title != "示例法" {
		t.Errorf("entry %+v", got[0])
	}
	if !strings.Contains(got[1].Message, "只有0条") {
		t.Errorf("entry %+v", got[1])
	}
}
