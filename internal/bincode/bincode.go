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
	"errors"
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
	c.dec(r, rv.Elem())
	if r.err == nil && r.at != len(s) {
		r.err = errors.New("bincode: bytes left over")
	}
	return r.err
}

// reader reads the encoding; its first error stops it.
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

// codec writes and reads values of one type.
type codec struct {
	enc func(w *writer, v reflect.Value)
	dec func(r *reader, v reflect.Value)
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
		c.dec = func(r *reader, v reflect.Value) {
			if r.err == nil && r.at >= len(r.s) {
				r.fail("truncated")
			}
			if r.err == nil {
				v.SetBool(r.s[r.at] != 0)
				r.at++
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(w *writer, v reflect.Value) { w.buf = binary.AppendVarint(w.buf, v.Int()) }
		c.dec = func(r *reader, v reflect.Value) { v.SetInt(r.varint()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc = func(w *writer, v reflect.Value) { w.buf = binary.AppendUvarint(w.buf, v.Uint()) }
		c.dec = func(r *reader, v reflect.Value) { v.SetUint(r.uvarint()) }
	case reflect.Float32, reflect.Float64:
		c.enc = func(w *writer, v reflect.Value) {
			w.buf = binary.AppendUvarint(w.buf, math.Float64bits(v.Float()))
		}
		c.dec = func(r *reader, v reflect.Value) { v.SetFloat(math.Float64frombits(r.uvarint())) }
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
		c.dec = func(r *reader, v reflect.Value) {
			for i := range v.Len() {
				e.dec(r, v.Index(i))
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
	c.dec = func(r *reader, v reflect.Value) {
		switch r.uvarint() {
		case 0:
		case 1:
			p := reflect.New(t.Elem())
			e.dec(r, p.Elem())
			v.Set(p)
		default:
			r.fail("bad pointer mark")
		}
	}
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
		c.dec = func(r *reader, v reflect.Value) {
			n, ok := sliceLen(r)
			if ok && r.err == nil {
				if n > len(r.s)-r.at {
					r.fail("length past the end")
					return
				}
				v.SetBytes([]byte(r.s[r.at : r.at+n]))
				r.at += n
			}
		}
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
	c.dec = func(r *reader, v reflect.Value) {
		n, ok := sliceLen(r)
		if !ok || r.err != nil {
			return
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			e.dec(r, s.Index(i))
		}
		v.Set(s)
	}
	return nil
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

// structCodec writes the fields in order; every field must be exported.
func structCodec(c *codec, t reflect.Type, making map[reflect.Type]*codec) error {
	fields := make([]*codec, t.NumField())
	for i := range fields {
		f := t.Field(i)
		if !f.IsExported() {
			return fmt.Errorf("bincode: %s.%s is not exported", t, f.Name)
		}
		if f.Type.Kind() == reflect.String {
			fields[i] = stringCodec(int(stringFields.Add(1)) - 1)
			continue
		}
		fc, err := build(f.Type, making)
		if err != nil {
			return err
		}
		fields[i] = fc
	}
	c.enc = func(w *writer, v reflect.Value) {
		for i, f := range fields {
			f.enc(w, v.Field(i))
		}
	}
	c.dec = func(r *reader, v reflect.Value) {
		for i, f := range fields {
			f.dec(r, v.Field(i))
		}
	}
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
		dec: func(r *reader, v reflect.Value) {
			m := r.uvarint()
			if r.err != nil {
				return
			}
			if m == 0 {
				if field < 0 {
					r.fail("bad string mark")
					return
				}
				v.SetString(*lastOf(&r.last, field))
				return
			}
			if m-1 > uint64(len(r.s)-r.at) {
				r.fail("length past the end")
				return
			}
			s := r.s[r.at : r.at+int(m-1)]
			r.at += int(m - 1)
			if field >= 0 {
				*lastOf(&r.last, field) = s
			}
			v.SetString(s)
		},
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
