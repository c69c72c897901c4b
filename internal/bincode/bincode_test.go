package bincode

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

type plain struct {
	B     bool
	I     int
	I8    int8
	U     uint32
	F     float64
	S     string
	Empty []string
	Nil   []string
	Bytes []byte
	Arr   [2]int
	P     *Node
	NilP  *Node
	List  []Node
	Node
	Last []string
	// Every width of number.
	I16  int16
	I32  int32
	I64  int64
	U8   uint8
	U16  uint16
	U64  uint64
	UP   uintptr
	F32  float32
	Ptrs []*Node // a nil first, read into one array after it
}

type Node struct {
	Name  string
	Items []*Node
}

func TestRoundTripKeepsNilAndEmpty(t *testing.T) {
	in := plain{B: true, I: -5, I8: -128, U: 1 << 31, F: 2.5, S: "条理", Empty: []string{}, Bytes: []byte{0, 1},
		Arr: [2]int{3, -4}, P: &Node{Name: "a", Items: []*Node{{Name: "b"}, nil}}, List: []Node{{}, {Items: []*Node{}}},
		Node: Node{Name: "embedded"}, Last: []string{},
		I16: -300, I32: -70000, I64: -1 << 40, U8: 255, U16: 65535, U64: 1 << 63, UP: 7, F32: -0.5,
		Ptrs: []*Node{nil, {Name: "c"}, nil, {Name: "d", Items: []*Node{{Name: "e"}}}}}
	data, err := Append(nil, &in)
	if err != nil {
		t.Fatal(err)
	}
	var out, owned plain
	if err := Decode(data, &out); err != nil {
		t.Fatal(err)
	}
	if err := DecodeOwned(slices.Clone(data), &owned); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) || !reflect.DeepEqual(in, owned) {
		t.Fatalf("read back\n%+v\n%+v (owned)\nwrote\n%+v", out, owned, in)
	}
	if out.Ptrs[1] == out.Ptrs[3] || out.Ptrs[3].Items[0] == nil {
		t.Fatal("the values of a list of pointers read back as one")
	}
	if out.Nil != nil || out.Empty == nil || out.NilP != nil || out.List[1].Items == nil || out.List[0].Items != nil || out.Last == nil {
		t.Fatal("nil and empty lists or pointers not kept apart")
	}
}

func TestDecodeRefusesDamagedBytes(t *testing.T) {
	in := plain{S: "条理条理", Empty: []string{"x", "y"}, P: &Node{Name: "a"}}
	data, err := Append(nil, &in)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		var out plain
		if Decode(data[:n], &out) == nil {
			t.Fatalf("the first %d of %d bytes read without error", n, len(data))
		}
	}
	var out plain
	if Decode(append(data, 0), &out) == nil {
		t.Fatal("a byte too many read without error")
	}
}

func TestRefusedTypes(t *testing.T) {
	for _, v := range []any{&map[string]int{}, &struct{ A any }{}, &struct{ a int }{}, &struct{ F func() }{}} {
		if _, err := Append(nil, v); err == nil {
			t.Errorf("%T written", v)
		}
	}
}

func FuzzDecode(f *testing.F) {
	in := plain{S: "条理", Empty: []string{}, P: &Node{Name: "a", Items: []*Node{nil}}}
	data, _ := Append(nil, &in)
	f.Add(data)
	f.Fuzz(func(t *testing.T, b []byte) {
		var out plain
		if Decode(b, &out) != nil {
			return
		}
		again, err := Append(nil, &out)
		if err != nil {
			t.Fatal(err)
		}
		var back plain
		if err := Decode(again, &back); err != nil {
			t.Fatal(err)
		}
		if twice, _ := Append(nil, &back); !bytes.Equal(again, twice) {
			t.Fatal("a value read did not read back the same")
		}
	})
}

// TestRepeatedFieldWrittenOnce writes a list whose elements carry the
// same string in one field, and others that change: the repeated string
// is written once, and all read back equal, the repeats sharing one
// string's memory.
func TestRepeatedFieldWrittenOnce(t *testing.T) {
	type pos struct {
		Path string
		Text string
	}
	path := strings.Repeat("条", 40)
	in := []pos{{path, "一"}, {path, "二"}, {path, ""}, {"", ""}, {path, "二"}, {path, "二"}}
	data, err := Append(nil, &in)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), path); n != 2 { // the path given again after ""
		t.Errorf("the path written %d times, want 2", n)
	}
	var out []pos
	if err := DecodeOwned(data, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("read back %q, wrote %q", out, in)
	}
	if unsafe.StringData(out[0].Path) != unsafe.StringData(out[1].Path) {
		t.Error("the repeated path read back as two strings")
	}
}

// TestWriteIsAppend writes a value larger than a writer gathers at once
// through Write, and checks it gave the bytes Append gives.
func TestWriteIsAppend(t *testing.T) {
	in := make([]Node, 3*flushSize/8)
	for i := range in {
		in[i] = Node{Name: strings.Repeat("条", i%5), Items: []*Node{{Name: "a"}}}
	}
	want, err := Append(nil, &in)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := Write(&got, &in); err != nil {
		t.Fatal(err)
	}
	if len(want) < 2*flushSize || !bytes.Equal(got.Bytes(), want) {
		t.Errorf("Write gave %d bytes, Append %d, not the same", got.Len(), len(want))
	}
}
