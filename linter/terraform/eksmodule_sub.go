package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// The node group submodules of terraform-aws-modules/eks
// (//modules/eks-managed-node-group, //modules/self-managed-node-group),
// called on their own: their inputs are those of one entry of the root
// module's eks_managed_node_groups / self_managed_node_groups map, with the
// same defaults, so they are read the same way.

// eksSubmodule returns the submodule of terraform-aws-modules/eks that src
// names ("eks-managed-node-group", "self-managed-node-group", "aws-auth",
// …), or "" when src is not one.
func eksSubmodule(src string) string {
	i := strings.Index(src, "//modules/")
	if i < 0 {
		return ""
	}
	root, rest := src[:i], src[i+len("//modules/"):]
	query := ""
	if q := strings.IndexByte(rest, '?'); q >= 0 {
		rest, query = rest[:q], rest[q:]
	}
	if !isEKSModule(root + query) {
		return ""
	}
	return strings.TrimSuffix(rest, "/")
}

// submoduleKinds maps the node group submodules to the kind of node group
// map entry they read like.
var submoduleKinds = map[string]string{
	"eks-managed-node-group":  "eks_managed",
	"self-managed-node-group": "self_managed",
}

// eksSubmoduleCall adapts a call of a submodule from its inputs. It runs
// after every other call of the module is read, so that cluster_name =
// module.eks.cluster_name finds the cluster of the call named eks.
func (m *module) eksSubmoduleCall(b *hcl.Block, attrs hcl.Attributes, src, sub string, out *Loaded) {
	if sub == "aws-auth" {
		m.eksAuthSubmodule(b, attrs, src, out) // eksmodule_awsauth.go
		return
	}
	kind, ok := submoduleKinds[sub]
	if !ok {
		out.Problems = append(out.Problems, source.Notef(rangeOf(b.DefRange),
			"module %q is terraform-aws-modules/eks's %s submodule, which ekslint does not read yet", b.Labels[0], sub))
		return
	}
	name := b.Labels[0]
	in, note := m.eksInputsOf(b, attrs, src)
	ng := &model.NodeGroup{Object: model.Object{Kind: "module", Address: "module." + name, Range: in.header, Format: model.Module, Note: note}}
	// A call with count or for_each is read once, as a representative.
	m.within(instance{scope: callScope(attrs)}, func() {
		if a, ok := attrs["cluster_name"]; ok {
			ng.Cluster = m.eksCallCluster(a.Expr)
		}
		// get reads an input, or a setting inside an object input, located
		// where it is written.
		var get groupGetter = func(path ...string) (cty.Value, source.Range, bool) {
			a, ok := attrs[path[0]]
			if !ok {
				return cty.NilVal, in.header, false
			}
			v, ok := lookup(m.eval(a.Expr), path[1:]...)
			if !ok {
				return cty.NilVal, in.header, false
			}
			r := rangeOf(a.Range)
			if e := itemExpr(a.Expr, path[1:]...); len(path) > 1 && e != nil {
				r = rangeOf(e.Range())
			}
			return v, r, true
		}
		in.fillGroup(ng, kind, in.header, get)
	})
	out.Model.NodeGroups = append(out.Model.NodeGroups, ng)
}

// eksCallCluster returns the cluster of the terraform-aws-modules/eks call
// an expression refers to (module.eks.cluster_name), or nil.
func (m *module) eksCallCluster(expr hcl.Expression) *model.Cluster {
	for _, tr := range expr.Variables() {
		if tr.RootName() != "module" || len(tr) < 2 {
			continue
		}
		if attr, ok := tr[1].(hcl.TraverseAttr); ok {
			if c, ok := m.eksCalls[attr.Name]; ok {
				return c
			}
		}
	}
	return nil
}
