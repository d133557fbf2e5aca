package terraform

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestTraverseRel: traverseRel gives what hcl's TraverseRel gives, value
// and diagnostics, for attribute, index and splat-free steps over values
// of every kind a reference meets.
func TestTraverseRel(t *testing.T) {
	obj := cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("x"),
		"tags": cty.MapVal(map[string]cty.Value{"team": cty.StringVal("a")}),
		"list": cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("i")})}),
		"nest": cty.ObjectVal(map[string]cty.Value{"id": cty.NumberIntVal(1)}),
		"null": cty.NullVal(cty.Object(map[string]cty.Type{"id": cty.String})),
		"dyn":  cty.DynamicVal,
	})
	roots := []cty.Value{
		obj,
		obj.Mark("m"),
		cty.DynamicVal,
		cty.DynamicVal.Mark("m"),
		cty.NullVal(cty.DynamicPseudoType),
		cty.UnknownVal(obj.Type()),
		cty.NullVal(obj.Type()),
		cty.MapVal(map[string]cty.Value{"name": cty.StringVal("m")}),
		cty.UnknownVal(cty.Map(cty.String)),
		cty.StringVal("s"),
		cty.TupleVal([]cty.Value{obj}),
		cty.ListVal([]cty.Value{obj}),
		cty.EmptyObjectVal,
	}
	srcs := []string{
		"x.name", "x.nope", "x.tags.team", "x.tags.nope", "x.tags[\"team\"]", "x.list[0].id",
		"x.list.id", "x.nest.id", "x.nest.id.deeper", "x.null.id", "x.dyn.a.b", "x[0]", "x[0].name",
		"x.name[0]", "x", "x.name.name",
	}
	for _, src := range srcs {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "t.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		rest := expr.(*hclsyntax.ScopeTraversalExpr).Traversal[1:]
		for _, root := range roots {
			got, gotDiags := traverseRel(rest, root)
			want, wantDiags := rest.TraverseRel(root)
			if !got.RawEquals(want) || !reflect.DeepEqual(gotDiags, wantDiags) {
				t.Errorf("%s on %#v: traverseRel = %#v, %v; TraverseRel = %#v, %v", src, root, got, gotDiags, want, wantDiags)
			}
		}
	}
}
