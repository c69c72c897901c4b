package label

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		in      string
		unit    Unit
		n, sfx  int
		numeral string
		rest    string
		ok      bool
	}{
		{"第五条", Article, 5, 0, "五", "", true},
		{"第五条之一 在", Article, 5, 1, "五", " 在", true},
		{"第一百零三条当事人", Article, 103, 0, "一百零三", "当事人", true},
		{"第 十五 条 公务员", Article, 15, 0, "十五", " 公务员", true},
		{"第三十－条 依法", Article, 31, 0, "三十一", " 依法", true},
		{"第103条", Article, 103, 0, "103", "", true},
		{"第１０３条", Article, 103, 0, "１０３", "", true},
		{"第五条之规定", Article, 5, 0, "五", "之规定", true},
		{"第二款规定", Paragraph, 2, 0, "二", "规定", true},
		{"第（三）项", Item, 3, 0, "三", "", true},
		{"第三项", Item, 3, 0, "三", "", true},
		{"第（一）、（二）项的", Item, 1, 0, "一", "的", true},
		{"第一目", Subitem, 1, 0, "一", "", true},
		{"第二编 物权", Book, 2, 0, "二", " 物权", true},
		{"第一分编 通则", SubBook, 1, 0, "一", " 通则", true},
		{"第十二章 第一审普通程序", Chapter, 12, 0, "十二", " 第一审普通程序", true},
		{"第三节", Section, 3, 0, "三", "", true},
		// Traditional characters: the same units, numerals as printed.
		{"第五條之一 在", Article, 5, 1, "五", " 在", true},
		{"第貳拾參條", Article, 23, 0, "貳拾參", "", true},
		{"第（三）項", Item, 3, 0, "三", "", true},
		{"第一分編 通則", SubBook, 1, 0, "一", " 通則", true},
		{"第二節", Section, 2, 0, "二", "", true},
		// Words that only start like a label.
		{"第一条件", 0, 0, 0, "", "", false},
		{"第三项目", 0, 0, 0, "", "", false},
		{"第二款式", 0, 0, 0, "", "", false},
		{"第一目标", 0, 0, 0, "", "", false},
		{"第（三）条", 0, 0, 0, "", "", false},
		{"第（三项", 0, 0, 0, "", "", false},
		{"第一审普通程序", 0, 0, 0, "", "", false},
		{"第X条", 0, 0, 0, "", "", false},
		{"第零条", 0, 0, 0, "", "", false},
		{"五条", 0, 0, 0, "", "", false},
	}
	for _, tt := range tests {
		l, ok := Read(tt.in)
		if ok != tt.ok || ok && (l.Unit != tt.unit || l.N != tt.n || l.Suffix != tt.sfx || l.Numeral != tt.numeral || tt.in[l.End:] != tt.rest) {
			t.Errorf("Read(%q) = %+v, %v; want %v %d %d %q rest %q, %v", tt.in, l, ok, tt.unit, tt.n, tt.sfx, tt.numeral, tt.rest, tt.ok)
		}
	}
}

