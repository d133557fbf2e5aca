package terraform

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Bounds on evaluation. A configuration can ask for any amount of work in
// a few bytes (range(100000000), nested for expressions, a local doubling
// another local forty times), so every evaluation has a budget; spending it
// makes the expression unknown, with a warning located at it.
//
// Work is counted in units: one per value built or walked (an element, an
// attribute, a for iteration) plus one per bytesPerUnit bytes of text.
const (
	// MaxCollection bounds the list one call to setproduct may build.
	MaxCollection = 10000
	// maxIterations bounds the for-expression iterations of one expression.
	maxIterations = 25_000
	// maxWork bounds the work of one expression: the values it builds and
	// the function arguments it walks. It also bounds the size of a result.
	maxWork = 250_000
	// maxModuleWork bounds the work of one root module and the modules it
	// calls, all their instances together: many instances of many
	// resources each spending almost their own budget, or a module called
	// a thousand times doing the same work in each.
	maxModuleWork = 20_000_000
	bytesPerUnit  = 16
)

// budget is the work one evaluation has done, and the first bound it hit.
type budget struct {
	work, iterations int
	hit              string
}

// exceed records that a bound was hit; the first one is reported.
func (m *module) exceed(format string, args ...any) {
	if m.budget.hit == "" {
		m.budget.hit = fmt.Sprintf(format, args...)
	}
}

var workLimit = fmt.Sprintf("at most about %d values or %d MB of text", maxWork, maxWork*bytesPerUnit>>20)

// charge counts the size of v against the budgets. It returns false, and
// records why, when a budget is spent.
func (m *module) charge(v cty.Value) bool {
	if m.budget.hit != "" {
		return false
	}
	n, _, ok := measure(v, maxWork-m.budget.work)
	m.budget.work += n
	m.calls.work += n
	switch {
	case !ok:
		m.exceed("this expression builds more than ekslint evaluates in one expression (%s)", workLimit)
	case m.calls.work > maxModuleWork:
		m.exceedModule()
	}
	return m.budget.hit == ""
}

// exceedModule records that the root module's work is spent.
func (m *module) exceedModule() {
	m.exceed("this module builds more than ekslint evaluates in one root module and the modules it calls (at most about %d values)", maxModuleWork)
}

// chargeRoot counts the arguments of a cheap function against the root
// module's work only: the function reads a part of them, but go-cty walks
// them whole before every call (for marks), and a module called a
// thousand times called length() on the same large value in each
// instance. It returns false when the root's work is spent.
func (m *module) chargeRoot(args []cty.Value) bool {
	for _, a := range args {
		if m.calls.work > maxModuleWork {
			break
		}
		n, _, _ := measure(a, maxModuleWork-m.calls.work+1)
		m.calls.work += n
	}
	if m.calls.work > maxModuleWork {
		m.exceedModule()
		return false
	}
	return true
}

// fits reports whether v is small enough to be a result and, if it is,
// whether some part of it is marked (as ContainsMarked would: measure
// visits the same parts as cty's walk).
func (m *module) fits(v cty.Value) (ok, marked bool) {
	_, marked, ok = measure(v, maxWork)
	return ok, marked
}

// measure counts the units of v, stopping (ok false) as soon as they pass
// limit: a value may share its parts many times over (a list of a list of
// the same list…), and walking it must not take longer than the bound.
// Marked says whether a part it visited is marked.
func measure(v cty.Value, limit int) (n int, marked, ok bool) {
	// Most values are a scalar or a short list: a stack in the frame
	// spares an allocation.
	var frame [8]cty.Value
	stack := append(frame[:0], v)
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v.IsMarked() {
			marked = true
			v, _ = v.Unmark()
		}
		n++
		if v.IsKnown() && !v.IsNull() {
			ty := v.Type()
			switch {
			case ty == cty.String:
				n += len(v.AsString()) / bytesPerUnit
			case ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType():
				if n+v.LengthInt() > limit {
					return n + v.LengthInt(), marked, false
				}
				stack = appendElements(stack, v)
			}
		}
		if n > limit {
			return n, marked, false
		}
	}
	return n, marked, true
}

// Names of the hooks prepare plants in expressions. "::" keeps them apart
// from Terraform's own function names.
const (
	forHook  = "ekslint::for"
	partHook = "ekslint::part"
)

// prepare readies an expression for bounded evaluation, once: the
// functions it calls enter the function table, the collection of every
// for expression is passed through forHook (which counts iterations), and
// every interpolation of a template through partHook (which counts the
// text it adds). JSON expressions are parsed afresh at each evaluation and
// cannot be prepared; the function budget still bounds them.
func (m *module) prepare(expr hcl.Expression) {
	node, ok := expr.(hclsyntax.Node)
	if !ok {
		m.allFunctions()
		return
	}
	if m.prepared[expr] {
		return
	}
	if m.prepared == nil { // most modules prepare nothing: no map until one does
		m.prepared = map[hcl.Expression]bool{}
	}
	m.prepared[expr] = true
	if e, ok := expr.(hclsyntax.Expression); ok && isPlain(e) {
		walkPlain(e, func(n hclsyntax.Expression) { m.prepareNode(n) })
		return
	}
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		m.prepareNode(n)
		return nil
	})
}

