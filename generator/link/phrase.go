package link

import (
	"slices"
	"strings"

	"tiaoli/generator/regulation"
)

// The phrase a bracket abbreviates when the clause before it is a whole
// sentence: 县级以上人民政府应当向承包方颁发A或者B（以下统称A） abbreviates
// "A或者B", not the clause.

// clauseVerbs end the subject and predicate of a clause wherever they
// are: modal verbs, 所称, 适用于, 会同, 是, 包括 (X包括A（以下简称Y）: Y is
// A). What follows the last of them is read as the phrase.
var clauseVerbs = slices.Concat(definingWords, modals, []string{"适用于", "会同", "是指", "是", includeVerb})

// includeVerb opens, with 在内 after it, a phrase that qualifies a noun
// (包括某类人员在内的人员): there it is no predicate.
const includeVerb = "包括"

// prohibitions end the predicate as clauseVerbs do (不得歧视…, 禁止擅自
// 占用…), except after a word that joins members of a list, where they
// qualify a member (…的基金会和不得面向公众募捐的基金会).
var prohibitions = []string{"不得", "禁止", "严禁"}

// objectVerbs take the named thing as their object (颁发A, 配备B, 编写C,
// 法律赋予D（以下简称…）的职责: D is who is given it), and
// so do furtherVerbs. They end the predicate only where no 的 follows
// them: in 从事培训业务的机构 the verb is part of the phrase.
var objectVerbs = slices.Concat([]string{
	"颁发", "核发", "配备", "配置", "选举产生", "提倡", "投保", "举办", "通知", "加强", "完善",
	"健全", "规范", "建立", "成立", "编制", "发挥", "签订", "聘用",
	"推动", "开展", "坚持", "聚焦", "歧视", violateVerb, "占用", "领取", "承包", "移送", "制作并发放", "发放",
	"安装", "检查", "接收", "赋予", "编写",
}, furtherVerbs)

// objectDeterminers qualify the object of a verb with a 的 of their own
// (编写相应的某某篇章): that 的 opens no clause, and the verb still takes
// what follows as its object.
var objectDeterminers = []string{"相应的"}

// withoutDeterminer is s without one of objectDeterminers that starts it.
func withoutDeterminer(s string) string {
	for _, d := range objectDeterminers {
		if rest, ok := strings.CutPrefix(s, d); ok {
			return rest
		}
	}
	return s
}

// startVerbs end the predicate only where they start what is left of the
// clause and no 的 follows them (结合上海市人民代表大会常务委员会, 依法履行…,
// 为了保护某某设计, 上缴某某金库;
// requestVerb, one of submitVerbs, too):
// inside a phrase they are part of a name (医疗保障服务协议), and before a
// 的 of their own (通过公开募集方式设立的基金, 履行…职责的部门) too.
var startVerbs = []string{
	"结合", "保障", "保证", "做好", "通过", "属于", "设立", "改变或者撤销", "撤销",
	"使用", "建设", "实行", "实施", "指导", "履行", "依托",
	"利用", "采用", "符合", "维护", "推进", "填写", "作为", "列入", "授予", "设置", "征求", "提请", requestVerb, "报告",
	"保护", "配齐", "上缴", "减少", "密切联系", "服务保障", "贯彻", "强化", "防治", "落实", "减轻",
}

// engageVerb is trimmed as startVerbs are, where no 的 follows it (从事某类
// 活动（以下统称X）), but is no verb pivotObject looks for: after a pivot
// verb it opens the clause that qualifies the doer (组织从事某种服务的机构指导…).
const engageVerb = "从事"

// overseeingVerbs oversee or manage what they govern (监督某某专项资金（以下
// 简称资金）的使用). Before a noun they as often start its name (管理信息系统,
// 监督管理委员会): they are trimmed only where a 的 right after the bracket
// makes what it names the object of another word (overseenObject).
var overseeingVerbs = []string{"监督", "管理"}

// overseenObject is what phrase names without one of overseeingVerbs that
// starts it, and reports whether one did: where a 的 follows the bracket
// (goesOn), or where what follows the verb is no compound it could start: a
// list (管理A公司、企业和其他组织) or a name that opens with a place (监督某某市
// 某某中心, placeName). Not before a 的 of the phrase itself, nor before a
// head noun.
func overseenObject(phrase string, goesOn sequel) (string, bool) {
	for _, v := range overseeingVerbs {
		rest, ok := strings.CutPrefix(phrase, v)
		if ok && rest != "" && topLevelIndexAny(rest, "的") < 0 && !startsWithAny(rest, headNouns) &&
			(goesOn == sequelDe || topLevelIndexAny(rest, "、和及或") >= 0 || placeName(rest)) {
			return rest, true
		}
	}
	return phrase, false
}

