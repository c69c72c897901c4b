package fastesc

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"maps"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// Exec executes a template Install has escaped, walking its trees as
// text/template does but without its reflection where a page needs none:
// a field is found by an index kept per type, an escaper and a function
// of one string are called directly, a string is written as it is. The
// trees are compiled once (compile.go), so that each node holds the
// escaper, function, template and field slots it uses. On the
// first node or value it does not take (a method, a map, a number, a
// variable it cannot find, anything text/template would report as an
// error) it starts again with text/template, so that what it writes, and
// every error, is text/template's own.
type Exec struct {
	t *template.Template
	// root is t's tree, compiled with those it calls; nil when t has none.
	root *tree
	// fields holds, by fieldKey, the index of a struct's field that a
	// template may read as a field: exported, and no method of that name
	// on the struct or a pointer to it. nil when it may not. Pages read
	// it for every field they show, and it gains a key only the first
	// time a type is seen: it is a map read without a lock, replaced by a
	// copy with the new key under fieldsMu (a sync.Map boxed each key in
	// an interface, an allocation and a slow hash per field read).
	fields   atomic.Pointer[map[fieldKey][]int]
	fieldsMu sync.Mutex
}

// fieldSlot is a name of a field chain in a tree: the type it was last
// read of and the index of the field there (nil: left to text/template).
type fieldSlot struct{ last atomic.Pointer[fieldHit] }

type fieldHit struct {
	t   reflect.Type
	idx []int
}

// NewExec prepares t, escaped by Install, for Execute. funcs are the
// functions t's set was given (template.Funcs); those that take and
// return one string are called directly, others through text/template.
func NewExec(t *template.Template, funcs template.FuncMap) *Exec {
	e := &Exec{t: t}
	c := compiler{funcs: map[string]func(string) string{}, named: map[string]bool{}}
	for name, f := range funcs {
		c.named[name] = true
		if f, ok := f.(func(string) string); ok {
			c.funcs[name] = f
		}
	}
	for name := range byFn {
		c.named[name] = true
	}
	parsed := map[string]*parse.Tree{}
	for _, x := range t.Templates() {
		if x.Tree != nil {
			parsed[x.Name()] = x.Tree
		}
	}
	e.root = c.compile(parsed)[t.Name()]
	return e
}

// Execute writes t applied to data to w, as t.Execute does.
func (e *Exec) Execute(w *bytes.Buffer, data any) error {
	start := w.Len()
	if e.fast(w, data) {
		return nil
	}
	w.Truncate(start)
	return e.t.Execute(w, data)
}

// fast executes t without text/template and reports whether it could.
func (e *Exec) fast(w *bytes.Buffer, data any) (ok bool) {
	root := e.root
	if _, isValue := data.(reflect.Value); isValue || root == nil || root.root == nil {
		return false
	}
	defer func() {
		if recover() != nil { // a function's panic: text/template reports it
			ok = false
		}
	}()
	dot := reflect.ValueOf(data)
	s := state{e: e, w: w, vars: []variable{{"$", dot}}}
	return s.walk(dot, root.root) == nil
}

// errSlow stops a fast execution: text/template does it again.
var errSlow = errors.New("fastesc: left to text/template")

// maxDepth bounds the nesting of templates, far below text/template's.
const maxDepth = 100