func TestArticleLine(t *testing.T) {
	tests := []struct {
		in        string
		n, sfx    int
		rest      string
		separated bool
		ok        bool
	}{
		{"第一条 为了规范", 1, 0, "为了规范", true, true},
		{"第一条\u3000为了规范", 1, 0, "为了规范", true, true},
		{"第二条本条例的任务", 2, 0, "本条例的任务", false, true},
		{"第一条", 1, 0, "", true, true},
		{"第十五 条 公务员", 15, 0, "公务员", true, true},
		{"第三十－条 依法", 31, 0, "依法", true, true},
		{"第一百零三条 当事人", 103, 0, "当事人", true, true},
		{"第一千二百六十条 本法", 1260, 0, "本法", true, true},
		{"第五条之一 在", 5, 1, "在", true, true},
		{"第103条 当事人", 103, 0, "当事人", true, true},
		{"第一条　【立法宗旨】为了", 1, 0, "【立法宗旨】为了", true, true},
		// Text run into the label that starts with a word a reference
		// also starts with, but goes on as an article does.
		{"第六条中央和地方", 6, 0, "中央和地方", false, true},
		{"第三条规范性文件", 3, 0, "规范性文件", false, true},
		{"第五条以人民为中心", 5, 0, "以人民为中心", false, true},
		{"第五条未成年人", 5, 0, "未成年人", false, true},
		{"第五条 前款规定的情形", 5, 0, "前款规定的情形", true, true},
		// Lines that cite articles instead of opening one.
		{"第五条前款规定的情形", 0, 0, "", false, false},
		{"第五条前两款", 0, 0, "", false, false},
		{"第五条修改为：", 0, 0, "", false, false},
		{"第五条～第七条", 0, 0, "", false, false},
		{"第五条至第七条", 0, 0, "", false, false},
		{"第5条-第7条", 0, 0, "", false, false},
		{"第一款规定的情形", 0, 0, "", false, false},
		{"第六十六条第一款规定了", 0, 0, "", false, false},
		{"第三十一条的决定》已由", 0, 0, "", false, false},
		{"第一條　為了規範", 1, 0, "為了規範", true, true},
		{"第五條規定的", 0, 0, "", false, false},
		{"第五條刪除。", 0, 0, "", false, false},
		{"第一條件", 0, 0, "", false, false},
		{"第三百八十六条规定：“对犯受贿罪的", 0, 0, "", false, false},
		{"第五条、第六条", 0, 0, "", false, false},
		{"第五条和第六条", 0, 0, "", false, false},
		{"第六十六条 第一款规定了", 0, 0, "", false, false},
		{"第六十六条 第（一）项", 0, 0, "", false, false},
		{"第五条 、第六条", 0, 0, "", false, false},
		{"第五条之规定", 0, 0, "", false, false},
		{"第五条以外的", 0, 0, "", false, false},
		{"第五条中规定的", 0, 0, "", false, false},
		{"第五条）", 0, 0, "", false, false},
		{"第一条件", 0, 0, "", false, false},
		{"第二章 总则", 0, 0, "", false, false},
		{"第X条", 0, 0, "", false, false},
	}
	for _, tt := range tests {
		got, ok := ArticleLine(tt.in)
		if ok != tt.ok || ok && (got.N != tt.n || got.Suffix != tt.sfx || got.Rest != tt.rest || got.Separated != tt.separated) {
			t.Errorf("ArticleLine(%q) = %+v, %v; want %d %d %q %v, %v", tt.in, got, ok, tt.n, tt.sfx, tt.rest, tt.separated, tt.ok)
		}
	}
}

func TestPartLine(t *testing.T) {
	tests := []struct {
		in    string
		unit  Unit
		n     int
		title string
		ok    bool
	}{
		{"第二章 机构和人员", Chapter, 2, "机构和人员", true},
		{"第一章总则", Chapter, 1, "总则", true},
		{"第一分编 通则", SubBook, 1, "通则", true},
		{"第三节的规定", 0, 0, "", false},
		{"第二章第三节", 0, 0, "", false},
		{"第二章、第三章", 0, 0, "", false},
		{"第五条 内容", 0, 0, "", false},
	}
	for _, tt := range tests {
		l, title, ok := PartLine(tt.in)
		if ok != tt.ok || ok && (l.Unit != tt.unit || l.N != tt.n || title != tt.title) {
			t.Errorf("PartLine(%q) = %+v %q, %v; want %v %d %q, %v", tt.in, l, title, ok, tt.unit, tt.n, tt.title, tt.ok)
		}
	}
}