// prepareNode is prepare's work at one node of an expression.
func (m *module) prepareNode(n hclsyntax.Node) {
	if e, ok := n.(*hclsyntax.FunctionCallExpr); ok {
		m.function(e.Name)
		return
	}
	plantHooks(n)
}

// plantHooks passes the collection of a for expression through forHook and
// each interpolation of a template through partHook, unless they already
// are: the only writes to parsed syntax (see Modules).
func plantHooks(n hclsyntax.Node) {
	switch e := n.(type) {
	case *hclsyntax.ForExpr:
		if !isHook(e.CollExpr, forHook) {
			e.CollExpr = hook(forHook, e.CollExpr)
		}
	case *hclsyntax.TemplateExpr:
		for i, p := range e.Parts {
			if _, literal := p.(*hclsyntax.LiteralValueExpr); !literal && !isHook(p, partHook) {
				e.Parts[i] = hook(partHook, p)
			}
		}
	}
}

func hook(name string, e hclsyntax.Expression) *hclsyntax.FunctionCallExpr {
	r := e.Range()
	return &hclsyntax.FunctionCallExpr{Name: name, Args: []hclsyntax.Expression{e}, NameRange: r, OpenParenRange: r, CloseParenRange: r}
}

func isHook(e hclsyntax.Expression, name string) bool {
	c, ok := e.(*hclsyntax.FunctionCallExpr)
	return ok && c.Name == name
}

// passThrough is the parameter of a hook: it accepts anything unchanged.
var passThrough = []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType,
	AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}}

func sameType(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil }

// forCollection counts the iterations a for expression is about to run.
func (m *module) forCollection() function.Function {
	return function.New(&function.Spec{
		Params: passThrough,
		Type:   sameType,
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			v, _ := args[0].Unmark()
			if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
				return args[0], nil
			}
			n := v.LengthInt()
			m.budget.iterations += n
			m.budget.work += n
			m.calls.work += n
			switch {
			case m.budget.iterations > maxIterations:
				m.exceed("for expressions here would run more than %d times; ekslint runs at most %d iterations in one expression", maxIterations, maxIterations)
			case m.budget.work > maxWork:
				m.exceed("this expression builds more than ekslint evaluates in one expression (%s)", workLimit)
			case m.calls.work > maxModuleWork:
				m.exceedModule()
			}
			if m.budget.hit != "" {
				return cty.UnknownVal(ret), nil
			}
			return args[0], nil
		},
	})
}

// templatePart counts the text an interpolation adds to a template.
func (m *module) templatePart() function.Function {
	return function.New(&function.Spec{
		Params: passThrough,
		Type:   sameType,
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			if !m.charge(args[0]) {
				return cty.UnknownVal(ret), nil
			}
			return args[0], nil
		},
	})
}

// cheapFuncs read only a part of their arguments: walking them whole to
// charge them would cost more than the call.
var cheapFuncs = map[string]bool{"lookup": true, "element": true, "length": true, "index": true,
	"contains": true, "coalesce": true, "keys": true, "values": true}

// guard wraps a function with the budget: its arguments are charged before
// the call (for most functions the call's work is proportional to them),
// calls that would build something huge in one go are refused, and its
// result is charged.
func (m *module) guard(name string, f function.Function) function.Function {
	check := prechecks[name]
	// Parameters that go-cty would convert by unifying the types of the
	// elements are taken as they come and converted by unifyArgs.
	params, varParam, unify := unifyingParams(name, f)
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      params,
		VarParam:    varParam,
		Type: func(args []cty.Value) (cty.Type, error) {
			args, err := m.unifyArgs(name, args, unify)
			if errors.Is(err, errBound) {
				return cty.DynamicPseudoType, nil
			}
			if err != nil {
				return cty.NilType, err
			}
			// Charged here, not in Impl: computing the result type can
			// already walk the arguments (flatten does).
			if !cheapFuncs[name] {
				for _, a := range args {
					if !m.charge(a) {
						return cty.DynamicPseudoType, nil
					}
				}
			} else if !m.chargeRoot(args) {
				return cty.DynamicPseudoType, nil
			}
			// Refused here, before the type is computed: the type of
			// jsondecode and yamldecode is that of what they decode, so
			// computing it decodes. cty computes the type before every
			// call, so Impl, which follows, sees the bound hit.
			if check != nil {
				if msg := check(args); msg != "" {
					m.exceed("%s", msg)
					return cty.DynamicPseudoType, nil
				}
			}
			if d, ok := m.decode(name, f, args); ok {
				return d.ty, d.tyErr
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			if m.budget.hit != "" {
				return cty.UnknownVal(ret), nil
			}
			args, err := m.unifyArgs(name, args, unify) // as Type did: it succeeded
			if err != nil {
				return cty.UnknownVal(ret), nil
			}
			var v cty.Value
			if d, ok := m.decode(name, f, args); ok {
				v, err = d.val, d.valErr
			} else {
				v, err = f.Call(args)
			}
			if err != nil {
				return cty.UnknownVal(ret), err
			}
			if !m.charge(v) {
				return cty.UnknownVal(ret), nil
			}
			return v, nil
		},
	})
}
