// Package model holds the data every stage of tiaoli shares: sources,
// documents, regulation structure, terms and references.
//
// The types hold data only and do no I/O. Their JSON form is the contract of
// `tiaoli parse --json`, documented in docs/model.md: fields may be added
// freely, but renaming or removing one means updating that document and
// every reader.
//
// Data flows one way: ingest fills Source and Document.Body; the regulation
// stage fills Regulation; reconciliation merges documents read from several
// sources and records Variants; addressing fills IDs, URLs and the anchors
// of every place a page shows; linking fills Terms (addressed after it),
// References and the Links of each text. Readers take URLs and anchors
// from here and build none of their own.
package model
