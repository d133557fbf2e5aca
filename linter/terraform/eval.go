package terraform

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// eval evaluates expr in the module's context. Anything that cannot be
// known offline (resources, data sources, module outputs, self, count or
// each outside an instance, functions ekslint does not implement, errors)
// is unknown, which never makes a rule fire. Evaluation is bounded (see
// bounds.go): an expression that would build too much is unknown too, with
// a warning at the expression.
func (m *module) eval(expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if v, ok := literal(expr); ok {
		return v
	}
	// Each value a value refers to is evaluated inside it, recursively: a
	// chain of 600,000 locals, each referring to the one before, overflowed
	// the stack, a fatal error that ended the whole run.
	if m.evalDepth >= maxEvalDepth {
		if !m.chained {
			m.chained = true
			m.problems = append(m.problems, warnAt(expr.Range(),
				"this value depends on a chain of more than %d values, each referring to the next (locals, attributes of other resources); ekslint leaves it unknown", maxEvalDepth))
		}
		return cty.DynamicVal
	}
	m.evalDepth++
	defer func() { m.evalDepth-- }()
	// Before the budget is reset, as context does: a local referred to is
	// evaluated on its own budget.
	v, diags, static := m.composite(expr)
	var ctx *hcl.EvalContext
	if !static {
		ctx = m.context(expr)
	}
	saved := m.budget
	m.budget = budget{}
	defer func() { m.budget = saved }()
	if !static {
		m.prepare(expr)
		if je, ok := asJSON(expr); ok {
			v, diags = m.jsonValue(je, ctx)
		} else {
			v, diags = expr.Value(ctx)
		}
	}
	marked := false
	if m.budget.hit == "" {
		var fits bool
		if fits, marked = m.fits(v); !fits {
			m.exceed("this value is larger than ekslint evaluates (%s)", workLimit)
		}
	}
	if m.budget.hit != "" {
		m.problems = append(m.problems, warnAt(expr.Range(), "%s; its value is unknown", m.budget.hit))
		return cty.DynamicVal
	}
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	if marked { // fits looked: cty's ContainsMarked would walk v again
		v, _ = v.UnmarkDeep()
	}
	return v
}

// literal is the value of a plain literal, such as "x", 3 or true: most
// attributes are one, and they need no context, no walk and no budget.
func literal(expr hcl.Expression) (cty.Value, bool) {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val, true
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) == 1 {
			if lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				return lit.Val, true
			}
		}
	}
	return cty.NilVal, false
}

// reference is the value of a plain reference (var.name, local.tags,
// aws_subnet.a.id, each.value, count.index) as hcl gives it in the
// context that context builds, without building one: after literals,
// references are what attributes hold most, and a context is a map, an
// object value for the locals and a walk of the expression. It binds the
// root as context does and applies the rest of the traversal as hcl's
// TraverseAbs does. tr must be bindable.
func (m *module) reference(tr hcl.Traversal) (cty.Value, hcl.Diagnostics) {
	rest := tr[1:]
	var root cty.Value
	switch name := tr.RootName(); name {
	case "var":
		root = m.varObject()
	case "local":
		// context binds local to an object of the locals referred to, and
		// hcl's first step takes this one out of it again.
		root, rest = m.local(tr[1].(hcl.TraverseAttr).Name), tr[2:]
	default:
		if sv, inScope := m.scope[name]; inScope {
			root = sv
		} else {
			root = cty.DynamicVal // resources, data sources, modules, self
		}
	}
	return traverseRel(rest, root)
}

// bindable says whether reference can bind tr's root as context would:
// not path or terraform (context builds those), nor a local not named by
// an attribute step (context binds no local then).
func bindable(tr hcl.Traversal) bool {
	switch tr.RootName() {
	case "path", "terraform":
		return false
	case "local":
		if len(tr) < 2 {
			return false
		}
		_, ok := tr[1].(hcl.TraverseAttr)
		return ok
	}
	return true
}

