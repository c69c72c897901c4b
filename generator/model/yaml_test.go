package model

import (
	"errors"
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
