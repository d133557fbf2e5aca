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
	tuple, static := literalTuple(expr)
	var ctx *hcl.EvalContext
	if !static {
		ctx = m.context(expr)
	}
	saved := m.budget
	m.budget = budget{}
	defer func() { m.budget = saved }()
	v, diags := tuple, hcl.Diagnostics(nil)
	if !static {
		m.prepare(expr)
		v, diags = expr.Value(ctx)
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

// literalTuple is the value of a tuple of plain literals, such as
// ["api", "audit"], as hcl would give it (a tuple of its elements'
// values), without a context, a walk, or hcl's evaluation of each element
// as a template. Unlike a literal, it is still bounded in size by eval.
func literalTuple(expr hcl.Expression) (cty.Value, bool) {
	t, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return cty.NilVal, false
	}
	for _, e := range t.Exprs {
		if _, ok := literal(e); !ok {
			return cty.NilVal, false // before allocating: most tuples refer to something
		}
	}
	vals := make([]cty.Value, len(t.Exprs))
	for i, e := range t.Exprs {
		vals[i], _ = literal(e)
	}
	return cty.TupleVal(vals), true
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
func (m *module) local(name string) cty.Value {
	if v, ok := m.localVals[name]; ok {
		return v
	}
	attr, ok := m.locals[name]
	if !ok {
		return cty.DynamicVal
	}
	if m.localBusy[name] {
		cycle := append([]string{}, m.localStack[indexOf(m.localStack, "local."+name):]...)
		cycle = append(cycle, "local."+name)
		m.problems = append(m.problems, warnAt(attr.Range, "local.%s refers to itself (%s); its value is unknown",
			name, strings.Join(cycle, " → ")))
		return cty.DynamicVal
	}
	m.localBusy[name] = true
	m.localStack = append(m.localStack, "local."+name)
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
