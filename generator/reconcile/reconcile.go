// Package reconcile merges the same document read from several sources into
// one, aligning the sources clause by clause and recording every
// difference as a variant.
package reconcile

import "tiaoli/generator/model"

// Pins are readings an editor chose, read from a file in content/.
type Pins struct{}

// Merge returns the documents with every group of witnesses of one document
// merged into one.
func Merge(docs []*model.Document, pins Pins) []*model.Document {
	return docs
}

// ParsePins reads the pins file; nil data means no pins.
func ParsePins(data []byte) (Pins, []model.Error) {
	return Pins{}, nil
}
