package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestYAMLError: the line the parser names is kept, its words quoted
// after the Chinese without the "yaml: line N:" prefix.
func TestYAMLError(t *testing.T) {
	cases := []struct {
		err  string
		want Error
	}{
		{"yaml: line 3: did not find expected key", Error{Path: "pins.yaml", Line: 3, Message: "不是有效的YAML：「did not find expected key」"}},
		{"yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `x` into []string",
			Error{Path: "pins.yaml", Line: 2, Message: "不是有效的YAML：「unmarshal errors:\n  cannot unmarshal !!str `x` into []string」"}},
		{"yaml: control characters are not allowed", Error{Path: "pins.yaml", Message: "不是有效的YAML：「control characters are not allowed」"}},
	}
	for _, c := range cases {
		if got := YAMLError("pins.yaml", errors.New(c.err)); got != c.want {
			t.Errorf("YAMLError(%q) = %+v, want %+v", c.err, got, c.want)
		}
	}
}

// TestYAMLList: an empty file is an empty list; a list gives its entries
// with their lines; a file that is no list, or no YAML, is one error at
// its line.
func TestYAMLList(t *testing.T) {
	cases := []struct {
		data    string
		entries []int // the line of each entry
		err     Error
	}{
		{"", nil, Error{}},
		{"  \n\n", nil, Error{}},
		{"# only a comment\n", nil, Error{}},
		{"- a: 1\n- b: 2\n\n- c: 3\n", []int{1, 2, 4}, Error{}},
		{"a: 1\n", nil, Error{Path: "x.yaml", Line: 1, Message: "应为列表"}},
		{"- 1\n- [a]\n", []int{1, 2}, Error{}},
		{"- a: [\n", nil, Error{Path: "x.yaml", Line: 1, Message: "不是有效的YAML：「did not find expected node content」"}},
	}
	for _, c := range cases {
		entries, errs := YAMLList("x.yaml", []byte(c.data), "应为列表")
		var lines []int
		for _, n := range entries {
			lines = append(lines, n.Line)
		}
		if !slices.Equal(lines, c.entries) {
			t.Errorf("%q: entries at lines %v, want %v", c.data, lines, c.entries)
		}
		if c.err == (Error{}) && errs != nil || c.err != (Error{}) && (len(errs) != 1 || errs[0] != c.err) {
			t.Errorf("%q: errors %+v, want %+v", c.data, errs, c.err)
		}
	}
}

// TestYAMLEntry: an entry decodes, or is reported at its line.
func TestYAMLEntry(t *testing.T) {
	entries, _ := YAMLList("x.yaml", []byte("- {a: 1}\n- [a]\n"), "应为列表")
	var v struct{ A int }
	if e := YAMLEntry("x.yaml", entries[0], &v); e != nil || v.A != 1 {
		t.Errorf("first entry: %+v, %v", v, e)
	}
	e := YAMLEntry("x.yaml", entries[1], &v)
	if e == nil || e.Line != 2 || e.Path != "x.yaml" || !strings.HasPrefix(e.Message, "这一项读不出：「") {
		t.Errorf("second entry: %+v", e)
	}
}
