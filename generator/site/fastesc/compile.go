package fastesc

import (
	"reflect"
	"text/template/parse"
)

// A tree is a template's tree compiled for Exec: each node holds what
// executing it needs (the escaper it calls, the tree it calls, the
// slots of its fields), found once by NewExec, so that a page looks
// nothing up by name or by node. root is nil for a tree with no root.
type tree struct{ root node }

// node is a compiled node of a tree: one of the *...Node types below.
type node any

// listNode runs its nodes in turn.
type listNode struct{ nodes []node }

// textNode writes its text.
type textNode struct{ text []byte }

// actionNode runs a pipeline and writes its value. esc, when not nil, is
// the escaper that ends a pipeline that declares nothing: it writes the
// value of the commands before it, cmds.
type actionNode struct {
	pipe *pipeNode
	esc  *chain
	cmds []*command
}

// branchNode is an if, a with or a range. elseList is nil when there is
// no else.
type branchNode struct {
	kind           branchKind
	pipe           *pipeNode
	list, elseList node
	// assigns: a range whose pipeline assigns (=) its variables.
	assigns bool
}

type branchKind uint8

const (
	ifBranch branchKind = iota
	withBranch
	rangeBranch
)

// templateNode calls tree with the value of pipe.
type templateNode struct {
	tree *tree
	pipe *pipeNode
}

// slowNode is a node Exec leaves to text/template.
type slowNode struct{}

// pipeNode is a pipeline: its commands, then the variables it declares
// (or assigns, when assign).
type pipeNode struct {
	cmds   []*command
	decl   []string
	assign bool
}

// command is a command of a pipeline, or an argument of a function: an
// operand of one of the kinds below.
type command struct {
	kind operandKind
	// name is a variable's name (with its $); names and slots the fields
	// read of the operand in turn.
	name  string
	names []string
	slots []fieldSlot
	// value is a constant's.
	value reflect.Value
	pipe  *pipeNode
	call  *call
}

type operandKind uint8

const (
	slowOperand operandKind = iota
	dotOperand
	fieldOperand // fields of dot
	varOperand   // a variable, then fields of it
	constOperand
	pipeOperand
	callOperand
)

// call is a call of a function: an escaper of this package, a function
// of one string, or a builtin of text/template.
type call struct {
	kind callKind
	esc  *chain
	fn   func(string) string
	// builtin is the builtin called.
	builtin builtin
	// args are the arguments written in the template.
	args []*command
}

type callKind uint8

// builtin is one of text/template's builtins Exec calls.
type builtin uint8

const (
	andFn builtin = iota
	orFn
	notFn
	lenFn
	eqFn
	neFn
	ltFn
	leFn
	gtFn
	geFn
)

// builtins are the builtins Exec calls, by name.
var builtins = map[string]builtin{"and": andFn, "or": orFn, "not": notFn, "len": lenFn,
	"eq": eqFn, "ne": neFn, "lt": ltFn, "le": leFn, "gt": gtFn, "ge": geFn}

const (
	slowCall callKind = iota
	escapeCall
	stringCall
	builtinCall
)

// compiler compiles the trees of an Exec.
type compiler struct {
	// funcs are the functions of the template set that take and return
	// one string; named the names of all its functions (a builtin of
	// that name is not the builtin).
	funcs map[string]func(string) string
	named map[string]bool
	// trees are the compiled trees by name, made before any is compiled
	// so that a tree may call itself.
	trees map[string]*tree
}

// compile compiles the parse trees of a template set, by name.
func (c *compiler) compile(parsed map[string]*parse.Tree) map[string]*tree {
	c.trees = make(map[string]*tree, len(parsed))
	byTree := map[*parse.Tree]*tree{}
	for name, p := range parsed {
		t := byTree[p]
		if t == nil {
			t = &tree{}
			byTree[p] = t
		}
		c.trees[name] = t
	}
	for p, t := range byTree {
		if p.Root != nil {
			t.root = c.list(p.Root)
		}
	}
	return c.trees
}

// list compiles a list; nil (which never runs) is left to text/template.
func (c *compiler) list(n *parse.ListNode) node {
	if n == nil {
		return &slowNode{}
	}
	l := &listNode{nodes: make([]node, 0, len(n.Nodes))}
	for _, x := range n.Nodes {
		if _, ok := x.(*parse.CommentNode); ok {
			continue
		}
		l.nodes = append(l.nodes, c.node(x))
	}
	return l
}

// elseList compiles the else of a branch, nil when there is none.
func (c *compiler) elseList(n *parse.ListNode) node {
	if n == nil {
		return nil
	}
	return c.list(n)
}

func (c *compiler) node(n parse.Node) node {
	switch n := n.(type) {
	case *parse.ActionNode:
		return c.action(n.Pipe)
	case *parse.IfNode:
		return c.branch(ifBranch, &n.BranchNode)
	case *parse.WithNode:
		return c.branch(withBranch, &n.BranchNode)
	case *parse.RangeNode:
		return c.branch(rangeBranch, &n.BranchNode)
	case *parse.ListNode:
		return c.list(n)
	case *parse.TemplateNode:
		t, ok := c.trees[n.Name]
		if !ok {
			return &slowNode{}
		}
		return &templateNode{tree: t, pipe: c.pipe(n.Pipe)}
	case *parse.TextNode:
		return &textNode{text: n.Text}
	}
	return &slowNode{}
}

