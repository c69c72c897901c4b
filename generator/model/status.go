package model

import "strings"

// The statuses of a document, as a site shows them (Document.Status).
const (
	StatusInForce    = "有效"
	StatusAmended    = "已修改"
	StatusRepealed   = "已废止"
	StatusNotInForce = "尚未施行"
)

// statusSpellings maps the ways sources write a status to one of the four.
var statusSpellings = map[string]string{
	"有效": StatusInForce, "现行有效": StatusInForce, "现行": StatusInForce, "生效": StatusInForce, "已生效": StatusInForce,
	"in force": StatusInForce, "valid": StatusInForce, "current": StatusInForce,
	"已修改": StatusAmended, "已被修改": StatusAmended, "修改": StatusAmended, "已修订": StatusAmended, "已被修订": StatusAmended,
	"已修正": StatusAmended, "amended": StatusAmended,
	"已废止": StatusRepealed, "废止": StatusRepealed, "已被废止": StatusRepealed, "失效": StatusRepealed, "已失效": StatusRepealed,
	"repealed": StatusRepealed, "expired": StatusRepealed,
	"尚未施行": StatusNotInForce, "未施行": StatusNotInForce, "尚未生效": StatusNotInForce, "未生效": StatusNotInForce,
	"not yet in force": StatusNotInForce,
}

// NormalStatus returns the status a source's spelling means (现行有效 and
// in force are 有效), and false when it is none of them.
func NormalStatus(s string) (string, bool) {
	st, ok := statusSpellings[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return st, ok
}

// KnownStatuses lists the statuses NormalStatus gives, for error messages.
func KnownStatuses() string {
	return strings.Join([]string{StatusInForce, StatusAmended, StatusRepealed, StatusNotInForce}, "、")
}