// placeName reports whether s opens with the name of a place: up to three
// characters and a mark of a province, city or county (某某市, 本省), not 市场
// or 市民.
func placeName(s string) bool {
	for i, r := range []rune(s) {
		if i > 3 || !isHan(r) {
			return false
		}
		if i > 0 && strings.ContainsRune("省市县", r) {
			next := []rune(s)[i+1:]
			return len(next) > 0 && !strings.ContainsRune("场民", next[0])
		}
	}
	return false
}

// governingVerbs take a party or a thing furthered as their object and
// never open a clause that qualifies a name: where they start the phrase
// they go, 的 or not (鼓励台湾的公司、企业和个人, 领导并支持本机关负责法制工作的
// 机构: 领导, then 支持 joined to it by 并, 促进所有行使公权力的公职人员), unless the 的 follows them at once
// (国家鼓励的产业), nor where a head noun follows them that they make a
// name with (领导人员). A verb they govern goes too (鼓励建立…), and so
// does another of them joined to them (鼓励和支持, 鼓励、支持).
var governingVerbs = slices.Concat(furtherVerbs, []string{"领导", "促进"})

// furtherVerbs further a party or a thing (鼓励A, 支持B): governingVerbs
// that also end a predicate as objectVerbs do.
var furtherVerbs = []string{"鼓励", "支持"}

// verbJoiners join two governingVerbs (鼓励和支持, 领导并支持).
var verbJoiners = []string{"和", "并", "、"}

// establishVerb is one of startVerbs that also ends the predicate inside
// the clause, as objectVerbs do, where no 的 follows it (某市人民政府设立某某管理
// 委员会): before a 的 it qualifies the name (经批准设立的某某试验区).
const establishVerb = "设立"

// establishmentActs are what is done on setting something up: right after
// establishVerb they make it qualify a name (某某市企业设立登记服务中心,
// 某某省设立许可审查中心), where it is no predicate.
var establishmentActs = []string{"登记", "许可", "审批", "核准", "备案", "申请"}

// choosingVerbs choose or set out what a term names (确定负责信访工作的机构,
// 划定城市绿地的控制线): where they start what is left of the clause they
// end the predicate, 的 or not, as objectVerbs do.
var choosingVerbs = []string{"确定", "明确", "制定或者调整", "制定和实施", "制定", "划定", "调整", "决定", "选择"}

// modalInObject reports whether the clause verb at i of clause is a modal
// right after one of choosingVerbs (制定、调整必须实施某种检验的商品目录): it
// is part of the clause that qualifies their object, not the predicate.
func modalInObject(clause string, i int) bool {
	return startsWithAny(clause[i:], modals) && regulation.EndsWithAny(clause[:i], choosingVerbs)
}

// placeNouns end a place (行为发生地以外的地方).
var placeNouns = []string{"地方", "地区", "区域", "场所", "地点", "海域", "水域", "空域", "境内", "境外"}

// placeOwners end the place a party acts in after 在 (placeAfterParty): a
// place noun, the name of a place (其他省、自治区和直辖市, 某某三角洲: one of
// regulation.LevelMarks, or 洲), or a body or an office that is there (某某互换局,
// 某某处).
var placeOwners = slices.Concat(placeNouns, strings.Split(regulation.LevelMarks, ""), []string{"洲"}, bodyNouns, []string{"处"})

// placeAfterParty returns where 在 at i of clause ends when it follows
// the name of a party (partyHeads: 某某机关在某某局, 某某单位在某地区) and
// opens the place where that party acts, to the end of the clause, or -1:
// the place is what a bracket after the clause names. An adverbial of
// time (在…内, 在…期间) is no place, nor what the party does there
// (在本市从事某类业务): the place ends in one of placeOwners, and holds no
// 的 unless a place noun ends it; 某某部门在本市设立的某某机构 names what is
// set up there.
func placeAfterParty(clause string, i int) int {
	rest, ok := strings.CutPrefix(clause[i:], "在")
	if !ok || !regulation.EndsWithAny(clause[:i], partyHeads) || withoutAdverbial(clause[i:]) != clause[i:] {
		return -1 // 经营者在一定时期内就…: a time, not a place
	}
	owners := placeOwners
	if topLevelIndexAny(rest, "的") >= 0 {
		owners = placeNouns
	}
	if !regulation.EndsWithAny(afterLastDe(rest), owners) {
		return -1 // 经营者在本市从事零售业务: what it does there
	}
	return i + len("在")
}

