// Package docnumber reads the numbers documents are issued under (文号),
// once for every stage that needs them: the ingest stage, which keeps a
// line ending in one a unit of its own, and the regulation stage, which
// reads the line that says when and under which number a text was issued.
package docnumber

import "regexp"

// full matches a whole document number: the year in brackets, the
// issuer's code on either side, the number and 号 (中纪发〔2010〕13号,
// （2006）高检研发8号, 〔2002〕高检研发第19号, 法研[2004]102号).
var full = regexp.MustCompile(`\p{Han}*[〔［\[（(]\s*[0-9]{4}\s*[〕］\]）)]\s*\p{Han}*?第?\s*[0-9]+\s*号`)

// tail matches the end of a document number at the end of a line: its
// number and 号, whatever comes before (国办发〔2013〕1号, 第31号).
var tail = regexp.MustCompile(`\d+\s*号$`)

// FindAll returns the byte spans of the whole document numbers in s, in
// order (FindAllStringIndex of package regexp).
func FindAll(s string) [][]int { return full.FindAllStringIndex(s, -1) }

// Ends reports whether s ends with a document number's number and 号: a
// line of its own (an order's number, a signature's document number).
func Ends(s string) bool { return tail.MatchString(s) }
