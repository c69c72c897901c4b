package model

import "testing"

func TestNormalStatus(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"有效", StatusInForce, true}, {"现行有效", StatusInForce, true}, {" In  Force ", StatusInForce, true},
		{"已被修改", StatusAmended, true}, {"已修正", StatusAmended, true},
		{"失效", StatusRepealed, true}, {"已废止", StatusRepealed, true}, {"Expired", StatusRepealed, true},
		{"尚未施行", StatusNotInForce, true}, {"未生效", StatusNotInForce, true},
		{"", "", false}, {"有效期三年", "", false}, {"修订草案", "", false},
	} {
		got, ok := NormalStatus(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalStatus(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
