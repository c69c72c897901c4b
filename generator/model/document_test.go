package model

import (
	"encoding/json"
	"testing"
)

func TestLinkJSONKeepsIndexZero(t *testing.T) {
	for _, l := range []Link{
		{Start: 1, End: 4, Kind: "term", Term: 0},
		{Start: 2, End: 9, Kind: "reference", Reference: 0},
		{Start: 0, End: 3, Kind: "term", Term: 7, Definition: true},
	} {
		data, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		json.Unmarshal(data, &m)
		if _, ok := m[l.Kind]; !ok {
			t.Errorf("%s has no %q index", data, l.Kind)
		}
		var back Link
		if err := json.Unmarshal(data, &back); err != nil || back != l {
			t.Errorf("round trip of %s = %+v, %v; want %+v", data, back, err, l)
		}
	}
}

func TestHeaded(t *testing.T) {
	for _, tc := range []struct{ head, row, want string }{
		{"条文 | 罪名", "第二条 | 甲罪", "条文：第二条；罪名：甲罪"},
		{"条文 | 罪名", "第二条", "第二条"},
		{"", "第二条 | 甲罪", "第二条 | 甲罪"},
	} {
		if got := Headed(tc.head, tc.row); got != tc.want {
			t.Errorf("Headed(%q, %q) = %q, want %q", tc.head, tc.row, got, tc.want)
		}
	}
	if got := Cells("a | b | c"); len(got) != 3 || got[2] != [2]int{8, 9} {
		t.Errorf("Cells = %v", got)
	}
}