type state struct {
	e *Exec
	w *bytes.Buffer
	// vars are the variables in scope from base on; those below are the
	// callers' of the template being executed, out of its sight.
	vars  []variable
	base  int
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

var (
	stringType = reflect.TypeFor[string]()
	htmlType   = reflect.TypeFor[template.HTML]()
)

func (s *state) walk(dot reflect.Value, n node) error {
	switch n := n.(type) {
	case *textNode:
		s.w.Write(n.text)
		return nil
	case *actionNode:
		return s.action(dot, n)
	case *listNode:
		for _, c := range n.nodes {
			if err := s.walk(dot, c); err != nil {
				return err
			}
		}
		return nil
	case *branchNode:
		if n.kind == rangeBranch {
			return s.walkRange(dot, n)
		}
		return s.ifOrWith(dot, n)
	case *templateNode:
		return s.walkTemplate(dot, n)
	}
	return errSlow
}

// action runs an action: an escaped value is written, a declaration sets
// its variables.
func (s *state) action(dot reflect.Value, a *actionNode) error {
	if a.esc != nil {
		// The escaper that ends the pipeline writes its result here, which
		// spares making a value of it.
		var final reflect.Value
		for i, cmd := range a.cmds {
			v, err := s.command(dot, cmd, final, i > 0)
			if err != nil {
				return err
			}
			final = unwrapEmpty(v)
		}
		return s.escapeTo(a.esc, final, true)
	}
	v, err := s.pipeline(dot, a.pipe)
	if err != nil || len(a.pipe.decl) > 0 {
		return err
	}
	if !v.IsValid() || v.Type() != stringType {
		return errSlow // printed by fmt: left to text/template
	}
	s.w.WriteString(v.String())
	return nil
}

// escapeTo writes v escaped by the chain c, as text/template calling the
// chain's function with v would print it; has is false when the
// pipeline had no value before the escaper.
func (s *state) escapeTo(c *chain, v reflect.Value, has bool) error {
	if !has {
		return errSlow
	}
	switch {
	case !v.IsValid():
		s.w.WriteString(c.escape(nil))
	case v.Type() == stringType:
		s.w.WriteString(c.plain(v.String()))
	case v.Type() == htmlType && c.keepsHTML:
		s.w.WriteString(v.String())
	default:
		s.w.WriteString(c.escape(v.Interface()))
	}
	return nil
}

// pipeline evaluates a pipeline and declares its variables.
func (s *state) pipeline(dot reflect.Value, pipe *pipeNode) (reflect.Value, error) {
	if pipe == nil {
		return reflect.Value{}, nil
	}
	var v reflect.Value
	for i, cmd := range pipe.cmds {
		var err error
		if v, err = s.command(dot, cmd, v, i > 0); err != nil {
			return v, err
		}
		v = unwrapEmpty(v)
	}
	for _, d := range pipe.decl {
		if pipe.assign {
			if !s.setVar(d, v) {
				return v, errSlow
			}
		} else {
			s.vars = append(s.vars, variable{d, v})
		}
	}
	return v, nil
}

// unwrapEmpty digs into a value of type interface{}, as text/template
// does after each command.
func unwrapEmpty(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return reflect.ValueOf(v.Interface())
	}
	return v
}

// command evaluates one command of a pipeline; final is the value of
// the commands before it, when has.
func (s *state) command(dot reflect.Value, cmd *command, final reflect.Value, has bool) (reflect.Value, error) {
	if cmd.kind == callOperand {
		return s.function(dot, cmd.call, final, has)
	}
	return s.operand(dot, cmd)
}

// operand evaluates a command or an argument that calls no function.
func (s *state) operand(dot reflect.Value, cmd *command) (reflect.Value, error) {
	switch cmd.kind {
	case dotOperand:
		return dot, nil
	case fieldOperand:
		return s.fieldChain(dot, cmd)
	case varOperand:
		v, ok := s.varValue(cmd.name)
		if !ok {
			return v, errSlow
		}
		return s.fieldChain(v, cmd)
	case constOperand:
		return cmd.value, nil
	case pipeOperand:
		return s.pipeline(dot, cmd.pipe)
	case callOperand:
		return s.function(dot, cmd.call, reflect.Value{}, false)
	}
	return reflect.Value{}, errSlow
}

// arg evaluates an argument of a builtin, as text/template does for an
// argument of type reflect.Value.
func (s *state) arg(dot reflect.Value, a *command) (reflect.Value, error) {
	v, err := s.operand(dot, a)
	if err == nil && !v.IsValid() {
		err = errSlow // an invalid value is an error there
	}
	if err == nil && v.Type() == reflectValueType {
		err = errSlow // text/template works on the value it holds
	}
	return v, err
}

// reflectValueType is the type of a reflect.Value: a builtin's argument of
// that type is taken by text/template as the value it holds.
var reflectValueType = reflect.TypeFor[reflect.Value]()

// decimal reports whether a number is written in decimal digits alone:
// text/template takes it as an int.
func decimal(text string) bool {
	text = strings.TrimPrefix(text, "-")
	return text != "" && strings.Trim(text, "0123456789") == ""
}

