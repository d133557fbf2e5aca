package terraform

import (
	"errors"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// Converting a tuple to a list or set of any type, or an object to a map,
// as hcl does through go-cty for every function parameter declared so
// (distinct, tolist, toset, concat, …), first finds the one type all the
// elements convert to by comparing the type of every element with every
// other: for distinct(flatten(…)) of 20,000 strings, 10 s before distinct
// ran (and distinct, comparing every pair of values, 280 s more; see
// distinctFunc). guard takes those parameters as they come and
// converts them here: in one pass when every element has the same type
// (nearly always), through go-cty when there are few, and not at all past
// maxUnify elements of different types.
const (
	// fewToUnify is the most elements go-cty unifies for guard: its own
	// conversion, exactly as Terraform makes it, costs nothing to speak of.
	fewToUnify = 64
	// maxUnify bounds the elements of different types one conversion
	// unifies: four million comparisons, a fraction of a second.
	maxUnify = 2000
)

// convertsInside are the functions whose parameter is declared of any type
// but that convert their argument by unifying, inside the call, and the
// type they convert it to (setproduct: each of its arguments).
var convertsInside = map[string]cty.Type{
	"tolist": cty.List(cty.DynamicPseudoType), "toset": cty.Set(cty.DynamicPseudoType),
	"tomap": cty.Map(cty.DynamicPseudoType), "setproduct": cty.List(cty.DynamicPseudoType),
}

// unifiesArgs are the functions that unify the types of their arguments
// with one another: past maxUnify arguments (a call such as
// concat(lists...)), they are refused.
var unifiesArgs = map[string]bool{
	"coalesce": true, "concat": true, "merge": true,
	"setunion": true, "setintersection": true, "setsubtract": true,
}

// target is what guard converts one parameter's argument to: t, as hcl
// would have converted it before the call when declared is set (the
// parameter is declared of type t), or, for convertsInside, as the
// function converts it during the call.
type target struct {
	t        cty.Type
	declared bool
}

// unifyingParams returns the parameters of the function f called name with
// every one whose type is a list, set or map of any type declared of any
// type instead, and the conversions to make by parameter (the variadic one
// last); nil when f has none.
func unifyingParams(name string, f function.Function) (params []function.Parameter, varParam *function.Parameter, targets []target) {
	params, varParam = f.Params(), f.VarParam()
	found := false
	targets = make([]target, len(params)+1)
	if t, ok := convertsInside[name]; ok {
		if varParam != nil {
			targets[len(params)] = target{t: t}
		} else {
			targets[0] = target{t: t}
		}
		found = true
	}
	for i := range params {
		if unifying(params[i].Type) {
			targets[i], params[i].Type, found = target{params[i].Type, true}, cty.DynamicPseudoType, true
		}
	}
	if varParam != nil && unifying(varParam.Type) {
		targets[len(params)], varParam.Type, found = target{varParam.Type, true}, cty.DynamicPseudoType, true
	}
	if !found {
		targets = nil
	}
	return params, varParam, targets
}

// unifying reports whether go-cty converts an argument to t by unifying
// the types of its elements: t is a collection of DynamicPseudoType.
func unifying(t cty.Type) bool {
	return (t.IsListType() || t.IsSetType() || t.IsMapType()) && t.ElementType() == cty.DynamicPseudoType
}

// unifyArgs converts the arguments whose parameters have targets (see
// unifyingParams). It fails, with the bound recorded, when one has more
// than maxUnify elements of different types, and with go-cty's error when
// an argument does not convert.
func (m *module) unifyArgs(name string, args []cty.Value, targets []target) ([]cty.Value, error) {
	if len(args) > maxUnify && unifiesArgs[name] {
		m.exceed("%s(...) is given %d arguments; ekslint converts at most %d to one type", name, len(args), maxUnify)
		return nil, errBound
	}
	if targets == nil {
		return args, nil
	}
	var out []cty.Value // a copy, made on the first conversion: args is go-cty's
	for i, a := range args {
		tg := targets[min(i, len(targets)-1)]
		if tg.t == cty.NilType {
			continue
		}
		v, changed, err := m.unifyArg(name, a, tg)
		if err != nil {
			return nil, err
		}
		if !changed {
			continue
		}
		if out == nil {
			out = append([]cty.Value(nil), args...)
		}
		out[i] = v
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}

// errBound is the error of a call refused for a bound: the bound itself is
// recorded by exceed, and reported.
var errBound = errors.New("over an evaluation bound")

// unifyArg converts one argument: in one pass when it is a tuple or an
// object of more than fewToUnify elements of one type, else as hcl would
// for a declared parameter, or not at all for one converted inside.
func (m *module) unifyArg(name string, a cty.Value, tg target) (v cty.Value, changed bool, err error) {
	asHCL := func() (cty.Value, bool, error) {
		if !tg.declared {
			return a, false, nil
		}
		v, err := convert.Convert(a, tg.t)
		return v, true, err
	}
	v, marks := a.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return asHCL()
	}
	ty := v.Type()
	var elems []cty.Type
	switch {
	case ty.IsTupleType() && !tg.t.IsMapType():
		elems = ty.TupleElementTypes()
	case ty.IsObjectType() && tg.t.IsMapType():
		for _, et := range ty.AttributeTypes() {
			elems = append(elems, et)
		}
	}
	if len(elems) <= fewToUnify {
		return asHCL()
	}
	same := !elems[0].HasDynamicTypes()
	for _, et := range elems[1:] {
		if !same {
			break
		}
		same = et.Equals(elems[0])
	}
	if !same {
		if len(elems) > maxUnify {
			m.exceed("%s(...) is given %d values of different types; ekslint converts at most %d such values to one type", name, len(elems), maxUnify)
			return cty.NilVal, false, errBound
		}
		return asHCL()
	}
	var out cty.Value
	switch {
	case tg.t.IsListType():
		out = cty.ListVal(v.AsValueSlice())
	case tg.t.IsSetType():
		out = cty.SetVal(v.AsValueSlice())
	default:
		out = cty.MapVal(v.AsValueMap())
	}
	return out.WithMarks(marks), true, nil
}
