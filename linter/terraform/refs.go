package terraform

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// ref is an expression that is exactly a reference to one attribute of a
// resource of this module: aws_subnet.a.id, aws_eks_cluster.c[0].name,
// aws_eks_cluster.c[each.key].name. Its value is unknown offline, but it
// links two objects of the model.
type ref struct {
	res  *resource
	key  cty.Value // the instance key; cty.NilVal when there is none
	attr string
}

// refOf reads expr as a ref, if it is one.
func (m *module) refOf(expr hcl.Expression) (ref, bool) {
	if w, ok := expr.(*hclsyntax.TemplateWrapExpr); ok {
		expr = w.Wrapped // "${aws_subnet.a.id}"
	}
	if e, ok := expr.(*hclsyntax.RelativeTraversalExpr); ok {
		// A computed key: aws_eks_cluster.c[count.index].name.
		idx, ok := e.Source.(*hclsyntax.IndexExpr)
		if !ok {
			return ref{}, false
		}
		base, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr)
		if !ok || len(base.Traversal) != 2 {
			return ref{}, false
		}
		tr := append(append(hcl.Traversal{}, base.Traversal...), e.Traversal...)
		return m.refOfTraversal(tr, idx.Key)
	}
	if tr, ok := traversalOf(expr); ok {
		return m.refOfTraversal(tr, nil)
	}
	return ref{}, false
}

// traversalOf returns the traversal expr is made of, if it is nothing
// else: var.x, "${var.x}", aws_subnet.a.id. In JSON syntax, whose strings
// are templates whose shape cannot be seen, a string holding a single
// reference is taken as that reference.
func traversalOf(expr hcl.Expression) (hcl.Traversal, bool) {
	if w, ok := expr.(*hclsyntax.TemplateWrapExpr); ok {
		expr = w.Wrapped
	}
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case hclsyntax.Expression:
		return nil, false
	}
	if vars := expr.Variables(); len(vars) == 1 {
		return vars[0], true
	}
	return nil, false
}

// refOfTraversal reads TYPE.NAME[KEY].ATTR; key, when given, is the
// expression of a computed KEY and tr has no index step.
func (m *module) refOfTraversal(tr hcl.Traversal, key hcl.Expression) (ref, bool) {
	if len(tr) < 3 {
		return ref{}, false
	}
	root, ok1 := tr[0].(hcl.TraverseRoot)
	name, ok2 := tr[1].(hcl.TraverseAttr)
	if !ok1 || !ok2 {
		return ref{}, false
	}
	res := m.byAddress[root.Name+"."+name.Name]
	if res == nil {
		return ref{}, false
	}
	out := ref{res: res}
	rest := tr[2:]
	if idx, ok := rest[0].(hcl.TraverseIndex); ok && key == nil {
		out.key, rest = idx.Key, rest[1:]
	} else if key != nil {
		out.key = m.eval(key)
	}
	if len(rest) != 1 {
		return ref{}, false
	}
	attr, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		return ref{}, false
	}
	out.attr = attr.Name
	return out, true
}

// instance returns the instance of the resource the ref names. A resource
// read as a single representative (no count or for_each, or an unknown
// one) stands for whichever instance is named.
func (m *module) instance(r ref) (instance, bool) {
	insts := m.instancesOf(r.res)
	if len(insts) == 1 && insts[0].address == r.res.address() {
		return insts[0], true
	}
	if r.key == cty.NilVal {
		return instance{}, false
	}
	suffix, ok := instanceKey(r.key)
	if !ok {
		return instance{}, false
	}
	// An index, not a scan: references to the instances of a resource
	// with thousands of them come from thousands of instances.
	if r.res.byAddress == nil {
		r.res.byAddress = make(map[string]int, len(insts))
		for i, in := range insts {
			if _, dup := r.res.byAddress[in.address]; !dup {
				r.res.byAddress[in.address] = i
			}
		}
	}
	if i, ok := r.res.byAddress[r.res.address()+suffix]; ok {
		return insts[i], true
	}
	return instance{}, false
}

// instanceKey is the address suffix of an instance key, as Terraform
// writes it: [0] for count, ["name"] for for_each.
func instanceKey(k cty.Value) (string, bool) {
	k, _ = k.Unmark()
	if !k.IsKnown() || k.IsNull() {
		return "", false
	}
	switch k.Type() {
	case cty.String:
		return "[" + strconv.Quote(k.AsString()) + "]", true
	case cty.Number:
		if i, acc := k.AsBigFloat().Int64(); acc == 0 {
			return fmt.Sprintf("[%d]", i), true
		}
	}
	return "", false
}
