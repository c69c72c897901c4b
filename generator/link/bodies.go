package link

import (
	"slices"
	"strings"
)

// bodyNouns end the name of a body that acts: 某某主管部门, 某某管理机构,
// 监察机关, 某某委员会, 某市人民政府, 某某局, 某某办公室. They are the one list
// of such words: the head nouns that end a phrase (headNouns), the party a
// preposition names (namesOneParty) and the parties a list names
// (partyNouns) read them; so do the fields of oversight of bodyHeads, but
// not its institutionEnds.
var bodyNouns = []string{"部门", "机构", "机关", "委员会", "政府", "局", "办公室"}

// headNouns end a phrase, never start one: in 举办单位 the verb is part
// of the name (规范性文件 neither): the parties (partyHeads) and the things
// (thingHeads) a clause may qualify.
var headNouns = slices.Concat(partyHeads, thingHeads)

// partyHeads are the headNouns that name a party that may act: a unit, a
// person, a side, a body (bodyNouns).
var partyHeads = slices.Concat([]string{"单位", "人", "者", "方"}, bodyNouns)

// thingHeads are the headNouns that name a thing: a fee, a facility, a
// quality.
var thingHeads = []string{"费", "设施", "性"}

// bodyHeads end the name of an authority or an institution that a term
// before them names only the field of: the 保险 a law defines is not what
// 保险监督管理机构 means, nor 文物 its 行政部门 (or 行政主管部门, 行政管理部门),
// nor 档案 (the records) the 档案馆 (the archive), nor 食品 the
// 食品行业协会 (an association of the trade). Each is a field of oversight before one of
// bodyNouns, or one of institutionEnds. Heads that also follow the thing a
// body manages are left out: 企业主管部门 is that 企业's department, 企业行政机构
// its offices, 公园管理机构 that park's. A term that is itself such a body
// keeps its links (博物馆 before 馆舍).
var bodyHeads = slices.Concat([]string{"监督管理机构", "监督管理部门", "监督管理机关", "行政部门", "行政主管部门", "行政管理部门"}, institutionEnds)

// institutionEnds end the name of an institution named after its field
// (档案馆, 某某行业协会: the trade, not the thing a law defines; 某某基金会:
// the cause it funds, unless foundationKinds). A 协会 or 联合会 may be named after its members
// instead (律师协会, 残疾人联合会), where the term means what it defines, and
// 学会 is a verb as often (学会使用): those are left out.
var institutionEnds = []string{"馆", "行业协会", "基金会"}

// foundation is the one of institutionEnds that a kind of foundation may
// precede instead of its cause (foundationKinds).
const foundation = "基金会"

// foundationKinds say where a foundation is or how it raises money (境外基金会,
// 公募基金会, 非公募基金会): a term that ends with one qualifies the
// foundation and is used there, as it defines.
var foundationKinds = []string{"境外", "境内", "公募"}

// qualifiesFoundation reports whether term, before head, is one of
// foundationKinds before foundation.
func qualifiesFoundation(term, head string) bool {
	return head == foundation && slices.ContainsFunc(foundationKinds, func(k string) bool { return strings.HasSuffix(term, k) })
}
