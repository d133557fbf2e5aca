package terraform

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
)

// TestExprList: exprList answers as hcl.ExprList does for every
// expression (nested ones too) of every .tf file of the fixtures and
// testdata, and for JSON ones.
func TestExprList(t *testing.T) {
	var exprs []hcl.Expression
	for _, root := range tfBodies(t) {
		_ = hclsyntax.VisitAll(root, func(n hclsyntax.Node) hcl.Diagnostics {
			if e, ok := n.(hclsyntax.Expression); ok {
				exprs = append(exprs, e)
			}
			return nil
		})
	}
	jf, diags := json.Parse([]byte(`{"a": ["x", "${var.y}"], "b": "z", "c": {"k": []}}`), "t.tf.json")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	attrs, _ := jf.Body.JustAttributes()
	for _, a := range attrs {
		exprs = append(exprs, a.Expr)
	}
	lists := 0
	for _, e := range exprs {
		got, ok := exprList(e)
		want, diags := hcl.ExprList(e)
		if ok != !diags.HasErrors() || (ok && !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: exprList = %v, %v; ExprList = %v, %v", e.Range(), got, ok, want, diags)
		}
		if ok {
			lists++
		}
	}
	if lists == 0 || lists == len(exprs) {
		t.Fatalf("%d lists of %d expressions: both kinds should occur", lists, len(exprs))
	}
}