// opensPlaceClause reports whether the object s of a verb starts with 在 and
// a place that the verb of a clause qualifying a name comes after, before
// that clause's 的 (在某国依法设立的旅行社): 在 stays with it.
func opensPlaceClause(s string) bool {
	rest, ok := strings.CutPrefix(s, "在")
	return ok && !startsWord("在", rest) && topLevelIndexAny(rest, "的") >= 0 && withoutAdverbial(s) == s
}

// basisRule ends the basis a basis preposition names when it is no law's
// name (按照有关规定, 依照某某法和本办法的规定, 按规定): a bare 规定 says how the
// predicate's act is done, and the predicate follows it.
const basisRule = "规定"

// basisWords open such a basis: basisPrepositions and 按 (按规定).
var basisWords = slices.Concat(basisPrepositions, []string{"按"})

// basisVerbs are the verbs a basis may come before: those the lists above
// know, 提交, and the prepositions 向 and 到, which take the party or the
// place after them.
var basisVerbs = slices.Concat(objectTakingVerbs, submitVerbs, []string{"提交", "向", "到"})

// basisEnd returns where the predicate that a basis at i of clause comes
// before ends (某单位应当按照有关规定同步建设某某设施, 应当依照某法和本办法的
// 规定到某某机构进行检查, 本市按照国家规定实行A和B), or -1: the basis ends in
// basisRule within twelve characters, with no 的 but one right before it,
// something comes before it in the clause (a party, a modal), and no 的, list
// joiner or 以外 follows it (按照规定的程序, 本条例规定以及…, 前款规定以外):
// then the adverbs and one of basisVerbs after it go too, unless a 的
// follows that verb within two characters (按照规定设立的某某机构 qualifies a name).
// A basis that opens a clause qualifying a name (opensBasis) is none.
func basisEnd(clause string, i int) int {
	if i == 0 || strings.ContainsRune("和或及与、", lastRune(clause[:i])) {
		return -1 // 某某房屋及按规定由某部门管理的房屋: a member of a list
	}
	for _, w := range basisWords {
		rest, ok := strings.CutPrefix(clause[i:], w)
		if !ok || opensBasis(w, rest) {
			continue
		}
		j := strings.Index(rest, basisRule)
		if j < 0 || runeCount(rest[:j]) > 12 || strings.ContainsAny(strings.TrimSuffix(rest[:j], "的"), "的，,：:") {
			return -1
		}
		after := rest[j+len(basisRule):]
		if !isHan(firstRune(after)) || firstRune(after) == '的' || cutJoiner(after) != after ||
			startsWithAny(after, exceptionEnds) {
			return -1
		}
		end := len(clause) - len(after)
		act := after
		for _, a := range basisAdverbs {
			act = strings.TrimPrefix(act, a)
		}
		for _, a := range leadAdverbs {
			act = strings.TrimPrefix(act, a)
		}
		for _, v := range basisVerbs {
			if object, ok := strings.CutPrefix(act, v); ok {
				if de := topLevelIndexAny(object, "的"); de >= 0 && runeCount(object[:de]) <= 2 {
					return -1
				}
				return len(clause) - len(object)
			}
		}
		if topLevelIndexAny(after, "的") >= 0 {
			return -1 // 按照规定参加某种保险的单位: the basis qualifies a name
		}
		return end
	}
	return -1
}

// basisAdverbs may come between a basis and the verb it qualifies, with
// leadAdverbs (按照规定同步建设).
var basisAdverbs = []string{"同步", "统一", "如实", "定期"}

// modalAfterChoice returns where one of choosingVerbs at i of clause ends
// when a modal follows it (modalInObject): the predicate ends there, or -1.
func modalAfterChoice(clause string, i int) int {
	for _, v := range choosingVerbs {
		if strings.HasPrefix(clause[i:], v) && modalInObject(clause, i+len(v)) {
			return i + len(v)
		}
	}
	return -1
}

// pivotVerbs take a doer, a preposition or an adverb before the verb whose
// object is named (组织有关部门编制X, 负责与X联系, 参与共同决定X).
var pivotVerbs = []string{chargeVerb, "组织", "参与"}

// chargeVerb is the predicate of a body put in charge of something
// wherever it stands (某部门负责组织编制X), unless it qualifies a head noun
// after a 的 (负责信访工作的机构) or starts one (负责人).
const chargeVerb = "负责"

// pivotObject is what s names when it starts with one of pivotVerbs: the
// object of the next verb the lists above know (组织有关部门编制X → X), else
// what follows the pivot verb (负责与X → X). It reports false when s
// does not start with one, or when what follows it only qualifies the head
// noun that ends s (负责信访工作的机构: the verb is part of the phrase).
func pivotObject(s string) (string, bool) {
	for _, v := range pivotVerbs {
		rest, ok := strings.CutPrefix(s, v)
		if !ok {
			continue
		}
		if qualifiesHead(rest) {
			return s, false
		}
		verbs := slices.Concat(objectVerbs, startVerbs, choosingVerbs)
		if i := topLevelIndex(rest, func(i int) bool { return startsWithAny(rest[i:], verbs) }); i >= 0 {
			rest = rest[i:]
			for _, w := range verbs {
				if strings.HasPrefix(rest, w) {
					return leadTrimmed(rest[len(w):]), true
				}
			}
		}
		return leadTrimmed(rest), true
	}
	return s, false
}

