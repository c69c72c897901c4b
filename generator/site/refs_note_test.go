package site

import (
	"testing"

	"tiaoli/generator/model"
)

// TestBeforeNote: a reference to an earlier text the corpus does not hold
// says when that text was replaced, in Chinese, when the day is known, and
// only that it is the text before a revision when it is not.
func TestBeforeNote(t *testing.T) {
	for _, tc := range []struct {
		ref  model.Reference
		want string
	}{
		{model.Reference{Earlier: true, Before: "2016-12-16"}, "引用的是2016年12月16日以前的文本（未收录）"},
		{model.Reference{Earlier: true}, "引用的是修订前的文本（未收录）"},
		{model.Reference{}, ""},
	} {
		if got := beforeNote(&tc.ref); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.ref, got, tc.want)
		}
	}
}
