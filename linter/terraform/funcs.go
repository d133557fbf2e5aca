package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// stdFunctions are the Terraform functions ekslint evaluates, by the name
// Terraform gives them, with terraformFunctions and the file functions
// (fileFunction). A call to any other function (timestamp, uuid, provider
// functions, …) makes its value unknown, never an error: see unknownFunc.
var stdFunctions = map[string]function.Function{
	"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc,
	"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
	"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
	"csvdecode": stdlib.CSVDecodeFunc, "distinct": distinctFunc, "element": stdlib.ElementFunc,
	"flatten": stdlib.FlattenFunc, "floor": stdlib.FloorFunc, "format": stdlib.FormatFunc,
	"formatdate": stdlib.FormatDateFunc, "formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc,
	"index": stdlib.IndexFunc, "join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc,
	"jsonencode": stdlib.JSONEncodeFunc, "keys": stdlib.KeysFunc, "log": stdlib.LogFunc,
	"lookup": stdlib.LookupFunc, "lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc,
	"min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "range": stdlib.RangeFunc,
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
	"length":     lengthFunc,
	"startswith": prefixFunc(strings.HasPrefix), "endswith": prefixFunc(strings.HasSuffix),
}

// distinctFunc is go-cty's distinct, which checks each element against
// every one kept before it: twenty thousand strings took five minutes. A
// list of strings, what distinct is nearly always given, is deduplicated
// in one pass through a map; any other list goes to go-cty, under the
// precheck's bound (distinctLimit).
var distinctFunc = function.New(&function.Spec{
	Description:  stdlib.DistinctFunc.Description(),
	Params:       stdlib.DistinctFunc.Params(),
	Type:         func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		list := args[0]
		if !stringList(list) {
			return stdlib.DistinctFunc.Call(args)
		}
		seen := make(map[string]bool, list.LengthInt())
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			if s := v.AsString(); !seen[s] {
				seen[s] = true
				out = append(out, v)
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		return cty.ListVal(out), nil
	},
})

// stringList reports whether v is a known list of known strings, none of
// them null or marked: strings equal as go-cty compares them exactly when
// their text is equal (go-cty keeps strings in one normal form).
func stringList(v cty.Value) bool {
	if !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsListType() || v.Type().ElementType() != cty.String || v.ContainsMarked() {
		return false
	}
	for it := v.ElementIterator(); it.Next(); {
		if _, e := it.Element(); e.IsNull() {
			return false
		}
	}
	return true
}

// functions is the module's function table: try and can (which take
// expressions, not values), the two hooks bounds.go plants in for
// expressions and templates, and the functions met so far (see function).
func (m *module) functions() map[string]function.Function {
	if m.funcs == nil {
		m.funcs = map[string]function.Function{
			"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
			forHook: m.forCollection(), partHook: m.templatePart(),
		}
	}
	return m.funcs
}

// function adds name to the function table when first met: the standard
// function guarded by the evaluation budget, or unknownFunc. Wrapping
// only what a module calls keeps reading a module cheap.
func (m *module) function(name string) {
	funcs := m.functions()
	if _, ok := funcs[name]; ok {
		return
	}
	if f, ok := stdFunctions[name]; ok {
		funcs[name] = m.guard(name, f)
	} else if f, ok := terraformFunctions[name]; ok {
		funcs[name] = m.guard(name, f)
	} else if f, ok := m.fileFunction(name); ok {
		funcs[name] = m.guard(name, f)
	} else {
		funcs[name] = unknownFunc
	}
}

// allFunctions fills the table with every standard function, for JSON
// expressions, whose calls cannot be seen before evaluation.
func (m *module) allFunctions() {
	if m.allFuncs {
		return
	}
	m.allFuncs = true
	for name := range stdFunctions {
		m.function(name)
	}
	for name := range terraformFunctions {
		m.function(name)
	}
	for _, name := range []string{"file", "filebase64", "fileexists", "templatefile"} {
		m.function(name)
	}
}

// unknownFunc stands for any function ekslint does not evaluate: whatever
// its arguments, its result is unknown.
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

// lengthFunc is Terraform's length: of a string, a collection or a structure.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		switch {
		case v.Type().IsTupleType() || v.Type().IsObjectType():
			return cty.NumberIntVal(int64(v.LengthInt())), nil // known from the type alone
		case !v.IsKnown() || v.IsNull():
			return cty.UnknownVal(cty.Number), nil
		case v.Type() == cty.String:
			return stdlib.Strlen(v)
		case v.Type().IsCollectionType():
			return v.Length(), nil
		}
		return cty.UnknownVal(cty.Number), fmt.Errorf("cannot take the length of %s", v.Type().FriendlyName())
	},
})

// prefixFunc is startswith or endswith.
func prefixFunc(f func(s, p string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "prefix", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}
