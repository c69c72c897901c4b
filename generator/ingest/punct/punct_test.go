package punct

import (
	"testing"

	"tiaoli/generator/ingest/block"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"近日,中共中央办公厅印发", "近日，中共中央办公厅印发"},
		{"应当遵循下列原则:", "应当遵循下列原则："},
		{"贸易额,AEO制度", "贸易额，AEO制度"},
		{"占1%,却贡献", "占1%，却贡献"},
		{"时间12:30,地点", "时间12:30，地点"},
		{"a,b", "a,b"},
		{"步骤进行: 一是", "步骤进行：一是"},
		{"党委(党组)对下级", "党委（党组）对下级"},
		{"办法(2018年修订)", "办法（2018年修订）"},
		{"(2026年1月30日中共中央批准)", "（2026年1月30日中共中央批准）"},
		{"see (USD) and (中国) here", "see (USD) and (中国) here"},
		{"增长3.5%,达到", "增长3.5%，达到"},
		{"共1,000元", "共1,000元"},
		{"AEO制度,对信用", "AEO制度，对信用"},
		{"price(USD)及", "price(USD)及"},
		{"第一,第二;第三?是!", "第一，第二；第三？是！"},
		{"第（一）、(二)、（八）项", "第（一）、（二）、（八）项"},
		{"（一）、(二)、A类", "（一）、（二）、A类"},
		{"《某法》(草案)", "《某法》（草案）"},
		{"（甲）(乙)（丙）", "（甲）（乙）（丙）"},
		{"所列(一)、(二)两项", "所列（一）、（二）两项"},
		{"【注】,see", "【注】，see"},
		{"“(a)”", "“(a)”"},
		{"“(USD)”、(Inc)", "“(USD)”、(Inc)"},
		{"(某某规定的);", "（某某规定的）；"},
		{"see (USD);", "see (USD);"},
		{"罚款１,０００元", "罚款１,０００元"},
		{"１２:３０", "１２:３０"},
		{"ＡＥＯ,ｓｅｅ", "ＡＥＯ,ｓｅｅ"},
		{"【注】,ｓｅｅ", "【注】，ｓｅｅ"},
		{"规定的“串供”:", "规定的“串供”："},
		{"所称“林木\":", "所称“林木\"："},
		{"“光盘行动”;", "“光盘行动”；"},
		{"谁负担”,“以工程", "谁负担”，“以工程"},
		{"he said “yes”: no", "he said “yes”: no"},
		{"“yes”:", "“yes”:"},
		{"收入的20%;", "收入的20%；"},
		{"人数的1/4;", "人数的1/4；"},
		{"税率为11.5%:", "税率为11.5%："},
		{"共1,000元", "共1,000元"},
		{"时间12:30", "时间12:30"},
		{"rate 20%;", "rate 20%;"},
		{"”:", "”:"},
		{"20%;", "20%;"},
		{"", ""},
	}
	for _, tt := range tests {
		if got, _ := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWiden(t *testing.T) {
	lines := []block.Line{{Text: "近日,中共中央(党组)印发", Line: 5}, {Text: "不变。", Line: 6}}
	out, reps := Widen(lines)
	if out[0].Text != "近日，中共中央（党组）印发" || len(reps) != 1 {
		t.Fatalf("Widen = %q, %+v", out[0].Text, reps)
	}
	r := reps[0]
	if r.Line != 5 || r.Kind != KindWidth || r.Before != "日,中 / 央(党 / 组)印" || r.After != "日，中 / 央（党 / 组）印" || r.Message != "此行共3处" {
		t.Errorf("repair = %+v", r)
	}
}

func FuzzText(f *testing.F) {
	f.Add("近日,中共(党组)对 : 是")
	f.Fuzz(func(t *testing.T, s string) {
		got, spots := Text(s)
		if len([]rune(got)) > len([]rune(s)) || (got == s && len(spots) > 0) {
			t.Fatalf("Text(%q) = %q with %d spots", s, got, len(spots))
		}
	})
}