func TestReadItem(t *testing.T) {
	tests := []struct {
		in    string
		kind  ItemKind
		n     int
		label string
		rest  string
	}{
		{"（一）警告；", HanParenItem, 1, "（一）", "警告；"},
		{"(二) 坚持突出重点；", HanParenItem, 2, "（二）", "坚持突出重点；"},
		{"（十二）其他", HanParenItem, 12, "（十二）", "其他"},
		{"（一百零一）其他", HanParenItem, 101, "（一百零一）", "其他"},
		{"〔三〕其他", HanParenItem, 3, "（三）", "其他"},
		{"( 一 ) 坚持", HanParenItem, 1, "（一）", "坚持"},
		{"（十二）项", HanParenItem, 12, "（十二）", "项"},
		{"1. 一般", DigitItem, 1, "1.", "一般"},
		{"1.", DigitItem, 1, "1.", ""},
		{"2、其他", DigitItem, 2, "2、", "其他"},
		{"12、要点", DigitItem, 12, "12、", "要点"},
		{"3．胡椒醛", DigitItem, 3, "3.", "胡椒醛"},
		{"(3)其他", DigitParenItem, 3, "（3）", "其他"},
		{"一、管辖", HanItem, 1, "一、", "管辖"},
		{"一、总则", HanItem, 1, "一、", "总则"},
		{"一 、管辖", HanItem, 1, "一、", "管辖"},
		{"①第一", CircledItem, 1, "①", "第一"},
		{"⑳ 其他", CircledItem, 20, "⑳", "其他"},
		{"⒈侮辱、诽谤案", DigitItem, 1, "1.", "侮辱、诽谤案"},
		{"⒛ 其他", DigitItem, 20, "20.", "其他"},
		{"⑵其他", DigitParenItem, 2, "（2）", "其他"},
		// A Han numeral with a dot or comma is a section label: lists print
		// 十．after 九、 and OCR reads 、 as a comma.
		{"十．严禁用公款", HanItem, 10, "十、", "严禁用公款"},
		{"二十一．接待单位", HanItem, 21, "二十一、", "接待单位"},
		{"十一.禁止", HanItem, 11, "十一、", "禁止"},
		{"五，不得", HanItem, 5, "五、", "不得"},
		// A full-width dot after Arabic digits marks an item whatever
		// follows: the list of a schedule prints 1．1—苯基—2—丙酮 for item 1,
		// the chemical 1—苯基—2—丙酮.
		{"1．1—苯基—2—丙酮", DigitItem, 1, "1.", "1—苯基—2—丙酮"},
		{"2．3，4—亚甲基二氧苯基—2—丙酮", DigitItem, 2, "2.", "3，4—亚甲基二氧苯基—2—丙酮"},
		// Text that only starts like a label.
		{"1.5倍以上", 0, 0, "", ""},
		{"1.5亿元", 0, 0, "", ""},
		{"5.1　颅脑", 0, 0, "", ""},
		{"5.1.1 重伤一级", 0, 0, "", ""},
		{"2020年", 0, 0, "", ""},
		{"2025年", 0, 0, "", ""},
		{"2020、", 0, 0, "", ""},
		{"1，000元", 0, 0, "", ""},
		{"(以下简称本法)", 0, 0, "", ""},
		{"(室)应当", 0, 0, "", ""},
		{"(2026年1月30日中共中央批准)", 0, 0, "", ""},
		{"〔2002〕高检研发第19号", 0, 0, "", ""},
		{"[1]注释", 0, 0, "", ""},
		{"一箭7星", 0, 0, "", ""},
		{"两、三天后", 0, 0, "", ""},
		{"（零）", 0, 0, "", ""},
		{"一是", 0, 0, "", ""},
		{"", 0, 0, "", ""},
	}
	for _, tt := range tests {
		it, ok := ReadItem(tt.in)
		if ok != (tt.kind != 0) || ok && (it.Kind != tt.kind || it.N != tt.n || it.Label != tt.label || it.Rest != tt.rest) {
			t.Errorf("ReadItem(%q) = %+v, %v; want %d %d %q %q", tt.in, it, ok, tt.kind, tt.n, tt.label, tt.rest)
		}
		if ItemLine(tt.in) != ok {
			t.Errorf("ItemLine(%q) = %v, ReadItem %v", tt.in, !ok, ok)
		}
	}
}

func TestOpenerLine(t *testing.T) {
	for s, want := range map[string]bool{"附件：办法": true, "附 则": true, "目录": true, "附近": false, "附 則": true, "目錄": true, "總綱": true} {
		if got := OpenerLine(s); got != want {
			t.Errorf("OpenerLine(%q) = %v", s, got)
		}
	}
}

// refAt reads the reference the text s holds at the first byte of mark.
func refAt(s, mark string) (Ref, bool) {
	i := strings.Index(s, mark)
	switch {
	case i < 0:
		return Ref{}, false
	case strings.HasPrefix(mark, "第"):
		return ChainAt(s, i)
	case strings.HasPrefix(mark, "前"):
		return PreviousAt(s, i)
	}
	return ThisAt(s, i)
}

