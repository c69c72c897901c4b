// Package numeral reads and writes the Chinese numerals of regulation
// labels: 第一百零三条, 第（十二）项, 第二千零五条.
package numeral

import "strings"

var digits = map[rune]int{
	'〇': 0, '零': 0, '○': 0, 'Ｏ': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
	'貳': 2, '參': 3, '陸': 6, '兩': 2, // traditional forms
}

var units = map[rune]int{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000, '萬': 10000}

// Parse reads a whole string as a number: Chinese numerals (一百零三,
// 十二, 两千), ASCII digits (103) or full-width digits (１０３). It reports
// false when s is empty or anything in it is not part of a numeral.
func Parse(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	return parseChinese(s)
}

// IsDigit reports whether r can be part of a Chinese numeral.
func IsDigit(r rune) bool {
	_, d := digits[r]
	_, u := units[r]
	return d || u
}

func parseDigits(s string) (int, bool) {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		if n > 1e9 {
			return 0, false
		}
	}
	return n, true
}

// parseChinese reads numerals such as 一百零三, 十五, 一千二百六十, 二〇二六.
func parseChinese(s string) (int, bool) {
	total, section, digit := 0, 0, -1
	sawUnit := false
	var plain []int // digits with no unit at all: 二〇二六
	for _, r := range s {
		if d, ok := digits[r]; ok {
			digit = d
			plain = append(plain, d)
			continue
		}
		u, ok := units[r]
		if !ok {
			return 0, false
		}
		sawUnit = true
		if digit < 0 {
			digit = 1 // 十五 = 一十五
		}
		if u == 10000 {
			total += (section + digit) * u
			section = 0
		} else {
			section += digit * u
		}
		digit = -1
	}
	if !sawUnit {
		n := 0
		for _, d := range plain {
			n = n*10 + d
		}
		return n, true
	}
	if digit > 0 {
		section += digit
	}
	return total + section, true
}

var digitChars = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Format writes n (0 ≤ n < 100000) in Chinese as regulation labels do:
// 1 → 一, 10 → 十, 15 → 十五, 103 → 一百零三, 1260 → 一千二百六十.
func Format(n int) string {
	if n < 0 || n >= 100000 {
		return ""
	}
	if n == 0 {
		return digitChars[0]
	}
	var b strings.Builder
	unitNames := []string{"万", "千", "百", "十", ""}
	values := []int{10000, 1000, 100, 10, 1}
	zero := false
	for i, v := range values {
		d := n / v % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString(digitChars[0])
			zero = false
		}
		if !(v == 10 && d == 1 && b.Len() == 0) {
			b.WriteString(digitChars[d])
		}
		b.WriteString(unitNames[i])
	}
	return b.String()
}