// headAfterDe reports whether a 的 of s is followed by a head noun
// (负责某项工作的部门命名为…): 负责 then qualifies that noun, even where
// the clause goes on.
func headAfterDe(s string) bool {
	for rest := s; ; {
		de := strings.Index(rest, "的")
		if de < 0 {
			return false
		}
		rest = rest[de+len("的"):]
		if startsWithAny(rest, headNouns) {
			return true
		}
	}
}

// qualifiesHead reports whether s reads …的 and a head noun at its end
// (信访工作的机构): a clause that qualifies the head.
func qualifiesHead(s string) bool {
	de := strings.LastIndex(s, "的")
	if de < 0 {
		return false
	}
	after := s[de+len("的"):]
	for _, h := range headNouns {
		if strings.HasSuffix(after, h) {
			return true
		}
	}
	return false
}

// leadAdverbs come between a modal verb and what follows it (应当及时向…),
// or before a verb that starts the phrase (更好履行…, 自觉履行…, 深入实施…).
var leadAdverbs = []string{"进一步", "及时", "依法", "积极", "充分", "切实", "擅自", "更好", "自觉", "深入"}

// namedPhrase is the tail of clause that term stands for: after the last
// verb that ends the clause's predicate, without a leading preposition
// or verb. A tail keeps every character of term the clause has in order
// (保税港区 of 青岛前湾保税港区) and at least three characters; else the
// clause is kept whole. goesOn tells what may follow the bracket after
// clause (partyEnd).
func namedPhrase(clause, term string, goesOn sequel) string {
	keeps := func(tail string) bool { return keepsTerm(clause, term, tail) }
	phrase := clause
	depth := 0
	for i, r := range clause {
		switch {
		case isOpen(r) || r == '《':
			depth++
		case isClose(r) || r == '》':
			depth--
		case depth == 0:
			end := predicateEnd(clause, i)
			if end < 0 && subsequence(term, clause) {
				// what the preposition 对 governs is what an abbreviation
				// names (中国共产党对保守国家秘密（以下简称保密）工作的领导),
				// and so is the doer after 由 or the addressee after 向
				end = prepositionEnd(clause, i)
				if goesOn == sequelClause || goesOn == sequelWord {
					end = max(end, partyEnd(clause, i, goesOn == sequelClause))
				}
			}
			if end > i {
				// without a time or place adverbial that starts it where the
				// rest keeps the term's characters (可以在期限内申请…)
				tails := []string{leadTrimmed(withoutAdverbial(clause[end:])), leadTrimmed(clause[end:])}
				if opensPlaceClause(clause[end:]) && regulation.EndsWithAny(clause[:end], objectVerbs) {
					tails = []string{clause[end:]} // 接收在某地服刑的某类人员: 在 opens what qualifies them
				}
				for _, tail := range tails {
					if keeps(tail) {
						phrase = tail
						break
					}
				}
			}
		}
	}
	if object, ok := pivotObject(leadTrimmed(phrase)); ok && keeps(object) {
		return object
	}
	if namesDefined(clause, phrase) {
		return phrase // 所称的维护社会治安见义勇为: the name as the law prints it
	}
	if object, ok := overseenObject(phrase, goesOn); ok && keeps(object) {
		return object
	}
	v := trimObjectVerb(phrase)
	if lead := leadTrimmed(phrase); v == phrase && trimObjectVerb(lead) != lead {
		v = trimObjectVerb(lead) // an adverb before the verb: 依法履行…
	}
	if v != phrase {
		tail := leadTrimmed(v)
		if opensPlaceClause(v) {
			tail = v // 选择在某国依法设立的旅行社: 在 opens the clause that qualifies it
		}
		if keeps(tail) {
			phrase = tail
		}
	}
	return phrase
}

// definingWords, right before a phrase, say that the law names it there
// (本条例所称的维护社会治安见义勇为): a verb that starts it is part of the name.
var definingWords = []string{"所称的", "所称"}

// namesDefined reports whether phrase, a tail of clause, follows one of
// definingWords.
func namesDefined(clause, phrase string) bool {
	before := strings.TrimSuffix(clause, phrase)
	if len(before) == len(clause) {
		return false
	}
	for _, w := range definingWords {
		if strings.HasSuffix(strings.TrimSpace(before), w) {
			return true
		}
	}
	return false
}

