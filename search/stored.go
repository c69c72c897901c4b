package search

import "encoding/binary"

// What results show and ranking reads of a search document, and no query
// searches (title, heading, text, kind, document, date, anchors, article
// label, status), is stored in bleve as one field, fieldStored: the
// values one after another, each after its length. Nine fields of their
// own cost bleve a visit, a field lookup and an entry of stored values
// each per document while it builds a segment, and a hit a field each
// to decode.
const fieldStored = "stored"

// storedNames are the names (as fields() gives them) of the values of
// fieldStored, in their order there.
var storedNames = [...]string{
	fieldTitle, fieldHeading, fieldText, fieldKind, fieldDoc, fieldDate, fieldAnchors, fieldArticle, fieldStatus,
}

// storedValues are the values of fieldStored by the index of their name
// in storedNames; "" for one a document lacks.
type storedValues [len(storedNames)]string

// packStored appends to dst the value of fieldStored of a search document
// with fields (see fields()): each value of storedNames as a uvarint
// length and its bytes.
func packStored(dst []byte, fields map[string]interface{}) []byte {
	for _, name := range storedNames {
		v, _ := fields[name].(string)
		dst = binary.AppendUvarint(dst, uint64(len(v)))
		dst = append(dst, v...)
	}
	return dst
}

// unpackStored reads the values of a value of fieldStored; those a short
// or damaged value lacks are "". The values share the memory of s.
func unpackStored(s string) storedValues {
	var v storedValues
	for i := range v {
		n, w := uvarintString(s)
		if w <= 0 || n > uint64(len(s)-w) {
			break
		}
		v[i], s = s[w:w+int(n)], s[w+int(n):]
	}
	return v
}

// uvarintString is binary.Uvarint of the bytes of s, without a copy.
func uvarintString(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// get is the value in v of the stored field name, "" for a name that
// is not one of storedNames.
func (v *storedValues) get(name string) string {
	for i, n := range storedNames {
		if n == name {
			return v[i]
		}
	}
	return ""
}
