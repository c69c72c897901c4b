package numeral

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"十", 10, true}, {"十五", 15, true}, {"二十", 20, true},
		{"一百零三", 103, true}, {"一百一十", 110, true}, {"一千二百六十", 1260, true},
		{"两千", 2000, true}, {"二〇二六", 2026, true}, {"103", 103, true}, {"１０３", 103, true},
		{"一万零一", 10001, true}, {"", 0, false}, {"第五", 0, false}, {"5a", 0, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	for n := 1; n < 3000; n++ {
		s := Format(n)
		if got, ok := Parse(s); !ok || got != n {
			t.Fatalf("Parse(Format(%d) = %q) = %d, %v", n, s, got, ok)
		}
	}
	for n, want := range map[int]string{10: "十", 15: "十五", 103: "一百零三", 1260: "一千二百六十", 1001: "一千零一"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"一百零三", "十", "１０３", "万万", "零零"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if ok && n < 0 {
			t.Fatalf("Parse(%q) = %d", s, n)
		}
	})
}
