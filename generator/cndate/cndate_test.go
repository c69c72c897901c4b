package cndate

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"2026年1月30日中共中央批准", []string{"2026-01-30"}},
		{"２０07年9月１日起施行", []string{"2007-09-01"}},
		{"二〇一八年十二月二十九日修正", []string{"2018-12-29"}},
		{"1997年 3 月 14 日 第八届", []string{"1997-03-14"}},
		{"2023年2月30日", nil}, // no such day
		{"1979年7月1日通过 2023年12月29日修正", []string{"1979-07-01", "2023-12-29"}},
		{"2月12日电", nil},
		// A year that mixes digit sets is read digit by digit.
		{"二0一0年一月五日", []string{"2010-01-05"}},
		{"二OO八年十一月十日", []string{"2008-11-10"}},
		{"二０００年七月一日", []string{"2000-07-01"}},
		{"二00五年6月1日", []string{"2005-06-01"}},
		{"二○一○年一月五日", []string{"2010-01-05"}},
		{"二十0一年一月五日", nil},   // a unit is no digit of a year
		{"0一0年一月五日", nil},    // three digits are no year
		{"5日内，自2020年起", nil}, // 日 before 年 only
		{"2020年1月", nil},
		{"5日前 2020年1月1日", []string{"2020-01-01"}},
	} {
		var got []string
		for _, d := range Find(tc.in) {
			got = append(got, d.ISO)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestLines(t *testing.T) {
	if !Starts("1997年3月14日 第八届全国人民代表大会第五次会议修订") || Starts("自1997年3月14日起") {
		t.Error("Starts")
	}
	for _, s := range []string{"2026年2月10日", "（2026年2月10日）", "2026年2月12日 星期四"} {
		if !Only(s) {
			t.Errorf("Only(%q) = false", s)
		}
	}
	for _, s := range []string{"2026年2月10日发布", "本办法自2026年2月10日起施行"} {
		if Only(s) {
			t.Errorf("Only(%q) = true", s)
		}
	}
	if Latest("1979年7月1日通过 2023年12月29日修正 2015年8月29日") != "2023-12-29" {
		t.Error("Latest")
	}
}

func TestNumericAndNames(t *testing.T) {
	for in, want := range map[string]string{
		"2025-02-12": "2025-02-12", "2025/2/12 08:00": "2025-02-12", "2025.2.1": "2025-02-01",
		"2025年2月12日": "2025-02-12", "2025-02-30": "", "二月": "",
	} {
		if got, _ := Numeric(in); got != want {
			t.Errorf("Numeric(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"2026-02-13-xinhua-page.txt": "2026-02-13", "立法法(2023-03-13).md": "2023-03-13", "刑法.md": "",
	} {
		if got := InName(in); got != want {
			t.Errorf("InName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFind checks that any text gives dates in order, inside it, each a
// real day written YYYY-MM-DD, and that the line rules never panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"2026年1月30日中共中央批准", "二〇一八年十二月二十九日", "２０07年9月１日", "2025-02-30", "年月日", "（2026年2月10日）星期二"} {
		f.Add(s)
	}
	f.Add(" \u30002026年2月30日、2026年3月1日")
	f.Add("2026年1月1日")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, d := range Find(s) {
			if d.Start < end || d.End > len(s) || d.Start >= d.End {
				t.Fatalf("Find(%q): span %d-%d after %d", s, d.Start, d.End, end)
			}
			end = d.End
			if len(d.ISO) != 10 || d.ISO[4] != '-' || d.ISO[7] != '-' {
				t.Fatalf("Find(%q): %q is not YYYY-MM-DD", s, d.ISO)
			}
		}
		// Starts reads the first date Find gives, when only spaces
		// come before it.
		ds := Find(s)
		want := len(ds) > 0 && strings.TrimSpace(s[:ds[0].Start]) == ""
		if got := Starts(s); got != want {
			t.Fatalf("Starts(%q) = %v; Find gives %v", s, got, ds)
		}
		Only(s)
		Numeric(s)
		InName(s)
	})
}

func TestLatestYear(t *testing.T) {
	for s, want := range map[string]string{
		"2016年印发，2019年修订，二〇二一年施行": "2021",
		"２０１８年的规定":                "2018",
		"第一千二百年":                  "",
		"没有年份":                    "",
	} {
		if got := LatestYear(s); got != want {
			t.Errorf("LatestYear(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestDayBefore(t *testing.T) {
	for in, want := range map[string]string{
		"2018-03-01": "2018-02-28", "2020-01-01": "2019-12-31", "2016-03-01": "2016-02-29",
		"2015": "2014-12-31", "": "", "某日": "某日",
	} {
		if got := DayBefore(in); got != want {
			t.Errorf("DayBefore(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEnacts(t *testing.T) {
	for _, tc := range []struct {
		event string
		want  bool
	}{
		{"2000年4月20日 最高人民法院审判委员会第1110次会议通过", true},
		{"2024年12月31日 某市人民代表大会常务委员会修正", true},
		{"2000年9月8日 最高人民法院公告公布", true},
		{"2000年9月14日 施行", false},
		{"自2001年9月1日起施行", false},
	} {
		if got := Enacts(tc.event); got != tc.want {
			t.Errorf("Enacts(%q) = %v, want %v", tc.event, got, tc.want)
		}
	}
}

// TestAmendedBy: a history line that opens with 根据 and a date and
// records an enactment is an amendment under another text; a preamble's
// sentence, a line with no 根据 or no date right after it, and one that
// only dates when the text takes effect are not.
func TestAmendedBy(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"根据1998年12月29日某会议通过的《某某决定》", true},
		{"根据2009年8月27日某会议《关于修改部分法律的决定》第一次修正", true},
		{"根据 １９９８年１２月２９日某会议决定修正", true},
		{"根据2010年4月29日修正的《某法》，制定本规定。", false},
		{"根据2019年1月1日某会议通过的决定，制定本办法。", false},
		{"1998年12月29日某会议修正", false},
		{"根据某会议1998年12月29日通过的决定修正", false},
		{"根据2000年9月14日起施行", false},
		{"根据2月30日某会议修正", false},
	} {
		if got := AmendedBy(tc.line); got != tc.want {
			t.Errorf("AmendedBy(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestEndYear(t *testing.T) {
	for s, want := range map[string][2]string{
		"依照2003年":   {"2003", "依照"},
		"依照二〇〇三年":   {"2003", "依照"},
		"2003年5月1日": {"", "2003年5月1日"},
		"第12003年":   {"", "第12003年"},
		"没有年份":      {"", "没有年份"},
	} {
		if y, before := EndYear(s); y != want[0] || before != want[1] {
			t.Errorf("EndYear(%q) = %q, %q, want %q, %q", s, y, before, want[0], want[1])
		}
	}
}

// TestVerbLists: the verbs of a text's events are one list, each kind a
// part of the wider: issuing verbs enact, enacting verbs are events, and
// 施行 is an event that enacts nothing. A caller that appends to a list
// does not change it for the others.
func TestVerbLists(t *testing.T) {
	events := EventVerbs()
	for _, v := range EnactingVerbs() {
		if !Enacts("2000年1月1日" + v) {
			t.Errorf("Enacts(%q) = false", v)
		}
		if !slices.Contains(events, v) {
			t.Errorf("EventVerbs lacks %q", v)
		}
	}
	for _, v := range IssuingVerbs() {
		if !slices.Contains(EnactingVerbs(), v) {
			t.Errorf("EnactingVerbs lacks %q", v)
		}
	}
	if Enacts("2000年1月1日施行") || !slices.Contains(events, "施行") {
		t.Errorf("施行 is an event that enacts nothing")
	}
	_ = append(IssuingVerbs()[:1], "出台")
	if slices.Contains(IssuingVerbs(), "出台") {
		t.Errorf("appending to a returned list changed the list")
	}
}

// TestSeparateEvents: a history line that runs the verb closing one event
// into the date (or 根据 and the date) opening the next gets a space
// between them, for every verb of EventVerbs; a verb followed by anything
// but a year, and a year after a word that is no such verb, are left.
func TestSeparateEvents(t *testing.T) {
	for _, v := range EventVerbs() {
		in := "2003年8月6日某会议" + v + "2003年8月15日某公告公布"
		want := "2003年8月6日某会议" + v + " 2003年8月15日某公告公布"
		if got := SeparateEvents(in); got != want {
			t.Errorf("SeparateEvents(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"2005年某会议通过根据2017年某会议修正":                          "2005年某会议通过 根据2017年某会议修正",
		"2015年7月30日某会议批准；2019年2月23日某会议修改，2019年3月28日某会议批准": "2015年7月30日某会议批准 2019年2月23日某会议修改 2019年3月28日某会议批准",
		"2005年某会议通过，根据2017年某会议修正":                         "2005年某会议通过 根据2017年某会议修正",
		"某会议通过，自2003年8月15日起施行":                            "某会议通过，自2003年8月15日起施行",
		"某会议通过的决定":                                        "某会议通过的决定",
		"某会议通过第12003号":                                    "某会议通过第12003号",
		"某会议讨论2003年8月15日":                                 "某会议讨论2003年8月15日",
	} {
		if got := SeparateEvents(in); got != want {
			t.Errorf("SeparateEvents(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOnlyDate: a line that is a date and nothing else, printed or in
// digits, gives the date; a date inside a longer line gives none.
func TestOnlyDate(t *testing.T) {
	for in, want := range map[string]string{
		"2022-03-15":        "2022-03-15",
		" 2022/3/15 ":       "2022-03-15",
		"2022年3月15日":        "2022-03-15",
		"（2022年3月15日）":      "2022-03-15",
		"2022-03-15 某某法院发布": "",
		"某某法院2022年3月15日发布":  "",
		"2022-02-30":        "",
		"消费者权益保护典型案例":       "",
	} {
		if got, _ := OnlyDate(in); got != want {
			t.Errorf("OnlyDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDay(t *testing.T) {
	for in, want := range map[string]string{
		"2015-07-30": "2015-07-30",
		"2015":       "",
		"2015-07":    "",
		"2015/07/30": "",
		"20150730ab": "",
		"":           "",
	} {
		if got := Day(in); got != want {
			t.Errorf("Day(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDaysBetween(t *testing.T) {
	for _, c := range []struct {
		from, to string
		days     int
		ok       bool
	}{
		{"2014-11-28", "2014-12-31", 33, true},
		{"2016-02-28", "2016-03-01", 2, true},
		{"2019-03-02", "2018-03-02", -365, true},
		{"2018", "2018-03-02", 0, false},
		{"2018-03-02", "", 0, false},
	} {
		if days, ok := DaysBetween(c.from, c.to); days != c.days || ok != c.ok {
			t.Errorf("DaysBetween(%q, %q) = %d, %v; want %d, %v", c.from, c.to, days, ok, c.days, c.ok)
		}
	}
}
