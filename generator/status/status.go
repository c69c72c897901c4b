// Package status gives documents their status (有效, 已修改, 已废止,
// 尚未施行) from what the sources say of it:
//
//   - a status in a file's front matter (status: 已废止), or in the status
//     column of a metadata table, spelt any of the ways model.NormalStatus knows;
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

import "tiaoli/generator/model"

// The statuses Apply gives (package model holds the vocabulary and its
// spellings: model.NormalStatus).
const (
	InForce    = model.StatusInForce
	Amended    = model.StatusAmended
	Repealed   = model.StatusRepealed
	NotInForce = model.StatusNotInForce
)
