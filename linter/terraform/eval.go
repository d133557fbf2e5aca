package terraform

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// MaxCollection bounds the lists that functions such as range may build.
const MaxCollection = 10000

// functions are the Terraform functions ekslint evaluates. A call to any
// other function makes its expression Unknown, never an error.
func (m *module) functions() map[string]function.Function {
	if m.funcs != nil {
		return m.funcs
	}
	m.funcs = map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc,
		"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
		"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
		"csvdecode": stdlib.CSVDecodeFunc, "distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc,
		"flatten": stdlib.FlattenFunc, "floor": stdlib.FloorFunc, "format": stdlib.FormatFunc,
		"formatdate": stdlib.FormatDateFunc, "formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc,
		"index": stdlib.IndexFunc, "join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc,
		"jsonencode": stdlib.JSONEncodeFunc, "keys": stdlib.KeysFunc, "log": stdlib.LogFunc,
		"lookup": stdlib.LookupFunc, "lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc,
		"min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc,
		"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "replace": stdlib.ReplaceFunc,
		"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
		"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc,
		"signum": stdlib.SignumFunc, "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "split": stdlib.SplitFunc,
		"strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "timeadd": stdlib.TimeAddFunc,
		"title": stdlib.TitleFunc, "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "trimsuffix": stdlib.TrimSuffixFunc, "upper": stdlib.UpperFunc,
		"values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"tostring": stdlib.MakeToFunc(cty.String), "tonumber": stdlib.MakeToFunc(cty.Number),
		"tobool": stdlib.MakeToFunc(cty.Bool), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"length": lengthFunc, "range": m.boundedRange(),
		"startswith": prefixFunc(strings.HasPrefix), "endswith": prefixFunc(strings.HasSuffix),
	}
	return m.funcs
}

// lengthFunc is Terraform's length: of a string, a collection or a structure.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		switch {
		case !v.IsKnown() || v.IsNull():
			return cty.UnknownVal(cty.Number), nil
		case v.Type() == cty.String:
			return stdlib.Strlen(v)
		case v.Type().IsObjectType() || v.Type().IsTupleType() || v.Type().IsCollectionType():
			return v.Length(), nil
		}
		return cty.UnknownVal(cty.Number), fmt.Errorf("cannot take the length of %s", v.Type().FriendlyName())
	},
})

func prefixFunc(f func(s, p string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "prefix", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

// boundedRange is range() that refuses to build more than MaxCollection
// elements: range(100000000) must not exhaust memory.
func (m *module) boundedRange() function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{Name: "params", Type: cty.Number},
		Type:     function.StaticReturnType(cty.List(cty.Number)),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			start, step := 0.0, 1.0
			var end float64
			nums := make([]float64, len(args))
			for i, a := range args {
				nums[i], _ = a.AsBigFloat().Float64()
			}
			switch len(nums) {
			case 1:
				end = nums[0]
			case 2:
				start, end = nums[0], nums[1]
			case 3:
				start, end, step = nums[0], nums[1], nums[2]
			default:
				return cty.UnknownVal(retType), fmt.Errorf("range takes one to three numbers")
			}
			if step != 0 && math.Abs((end-start)/step) > MaxCollection {
				m.boundHit = fmt.Sprintf("range(...) would build %.0f elements; ekslint evaluates at most %d", math.Abs((end-start)/step), MaxCollection)
				return cty.UnknownVal(retType), nil
			}
			return stdlib.RangeFunc.Call(args)
		},
	})
}

// eval evaluates expr in the module's context. Anything that cannot be
// known offline (resources, data sources, unknown functions, errors) is
// cty.DynamicVal: unknown, which never makes a rule fire.
func (m *module) eval(expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: m.functions()}
	var locals map[string]cty.Value
	for _, tr := range expr.Variables() {
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
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(m.dir), "root": cty.StringVal(m.dir), "cwd": cty.StringVal("."),
			})
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
	v, diags := expr.Value(ctx)
	if m.boundHit != "" {
		m.problems = append(m.problems, warnAt(expr.Range(), "%s", m.boundHit))
		m.boundHit = ""
	}
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	v, _ = v.UnmarkDeep()
	return v
}

// local evaluates local.name once, with a cycle check.
func (m *module) local(name string) cty.Value {
	if v, ok := m.localVals[name]; ok {
		return v
	}
	attr, ok := m.locals[name]
	if !ok {
		return cty.DynamicVal
	}
	if m.localBusy[name] {
		m.problems = append(m.problems, warnAt(attr.Range, "local.%s refers to itself (through %s); its value is unknown",
			name, strings.Join(m.localStack, " → ")))
		return cty.DynamicVal
	}
	m.localBusy[name] = true
	m.localStack = append(m.localStack, "local."+name)
	v := m.eval(attr.Expr)
	m.localStack = m.localStack[:len(m.localStack)-1]
	delete(m.localBusy, name)
	m.localVals[name] = v
	return v
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
