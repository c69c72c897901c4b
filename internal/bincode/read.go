package bincode

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

// Reading writes each value straight into its memory, at a pointer,
// instead of through reflect.Value: a rebuild reads back what every
// source gave, over a hundred megabytes on a large corpus, and setting
// fields through reflect.Value cost as much as the rest of the reading.
// The memory is allocated through package reflect, typed, so the garbage
// collector knows its pointers; pointers and slice headers are stored as
// unsafe.Pointer, which the compiler stores with the collector's write
// barrier.

// Decode reads data, written by Append from a value of the same type,
// into the value v points at. The strings it reads share the memory of one
// copy of data.
func Decode(data []byte, v any) error {
	return decode(string(data), v)
}

// DecodeOwned is Decode, the strings it reads sharing the memory of data
// itself instead of a copy: data must never change after (a buffer just
// read from a file and then dropped), and it is kept as long as they are.
func DecodeOwned(data []byte, v any) error {
	return decode(unsafe.String(unsafe.SliceData(data), len(data)), v)
}

// decode reads s into the value v points at.
func decode(s string, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("bincode: Decode needs a non-nil pointer")
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	r := &reader{s: s}
	c.dec(r, rv.UnsafePointer())
	if r.err == nil && r.at != len(s) {
		r.err = errors.New("bincode: bytes left over")
	}
	return r.err
}

// reader reads the encoding; its first error stops it: it moves to the
// end, where every read fails.
type reader struct {
	s    string
	at   int
	err  error
	last []string // by string field, the last string read there
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("bincode: %s at byte %d", what, r.at)
	}
	r.at = len(r.s)
}

