package generator

import (
	"reflect"
	"testing"

	"tiaoli/generator/model"
)

// TestStoreKeepsCarriers checks that an entry gives back a regulation's
// carrier as the news item of the same file, not a copy of it, and that a
// file whose document points into another file is not kept.
func TestStoreKeepsCarriers(t *testing.T) {
	s, err := OpenStore(t.TempDir(), "v1", false)
	if err != nil {
		t.Fatal(err)
	}
	news := &model.Document{ID: "n", Kind: model.KindNews, Body: []model.Paragraph{{Text: "印发"}}}
	reg := &model.Document{ID: "r", Kind: model.KindRegulation, Regulation: model.Regulation{Carrier: news, Articles: []*model.Article{{Number: 1}}}}
	r := ingested{source: &model.Source{Path: "p.txt", Documents: []string{}}, docs: []*model.Document{news, reg}, digest: "d1"}
	s.save("p.txt", r)
	got, ok := s.load("p.txt", "d1")
	if !ok {
		t.Fatal("the entry just written was not read")
	}
	if got.docs[1].Carrier != got.docs[0] {
		t.Fatalf("the carrier came back as %p, not the news item %p", got.docs[1].Carrier, got.docs[0])
	}
	got.docs[1].Carrier, reg.Carrier = nil, nil
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("read back %+v\nwrote %+v", got, r)
	}
	reg.Carrier = &model.Document{ID: "elsewhere"}
	s.save("q.txt", ingested{docs: []*model.Document{reg}, digest: "d2"})
	if _, ok := s.load("q.txt", "d2"); ok {
		t.Fatal("a document carried by one of another file was kept")
	}
}
