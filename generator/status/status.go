// Package status gives documents their status (有效, 已修改, 已废止,
// 尚未施行) from what the sources say of it:
//
//   - a status in a file's front matter (status: 已废止), or in the status
//     column of a metadata table, spelt any of the ways Normal knows;
//   - an "expired" column of a metadata table (1, true, 是): the text is
//     no longer in force;
//   - a newer dated version of the same regulation in the corpus: the
//     older text has been amended (已修改).
//
// A metadata table is a CSV file in a folder named _metadata with a
// header row and a path column naming a source file relative to the
// folder that holds _metadata (LawRefBook's laws.csv is one). Its other
// columns may be status, expired, publish and valid_from (YYYY-MM-DD); the
// dates fill a regulation's Published and ValidFrom when its text does not
// give them. A document the sources say nothing about keeps "".
package status

import "strings"

// The statuses, as a site shows them.
const (
	InForce    = "有效"
	Amended    = "已修改"
	Repealed   = "已废止"
	NotInForce = "尚未施行"
)

// spellings maps the ways sources write a status to one of the four.
var spellings = map[string]string{
	"有效": InForce, "现行有效": InForce, "现行": InForce, "生效": InForce, "已生效": InForce,
	"in force": InForce, "valid": InForce, "current": InForce,
	"已修改": Amended, "已被修改": Amended, "修改": Amended, "已修订": Amended, "已被修订": Amended,
	"已修正": Amended, "amended": Amended,
	"已废止": Repealed, "废止": Repealed, "已被废止": Repealed, "失效": Repealed, "已失效": Repealed,
	"repealed": Repealed, "expired": Repealed,
	"尚未施行": NotInForce, "未施行": NotInForce, "尚未生效": NotInForce, "未生效": NotInForce,
	"not yet in force": NotInForce,
}

// Normal returns the status a source's spelling means, and false when it
// is none of them.
func Normal(s string) (string, bool) {
	st, ok := spellings[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return st, ok
}

// Known lists the statuses Normal gives, for error messages.
func Known() string { return strings.Join([]string{InForce, Amended, Repealed, NotInForce}, ", ") }