func (r *reader) uvarint() uint64 {
	if r.at < len(r.s) && r.s[r.at] < 0x80 { // most numbers are a byte
		r.at++
		return uint64(r.s[r.at-1])
	}
	if r.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if r.at >= len(r.s) {
			r.fail("truncated")
			return 0
		}
		b := r.s[r.at]
		r.at++
		if b < 0x80 {
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	r.fail("bad number")
	return 0
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// str reads a string of the string field numbered field, -1 for a string
// that is no field (see stringCodec).
func (r *reader) str(field int) string {
	m := r.uvarint()
	if r.err != nil {
		return ""
	}
	if m == 0 {
		if field < 0 {
			r.fail("bad string mark")
			return ""
		}
		return *lastOf(&r.last, field)
	}
	if m-1 > uint64(len(r.s)-r.at) {
		r.fail("length past the end")
		return ""
	}
	s := r.s[r.at : r.at+int(m-1)]
	r.at += int(m - 1)
	if field >= 0 {
		*lastOf(&r.last, field) = s
	}
	return s
}

// sliceLen reads a slice's length, written plus one; ok is false for a
// nil slice. The length cannot exceed the bytes left.
func sliceLen(r *reader) (n int, ok bool) {
	m := r.uvarint()
	if m == 0 || r.err != nil {
		return 0, false
	}
	if m-1 > uint64(len(r.s)-r.at) {
		r.fail("length past the end")
		return 0, false
	}
	return int(m - 1), true
}

// sliceHeader is the memory of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func decodeBool(r *reader, p unsafe.Pointer) {
	if r.at >= len(r.s) {
		r.fail("truncated")
		return
	}
	*(*bool)(p) = r.s[r.at] != 0
	r.at++
}

// intDecoder reads a signed integer of kind k.
func intDecoder(k reflect.Kind) func(*reader, unsafe.Pointer) {
	switch k {
	case reflect.Int8:
		return func(r *reader, p unsafe.Pointer) { *(*int8)(p) = int8(r.varint()) }
	case reflect.Int16:
		return func(r *reader, p unsafe.Pointer) { *(*int16)(p) = int16(r.varint()) }
	case reflect.Int32:
		return func(r *reader, p unsafe.Pointer) { *(*int32)(p) = int32(r.varint()) }
	case reflect.Int64:
		return func(r *reader, p unsafe.Pointer) { *(*int64)(p) = r.varint() }
	}
	return func(r *reader, p unsafe.Pointer) { *(*int)(p) = int(r.varint()) }
}

// uintDecoder reads an unsigned integer of kind k.
func uintDecoder(k reflect.Kind) func(*reader, unsafe.Pointer) {
	switch k {
	case reflect.Uint8:
		return func(r *reader, p unsafe.Pointer) { *(*uint8)(p) = uint8(r.uvarint()) }
	case reflect.Uint16:
		return func(r *reader, p unsafe.Pointer) { *(*uint16)(p) = uint16(r.uvarint()) }
	case reflect.Uint32:
		return func(r *reader, p unsafe.Pointer) { *(*uint32)(p) = uint32(r.uvarint()) }
	case reflect.Uint64:
		return func(r *reader, p unsafe.Pointer) { *(*uint64)(p) = r.uvarint() }
	case reflect.Uintptr:
		return func(r *reader, p unsafe.Pointer) { *(*uintptr)(p) = uintptr(r.uvarint()) }
	}
	return func(r *reader, p unsafe.Pointer) { *(*uint)(p) = uint(r.uvarint()) }
}

// floatDecoder reads a float of kind k.
func floatDecoder(k reflect.Kind) func(*reader, unsafe.Pointer) {
	if k == reflect.Float32 {
		return func(r *reader, p unsafe.Pointer) { *(*float32)(p) = float32(math.Float64frombits(r.uvarint())) }
	}
	return func(r *reader, p unsafe.Pointer) { *(*float64)(p) = math.Float64frombits(r.uvarint()) }
}

// pointerDecoder reads a pointer to a value of type t, whose codec is e.
func pointerDecoder(t reflect.Type, e *codec) func(*reader, unsafe.Pointer) {
	return func(r *reader, p unsafe.Pointer) {
		switch r.uvarint() {
		case 0:
		case 1:
			v := reflect.New(t).UnsafePointer()
			e.dec(r, v)
			*(*unsafe.Pointer)(p) = v
		default:
			r.fail("bad pointer mark")
		}
	}
}

func decodeBytes(r *reader, p unsafe.Pointer) {
	n, ok := sliceLen(r)
	if !ok || r.err != nil {
		return
	}
	*(*[]byte)(p) = []byte(r.s[r.at : r.at+n])
	r.at += n
}

// sliceDecoder reads a slice of type t, whose elements have the codec e.
func sliceDecoder(t reflect.Type, e *codec) func(*reader, unsafe.Pointer) {
	size := t.Elem().Size()
	return func(r *reader, p unsafe.Pointer) {
		n, ok := sliceLen(r)
		if !ok || r.err != nil {
			return
		}
		s := reflect.MakeSlice(t, n, n).UnsafePointer()
		for i := range n {
			e.dec(r, unsafe.Add(s, uintptr(i)*size))
		}
		*(*sliceHeader)(p) = sliceHeader{s, n, n}
	}
}

// pointersDecoder reads a slice of type t of pointers, the values they
// point at having the codec e. The values of one slice are allocated
// together, in one array from the first that is not nil: one allocation
// for the articles of a document instead of one per article, fewer
// objects for the collector to mark. They stay apart as values; only
// the array is kept while any of them is.
func pointersDecoder(t reflect.Type, e *codec) func(*reader, unsafe.Pointer) {
	values := reflect.SliceOf(t.Elem().Elem())
	size := t.Elem().Elem().Size()
	return func(r *reader, p unsafe.Pointer) {
		n, ok := sliceLen(r)
		if !ok || r.err != nil {
			return
		}
		s := reflect.MakeSlice(t, n, n).UnsafePointer()
		var array unsafe.Pointer
		first := 0
		for i := range n {
			switch r.uvarint() {
			case 0:
				continue
			case 1:
			default:
				r.fail("bad pointer mark")
				continue
			}
			if array == nil {
				array, first = reflect.MakeSlice(values, n-i, n-i).UnsafePointer(), i
			}
			v := unsafe.Add(array, uintptr(i-first)*size)
			e.dec(r, v)
			*(*unsafe.Pointer)(unsafe.Add(s, uintptr(i)*unsafe.Sizeof(v))) = v
		}
		*(*sliceHeader)(p) = sliceHeader{s, n, n}
	}
}

// fieldReader reads one field of a struct: at offset, a string of the
// field numbered field (kind stringField), an int, or another value with
// the codec c. Strings and ints, most fields, are read without a call
// through a codec.
type fieldReader struct {
	offset uintptr
	kind   fieldKind
	field  int
	c      *codec
}

type fieldKind uint8

const (
	otherField fieldKind = iota
	stringField
	intField
)

// structDecoder reads the fields of a struct in order.
func structDecoder(fields []fieldReader) func(*reader, unsafe.Pointer) {
	return func(r *reader, p unsafe.Pointer) {
		for i := range fields {
			f := &fields[i]
			v := unsafe.Add(p, f.offset)
			switch f.kind {
			case stringField:
				*(*string)(v) = r.str(f.field)
			case intField:
				*(*int)(v) = int(r.varint())
			default:
				f.c.dec(r, v)
			}
		}
	}
}
