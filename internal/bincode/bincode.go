// Package bincode writes Go values of plain types (structs of exported
// fields, strings, integers, floats, booleans, slices, arrays and
// pointers) as bytes and reads them back exactly as they were: a nil
// slice or pointer comes back nil and an empty slice empty, which
// encoding/gob does not keep (an empty list and no list print apart in
// JSON). Two pointers to one value come back as two values; maps,
// interfaces, channels and functions are refused.
//
// A string field that holds the string it held in the value written
// before it (the source's path on every paragraph of a document) is
// written as one byte and read back as that string, sharing its memory.
//
// The bytes carry no type description: they are read back only into the
// type they were written from, by the same program.
package bincode

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Append appends the encoding of the value v points at to dst.
func Append(dst []byte, v any) ([]byte, error) {
	w := &writer{buf: dst}
	err := w.write("Append", v)
	return w.buf, err
}

// Write writes the encoding of the value v points at to out, as Append
// gives it, a few kilobytes at a time: to take its digest, say, without
// holding it whole.
func Write(out io.Writer, v any) error {
	w := &writer{buf: make([]byte, 0, 2*flushSize), out: out}
	if err := w.write("Write", v); err != nil {
		return err
	}
	w.flush()
	return w.err
}

// write encodes the value v points at into w; fn names the function
// called, for the error.
func (w *writer) write(fn string, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("bincode: %s needs a non-nil pointer", fn)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	c.enc(w, rv.Elem())
	return nil
}

// flushSize is how many bytes a writer with an out gathers before it
// writes them.
const flushSize = 32 << 10

// writer holds the bytes being written and, by string field, the last
// string written there (see stringCodec). With an out, it writes them
// there once it holds flushSize (see flushSome).
type writer struct {
	buf  []byte
	last []string
	out  io.Writer
	err  error // of the first write to out that failed
}

// flushSome writes the bytes gathered to out when there is one and they
// are flushSize or more.
func (w *writer) flushSome() {
	if w.out != nil && len(w.buf) >= flushSize {
		w.flush()
	}
}

// flush writes the bytes gathered to out.
func (w *writer) flush() {
	if _, err := w.out.Write(w.buf); err != nil && w.err == nil {
		w.err = err
	}
	w.buf = w.buf[:0]
}

// codec writes and reads values of one type: it writes the value v
// holds, and reads into the memory of one at p (read.go).
type codec struct {
	enc func(w *writer, v reflect.Value)
	dec func(r *reader, p unsafe.Pointer)
}

var codecs sync.Map // reflect.Type → *codec

// codecOf is the codec of t, made once per type.
func codecOf(t reflect.Type) (*codec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	c, err := build(t, map[reflect.Type]*codec{})
	if err != nil {
		return nil, err
	}
	codecs.Store(t, c)
	return c, nil
}

// build makes the codec of t; making holds those being made, for types
// that refer to themselves.
func build(t reflect.Type, making map[reflect.Type]*codec) (*codec, error) {
	if c, ok := making[t]; ok {
		return c, nil
	}
	c := &codec{}
	making[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(w *writer, v reflect.Value) {
			b := byte(0)
			if v.Bool() {
				b = 1
			}
			w.buf = append(w.buf, b)
		}
		c.dec = decodeBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(w *writer, v reflect.Value) { w.buf = binary.AppendVarint(w.buf, v.Int()) }
		c.dec = intDecoder(t.Kind())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc = func(w *writer, v reflect.Value) { w.buf = binary.AppendUvarint(w.buf, v.Uint()) }
		c.dec = uintDecoder(t.Kind())
	case reflect.Float32, reflect.Float64:
		c.enc = func(w *writer, v reflect.Value) {
			w.buf = binary.AppendUvarint(w.buf, math.Float64bits(v.Float()))
		}
		c.dec = floatDecoder(t.Kind())
	case reflect.String:
		*c = *stringCodec(-1)
	case reflect.Pointer:
		return c, pointerCodec(c, t, making)
	case reflect.Slice:
		return c, sliceCodec(c, t, making)
	case reflect.Array:
		e, err := build(t.Elem(), making)
		if err != nil {
			return nil, err
		}
		c.enc = func(w *writer, v reflect.Value) {
			for i := range v.Len() {
				e.enc(w, v.Index(i))
			}
		}
		n, size := t.Len(), t.Elem().Size()
		c.dec = func(r *reader, p unsafe.Pointer) {
			for i := range n {
				e.dec(r, unsafe.Add(p, uintptr(i)*size))
			}
		}
	case reflect.Struct:
		return c, structCodec(c, t, making)
	default:
		return nil, fmt.Errorf("bincode: cannot write a %s (%s)", t.Kind(), t)
	}
	return c, nil
}