// function calls a function of the template: an escaper, a function of
// one string, or a builtin (builtin).
func (s *state) function(dot reflect.Value, c *call, final reflect.Value, has bool) (reflect.Value, error) {
	switch c.kind {
	case escapeCall:
		var b bytes.Buffer
		w := s.w
		s.w = &b
		err := s.escapeTo(c.esc, final, true)
		s.w = w
		return reflect.ValueOf(b.String()), err
	case stringCall:
		v := final
		if !has {
			var err error
			if v, err = s.arg(dot, c.args[0]); err != nil {
				return v, err
			}
		}
		if !v.IsValid() || v.Type() != stringType {
			return v, errSlow
		}
		return reflect.ValueOf(c.fn(v.String())), nil
	case builtinCall:
		return s.builtin(dot, c.builtin, c.args)
	}
	return reflect.Value{}, errSlow
}

// builtin calls the builtin and, or, not or len, or a comparison of two
// strings or two ints.
func (s *state) builtin(dot reflect.Value, b builtin, args []*command) (reflect.Value, error) {
	switch b {
	case andFn, orFn:
		var v reflect.Value
		for _, a := range args {
			var err error
			if v, err = s.arg(dot, a); err != nil {
				return v, err
			}
			t, ok := isTrue(indirectInterface(v))
			if !ok {
				return v, errSlow
			}
			if t == (b == orFn) {
				return v, nil
			}
		}
		return v, nil
	case notFn:
		v, err := s.arg(dot, args[0])
		if err != nil {
			return v, err
		}
		t, ok := isTrue(indirectInterface(v))
		if !ok {
			return v, errSlow
		}
		return reflect.ValueOf(!t), nil
	case lenFn:
		v, err := s.arg(dot, args[0])
		if err != nil {
			return v, err
		}
		if v, ok := indirect(v); ok {
			switch v.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(v.Len()), nil
			}
		}
		return v, errSlow
	}
	x, err := s.arg(dot, args[0])
	if err != nil {
		return x, err
	}
	y, err := s.arg(dot, args[1])
	if err != nil {
		return y, err
	}
	c, ok := compare(indirectInterface(x), indirectInterface(y))
	if !ok {
		return x, errSlow
	}
	return reflect.ValueOf(holds(b, c)), nil
}

// compare orders two strings or two signed integers as the comparison
// builtins do; ok is false for other values.
func compare(a, b reflect.Value) (c int, ok bool) {
	switch {
	case a.Kind() == reflect.String && b.Kind() == reflect.String:
		return strings.Compare(a.String(), b.String()), true
	case isInt(a) && isInt(b):
		return cmp.Compare(a.Int(), b.Int()), true
	}
	return 0, false
}

// holds reports whether the comparison b holds of an order c.
func holds(b builtin, c int) bool {
	switch b {
	case eqFn:
		return c == 0
	case neFn:
		return c != 0
	case ltFn:
		return c < 0
	case leFn:
		return c <= 0
	case gtFn:
		return c > 0
	}
	return c >= 0
}