// keepsTerm reports whether tail may stand for the whole of clause as
// what term names: it keeps every character of term the clause has in
// order and at least three characters, and starts no list or clause. The
// term printed whole in the clause before the tail (某某定价由…的企业（以下
// 简称某某）, 某某的主管部门是某某局（简称主管部门）) is no source of its
// characters: those it has only there need not be kept; the tail does not
// start inside it (颁发某某权证或者某某证（以下统称某某权证）).
func keepsTerm(clause, term, tail string) bool {
	return runeCount(tail) >= 3 && !isClauseBreak(firstRune(tail)) && firstRune(tail) != '、' &&
		(!subsequence(term, strings.ReplaceAll(clause, term, "")) && !cutsPrinted(clause, term, tail) || subsequence(term, tail))
}

// cutsPrinted reports whether tail, an ending of clause, starts inside an
// occurrence of term printed in clause.
func cutsPrinted(clause, term, tail string) bool {
	cut := len(clause) - len(tail)
	for from := 0; ; {
		i := strings.Index(clause[from:], term)
		if i < 0 {
			return false
		}
		at := from + i
		if at < cut && cut < at+len(term) {
			return true
		}
		from = at + len(term)
	}
}

// leadTrimmed is s without the adverbs and the preposition that start it
// (trimLead, which keeps a preposition whose character starts a word:
// 同级, 及时).
func leadTrimmed(s string) string {
	for _, a := range leadAdverbs {
		s = strings.TrimPrefix(s, a)
	}
	return trimLead(s)
}

// predicateEnd returns where a verb at i that ends the predicate of
// clause ends, or -1.
func predicateEnd(clause string, i int) int {
	if end := modalAfterChoice(clause, i); end > i {
		return end
	}
	if end := placeAfterParty(clause, i); end > i {
		return end
	}
	if end := basisEnd(clause, i); end > i {
		return end
	}
	for _, v := range clauseVerbs {
		if strings.HasPrefix(clause[i:], v) && !strings.HasSuffix(clause[:i], "不") && !modalInObject(clause, i) &&
			(v != includeVerb || !strings.Contains(clause[i:], "在内")) {
			return i + len(v)
		}
	}
	for _, v := range prohibitions {
		if strings.HasPrefix(clause[i:], v) && !strings.ContainsRune("和或及与、", lastRune(clause[:i])) {
			return i + len(v)
		}
	}
	if rest, ok := strings.CutPrefix(clause[i:], chargeVerb); ok && !qualifiesHead(rest) && !headAfterDe(rest) && !startsWithAny(rest, headNouns) {
		return i + len(chargeVerb) // 某部门负责组织编制X: 负责 is the predicate
	}
	for _, v := range objectVerbs {
		if takesObjectAt(clause, i, v) {
			rest := clause[i+len(v):]
			return len(clause) - len(withoutDeterminer(rest)) // 编写相应的X: X
		}
	}
	if takesObjectAt(clause, i, establishVerb) && !startsWithAny(clause[i+len(establishVerb):], establishmentActs) {
		return i + len(establishVerb)
	}
	return submitEnd(clause, i)
}

// submitVerbs send something up to an authority (报同级人民政府指定的部门备案,
// 报请国防科学技术工业委员会任命): before the authority's name they end the
// predicate, 的 or not, and the authority is what follows.
var submitVerbs = []string{requestVerb, "报送", "报"}

// requestVerb asks an authority to act (报请): one of submitVerbs and of
// startVerbs.
const requestVerb = "报请"

// submitEnd returns where one of submitVerbs at i of clause ends when an
// authority's name follows it (agentOpeners), or -1.
func submitEnd(clause string, i int) int {
	for _, v := range submitVerbs {
		if rest, ok := strings.CutPrefix(clause[i:], v); ok && startsWithAny(rest, agentOpeners) {
			return i + len(v)
		}
	}
	return -1
}

// takesObjectAt reports whether the verb v at i of clause takes what
// follows it as its object: no 的 follows it, or only that of a clause 在
// opens (接收在某地服刑的人员, opensPlaceClause), no head noun starts what
// follows (举办单位) and it is no noun of a list (listedNoun).
func takesObjectAt(clause string, i int, v string) bool {
	if !strings.HasPrefix(clause[i:], v) {
		return false
	}
	rest := clause[i+len(v):]
	if startsWithAny(rest, headNouns) || listedNoun(clause[:i], rest) {
		return false
	}
	return topLevelIndexAny(withoutDeterminer(rest), "的") < 0 || opensPlaceClause(rest)
}

