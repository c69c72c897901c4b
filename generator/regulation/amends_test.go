package regulation

import "testing"

// TestAmendsBelow checks the sentences that announce a decision's items,
// with and without 出 and 补充 on either side of 修改, and lines that only
// mention an amendment.
func TestAmendsBelow(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"现决定对《某某条例》作如下修改：", true},
		{"决定对《某某条例》作出如下修改：", true},
		{"决定对《某某办法》做出如下修改：", true},
		{"决定对《某某条例》作如下修改和补充：", true},
		{"决定对《某某条例》作如下补充和修改：", true},
		{"决定对《某某条例》作如下补充、修改：", true},
		{"《某某规定》修改如下：", true},
		{"决定对《某某条例》作如下修改。", false},
		{"决定对《某某条例》作出如下修改：删除第三条。", false},
		{"某某部门作出决定：", false},
	}
	for _, c := range cases {
		if got := amendsBelow.MatchString(c.line); got != c.want {
			t.Errorf("amendsBelow(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