func isInt(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

// fieldChain reads the fields cmd names of v in turn.
func (s *state) fieldChain(v reflect.Value, cmd *command) (reflect.Value, error) {
	for i, name := range cmd.names {
		var err error
		if v, err = s.field(v, name, &cmd.slots[i]); err != nil {
			return v, err
		}
	}
	return v, nil
}

// fieldKey names a field of a struct type.
type fieldKey struct {
	t    reflect.Type
	name string
}

// field reads the field name of the struct v holds (through pointers and
// interfaces); anything else, or a nil on the way, is left to
// text/template. slot is the name's slot in its tree.
func (s *state) field(v reflect.Value, name string, slot *fieldSlot) (reflect.Value, error) {
	v, ok := indirect(v)
	if !ok || v.Kind() != reflect.Struct {
		return v, errSlow
	}
	var idx []int
	if t, hit := v.Type(), slot.last.Load(); hit != nil && hit.t == t {
		idx = hit.idx
	} else {
		idx = s.e.fieldIndex(fieldKey{t, name})
		slot.last.Store(&fieldHit{t, idx})
	}
	if idx == nil {
		return v, errSlow
	}
	if len(idx) == 1 {
		return v.Field(idx[0]), nil
	}
	f, err := v.FieldByIndexErr(idx)
	if err != nil {
		return f, errSlow
	}
	return f, nil
}

// fieldIndex is fieldIndexOf(key), found in e.fields or added to it.
func (e *Exec) fieldIndex(key fieldKey) []int {
	if idx, ok := e.knownField(key); ok {
		return idx
	}
	e.fieldsMu.Lock()
	defer e.fieldsMu.Unlock()
	if idx, ok := e.knownField(key); ok {
		return idx
	}
	m := map[fieldKey][]int{}
	if old := e.fields.Load(); old != nil {
		m = maps.Clone(*old)
	}
	idx := fieldIndexOf(key)
	m[key] = idx
	e.fields.Store(&m)
	return idx
}

// knownField looks key up in e.fields.
func (e *Exec) knownField(key fieldKey) ([]int, bool) {
	m := e.fields.Load()
	if m == nil {
		return nil, false
	}
	idx, ok := (*m)[key]
	return idx, ok
}

// fieldIndexOf is the index of the field a template reads as key.name of a
// value of type key.t, nil when text/template would call a method or fail.
func fieldIndexOf(key fieldKey) []int {
	if _, ok := reflect.PointerTo(key.t).MethodByName(key.name); ok {
		return nil
	}
	f, ok := key.t.FieldByName(key.name)
	if !ok || !f.IsExported() {
		return nil
	}
	return f.Index
}

func (s *state) varValue(name string) (reflect.Value, bool) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, true
		}
	}
	return reflect.Value{}, false
}

func (s *state) setVar(name string, v reflect.Value) bool {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return true
		}
	}
	return false
}

func (s *state) ifOrWith(dot reflect.Value, n *branchNode) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := s.pipeline(dot, n.pipe)
	if err != nil {
		return err
	}
	truth, ok := isTrue(indirectInterface(v))
	switch {
	case !ok:
		return errSlow
	case truth && n.kind == withBranch:
		return s.walk(v, n.list)
	case truth:
		return s.walk(dot, n.list)
	case n.elseList != nil:
		return s.walk(dot, n.elseList)
	}
	return nil
}

func (s *state) walkRange(dot reflect.Value, r *branchNode) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := s.pipeline(dot, r.pipe)
	if err != nil {
		return err
	}
	if r.assigns {
		return errSlow
	}
	if v.IsValid() {
		var ok bool
		if v, ok = indirect(v); !ok {
			return errSlow
		}
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
	case reflect.Invalid:
		v = reflect.Value{}
	default:
		return errSlow
	}
	if v.IsValid() && v.Len() > 0 {
		inner := len(s.vars)
		for i := 0; i < v.Len(); i++ {
			elem := v.Index(i)
			switch len(r.pipe.decl) {
			case 1:
				s.vars[inner-1].value = elem
			case 2:
				s.vars[inner-1].value = elem
				s.vars[inner-2].value = reflect.ValueOf(i)
			}
			if err := s.walk(elem, r.list); err != nil {
				return err
			}
			s.vars = s.vars[:inner]
		}
		return nil
	}
	if r.elseList != nil {
		return s.walk(dot, r.elseList)
	}
	return nil
}

func (s *state) walkTemplate(dot reflect.Value, t *templateNode) error {
	if s.depth >= maxDepth {
		return errSlow
	}
	v, err := s.pipeline(dot, t.pipe)
	if err != nil {
		return err
	}
	if t.tree.root == nil {
		return errSlow
	}
	// The template sees $ alone, put on the callers' variables.
	mark, base := len(s.vars), s.base
	s.vars = append(s.vars, variable{"$", v})
	s.base = mark
	s.depth++
	err = s.walk(v, t.tree.root)
	s.vars, s.base = s.vars[:mark], base
	s.depth--
	return err
}

// isTrue is text/template's truth of a value.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// indirect is the value v points to or holds, through its pointers and
// interfaces; ok is false at a nil one, and for an invalid v.
func indirect(v reflect.Value) (_ reflect.Value, ok bool) {
	if !v.IsValid() {
		return v, false
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v, false
		}
		v = v.Elem()
	}
	return v, true
}

// indirectInterface is the value v holds when it is an interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}