// pointerCodec writes a byte, 0 for nil, then the value pointed at.
func pointerCodec(c *codec, t reflect.Type, making map[reflect.Type]*codec) error {
	e, err := build(t.Elem(), making)
	if err != nil {
		return err
	}
	c.enc = func(w *writer, v reflect.Value) {
		if v.IsNil() {
			w.buf = append(w.buf, 0)
			return
		}
		w.buf = append(w.buf, 1)
		e.enc(w, v.Elem())
	}
	c.dec = pointerDecoder(t.Elem(), e)
	return nil
}

// sliceCodec writes the length plus one (0 for a nil slice), then the
// elements.
func sliceCodec(c *codec, t reflect.Type, making map[reflect.Type]*codec) error {
	if t.Elem().Kind() == reflect.Uint8 {
		c.enc = func(w *writer, v reflect.Value) {
			if v.IsNil() {
				w.buf = append(w.buf, 0)
				return
			}
			w.buf = append(binary.AppendUvarint(w.buf, uint64(v.Len())+1), v.Bytes()...)
		}
		c.dec = decodeBytes
		return nil
	}
	e, err := build(t.Elem(), making)
	if err != nil {
		return err
	}
	c.enc = func(w *writer, v reflect.Value) {
		if v.IsNil() {
			w.buf = append(w.buf, 0)
			return
		}
		w.buf = binary.AppendUvarint(w.buf, uint64(v.Len())+1)
		for i := range v.Len() {
			e.enc(w, v.Index(i))
			w.flushSome()
		}
	}
	if t.Elem().Kind() != reflect.Pointer {
		c.dec = sliceDecoder(t, e)
		return nil
	}
	v, err := build(t.Elem().Elem(), making)
	if err != nil {
		return err
	}
	c.dec = pointersDecoder(t, v)
	return nil
}

// structCodec writes the fields in order; every field must be exported.
func structCodec(c *codec, t reflect.Type, making map[reflect.Type]*codec) error {
	fields := make([]*codec, t.NumField())
	read := make([]fieldReader, t.NumField())
	for i := range fields {
		f := t.Field(i)
		if !f.IsExported() {
			return fmt.Errorf("bincode: %s.%s is not exported", t, f.Name)
		}
		read[i] = fieldReader{offset: f.Offset}
		if f.Type.Kind() == reflect.String {
			read[i].field = int(stringFields.Add(1)) - 1
			fields[i] = stringCodec(read[i].field)
			read[i].kind = stringField
			continue
		}
		fc, err := build(f.Type, making)
		if err != nil {
			return err
		}
		fields[i], read[i].c = fc, fc
		if f.Type.Kind() == reflect.Int {
			read[i].kind = intField
		}
	}
	c.enc = func(w *writer, v reflect.Value) {
		for i, f := range fields {
			f.enc(w, v.Field(i))
		}
	}
	c.dec = structDecoder(read)
	return nil
}

// stringFields counts the string fields of the struct types codecs were
// made for: each has a number of its own (stringCodec).
var stringFields atomic.Int32

// stringCodec is the codec of the string field numbered field, or of a
// string that is no field (an element of a slice) with field -1. A
// string is written as its length plus one, then its bytes; a field's
// string equal to the last one written in that field, as 0 alone: the
// path of the source every paragraph and article of a document
// carries is written once per document instead of once per paragraph,
// and read back as one string.
func stringCodec(field int) *codec {
	return &codec{
		enc: func(w *writer, v reflect.Value) {
			s := v.String()
			if field >= 0 {
				last := lastOf(&w.last, field)
				if *last == s && s != "" {
					w.buf = append(w.buf, 0)
					return
				}
				*last = s
			}
			w.buf = append(binary.AppendUvarint(w.buf, uint64(len(s))+1), s...)
		},
		dec: func(r *reader, p unsafe.Pointer) { *(*string)(p) = r.str(field) },
	}
}

// lastOf is the last string of the field in last, which it grows to
// hold it.
func lastOf(last *[]string, field int) *string {
	for len(*last) <= field {
		*last = append(*last, "")
	}
	return &(*last)[field]
}
