package docnumber

import (
	"slices"
	"testing"
)

func TestFindAll(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"某纪发〔2010〕13号", []string{"某纪发〔2010〕13号"}},
		{"（2006）某研发8号", []string{"（2006）某研发8号"}},
		{"〔2002〕某研发第19号", []string{"〔2002〕某研发第19号"}},
		{"某研[2004]102号", []string{"某研[2004]102号"}},
		{"某发〔2018〕1号 某发〔2018〕2号", []string{"某发〔2018〕1号", "某发〔2018〕2号"}},
		{"第31号", nil},      // no year: an order's number, not a 文号
		{"2010年4月1日", nil}, // a date
	} {
		var got []string
		for _, m := range FindAll(c.in) {
			got = append(got, c.in[m[0]:m[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("FindAll(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEnds(t *testing.T) {
	for in, want := range map[string]bool{
		"某办发〔2013〕1号":  true,
		"某某部令第31号":     true,
		"第 8 号":        true,
		"某发〔2013〕1号文件": false,
		"共计十二号":        false,
	} {
		if got := Ends(in); got != want {
			t.Errorf("Ends(%q) = %v, want %v", in, got, want)
		}
	}
}
