package examples

import (
	"reflect"
	"testing"

	"tiaoli/generator/model"
)

func TestQueries(t *testing.T) {
	uses := func(n int) []model.Location { return make([]model.Location, n) }
	c := &model.Corpus{
		Documents: []*model.Document{{ID: "r", Title: "某市物业管理条例"}},
		Terms: []*model.Term{
			{Term: "业主", Kind: model.TermDefined, Occurrences: uses(3)},
			{Term: "物业服务企业", Kind: model.TermDefined, Occurrences: uses(9)},
			{Term: "三严禁", Kind: model.TermList, Occurrences: uses(20)},
			{Term: "一个定义得很长很长的术语名称", Kind: model.TermDefined, Occurrences: uses(30)},
		},
		References: []*model.Reference{
			{Kind: "citation", Title: "中华人民共和国民法典"},
			{Kind: "citation", Title: "某市物业管理条例", To: &model.Location{Document: "r"}},
			{Kind: "citation", Title: "条例", To: &model.Location{Document: "r"}},
			{Kind: "article", Title: ""},
		},
	}
	got := Queries(c)
	want := []string{"物业服务企业", "某市物业管理条例"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Queries = %q, want %q", got, want)
	}
	if p := Placeholder(got); p != "如：物业服务企业、某市物业管理条例" {
		t.Errorf("Placeholder = %q", p)
	}
	if got := Queries(&model.Corpus{}); len(got) != 0 || Placeholder(got) != "" {
		t.Errorf("empty corpus: %q", got)
	}
}