// listedNoun reports whether a verb between before and rest is a noun, a
// member of a list of them, joined to the next: a 、 before it, a list
// joiner after it (说明书、安装及使用说明).
func listedNoun(before, rest string) bool {
	return strings.HasSuffix(before, "、") && cutJoiner(rest) != rest
}

// trimObjectVerb drops a verb that starts s (加强对…, 举办…由投资者投资的企业)
// unless a 的 follows it closely (签订合同的外国企业: the verb is part of the
// phrase) or it is 与…相适应 that follows; one of startVerbs only when no 的
// follows it at all.
func trimObjectVerb(s string) string {
	if rest, ok := cutGoverningVerb(s); ok {
		return trimObjectVerb(rest)
	}
	for _, v := range objectTakingVerbs {
		if !strings.HasPrefix(s, v) {
			continue
		}
		rest := s[len(v):]
		if namedByAuthority(rest) {
			return rest // 采用经国务院某某部门批准的…系统: the system it names
		}
		object := withoutDeterminer(rest)
		de := topLevelIndexAny(object, "的")
		if de >= 0 && (runeCount(object[:de]) <= 2 || slices.Contains(startVerbs, v) || v == engageVerb) ||
			strings.ContainsRune("与同", firstRune(rest)) && strings.Contains(rest, "相") ||
			startsWithAny(rest, headNouns) {
			return s
		}
		return joinedVerbTrimmed(object)
	}
	return s
}

// joinedVerbTrimmed is s, what follows a verb trimObjectVerb dropped,
// without a second verb that trimObjectVerb drops too: one joined to the
// first by verbJoiners (强化和落实A, 编制、公布B) or one of startVerbs right
// after it (贯彻实施C).
func joinedVerbTrimmed(s string) string {
	next, joined := s, false
	for _, j := range verbJoiners {
		if rest, ok := strings.CutPrefix(s, j); ok {
			next, joined = rest, true
		}
	}
	if !joined && !startsWithAny(s, startVerbs) {
		return s
	}
	if more := trimObjectVerb(next); more != next {
		return more
	}
	return s
}

// cutGoverningVerb is s without the governingVerbs that start it, one or
// several joined by verbJoiners (鼓励和支持), and reports whether there was
// one to cut: not before a 的 right after it, nor before a head noun.
func cutGoverningVerb(s string) (string, bool) {
	for _, v := range governingVerbs {
		rest, ok := strings.CutPrefix(s, v)
		if !ok || firstRune(rest) == '的' || startsWithAny(rest, headNouns) {
			continue
		}
		for _, j := range verbJoiners {
			if joined, ok := strings.CutPrefix(rest, j); ok {
				if more, ok := cutGoverningVerb(joined); ok {
					return more, true
				}
			}
		}
		return rest, true
	}
	return s, false
}

// approvalVerbs end the clause by which an authority qualifies a name
// (国务院确定的重点林区, 同级人民政府指定的部门, 省人民政府批准并公布实施的规划).
var approvalVerbs = []string{"批准", "确定", "指定", "认定", "认可", "公布实施", "公布", "规定", "授权", "核准", "划定", "派驻"}

