package regulation

import "testing"

func TestManyDivisions(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"第一章 总则 第二章 管理 第三章 附则", true},
		{"第一编 总则 第一章 一般规定", true},
		{"第一节 一般规定　第二节 特别规定", true},
		{"第１章 总则 第２章 附则", true},
		{"第一章 总则", false},
		{"第一章 总则 第五条", false},
		{"依照第三条、第四条的规定", false},
		{"第二章第三节", true},
		{"第", false},
	} {
		if got := manyDivisions(c.line); got != c.want {
			t.Errorf("manyDivisions(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestGoesOnTitle: a title opening on a joining word (以及 too) is the
// second line of the title before it; one opening on 以 of another word is
// not.
func TestGoesOnTitle(t *testing.T) {
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"和社会发展计划", true},
		{"以及财政预算", true},
		{"及其他规定", true},
		{"与监督", true},
		{"以上规定", false},
		{"以", false},
		{"法律责任", false},
		{"", false},
	} {
		if got := goesOnTitle(c.title); got != c.want {
			t.Errorf("goesOnTitle(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}
