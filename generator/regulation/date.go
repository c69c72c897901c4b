package regulation

// Date returns the first full date in s (2026年1月30日,
// 二〇一八年十二月二十九日) as YYYY-MM-DD, and false when s has none.
func Date(s string) (string, bool) { return parseDate(s) }
