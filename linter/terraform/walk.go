package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A walk of the plain expressions: literals, scope traversals, tuples,
// objects, templates and function calls, the kinds nearly every attribute
// is made of. Every evaluation walks its expression twice (context asks for
// its variables, prepare visits it), and hcl's walks allocate closures and
// diagnostics at every node; this one does not. It visits the same nodes in
// the same order (a node, then its children as its walkChildNodes gives
// them), and none of these kinds opens a child scope (only for expressions
// do), so the variables of a plain expression are its scope traversals in
// walk order, as hclsyntax.Variables gives them. Any other kind anywhere in
// an expression makes it not plain: the callers then ask hcl.
// TestPlainWalk compares both on the fixtures' expressions.

// plainChildren calls fn with each child of e in walk order and reports
// whether e is of a plain kind.
func plainChildren(e hclsyntax.Expression, fn func(hclsyntax.Expression)) bool {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr:
	case *hclsyntax.TemplateWrapExpr:
		fn(e.Wrapped)
	case *hclsyntax.TupleConsExpr:
		for _, c := range e.Exprs {
			fn(c)
		}
	case *hclsyntax.TemplateExpr:
		for _, c := range e.Parts {
			fn(c)
		}
	case *hclsyntax.FunctionCallExpr:
		for _, c := range e.Args {
			fn(c)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			fn(item.KeyExpr)
			fn(item.ValueExpr)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		// As its walkChildNodes: a key read as a literal name has no child.
		if hcl.ExprAsKeyword(e.Wrapped) == "" {
			fn(e.Wrapped)
		}
	default:
		return false
	}
	return true
}

// isPlain reports whether e and everything in it are of plain kinds.
func isPlain(e hclsyntax.Expression) bool {
	plain := true
	ok := plainChildren(e, func(c hclsyntax.Expression) {
		plain = plain && isPlain(c)
	})
	return ok && plain
}

// walkPlain calls visit with e and then, recursively, its children, as
// hclsyntax.VisitAll does. e must be plain (see isPlain); visit may replace
// a node's children with plain ones, which are then walked.
func walkPlain(e hclsyntax.Expression, visit func(hclsyntax.Expression)) {
	visit(e)
	plainChildren(e, func(c hclsyntax.Expression) { walkPlain(c, visit) })
}

// variables is expr.Variables(), without hcl's walk for plain expressions.
func variables(expr hcl.Expression) []hcl.Traversal {
	e, ok := expr.(hclsyntax.Expression)
	if !ok || !isPlain(e) {
		return expr.Variables()
	}
	var vars []hcl.Traversal
	walkPlain(e, func(n hclsyntax.Expression) {
		if tr, ok := n.(*hclsyntax.ScopeTraversalExpr); ok {
			vars = append(vars, tr.Traversal)
		}
	})
	return vars
}
