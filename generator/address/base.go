package address

import "strings"

// Base is the URL path a site is published under, as every stage writes
// it: with "/" at both ends ("/" for the root), whatever the editor typed
// (fagui, /fagui, fagui/).
func Base(b string) string {
	b = "/" + strings.Trim(b, "/") + "/"
	if b == "//" {
		return "/"
	}
	return b
}
