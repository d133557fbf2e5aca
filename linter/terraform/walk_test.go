package terraform

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestPlainWalk: for every expression of every attribute of the fixtures'
// and testdata's .tf files, before and after prepare plants its hooks,
// variables gives what hcl's Variables gives, and walkPlain visits what
// hcl's VisitAll visits, in the same order, wherever an expression is
// plain.
func TestPlainWalk(t *testing.T) {
	plain, other := 0, 0
	m := newModule(".")
	for _, root := range tfBodies(t) {
		eachBody(root, func(b *hclsyntax.Body) {
			for _, a := range b.Attributes {
				for _, prepared := range []bool{false, true} {
					if prepared {
						m.prepare(a.Expr)
					}
					// Every expression inside too: a part of an expression
					// may be plain where the whole is not.
					_ = hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
						e, ok := n.(hclsyntax.Expression)
						if !ok {
							return nil
						}
						if isPlain(e) {
							plain++
							comparePlainWalk(t, e)
						} else {
							other++
						}
						if got, want := variables(e), e.Variables(); !reflect.DeepEqual(got, want) {
							t.Errorf("%s: variables = %#v, Variables = %#v", e.Range(), got, want)
						}
						return nil
					})
				}
			}
		})
	}
	if plain == 0 || other == 0 {
		t.Fatalf("%d plain expressions, %d others: both should occur", plain, other)
	}
}

func comparePlainWalk(t *testing.T, e hclsyntax.Expression) {
	t.Helper()
	var got, want []hclsyntax.Node
	walkPlain(e, func(n hclsyntax.Expression) { got = append(got, n) })
	_ = hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		want = append(want, n)
		return nil
	})
	if len(got) != len(want) {
		t.Errorf("%s: walkPlain visits %d nodes, VisitAll %d", e.Range(), len(got), len(want))
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: node %d: walkPlain visits %T, VisitAll %T", e.Range(), i, got[i], want[i])
		}
	}
}