// namedByAuthority reports whether s, what follows a verb, reads an
// authority's name (agentOpeners, after 经 or not) and one of approvalVerbs
// right before its first 的: the verb then takes the name that authority
// qualifies as its object (使用国务院确定的…, 采用经…批准的…), rather than
// opening a clause of its own that qualifies a name (通过公开募集方式设立的基金).
func namedByAuthority(s string) bool {
	body := strings.TrimPrefix(s, "经")
	if !startsWithAny(body, agentOpeners) {
		return false
	}
	de := topLevelIndexAny(body, "的")
	if de < 0 {
		return false
	}
	for _, v := range approvalVerbs {
		if strings.HasSuffix(body[:de], v) {
			return true
		}
	}
	return false
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// partyPrepositions name the doer (由, 经: by whose act) or the addressee
// (向) of what the clause says; the characters around them that make them
// part of a word instead (自由, 理由, 由于; 方向, 面向, 向导; 已经, and after it
// jingOpensAgent: 经营).
var partyPrepositions = []struct {
	word          string
	before, after string
}{
	{"由", "自理经缘事因来", "于此"},
	{"向", "方导趋意走动倾面偏一转指去志", "导往"},
	{"经", "已曾神财途必行月圣取正佛", ""}, // and jingOpensAgent
}

// partyEnd returns where a preposition of partyPrepositions at i ends when
// what follows it, to the end of clause, names one party alone. The
// caller asks it only where a predicate may follow the bracket after the
// clause (由某某局（以下简称X）归口管理), or, for a list of parties after 由
// alone (listOnly), where a comma goes on with the sentence (由A、B和C（以下
// 简称X），对…): a preposition governs a party of
// an act, and where the bracket ends the sentence or a 的 follows it,
// 由 or 向 is part of the name (某某外向型经济示范区（以下简称X）的建设).
// Inside the clause it wants no 的 that
// would make it open a clause qualifying a noun (由外国投资者投资的企业), and
// no list (向某人或某单位赠送礼品、礼金: what follows the party there may be
// what is named), unless it names one body that acts (namesOneParty). It
// returns -1 otherwise.
func partyEnd(clause string, i int, listOnly bool) int {
	for _, p := range partyPrepositions {
		rest, ok := strings.CutPrefix(clause[i:], p.word)
		if ok && !strings.ContainsRune(p.before, lastRune(clause[:i])) && !strings.ContainsRune(p.after, firstRune(rest)) &&
			(p.word != "经" || jingOpensAgent(clause[:i], rest)) &&
			(namesOneParty(rest) && !listOnly || p.word == agentBy && listsParties(rest)) {
			return i + len(p.word)
		}
	}
	return -1
}

// namesOneParty reports whether what follows a party preposition names one
// party: no 的 and no list, or the name of one body that acts, which may
// qualify it with a 的 and a 、 of its own (由户籍所在地的区、县人民政府某某部门（以下简称X）确认,
// 由某部所属的某某机构（以下称X）征收): the preposition then wants it as the
// doer, not a clause that qualifies a noun (由外国投资者投资的企业).
func namesOneParty(rest string) bool {
	if topLevelIndexAny(rest, "的、或和及") < 0 {
		return true
	}
	for _, h := range bodyNouns {
		if strings.HasSuffix(rest, h) {
			return topLevelIndexAny(rest, "或和及") < 0
		}
	}
	return false
}

// agentBy is the party preposition that names who does what the clause
// says: after it a list may name the doers together (listsParties).
const agentBy = "由"

// partyNouns end the name of a party that may act: a body or a person
// (partyHeads), an enterprise, an organisation, a society.
var partyNouns = slices.Concat(partyHeads, []string{"企业", "组织", "团体", "户", "会", "院"})

// listsParties reports whether s is a list of two or more parties, each
// ending in one of partyNouns (由国家机关、国有企业…、社会团体（以下统称单位）缴存),
// where s has a 的 of its own the heads after the last one (由同级…学科的学会、
// 协会、研究会（以下简称学会）和…组成: the 、 before that 的 join what
// qualifies them): after 由 they are the doers together, and the list is
// what a bracket after it names. A member that ends otherwise (由A和B共同出资设立的公司,
// 由A费、B费) makes it none.
func listsParties(s string) bool {
	s = afterLastDe(s)
	members := 0
	for s != "" {
		i := topLevelIndex(s, func(i int) bool { return cutJoiner(s[i:]) != s[i:] })
		member := s
		if i >= 0 {
			member = s[:i]
		}
		if !slices.ContainsFunc(partyNouns, func(n string) bool { return strings.HasSuffix(member, n) }) {
			return false
		}
		members++
		if i < 0 {
			break
		}
		s = cutJoiner(s[i:])
	}
	return members >= 2
}

// afterLastDe is what follows the last 的 of s outside brackets, or s.
func afterLastDe(s string) string {
	for {
		de := topLevelIndexAny(s, "的")
		if de < 0 {
			return s
		}
		s = s[de+len("的"):]
	}
}

// prepositionEnd returns where the preposition 对 or 对于 at i ends, or -1
// when 对 is part of a word there (对外, 对象, 针对, 相对, 反对 …) or opens a
// clause that qualifies a noun after it (区域内对环境有影响的建设项目, 负责对船舶
// 实施检查的机关, 其他对…实施监督管理的部门, 等依法对…的部门, a list's 和对…的机关).
func prepositionEnd(clause string, i int) int {
	if end := aboutEnd(clause, i); end > i {
		return end
	}
	rest, ok := strings.CutPrefix(clause[i:], "对")
	before := strings.TrimSuffix(clause[:i], "依法")
	if !ok || strings.ContainsRune("针相绝反应面核比校作敌、和及或他等内责", lastRune(before)) ||
		strings.ContainsRune("外象口应等称方手照待比接话立抗策", firstRune(rest)) {
		return -1
	}
	if strings.HasPrefix(rest, "于") {
		return i + len("对于")
	}
	return i + len("对")
}

// aboutPreposition names what an act concerns (经营者在一定时期内就某种商品
// （以下统称X）进行竞争): after a party (partyHeads) or a time adverbial
// (aboutAfter), with no 的 after it in the clause, it is a preposition and
// what it governs is what a bracket names; before a 的 it opens the clause
// that qualifies a name (同某人就某事开展的谈话), elsewhere it is an adverb
// (就应当) or starts a word (就业, 就近).
const aboutPreposition = "就"

// aboutAfter are the ends of a time adverbial before aboutPreposition.
var aboutAfter = []string{"内", "期间", "时", "前", "后"}

// aboutEnd returns where aboutPreposition at i of clause ends when it is a
// preposition there, or -1.
func aboutEnd(clause string, i int) int {
	rest, ok := strings.CutPrefix(clause[i:], aboutPreposition)
	if !ok || !isHan(firstRune(rest)) || strings.ContainsRune("业医诊近地学读是要会可应此算能得位职绪餐座任", firstRune(rest)) ||
		!regulation.EndsWithAny(clause[:i], slices.Concat(partyHeads, aboutAfter)) || topLevelIndexAny(rest, "的") >= 0 {
		return -1 // 同某人就某事开展的谈话: the clause that qualifies a name
	}
	return i + len(aboutPreposition)
}

// adverbials are the time and place adverbials that may come between a
// predicate verb and what a phrase names: 在 or 于 up to a place or a time
// (在决定载明的期限内, 于发布前), 自 up to the day it starts from (自收到决定之日起).
// 中 and 时 are no closers: they start words too (中国, 时限); nor is 起
// without a date before it (起讫).
var adverbials = []struct {
	opener  string
	closers []string
}{
	{"在", []string{"期间", "以内", "之内", "以前", "之前", "以后", "之后", "内", "前", "后"}},
	{"于", []string{"以前", "之前", "以后", "之后", "前", "后"}},
	{"自", []string{"之日起", "日起", "月起", "年起"}},
}

// durationDigits start a duration after an adverbial (收到材料后五个工作日内,
// 之日起十五日内), which ends at the next 内.
const durationDigits = "0123456789０１２３４５６７８９一二三四五六七八九十百两半"

// withoutAdverbial is s without a time or place adverbial that starts it,
// after a modal verb if any (可以在决定载明的期限内申请… → 申请…), when no 的
// follows the adverbial: before a 的 it belongs to the clause that
// qualifies the name (在本市行政区域内从事…的单位) and stays. Else s is
// returned as it is.
func withoutAdverbial(s string) string {
	t := trimQuantifier(strings.TrimSpace(s))
	for _, a := range leadAdverbs {
		t = strings.TrimPrefix(t, a)
	}
	for _, m := range leadModals {
		t = strings.TrimPrefix(t, m)
	}
	for _, a := range leadAdverbs {
		t = strings.TrimPrefix(t, a)
	}
	if rest, ok := afterBareArea(t); ok && topLevelIndexAny(rest, "的") < 0 && startsWithAny(rest, objectTakingVerbs) {
		return rest // 本市行政区域内从事…: the area without 在
	}
	for _, a := range adverbials {
		rest, ok := strings.CutPrefix(t, a.opener)
		if !ok {
			continue
		}
		rest, ok = afterFirst(rest, a.closers)
		if !ok {
			return s
		}
		if strings.ContainsRune(durationDigits, firstRune(rest)) {
			if r, ok := afterFirst(rest, []string{"内"}); ok && runeCount(rest)-runeCount(r) <= 6 {
				rest = r
			}
		}
		if topLevelIndexAny(rest, "的") >= 0 {
			return s
		}
		return rest
	}
	return s
}

// objectTakingVerbs are all the verbs the lists above know to take an
// object: trimObjectVerb drops one that starts a name, and an area after
// one is an adverbial, not part of the name it comes before
// (本市行政区域内某类学校). No choosing verb starts with a start verb, so
// their order does not matter.
var objectTakingVerbs = slices.Concat(objectVerbs, startVerbs, choosingVerbs, []string{engageVerb})

// areaEnds end an area printed as an adverbial without 在 before it (本市行政区域内).
var areaEnds = []string{"行政区域内", "辖区内"}

// afterBareArea is what follows an area that starts s with no 在 before it:
// up to eight Han characters and no 的 before one of areaEnds.
func afterBareArea(s string) (string, bool) {
	for _, e := range areaEnds {
		i := strings.Index(s, e)
		if i > 0 && runeCount(s[:i]) <= 8 && allHan(s[:i]) && !strings.Contains(s[:i], "的") {
			return s[i+len(e):], true
		}
	}
	return s, false
}

// afterFirst is what follows the first of words in s after its first
// character, outside brackets, and whether there is one: an adverbial
// holds something before its closer (在前述区域内 closes at 内, not at 前).
func afterFirst(s string, words []string) (string, bool) {
	i := topLevelIndex(s, func(i int) bool { return i > 0 && startsWithAny(s[i:], words) })
	if i < 0 {
		return s, false
	}
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return s[i+len(w):], true
		}
	}
	return s, false
}