// traverseRel is t.TraverseRel(v) for a relative traversal t.
//
// Why: each attribute step of TraverseRel (hcl's TraverseAttr, a value
// whose TraversalStep takes the address of its range) allocates a copy
// of the step, and references are evaluated often.
//
// Why it is equivalent: an attribute step on an unmarked value that is
// not null gives, by hcl's GetAttr, the value's attribute where the value
// is a known object that has it, and cty.DynamicVal where the value is
// of no type yet, both without diagnostics; those are taken here, every
// other step goes to TraversalStep as in TraverseRel. TestTraverseRel
// compares both.
func traverseRel(t hcl.Traversal, v cty.Value) (cty.Value, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	for _, step := range t {
		if attr, ok := step.(hcl.TraverseAttr); ok {
			if next, ok := attrStep(v, attr.Name); ok {
				v = next
				continue
			}
		}
		var more hcl.Diagnostics
		v, more = step.TraversalStep(v)
		diags = append(diags, more...)
		if more.HasErrors() {
			return cty.DynamicVal, diags
		}
	}
	return v, diags
}

// attrStep is GetAttr(v, name) where it is one of traverseRel's two
// plain cases.
func attrStep(v cty.Value, name string) (cty.Value, bool) {
	if v.IsMarked() || v.IsNull() {
		return cty.NilVal, false
	}
	switch ty := v.Type(); {
	case ty == cty.DynamicPseudoType:
		return cty.DynamicVal, true
	case ty.IsObjectType() && v.IsKnown() && ty.HasAttribute(name):
		return v.GetAttr(name), true
	}
	return cty.NilVal, false
}

// composite is the value of a literal, of a reference, or of a tuple or
// object built only of those ([aws_subnet.a.id, aws_subnet.b.id],
// { team = "platform", name = var.name }), as hcl gives it in the context
// context builds, without building one. ok is false, before anything is
// evaluated, for any other expression.
func (m *module) composite(expr hcl.Expression) (v cty.Value, diags hcl.Diagnostics, ok bool) {
	if !simple(expr) {
		return cty.NilVal, nil, false
	}
	v, diags = m.simpleValue(expr)
	return v, diags, true
}

// simple says whether expr is a literal, a bindable reference, or a tuple
// or an object (with keys written as names or plain strings) of simple
// expressions.
func simple(expr hcl.Expression) bool {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return len(e.Traversal) > 0 && bindable(e.Traversal)
	case *hclsyntax.TupleConsExpr:
		for _, el := range e.Exprs {
			if !simple(el) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			if _, ok := literalKey(item.KeyExpr); !ok || !simple(item.ValueExpr) {
				return false
			}
		}
		return true
	}
	_, ok := literal(expr)
	return ok
}

// literalKey is an object key written as a name (team = ...) or a plain
// string ("team" = ...), which hcl takes as that string.
func literalKey(expr hcl.Expression) (string, bool) {
	k, ok := expr.(*hclsyntax.ObjectConsKeyExpr)
	if !ok || k.ForceNonLiteral {
		return "", false
	}
	if tr, ok := k.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok {
		if len(tr.Traversal) == 1 {
			return tr.Traversal.RootName(), true
		}
		return "", false
	}
	if v, ok := literal(k.Wrapped); ok && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		return v.AsString(), true
	}
	return "", false
}

// simpleValue evaluates a simple expression as hcl's TupleConsExpr,
// ObjectConsExpr and ScopeTraversalExpr do: a tuple or object of the
// elements' values, whatever errors they had (eval drops a value with
// errors anyway), later keys replacing earlier ones.
func (m *module) simpleValue(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return m.reference(e.Traversal)
	case *hclsyntax.TupleConsExpr:
		vals := make([]cty.Value, len(e.Exprs))
		var diags hcl.Diagnostics
		for i, el := range e.Exprs {
			v, d := m.simpleValue(el)
			vals[i], diags = v, append(diags, d...)
		}
		return cty.TupleVal(vals), diags
	case *hclsyntax.ObjectConsExpr:
		vals := make(map[string]cty.Value, len(e.Items))
		var diags hcl.Diagnostics
		for _, item := range e.Items {
			k, _ := literalKey(item.KeyExpr)
			v, d := m.simpleValue(item.ValueExpr)
			vals[k], diags = v, append(diags, d...)
		}
		return cty.ObjectVal(vals), diags
	}
	v, _ := literal(expr)
	return v, nil
}

