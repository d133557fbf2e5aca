package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// scalarAttr reads one attribute converted to ty: Default at `at` when
// omitted (a literal null also means "use the default", located at the
// attribute), Unknown when it is not knowable offline or has the wrong
// type. A bad value is located at the attribute (name = value).
func scalarAttr[T any](m *module, c *hcl.BodyContent, name string, ty cty.Type, def T, at source.Range, get func(cty.Value) T) source.Value[T] {
	a, ok := c.Attributes[name]
	if !ok {
		return source.DefaultAt(def, at)
	}
	r := rangeOf(a.Range)
	m.notePassed(a)
	v := m.eval(a.Expr)
	if !v.IsWhollyKnown() {
		return source.UnknownAt[T](r)
	}
	if v.IsNull() {
		return source.DefaultAt(def, r)
	}
	conv, err := convert.Convert(v, ty)
	if err != nil {
		m.problems = append(m.problems, warnAt(a.Range, "%s must be a %s, not %s", name, ty.FriendlyName(), v.Type().FriendlyName()))
		return source.UnknownAt[T](r)
	}
	return source.SetAt(get(conv), r)
}

func (m *module) boolAttr(c *hcl.BodyContent, name string, def bool, at source.Range) source.Value[bool] {
	return scalarAttr(m, c, name, cty.Bool, def, at, cty.Value.True)
}

func (m *module) stringAttr(c *hcl.BodyContent, name, def string, at source.Range) source.Value[string] {
	return scalarAttr(m, c, name, cty.String, def, at, cty.Value.AsString)
}

// stringsAttr reads a list of strings. Elements of a literal list keep
// their own ranges; otherwise (a variable, a function, a set, whose order
// is not the written one) they point at the attribute.
func (m *module) stringsAttr(c *hcl.BodyContent, name string, def []string, at source.Range) source.Strings {
	a, ok := c.Attributes[name]
	if !ok {
		return defaultList(def, at)
	}
	r := rangeOf(a.Range)
	m.notePassed(a)
	v := m.eval(a.Expr)
	if !v.IsKnown() {
		return source.UnknownAt[[]source.Value[string]](r)
	}
	if v.IsNull() {
		return defaultList(def, r)
	}
	ty := v.Type()
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
		m.problems = append(m.problems, warnAt(a.Range, "%s must be a list of strings, not %s", name, ty.FriendlyName()))
		return source.UnknownAt[[]source.Value[string]](r)
	}
	var elems []hcl.Expression
	if !ty.IsSetType() {
		if list, ok := exprList(a.Expr); ok && len(list) == v.LengthInt() {
			elems = list
		}
	}
	out := make([]source.Value[string], 0, v.LengthInt())
	for i, e := range elements(v) {
		er := r
		if elems != nil {
			er = rangeOf(elems[i].Range())
		}
		if !e.IsWhollyKnown() || e.IsNull() {
			out = append(out, source.UnknownAt[string](er))
			continue
		}
		s, err := convert.Convert(e, cty.String)
		if err != nil {
			out = append(out, source.UnknownAt[string](er))
			continue
		}
		out = append(out, source.SetAt(s.AsString(), er))
	}
	return source.SetAt(out, r)
}

func defaultList(def []string, at source.Range) source.Strings {
	out := make([]source.Value[string], len(def))
	for i, d := range def {
		out[i] = source.DefaultAt(d, at)
	}
	return source.DefaultAt(out, at)
}

// nonePassed ends a record of passed inputs that could hold none.
func nonePassed() *model.Passed { return nil }

// notePassed records, for the object being adapted, that attribute a is
// exactly `var.NAME` of an input a module call passed: a finding about
// it then names the call's argument too.
func (m *module) notePassed(a *hcl.Attribute) {
	if m.passed == nil {
		return
	}
	vars := variables(a.Expr)
	if len(vars) != 1 || vars[0].RootName() != "var" || len(vars[0]) != 2 {
		return
	}
	name, ok := vars[0][1].(hcl.TraverseAttr)
	if !ok {
		return
	}
	if v := m.vars[name.Name]; v != nil && v.passed {
		m.passed[rangeOf(a.Range)] = rangeOf(v.from)
	}
}

// collectPassed starts recording passed inputs for one object and
// returns the function that ends it, giving what was recorded.
func (m *module) collectPassed() func() *model.Passed {
	if !m.hasInputs {
		// Nothing can be recorded: notePassed, seeing m.passed nil, skips
		// the walk of every attribute for its variables.
		return nonePassed
	}
	m.passed = model.Passed{}
	return func() *model.Passed {
		p := m.passed
		m.passed = nil
		if len(p) == 0 {
			return nil
		}
		return &p
	}
}

// exprList is hcl.ExprList's elements of expr, and whether it has them.
//
// Why: for an expression that is no list, such as local.names, ExprList
// builds a diagnostic that callers only test for.
//
// Why it is equivalent: of the native syntax's expressions only a tuple
// constructor has elements, and only an object key unwraps to another
// expression, so ExprList fails on every other one; those two, and every
// other syntax, still go to ExprList. TestExprList compares both.
func exprList(expr hcl.Expression) ([]hcl.Expression, bool) {
	switch expr.(type) {
	case *hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsKeyExpr:
	case hclsyntax.Expression:
		return nil, false
	}
	list, diags := hcl.ExprList(expr)
	return list, !diags.HasErrors()
}