// action compiles an action.
func (c *compiler) action(p *parse.PipeNode) node {
	a := &actionNode{pipe: c.pipe(p)}
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) == 0 {
		return a
	}
	if esc := escaperOf(p.Cmds[len(p.Cmds)-1]); esc != nil {
		if len(p.Cmds) == 1 {
			return &slowNode{} // an escaper of no value
		}
		a.esc, a.cmds = esc, a.pipe.cmds[:len(p.Cmds)-1]
	}
	return a
}

// escaperOf is the chain an Install'd command calls with the pipeline's
// value alone, or nil.
func escaperOf(cmd *parse.CommandNode) *chain {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && len(cmd.Args) == 1 {
		return byFn[id.Ident]
	}
	return nil
}

func (c *compiler) branch(kind branchKind, n *parse.BranchNode) node {
	return &branchNode{kind: kind, pipe: c.pipe(n.Pipe), list: c.list(n.List), elseList: c.elseList(n.ElseList),
		assigns: n.Pipe != nil && n.Pipe.IsAssign && len(n.Pipe.Decl) > 0}
}

// pipe compiles a pipeline; nil is nil.
func (c *compiler) pipe(p *parse.PipeNode) *pipeNode {
	if p == nil {
		return nil
	}
	out := &pipeNode{cmds: make([]*command, len(p.Cmds)), assign: p.IsAssign}
	for i, cmd := range p.Cmds {
		out.cmds[i] = c.command(cmd, i > 0)
	}
	for _, d := range p.Decl {
		out.decl = append(out.decl, d.Ident[0])
	}
	return out
}

// command compiles a command of a pipeline; has: the commands before it
// give it a value.
func (c *compiler) command(cmd *parse.CommandNode, has bool) *command {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return &command{kind: callOperand, call: c.call(id.Ident, cmd.Args[1:], has)}
	}
	if len(cmd.Args) > 1 || has {
		return &command{}
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode, *parse.PipeNode:
		return c.operand(n)
	case *parse.StringNode:
		return &command{kind: constOperand, value: reflect.ValueOf(n.Text)}
	case *parse.BoolNode:
		return &command{kind: constOperand, value: reflect.ValueOf(n.True)}
	}
	return &command{}
}

// arg compiles an argument of a function.
func (c *compiler) arg(n parse.Node) *command {
	switch n := n.(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode, *parse.PipeNode:
		return c.operand(n)
	case *parse.StringNode:
		return &command{kind: constOperand, value: reflect.ValueOf(n.Text)}
	case *parse.NumberNode:
		if !decimal(n.Text) || !n.IsInt || int64(int(n.Int64)) != n.Int64 {
			return &command{}
		}
		return &command{kind: constOperand, value: reflect.ValueOf(int(n.Int64))}
	case *parse.IdentifierNode:
		return &command{kind: callOperand, call: c.call(n.Ident, nil, false)}
	}
	return &command{}
}

// operand compiles what a command and an argument read alike: dot, a
// field, a variable, a pipeline.
func (c *compiler) operand(n parse.Node) *command {
	switch n := n.(type) {
	case *parse.DotNode:
		return &command{kind: dotOperand}
	case *parse.FieldNode:
		return &command{kind: fieldOperand, names: n.Ident, slots: make([]fieldSlot, len(n.Ident))}
	case *parse.VariableNode:
		rest := n.Ident[1:]
		return &command{kind: varOperand, name: n.Ident[0], names: rest, slots: make([]fieldSlot, len(rest))}
	case *parse.PipeNode:
		return &command{kind: pipeOperand, pipe: c.pipe(n)}
	}
	return &command{}
}

// call compiles a call of the function name with args; has: the
// pipeline gives it a final value.
func (c *compiler) call(name string, args []parse.Node, has bool) *call {
	out := &call{}
	for _, a := range args {
		out.args = append(out.args, c.arg(a))
	}
	if esc, ok := byFn[name]; ok && len(args) == 0 && has {
		// Not the last of its pipeline: Install puts escapers last.
		out.kind, out.esc = escapeCall, esc
		return out
	}
	if f, ok := c.funcs[name]; ok {
		if len(args) == 1 && !has || len(args) == 0 && has {
			out.kind, out.fn = stringCall, f
		}
		return out
	}
	if has || c.named[name] {
		return out
	}
	b, ok := builtins[name]
	switch {
	case !ok:
	case b == andFn || b == orFn:
		ok = len(args) > 0
	case b == notFn || b == lenFn:
		ok = len(args) == 1
	default:
		ok = len(args) == 2
	}
	if ok {
		out.kind, out.builtin = builtinCall, b
	}
	return out
}