// context binds what expr refers to. Locals are evaluated here, before
// expr itself, so that the evaluation of expr never nests another one.
func (m *module) context(expr hcl.Expression) *hcl.EvalContext {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: m.functions()}
	var locals map[string]cty.Value
	for _, tr := range variables(expr) {
		root := tr.RootName()
		switch root {
		case "var":
			ctx.Variables["var"] = m.varObject()
		case "local":
			if len(tr) < 2 {
				continue
			}
			if attr, ok := tr[1].(hcl.TraverseAttr); ok {
				if locals == nil {
					locals = map[string]cty.Value{}
				}
				locals[attr.Name] = m.local(attr.Name)
			}
		case "path":
			// As Terraform gives them: the root module's folder is ".", a
			// child module's is relative to it.
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(m.modulePath()), "root": cty.StringVal("."), "cwd": cty.StringVal(".")})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		default:
			if v, ok := m.scope[root]; ok {
				ctx.Variables[root] = v // count, each, or a dynamic block's iterator
				continue
			}
			// Resources, data sources, modules, self: not knowable offline.
			ctx.Variables[root] = cty.DynamicVal
		}
	}
	if locals != nil {
		ctx.Variables["local"] = cty.ObjectVal(locals)
	}
	return ctx
}

// local evaluates local.name once, with a cycle check. Locals cannot see
// count, each or a dynamic block's iterator, whatever instance asks.
// maxEvalDepth bounds how many evaluations run one inside another. Real
// configurations chain a few locals; each level costs a few kilobytes of
// stack.
const maxEvalDepth = 1000

func (m *module) local(name string) cty.Value {
	if v, ok := m.localVals[name]; ok {
		return v
	}
	attr, ok := m.locals[name]
	if !ok {
		return cty.DynamicVal
	}
	if m.localBusy[name] {
		var cycle []string
		for _, busy := range m.localStack[indexOf(m.localStack, name):] {
			cycle = append(cycle, "local."+busy)
		}
		cycle = append(cycle, "local."+name)
		m.problems = append(m.problems, warnAt(attr.Range, "local.%s refers to itself (%s); its value is unknown",
			name, strings.Join(cycle, " → ")))
		return cty.DynamicVal
	}
	m.localBusy[name] = true
	m.localStack = append(m.localStack, name)
	prevScope := m.scope
	m.scope = nil
	defer func() {
		m.scope = prevScope
		m.localStack = m.localStack[:len(m.localStack)-1]
		delete(m.localBusy, name)
	}()
	v := m.eval(attr.Expr)
	m.localVals[name] = v
	return v
}

func indexOf(s []string, x string) int {
	for i, e := range s {
		if e == x {
			return i
		}
	}
	return 0
}

// varObject is the value of `var`: every declared variable.
func (m *module) varObject() cty.Value {
	if m.varObj != cty.NilVal {
		return m.varObj
	}
	vals := make(map[string]cty.Value, len(m.vars))
	names := make([]string, 0, len(m.vars))
	for n := range m.vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		vals[n] = m.vars[n].value
	}
	m.varObj = cty.ObjectVal(vals)
	return m.varObj
}

// modulePath is path.module: the module's folder relative to the root
// module's, with forward slashes.
func (m *module) modulePath() string {
	rel, err := filepath.Rel(filepath.FromSlash(m.root), filepath.FromSlash(m.dir))
	if err != nil {
		return m.dir
	}
	return filepath.ToSlash(rel)
}