func TestRefs(t *testing.T) {
	tests := []struct {
		in, at string
		unit   Unit
		back   int
		p      Parts
		text   string // what the reference takes of in
		ok     bool
	}{
		{"依照第五条第二款第（三）项的规定", "第五条", Article, 0, Parts{Article: 5, Para: 2, Item: 3}, "第五条第二款第（三）项", true},
		{"第五条之一第二款", "第五条", Article, 0, Parts{Article: 5, Suffix: 1, Para: 2}, "第五条之一第二款", true},
		{"第二款第三项", "第二款", Paragraph, 0, Parts{Para: 2, Item: 3}, "第二款第三项", true},
		{"第三项第一目", "第三项", Item, 0, Parts{Item: 3, Sub: 1}, "第三项第一目", true},
		{"第二款第一条", "第二款", Paragraph, 0, Parts{Para: 2}, "第二款", true},
		{"第一目", "第一目", 0, 0, Parts{}, "", false},
		{"第二章第三节", "第二章", 0, 0, Parts{}, "", false},
		{"满足第一条件", "第一条", 0, 0, Parts{}, "", false},
		{"前款第一项", "前款", Paragraph, 1, Parts{Item: 1}, "前款第一项", true},
		{"前两款第一项", "前两款", Paragraph, 2, Parts{}, "前两款", true},
		{"前条", "前条", Article, 1, Parts{}, "前条", true},
		{"前二十一款", "前二十一款", 0, 0, Parts{}, "", false},
		{"目前款项", "前款", 0, 0, Parts{}, "", false},
		{"前述", "前述", 0, 0, Parts{}, "", false},
		{"本条第二款", "本条", Article, 0, Parts{Para: 2}, "本条第二款", true},
		{"本款", "本款", Paragraph, 0, Parts{}, "本款", true},
		{"本条例", "本条", 0, 0, Parts{}, "", false},
		{"基本条件", "本条", 0, 0, Parts{}, "", false},
		{"違反本條例第三條第一款第（一）項", "第三條", Article, 0, Parts{Article: 3, Para: 1, Item: 1}, "第三條第一款第（一）項", true},
		{"前條第二款", "前條", Article, 1, Parts{Para: 2}, "前條第二款", true},
		{"前兩款", "前兩款", Paragraph, 2, Parts{}, "前兩款", true},
		{"本條第二款", "本條", Article, 0, Parts{Para: 2}, "本條第二款", true},
		{"本條例", "本條", 0, 0, Parts{}, "", false},
		{"目前款項", "前款", 0, 0, Parts{}, "", false},
		{"基本條件", "本條", 0, 0, Parts{}, "", false},
	}
	for _, tt := range tests {
		r, ok := refAt(tt.in, tt.at)
		i := strings.Index(tt.in, tt.at)
		if ok != tt.ok || ok && (r.Unit != tt.unit || r.Back != tt.back || r.P != tt.p || tt.in[i:r.End] != tt.text) {
			t.Errorf("ref of %q at %q = %+v, %v; want %v back %d %+v %q, %v", tt.in, tt.at, r, ok, tt.unit, tt.back, tt.p, tt.text, tt.ok)
		}
	}
}

func TestJoinsOf(t *testing.T) {
	tests := []struct {
		between       string
		join, through bool
	}{
		{"至", true, true}, {"到", true, true}, {"～", true, true}, {"~", true, true}, {"—", true, true}, {"-", true, true},
		{"、", true, false}, {"和", true, false}, {"或者", true, false}, {"的", true, false},
		{"规定", false, false}, {"", false, false}, {"至第", false, false},
	}
	for _, tt := range tests {
		if j, r := JoinsOf(tt.between); j != tt.join || r != tt.through {
			t.Errorf("JoinsOf(%q) = %v %v, want %v %v", tt.between, j, r, tt.join, tt.through)
		}
	}
}

// TestDisagreements pins the lines the stages used to read differently,
// with the answer for each use: as the start of a line and as text.
func TestDisagreements(t *testing.T) {
	tests := []struct {
		in      string
		opens   bool     // ArticleLine
		refs    []string // the references the text holds, in order
		through bool     // the first two make a range
	}{
		{"第五条前款规定的情形", false, []string{"第五条", "前款"}, false},
		{"第五条修改为：", false, []string{"第五条"}, false},
		{"第五条～第七条", false, []string{"第五条", "第七条"}, true},
		{"第五条至第七条", false, []string{"第五条", "第七条"}, true},
		{"第五条、第七条", false, []string{"第五条", "第七条"}, false},
	}
	for _, tt := range tests {
		if _, ok := ArticleLine(tt.in); ok != tt.opens {
			t.Errorf("ArticleLine(%q) ok = %v, want %v", tt.in, ok, tt.opens)
		}
		var got []string
		var ends []int
		for i := 0; i < len(tt.in); {
			r, ok := ChainAt(tt.in, i)
			if !ok {
				r, ok = PreviousAt(tt.in, i)
			}
			if ok {
				got, ends = append(got, tt.in[i:r.End]), append(ends, r.End)
				i = r.End
				continue
			}
			i += len(string([]rune(tt.in[i:])[0]))
		}
		if strings.Join(got, "|") != strings.Join(tt.refs, "|") {
			t.Errorf("references of %q = %q, want %q", tt.in, got, tt.refs)
			continue
		}
		if len(got) < 2 {
			continue
		}
		between := tt.in[ends[0] : ends[0]+strings.Index(tt.in[ends[0]:], got[1])]
		if _, through := JoinsOf(between); through != tt.through {
			t.Errorf("JoinsOf(%q) in %q: range %v, want %v", between, tt.in, through, tt.through)
		}
	}
}

