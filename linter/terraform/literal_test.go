package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestLiteralValues: literal, and composite for tuples of literals, give
// the value hcl's evaluation gives, for every expression of the fixtures'
// and testdata's .tf files.
func TestLiteralValues(t *testing.T) {
	literals, tuples := 0, 0
	m := newModule(".")
	for _, root := range tfBodies(t) {
		eachBody(root, func(b *hclsyntax.Body) {
			for _, a := range b.Attributes {
				_ = hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
					e, ok := n.(hclsyntax.Expression)
					if !ok {
						return nil
					}
					got, ok := literal(e)
					if ok {
						literals++
					} else if literalElements(e) {
						if got, _, ok = m.composite(e); !ok {
							t.Errorf("%s: composite declines a tuple of literals", e.Range())
						}
						tuples++
					}
					if !ok {
						return nil
					}
					want, diags := e.Value(nil)
					if diags.HasErrors() || !got.RawEquals(want) {
						t.Errorf("%s: %#v, hcl gives %#v (%v)", e.Range(), got, want, diags)
					}
					return nil
				})
			}
		})
	}
	if literals == 0 || tuples == 0 {
		t.Fatalf("%d literals, %d tuples of literals: both should occur", literals, tuples)
	}
}

// literalElements says whether e is a tuple of literals, which evaluate
// without a context.
func literalElements(e hclsyntax.Expression) bool {
	t, ok := e.(*hclsyntax.TupleConsExpr)
	if !ok {
		return false
	}
	for _, el := range t.Exprs {
		if _, ok := literal(el); !ok {
			return false
		}
	}
	return true
}
