package dateline

import (
	"strings"
	"testing"
)

func TestOpening(t *testing.T) {
	cases := []struct {
		in, agency, place, date, reporters, rest string
	}{
		{"新华社北京2月12日电 近日，中共中央办公厅印发了", "新华社", "北京", "2026-02-12", "", "近日，中共中央办公厅印发了"},
		{"新华社符拉迪沃斯托克2月12日电(记者 孙萍)俄罗斯航空公司", "新华社", "符拉迪沃斯托克", "2026-02-12", "孙萍", "俄罗斯航空公司"},
		{"本报北京1月2日电 （记者王浩）正文", "本报", "北京", "2026-01-02", "王浩", "正文"},
		{"据新华社北京1月1日电(记者 邹多为)AEO资质", "据新华社", "北京", "2026-01-01", "邹多为", "AEO资质"},
		{"新华社东京2月12日电(记者 李子越 陈泽安)日本", "新华社", "东京", "2026-02-12", "李子越,陈泽安", "日本"},
		{"本报讯（记者 张三 通讯员 李四）近日", "本报", "", "", "张三,李四", "近日"},
		{"新华社北京2025年12月31日电 年终", "新华社", "北京", "2025-12-31", "", "年终"},
		{"本报北京12月30日电 跨年", "本报", "北京", "2025-12-30", "", "跨年"},
		{"人民网北京2月1日电 正文", "人民网", "北京", "2026-02-01", "", "正文"},
		{"某某网北京2月1日电 正文", "某某网", "北京", "2026-02-01", "", "正文"},
	}
	for _, c := range cases {
		m, rest, ok := Opening(c.in)
		if !ok {
			t.Errorf("Opening(%q) found nothing", c.in)
			continue
		}
		d := m.Resolve("2026-02-13")
		if d.Agency != c.agency || d.Place != c.place || d.Date != c.date || strings.Join(d.Reporters, ",") != c.reporters || rest != c.rest {
			t.Errorf("Opening(%q) = %+v rest %q", c.in, d, rest)
		}
	}
}

func TestNotDateline(t *testing.T) {
	for _, s := range []string{
		"本报记者从商务部获悉，电动车", "记者12日从海关总署获悉", "2月11日，华中科技大学组织师生",
		"新华社发(郭金祺 摄)", "新闻发布会上表示电",
		// a phrase ending in 社, 报, 网 or 台 and then 电 or 讯, with no date:
		"应当公布举报投诉电话", "供水单位的报修电话", "电网企业应当按照节能发电调度", "在互联网上建立电子平台", "查阅信件或者其他网络通讯内容",
	} {
		if m, _, ok := Opening(s); ok {
			t.Errorf("Opening(%q) = %+v", s, m)
		}
	}
}

func TestClosing(t *testing.T) {
	m, ok := Closing("(新华社北京2月12日电)")
	if !ok || m.Agency != "新华社" || m.Place != "北京" || m.Resolve("2026-02-13").Date != "2026-02-12" {
		t.Errorf("Closing = %+v %v", m, ok)
	}
	if _, ok := Closing("(上接第一版)"); ok {
		t.Error("(上接第一版) read as a dateline")
	}
}

func TestNames(t *testing.T) {
	cases := map[string]string{
		"记者 李子越 陈泽安": "李子越,陈泽安", "韩 鑫 张腾扬": "韩鑫,张腾扬", "记者王浩、刘某": "王浩,刘某",
	}
	for in, want := range cases {
		if got := strings.Join(Names(in), ","); got != want {
			t.Errorf("Names(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveWithoutPage(t *testing.T) {
	m, _, _ := Opening("新华社北京2月30日电 错误日期")
	if d := m.Resolve("2026-02-13"); d.Date != "" {
		t.Errorf("impossible date resolved to %q", d.Date)
	}
	m, _, _ = Opening("新华社北京2月12日电 无年份")
	if d := m.Resolve(""); d.Date != "" || d.Place != "北京" {
		t.Errorf("no page date: %+v", d)
	}
}

// FuzzDateline checks the dateline readers never panic and that what they
// read is a prefix of the text.
func FuzzDateline(f *testing.F) {
	f.Add("新华社北京2月12日电(记者 孙萍)正文")
	f.Add("(新华社北京2月12日电)")
	f.Add("韩  鑫  张腾扬")
	f.Fuzz(func(t *testing.T, s string) {
		if m, rest, ok := Opening(s); ok {
			if !strings.HasSuffix(strings.TrimSpace(s), rest) || m.Text == "" {
				t.Fatalf("Opening(%q) = %+v, %q", s, m, rest)
			}
			m.Resolve("2026-02-13")
		}
		if m, ok := Closing(s); ok {
			m.Resolve("")
		}
		Names(s)
	})
}