func TestArticleText(t *testing.T) {
	for _, tt := range []struct {
		n, sfx int
		want   string
	}{{5, 0, "第五条"}, {103, 1, "第一百零三条之一"}, {1260, 0, "第一千二百六十条"}} {
		if got := ArticleText(tt.n, tt.sfx); got != tt.want {
			t.Errorf("ArticleText(%d, %d) = %q, want %q", tt.n, tt.sfx, got, tt.want)
		}
		if l, ok := Read(ArticleText(tt.n, tt.sfx)); !ok || l.N != tt.n || l.Suffix != tt.sfx {
			t.Errorf("Read(ArticleText(%d, %d)) = %+v, %v", tt.n, tt.sfx, l, ok)
		}
	}
}

func TestText(t *testing.T) {
	for _, tt := range []struct {
		u    Unit
		n    int
		want string
	}{
		{Book, 2, "第二编"}, {SubBook, 1, "第一分编"}, {Chapter, 12, "第十二章"}, {Section, 3, "第三节"},
		{Article, 103, "第一百零三条"}, {Paragraph, 2, "第二款"}, {Item, 3, "第（三）项"}, {Subitem, 1, "第1目"},
	} {
		got := Text(tt.u, tt.n)
		if got != tt.want {
			t.Errorf("Text(%v, %d) = %q, want %q", tt.u, tt.n, got, tt.want)
		}
		if l, ok := Read(got); !ok || l.Unit != tt.u || l.N != tt.n || l.End != len(got) {
			t.Errorf("Read(Text(%v, %d)) = %+v, %v", tt.u, tt.n, l, ok)
		}
	}
	for _, tt := range []struct {
		n, sfx int
		want   string
	}{{5, 0, "第5条"}, {103, 1, "第103条之一"}} {
		got := ArticleDigits(tt.n, tt.sfx)
		if got != tt.want {
			t.Errorf("ArticleDigits(%d, %d) = %q, want %q", tt.n, tt.sfx, got, tt.want)
		}
		if l, ok := Read(got); !ok || l.N != tt.n || l.Suffix != tt.sfx {
			t.Errorf("Read(ArticleDigits(%d, %d)) = %+v, %v", tt.n, tt.sfx, l, ok)
		}
	}
}

func TestNames(t *testing.T) {
	for s, want := range map[string]bool{
		"相应改为第八节": true, "依照第五条": true, "第一审普通程序": false, "中介合同": false, "第三款": false,
	} {
		if got := Names(s); got != want {
			t.Errorf("Names(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestReadSpacedItem reads digits and a space as the label 1. they stand
// for, and refuses what only starts like one.
func TestReadSpacedItem(t *testing.T) {
	tests := []struct {
		in    string
		ok    bool
		n     int
		label string
		rest  string
	}{
		{"1\u3000物证：指某物。", true, 1, "1.", "物证：指某物。"},
		{"12 其他", true, 12, "12.", "其他"},
		{"1物证", false, 0, "", ""},
		{"1. 物证", false, 0, "", ""},
		{"2020 年", false, 0, "", ""}, // a year: four digits are no label
		{"1 2", false, 0, "", ""},
		{"3 ", false, 0, "", ""},
	}
	for _, tt := range tests {
		got, ok := ReadSpacedItem(tt.in)
		if ok != tt.ok || ok && (got.Kind != DigitItem || got.N != tt.n || got.Label != tt.label || got.Rest != tt.rest) {
			t.Errorf("ReadSpacedItem(%q) = %+v, %v; want %d %q %q, %v", tt.in, got, ok, tt.n, tt.label, tt.rest, tt.ok)
		}
	}
}
